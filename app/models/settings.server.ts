import { eq } from "drizzle-orm";
import { settings } from "../../db/schema";
import { db, type Tx } from "~/utils/db.server";

export function getSetting(key: string): string | undefined {
  return db().select().from(settings).where(eq(settings.key, key)).get()?.value;
}

/** Inside `tx` when the setting belongs to a change made there (it is then kept or dropped with it). */
export function setSetting(key: string, value: string, tx: Tx | ReturnType<typeof db> = db()): void {
  tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
