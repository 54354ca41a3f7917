import { sql } from "drizzle-orm";
import { db } from "~/utils/db.server";

export function loader() {
  try {
    db().get(sql`select 1`);
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
