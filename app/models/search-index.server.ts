import { asc, eq, gt, inArray, sql } from "drizzle-orm";
import { signals, signalTextChanges, signalTriggers } from "../../db/schema";
import type { InboxFilters } from "~/domain/inbox-filters";
import { normaliseSearchText } from "~/domain/search-text";
import { db, preparedOnce } from "~/utils/db.server";
import { unseal } from "./sealed.server";
import { SearchStore, type SearchResult } from "./search-store.server";

/**
 * Summaries are encrypted at rest, so search compares in memory. Opening 100,000 summaries takes over a second, so
 * opened summaries are kept in this process (which holds the key anyway), with what the inbox filters by: every
 * signal up to `coveredUpTo` is in the store. Ids only grow (AUTOINCREMENT), so new signals are found by id.
 * Whatever changes or removes a summary or one of those columns afterwards — in this process or in another one on the
 * same file — leaves its id in `signal_text_changes` (SQLite triggers, in the same transaction); before every search
 * the index re-reads those ids. The store keeps the signals in the inbox's order in flat columns (search-store.server.ts),
 * so a search filters, counts per status and takes its page in one scan, with no sort and no list of ids through SQL.
 */
const store = new SearchStore();
let coveredUpTo = 0;
/** The last change applied; undefined until the index holds anything, so a command-line process never reads the log. */
let changesSeen: number | undefined;

const columns = {
  id: signals.id,
  summarySealed: signals.summarySealed,
  receivedOn: signals.receivedOn,
  status: signals.status,
  topic: signals.topic,
  phase: signals.procurementPhase,
  requester: signals.requesterType,
  region: signals.regionCode,
  channel: signals.channel,
  referrer: signals.referredBy,
  assignedTo: signals.assignedTo,
};
type Row = { [K in keyof typeof columns]: (typeof columns)[K]["_"]["data"] | (K extends "summarySealed" | "assignedTo" ? null : never) };

const statements = preparedOnce((database) => ({
  after: database.select(columns).from(signals).where(gt(signals.id, sql.placeholder("after"))).orderBy(asc(signals.id)).limit(sql.placeholder("limit")).prepare(),
  lastChange: database.select({ seq: sql<number>`coalesce(max(${signalTextChanges.seq}), 0)` }).from(signalTextChanges).prepare(),
  changesAfter: database.select().from(signalTextChanges).where(gt(signalTextChanges.seq, sql.placeholder("seq"))).orderBy(asc(signalTextChanges.seq)).prepare(),
  unclassified: database.select({ id: signals.id }).from(signals).where(eq(signals.awaitingClassification, true)).prepare(),
  withTrigger: database.select({ id: signalTriggers.signalId }).from(signalTriggers).where(eq(signalTriggers.trigger, sql.placeholder("trigger"))).prepare(),
}));

/** Puts a signal's current row into the store, or takes it out (no row: deleted). */
function indexRow(id: number, row: Row | undefined): void {
  if (!row) return store.remove(id);
  const { summarySealed, ...facts } = row;
  store.put({ ...facts, text: summarySealed ? normaliseSearchText(unseal(summarySealed, "summary") ?? "") : "" });
}

function openSummariesAfter(afterId: number, limit: number): number {
  const { after, lastChange } = statements();
  // Read before the rows: a change committed after this point is applied by the next sync, one before it is in the rows.
  changesSeen ??= lastChange.get()?.seq ?? 0;
  const rows = after.all({ after: afterId, limit });
  for (const row of rows) indexRow(row.id, row);
  coveredUpTo = Math.max(coveredUpTo, rows.at(-1)?.id ?? afterId);
  return rows.length;
}

/**
 * Applies every change and deletion committed since the last call, by any process: the rows are read again, so an
 * erased or deleted signal leaves memory and search. Cheap when nothing changed (one indexed read).
 */
function applyChanges(): void {
  if (changesSeen === undefined) return;
  const changes = statements().changesAfter.all({ seq: changesSeen });
  if (changes.length === 0) return;
  const ids = [...new Set(changes.map((c) => c.signalId))].filter((id) => id <= coveredUpTo);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db().select(columns).from(signals).where(inArray(signals.id, chunk)).all();
    const current = new Map(rows.map((r) => [r.id, r]));
    for (const id of chunk) indexRow(id, current.get(id));
  }
  changesSeen = changes.at(-1)?.seq ?? changesSeen;
}

