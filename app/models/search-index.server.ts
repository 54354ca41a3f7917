import { asc, eq, gt, inArray, sql } from "drizzle-orm";
import { signals, signalTextChanges, signalTriggers } from "../../db/schema";
import { factsMatcher, type InboxFilters, type SignalFacts } from "~/domain/inbox-filters";
import { normaliseSearchText } from "~/domain/search-text";
import { STATUSES, type SignalStatus } from "~/domain/signal-codes";
import { db, preparedOnce } from "~/utils/db.server";
import { unseal } from "./sealed.server";

/**
 * Summaries are encrypted at rest, so search compares in memory. Opening 100,000 summaries takes over a second, so
 * opened summaries are kept in this process (which holds the key anyway), by signal id, with what the inbox filters
 * by: every signal up to `coveredUpTo` is in the map. Ids only grow (AUTOINCREMENT), so new signals are found by id.
 * Whatever changes or removes a summary or one of those columns afterwards — in this process or in another one on the
 * same file — leaves its id in `signal_text_changes` (SQLite triggers, in the same transaction); before every search
 * the index re-reads those ids.
 *
 * The entries are also kept in the inbox's order (newest first), so a search walks them once: it filters, counts per
 * status and takes its page in that walk, with no sort and no list of ids through SQL (at a million signals a common
 * word matches some 190,000).
 */
/** `rank`: the status's place in STATUSES, so the walk counts into an array instead of by property name. */
type Entry = SignalFacts & { id: number; text: string; rank: number };

const searchable = new Map<number, Entry>();
let ordered: Entry[] = [];
/** `ordered` misses entries or holds stale ones (after a bulk load or many changes): rebuilt before the next search. */
let unordered = false;
let coveredUpTo = 0;
/** The last change applied; undefined until the index holds anything, so a command-line process never reads the log. */
let changesSeen: number | undefined;

/** Newest first: the inbox's default order (received_on desc, id desc). */
const newestFirst = (a: Entry, b: Entry) => (a.receivedOn === b.receivedOn ? b.id - a.id : a.receivedOn < b.receivedOn ? 1 : -1);

/** Where `entry` belongs in `ordered` (the first position not before it). */
function positionOf(entry: Entry): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(ordered[middle] as Entry, entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

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

/**
 * Codes and dates repeat (a few thousand distinct values in all): one string each instead of nine new strings per
 * signal from SQLite, which at a million signals the garbage collector would otherwise walk through again and again.
 */
const interned = new Map<string, string>();
function intern<T extends string>(value: T): T {
  const known = interned.get(value);
  if (known !== undefined) return known as T;
  interned.set(value, value);
  return value;
}

/** Written out, not spread from the row: one hidden class for all entries, so the walk over a million stays fast. */
function entryOf(facts: SignalFacts & { id: number }, text: string): Entry {
  return {
    id: facts.id,
    text,
    rank: STATUSES.indexOf(facts.status),
    receivedOn: intern(facts.receivedOn),
    status: intern(facts.status),
    topic: intern(facts.topic),
    phase: intern(facts.phase),
    requester: intern(facts.requester),
    region: intern(facts.region),
    channel: intern(facts.channel),
    referrer: intern(facts.referrer),
    assignedTo: facts.assignedTo,
  };
}

/**
 * The entries in the inbox's order, made anew with copies of their text: entries and text then lie in memory in
 * the order the walk reads them. Sorted in place they stay where the load (in id order) put them, and a walk in date
 * order reads all over memory: 100 ms instead of 2 at 100,000 signals on this machine.
 */
function rebuildOrder(): void {
  ordered = [...searchable.values()].sort(newestFirst).map((entry) => entryOf(entry, Buffer.from(entry.text, "utf8").toString("utf8")));
  for (const entry of ordered) searchable.set(entry.id, entry);
  unordered = false;
}

/** Puts a signal's current row into the index (or takes it out: no row). One at a time keeps `ordered` in order. */
function indexRow(id: number, row: Row | undefined, oneOfMany: boolean): void {
  const old = searchable.get(id);
  if (old && !unordered && !oneOfMany) {
    const at = positionOf(old);
    if (ordered[at] === old) ordered.splice(at, 1);
    else unordered = true;
  }
  if (!row) {
    searchable.delete(id);
    if (old && oneOfMany) unordered = true;
    return;
  }
  const entry = entryOf(row, row.summarySealed ? normaliseSearchText(unseal(row.summarySealed, "summary") ?? "") : "");
  searchable.set(id, entry);
  if (unordered || oneOfMany) unordered = true;
  else ordered.splice(positionOf(entry), 0, entry);
}

function openSummariesAfter(afterId: number, limit: number): number {
  const { after, lastChange } = statements();
  // Read before the rows: a change committed after this point is applied by the next sync, one before it is in the rows.
  changesSeen ??= lastChange.get()?.seq ?? 0;
  const rows = after.all({ after: afterId, limit });
  for (const row of rows) indexRow(row.id, row, rows.length > 100);
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
    for (const id of chunk) indexRow(id, current.get(id), ids.length > 1000);
  }
  changesSeen = changes.at(-1)?.seq ?? changesSeen;
}

