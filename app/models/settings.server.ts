import { eq } from "drizzle-orm";
import { settings } from "../../db/schema";
import { db } from "~/utils/db.server";

export function getSetting(key: string): string | undefined {
  return db().select().from(settings).where(eq(settings.key, key)).get()?.value;
}

export function setSetting(key: string, value: string): void {
  db().insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
