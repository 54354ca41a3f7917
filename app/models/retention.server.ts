import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { signals } from "../../db/schema";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { audit, type Actor } from "./audit.server";
import { anonymiseSignals } from "./signal-erasure.server";

/** When a signal was closed: its last change to "afgerond", or its last update for imported closed signals. */
const closedAt = sql<string>`coalesce((select max(e.at) from signal_events e where e.signal_id = ${signals.id} and e.kind = 'status' and json_extract(e.detail, '$.to') = 'closed'), ${signals.updatedAt})`;

function cutoff(now: Date): string {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - env().RETENTION_MONTHS);
  return date.toISOString();
}

/** Closed signals whose retention period has passed and that still hold personal data or free text. */
export function dueForAnonymisation(now = new Date()): { id: number; receivedOn: string; closedAt: string }[] {
  return db()
    .select({ id: signals.id, receivedOn: signals.receivedOn, closedAt })
    .from(signals)
    .where(and(eq(signals.status, "closed"), isNull(signals.anonymisedAt), lte(closedAt, cutoff(now))))
    .orderBy(signals.id)
    .all();
}

/** AVG retention: anonymises every closed signal past its period, in one transaction. */
export function anonymiseDue(actor: Actor, now = new Date()): number {
  const ids = dueForAnonymisation(now).map((s) => s.id);
  if (ids.length === 0) return 0;
  anonymiseSignals(ids, now.toISOString(), (tx) =>
    audit(actor, "retention.anonymised", null, { count: ids.length, months: env().RETENTION_MONTHS }, tx),
  );
  return ids.length;
}