/** Brings the index up to date with the database: changed or removed signals, then new ones; then its order. */
export function syncSearchIndex(): void {
  applyChanges();
  while (openSummariesAfter(coveredUpTo, 5000) === 5000);
  if (unordered) rebuildOrder();
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
    const step = () => {
      if (openSummariesAfter(coveredUpTo, sliceSize) === sliceSize) return setImmediate(step);
      syncSearchIndex();
      resolve(searchable.size);
    };
    setImmediate(step);
  });
}

const matchesText = (entry: Entry, needle: string) => entry.text !== "" && entry.text.includes(needle);

/** The ids of the signals whose summary contains the query (case and accents ignored), from an up-to-date index. */
export function idsMatching(query: string): number[] {
  syncSearchIndex();
  const needle = normaliseSearchText(query);
  const ids: number[] = [];
  for (const entry of ordered) if (matchesText(entry, needle)) ids.push(entry.id);
  return ids;
}

/**
 * An inbox view with a search (`filters.q`): the count per status of the signals that match (the other filters
 * applied), how many the view's status has, and the ids of its page, in the view's order.
 */
export function searchInbox(filters: InboxFilters & { q: string }, pageSize: number): { counts: Record<SignalStatus, number>; total: number; pageIds: number[] } {
  syncSearchIndex();
  const needle = normaliseSearchText(filters.q);
  const matches = factsMatcher(filters);
  const withTrigger = filters.trigger ? new Set(statements().withTrigger.all({ trigger: filters.trigger }).map((row) => row.id)) : undefined;
  // Like the trigger filter, read from SQL (a partial index holds the few that wait) rather than kept per entry.
  const unclassified = filters.unclassified ? new Set(statements().unclassified.all().map((row) => row.id)) : undefined;
  const perRank = STATUSES.map(() => 0);
  const rank = filters.status ? STATUSES.indexOf(filters.status) : -1;
  const from = (filters.page - 1) * pageSize;
  const pageIds: number[] = [];
  let total = 0;
  const oldest = filters.sort === "oldest";
  for (let i = oldest ? ordered.length - 1 : 0; oldest ? i >= 0 : i < ordered.length; i += oldest ? -1 : 1) {
    const entry = ordered[i] as Entry;
    if (!matchesText(entry, needle) || !matches(entry) || (withTrigger && !withTrigger.has(entry.id)) || (unclassified && !unclassified.has(entry.id))) continue;
    perRank[entry.rank] = (perRank[entry.rank] as number) + 1;
    if (rank >= 0 && entry.rank !== rank) continue;
    if (total >= from && total < from + pageSize) pageIds.push(entry.id);
    total += 1;
  }
  const counts = Object.fromEntries(STATUSES.map((status, i) => [status, perRank[i] ?? 0])) as Record<SignalStatus, number>;
  return { counts, total, pageIds };
}

/** How many summaries the index holds in memory (the start log reports it). */
export function searchIndexSize(): number {
  let size = 0;
  for (const entry of searchable.values()) if (entry.text !== "") size += 1;
  return size;
}

/**
 * The change log only has to reach back to what this server has applied: older entries go (at the start and daily).
 * Only the server calls this; it is the one process that keeps an index (the instance lock sees to that).
 */
export function pruneSearchChanges(): void {
  if (changesSeen === undefined) return;
  db().delete(signalTextChanges).where(sql`${signalTextChanges.seq} <= ${changesSeen}`).run();
}
