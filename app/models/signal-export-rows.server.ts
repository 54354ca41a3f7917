import Database from "better-sqlite3";
import { and, sql, type SQL } from "drizzle-orm";
import { signals } from "../../db/schema";
import { BUSY_TIMEOUT_MS } from "../../db/client";
import { env } from "~/utils/env.server";
import { countInTurns } from "~/utils/export-stream.server";
import type { InboxFilters } from "~/domain/inbox-filters";
import { CLASSIFICATION_FIELDS, classificationOf } from "~/domain/signal-classification";
import type { Trigger } from "~/domain/signal-codes";
import type { ExportedSignal } from "~/domain/signal-sheet";
import { db } from "~/utils/db.server";
import { counted } from "./counted-signals.server";
import { idsMatching } from "./search-index.server";
import { inboxConditions, orderOf } from "./signal-inbox.server";
import { unseal } from "./sealed.server";

/**
 * The signals of an inbox view as records, one at a time from a cursor, for an export that streams. The cursor runs
 * on a connection of its own, read-only and inside one read transaction: the app's connection stays free for every
 * other request while the export is sent (better-sqlite3 refuses other statements on a connection whose cursor is
 * open), and the count in the audit entry and the rows sent come from the same snapshot, whatever is written meanwhile.
 * `close()` must be called (the streaming writer does, also when the client goes away). The count is taken in turns
 * of the event loop (countInTurns), so opening a million-row export holds no other request either.
 */
export type ExportRows = { count: number; rows: Iterable<ExportedSignal>; close: () => void };

/** The classification, then the triggers and the summary; raw rows come back in this order (toRecord). */
const EXPORTED_COLUMNS = (includeSummary: boolean) => ({
  id: signals.id,
  ...Object.fromEntries(CLASSIFICATION_FIELDS.map((field) => [field, signals[field]])),
  triggers: sql<string | null>`(select group_concat("trigger") from signal_triggers t where t.signal_id = ${signals.id})`,
  summarySealed: includeSummary ? signals.summarySealed : sql<null>`null`,
});

export async function exportRows(filters: InboxFilters, includeSummary: boolean): Promise<ExportRows> {
  // A signal waiting for classification has placeholder codes: exported, it would read as classified, in a
  // spreadsheet and in a file imported again. The one rule of which signals count decides (counted-signals.server.ts).
  const conditions: SQL[] = [...inboxConditions(filters), counted];
  // Free text is matched in memory (search-index.server.ts); the other filters and the order stay in SQL.
  if (filters.q) conditions.push(sql`${signals.id} in (select value from json_each(${JSON.stringify(idsMatching(filters.q))}))`);
  const where = and(...conditions);
  const query = db()
    .select(EXPORTED_COLUMNS(includeSummary))
    .from(signals)
    .where(where)
    .orderBy(...orderOf(filters))
    .toSQL();
  const counting = db().select({ one: sql<number>`1` }).from(signals).where(where).toSQL();

  const connection = new Database(env().DATABASE_PATH, { readonly: true, fileMustExist: true });
  let cursor: IterableIterator<unknown[]> | undefined;
  // A connection refuses to close while its cursor is open; the cursor may never have been read (a client that went
  // away before the first byte).
  const close = () => {
    cursor?.return?.();
    if (connection.open) connection.close();
  };
  try {
    connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    connection.exec("begin");
    const count = await countInTurns(connection.prepare(counting.sql).pluck().iterate(...counting.params));
    cursor = connection.prepare(query.sql).raw().iterate(...query.params) as IterableIterator<unknown[]>;
    const opened = cursor;
    function* rows(): Generator<ExportedSignal> {
      try {
        for (const row of opened) yield toRecord(row);
      } finally {
        close();
      }
    }
    return { count, rows: rows(), close };
  } catch (error) {
    close();
    throw error;
  }
}

/** A raw row in the order of EXPORTED_COLUMNS. */
function toRecord(row: unknown[]): ExportedSignal {
  const triggers = row[CLASSIFICATION_FIELDS.length + 1] as string | null;
  const summarySealed = row[CLASSIFICATION_FIELDS.length + 2] as string | null;
  const record = classificationOf(row, triggers ? (triggers.split(",") as Trigger[]) : [], 1) as ExportedSignal;
  record.id = row[0] as number;
  record.summary = summarySealed === null ? null : unseal(summarySealed, "summary");
  return record;
}
