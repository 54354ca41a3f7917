import { asc, gt, inArray, sql } from "drizzle-orm";
import { signals, signalTextChanges } from "../../db/schema";
import { normaliseSearchText } from "~/domain/search-text";
import { db } from "~/utils/db.server";
import { unseal } from "./sealed.server";

/**
 * Summaries are encrypted at rest, so search compares in memory. Opening 100,000 summaries takes over a second, so
 * opened summaries are kept in this process (which holds the key anyway), by signal id: every signal up to
 * `coveredUpTo` is in the map. Ids only grow (AUTOINCREMENT), so new signals are found by id. Whatever changes or
 * removes a summary afterwards — in this process or in another one on the same file — leaves its id in
 * `signal_text_changes` (SQLite triggers, in the same transaction); before every search the index re-reads those ids.
 */
const searchable = new Map<number, string>();
let coveredUpTo = 0;
/** The last change applied; undefined until the index holds anything, so a command-line process never reads the log. */
let changesSeen: number | undefined;

function indexRow(id: number, summarySealed: string | null): void {
  if (summarySealed) searchable.set(id, normaliseSearchText(unseal(summarySealed, "summary") ?? ""));
  else searchable.delete(id);
}

function openSummariesAfter(afterId: number, limit: number): number {
  // Read before the rows: a change committed after this point is applied by the next sync, one before it is in the rows.
  changesSeen ??= db().select({ seq: sql<number>`coalesce(max(${signalTextChanges.seq}), 0)` }).from(signalTextChanges).get()?.seq ?? 0;
  const rows = db()
    .select({ id: signals.id, summarySealed: signals.summarySealed })
    .from(signals)
    .where(gt(signals.id, afterId))
    .orderBy(asc(signals.id))
    .limit(limit)
    .all();
  for (const row of rows) indexRow(row.id, row.summarySealed);
  coveredUpTo = Math.max(coveredUpTo, rows.at(-1)?.id ?? afterId);
  return rows.length;
}

/**
 * Applies every summary change and deletion committed since the last call, by any process: the ids are read again,
 * so an erased or deleted signal leaves memory and search. Cheap when nothing changed (one indexed read).
 */
function applyChanges(): void {
  if (changesSeen === undefined) return;
  const changes = db().select().from(signalTextChanges).where(gt(signalTextChanges.seq, changesSeen)).orderBy(asc(signalTextChanges.seq)).all();
  if (changes.length === 0) return;
  const ids = [...new Set(changes.map((c) => c.signalId))].filter((id) => id <= coveredUpTo);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db().select({ id: signals.id, summarySealed: signals.summarySealed }).from(signals).where(inArray(signals.id, chunk)).all();
    const current = new Map(rows.map((r) => [r.id, r.summarySealed]));
    for (const id of chunk) indexRow(id, current.get(id) ?? null);
  }
  changesSeen = changes.at(-1)?.seq ?? changesSeen;
}

/** Brings the index up to date with the database: changed or removed summaries, then new signals. */
export function syncSearchIndex(): void {
  applyChanges();
  while (openSummariesAfter(coveredUpTo, 5000) === 5000);
}

/**
 * Called by whatever erases or deletes signals in this process, after its transaction: the text leaves memory now,
 * not at the next search. Does nothing in a process that never searched.
 */
export function forgetErasedText(): void {
  applyChanges();
}

/** Opens every summary in slices between requests after a start, so the first search is fast too. */
export function warmSearchIndex(sliceSize = 2000): Promise<number> {
  return new Promise((resolve) => {
    const step = () => (openSummariesAfter(coveredUpTo, sliceSize) < sliceSize ? resolve(searchable.size) : setImmediate(step));
    setImmediate(step);
  });
}

/** The ids of the signals whose summary contains the query (case and accents ignored), from an up-to-date index. */
export function idsMatching(query: string): number[] {
  syncSearchIndex();
  const needle = normaliseSearchText(query);
  const ids: number[] = [];
  for (const [id, text] of searchable) if (text.includes(needle)) ids.push(id);
  return ids;
}

/** How many summaries the index holds in memory (the start log reports it). */
export function searchIndexSize(): number {
  return searchable.size;
}

/**
 * The change log only has to reach back to what this server has applied: older entries go (at the start and daily).
 * Only the server calls this; it is the one process that keeps an index (the instance lock sees to that).
 */
export function pruneSearchChanges(): void {
  if (changesSeen === undefined) return;
  db().delete(signalTextChanges).where(sql`${signalTextChanges.seq} <= ${changesSeen}`).run();
}