/** While opening many summaries, the objects waiting for the columns are merged into them every so many. */
const BULK_REBUILD = 100_000;

/**
 * Brings the index up to date with the database: changed or removed signals, then new ones; the columns are rebuilt
 * when many changes wait (a few thousand objects are searched as they are).
 */
export function syncSearchIndex(): void {
  applyChanges();
  while (openSummariesAfter(coveredUpTo, 5000) === 5000) if (store.pending >= BULK_REBUILD) store.rebuild({ words: false });
  if (!store.needsRebuild()) return;
  store.rebuild({ words: false });
  void indexWordsInBackground();
}

/** Slots per slice of the word index build: ~20–30 ms each at 1,000,000 on this machine. */
const WORD_SLICE = 20_000;
let indexing: Promise<void> | undefined;

/**
 * Builds the word index of the current columns in slices between requests, so neither a start nor a rebuild holds the
 * server up for a whole build (1.5 s at a million); until it is ready a search scans, as before the index.
 */
function indexWordsInBackground(): Promise<void> {
  indexing ??= new Promise<void>((resolve) => {
    const step = () => {
      if (!store.indexWords(WORD_SLICE)) return void setImmediate(step);
      indexing = undefined;
      resolve();
    };
    setImmediate(step);
  });
  return indexing;
}

/**
 * Called by whatever erases or deletes signals in this process, after its transaction: the text leaves memory now,
 * not at the next search. Does nothing in a process that never searched.
 */
export function forgetErasedText(): void {
  applyChanges();
}

/**
 * Opens every summary in slices between requests after a start, so the first search is fast too, then builds the word
 * index in slices too (the start log gives the times and the index's size).
 */
export function warmSearchIndex(sliceSize = 2000): Promise<{ signals: number; seconds: number; wordIndexSeconds: number; wordIndexMB: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const step = async () => {
      const opened = openSummariesAfter(coveredUpTo, sliceSize);
      if (store.pending >= BULK_REBUILD) store.rebuild({ words: false });
      if (opened === sliceSize) return setImmediate(step);
      syncSearchIndex();
      if (store.pending > 0) store.rebuild({ words: false });
      const indexingFrom = performance.now();
      await indexWordsInBackground();
      const done = performance.now();
      resolve({
        signals: store.textCount(),
        seconds: Math.round((done - started) / 100) / 10,
        wordIndexSeconds: Math.round((done - indexingFrom) / 100) / 10,
        wordIndexMB: Math.round(store.wordIndexBytes / 2 ** 20),
      });
    };
    setImmediate(step);
  });
}

/** The ids of the signals whose summary contains the query (case and accents ignored), from an up-to-date index. */
export function idsMatching(query: string): number[] {
  syncSearchIndex();
  return store.idsMatching(normaliseSearchText(query));
}

/**
 * An inbox view with a search (`filters.q`): the count per status of the signals that match (the other filters
 * applied), how many the view's status has, and the ids of its page, in the view's order.
 */
export function searchInbox(filters: InboxFilters & { q: string }, pageSize: number): SearchResult {
  syncSearchIndex();
  const withTrigger = filters.trigger ? new Set(statements().withTrigger.all({ trigger: filters.trigger }).map((row) => row.id)) : undefined;
  // Like the trigger filter, read from SQL (a partial index holds the few that wait) rather than kept per entry.
  const unclassified = filters.unclassified ? new Set(statements().unclassified.all().map((row) => row.id)) : undefined;
  const allowed = withTrigger && unclassified ? new Set([...withTrigger].filter((id) => unclassified.has(id))) : (withTrigger ?? unclassified);
  return store.search(filters, normaliseSearchText(filters.q), allowed, pageSize);
}

/** How many summaries the index holds in memory (the start log reports it). */
export function searchIndexSize(): number {
  return store.textCount();
}

/**
 * The change log only has to reach back to what this server has applied: older entries go (at the start and daily).
 * Only the server calls this; it is the one process that keeps an index (the instance lock sees to that).
 */
export function pruneSearchChanges(): void {
  if (changesSeen === undefined) return;
  db().delete(signalTextChanges).where(sql`${signalTextChanges.seq} <= ${changesSeen}`).run();
}
