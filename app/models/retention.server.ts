import { sql } from "drizzle-orm";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { audit, type Actor } from "./audit.server";
import { anonymiseSignals } from "./signal-erasure.server";

function cutoff(now: Date): string {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - env().RETENTION_MONTHS);
  return date.toISOString();
}

/**
 * Closed signals whose retention period has passed and that still hold personal data or free text. When a signal was
 * closed: its last change to "afgerond", or its last update for imported closed signals. This runs before every start
 * and daily, so it reads two small partial indexes (closed signals not anonymised yet, changes to "afgerond") instead
 * of every closed signal and its history; INDEXED BY makes SQLite use them, or fail loudly should one go missing.
 */
export function dueForAnonymisation(now = new Date()): { id: number; receivedOn: string; closedAt: string }[] {
  return db().all<{ id: number; receivedOn: string; closedAt: string }>(sql`
    select id, receivedOn, closedAt from (
      select s.id as id, s.received_on as receivedOn, coalesce(
        (select max(e.at) from signal_events e indexed by signal_events_closed_idx
          where e.signal_id = s.id and e.kind = 'status' and json_extract(e.detail, '$.to') = 'closed'),
        s.updated_at) as closedAt
      from signals s indexed by signals_retention_idx
      where s.status = 'closed' and s.anonymised_at is null)
    where closedAt <= ${cutoff(now)}
    order by id`);
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
