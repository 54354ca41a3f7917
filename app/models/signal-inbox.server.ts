import { and, asc, desc, eq, gte, inArray, isNull, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { regions, signals, signalTriggers, users } from "../../db/schema";
import { PAGE_SIZE, type InboxFilters } from "~/domain/inbox-filters";
import { STATUSES, TENDER_PHASES, type SignalStatus } from "~/domain/signal-codes";
import { normaliseSearchText } from "~/domain/search-text";
import { db } from "~/utils/db.server";
import { unseal } from "./signal.server";

/** Conditions of a view; the status is left out when counting per status, so every tab shows its own count. */
export function inboxConditions(filters: InboxFilters, options: { withStatus: boolean } = { withStatus: true }): SQL[] {
  const conditions: SQL[] = [];
  if (options.withStatus && filters.status) conditions.push(eq(signals.status, filters.status));
  if (filters.topic) conditions.push(eq(signals.topic, filters.topic));
  if (filters.phase) conditions.push(eq(signals.procurementPhase, filters.phase));
  if (filters.requester) conditions.push(eq(signals.requesterType, filters.requester));
  if (filters.region) conditions.push(eq(signals.regionCode, filters.region));
  if (filters.year) {
    conditions.push(gte(signals.receivedOn, `${filters.year}-01-01`), lt(signals.receivedOn, `${filters.year + 1}-01-01`));
  }
  if (filters.month) conditions.push(sql`substr(${signals.receivedOn}, 1, 7) = ${filters.month}`);
  if (filters.channel) conditions.push(eq(signals.channel, filters.channel));
  if (filters.referrer) conditions.push(eq(signals.referredBy, filters.referrer));
  if (filters.trigger) {
    conditions.push(
      inArray(signals.id, db().select({ id: signalTriggers.signalId }).from(signalTriggers).where(eq(signalTriggers.trigger, filters.trigger))),
    );
  }
  if (filters.assigned === "none") conditions.push(isNull(signals.assignedTo));
  else if (filters.assigned) conditions.push(eq(signals.assignedTo, filters.assigned));
  if (filters.tender === "yes") conditions.push(inArray(signals.procurementPhase, [...TENDER_PHASES]));
  if (filters.tender === "no") conditions.push(notInArray(signals.procurementPhase, [...TENDER_PHASES]));
  return conditions;
}

function orderOf(filters: InboxFilters) {
  return filters.sort === "oldest" ? [asc(signals.receivedOn), asc(signals.id)] : [desc(signals.receivedOn), desc(signals.id)];
}

/**
 * Summaries are encrypted at rest, so search compares in memory. Opening 100,000 summaries takes over a second, so
 * opened summaries are kept in this process (which holds the key anyway), by signal id: every signal up to
 * `coveredUpTo` is in the map. Ids only grow (AUTOINCREMENT) and a summary is never edited after it is written, only
 * removed by anonymisation, which calls `forgetSearchable`.
 */
const searchable = new Map<number, string>();
let coveredUpTo = 0;

function openSummariesAfter(afterId: number, limit: number): number {
  const rows = db()
    .select({ id: signals.id, summarySealed: signals.summarySealed })
    .from(signals)
    .where(sql`${signals.id} > ${afterId}`)
    .orderBy(asc(signals.id))
    .limit(limit)
    .all();
  for (const row of rows) if (row.summarySealed) searchable.set(row.id, normaliseSearchText(unseal(row.summarySealed, "summary") ?? ""));
  coveredUpTo = Math.max(coveredUpTo, rows.at(-1)?.id ?? afterId);
  return rows.length;
}

/** Called by whatever removes summaries (anonymisation), so search no longer finds them. */
export function forgetSearchable(ids: number[]): void {
  for (const id of ids) searchable.delete(id);
}

/** Opens every summary in slices between requests after a start, so the first search is fast too. */
export function warmSearchCache(sliceSize = 2000): Promise<number> {
  return new Promise((resolve) => {
    const step = () => (openSummariesAfter(coveredUpTo, sliceSize) < sliceSize ? resolve(searchable.size) : setImmediate(step));
    setImmediate(step);
  });
}

/** Text first (in memory), then the other filters and the order in SQL over just the matching ids. */
function searchMatches(filters: InboxFilters, query: string): { id: number; status: SignalStatus }[] {
  while (openSummariesAfter(coveredUpTo, 5000) === 5000);
  const needle = normaliseSearchText(query);
  const ids: number[] = [];
  for (const [id, text] of searchable) if (text.includes(needle)) ids.push(id);
  if (ids.length === 0) return [];
  return db()
    .select({ id: signals.id, status: signals.status })
    .from(signals)
    .where(and(sql`${signals.id} in (select value from json_each(${JSON.stringify(ids)}))`, ...inboxConditions(filters, { withStatus: false })))
    .orderBy(...orderOf(filters))
    .all();
}

function emptyCounts(): Record<SignalStatus, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<SignalStatus, number>;
}

function pageRows(where: SQL | undefined, filters: InboxFilters, ids?: number[]) {
  const query = db()
    .select({
      id: signals.id,
      receivedOn: signals.receivedOn,
      status: signals.status,
      topic: signals.topic,
      procurementPhase: signals.procurementPhase,
      requesterType: signals.requesterType,
      regionCode: signals.regionCode,
      regionName: regions.name,
      assignee: users.name,
      hasNews: signals.hasNews,
      summarySealed: signals.summarySealed,
    })
    .from(signals)
    .innerJoin(regions, eq(regions.code, signals.regionCode))
    .leftJoin(users, eq(users.id, signals.assignedTo));
  const rows = ids
    ? query.where(inArray(signals.id, ids)).orderBy(...orderOf(filters)).all()
    : query
        .where(where)
        .orderBy(...orderOf(filters))
        .limit(PAGE_SIZE)
        .offset((filters.page - 1) * PAGE_SIZE)
        .all();
  return rows.map(({ summarySealed, ...row }) => {
    const summary = unseal(summarySealed, "summary") ?? "";
    return { ...row, summary: summary.length > 160 ? `${summary.slice(0, 157)}…` : summary };
  });
}

export type InboxRow = ReturnType<typeof pageRows>[number];

/** One page of the inbox, the number of matches, and the count per status tab. */
export function listInbox(filters: InboxFilters): { rows: InboxRow[]; total: number; counts: Record<SignalStatus, number> } {
  const counts = emptyCounts();
  if (filters.q) {
    const matches = searchMatches(filters, filters.q);
    for (const match of matches) counts[match.status] += 1;
    const inStatus = filters.status ? matches.filter((m) => m.status === filters.status) : matches;
    const pageIds = inStatus.slice((filters.page - 1) * PAGE_SIZE, filters.page * PAGE_SIZE).map((m) => m.id);
    return { rows: pageIds.length ? pageRows(undefined, filters, pageIds) : [], total: inStatus.length, counts };
  }
  const grouped = db()
    .select({ status: signals.status, n: sql<number>`count(*)` })
    .from(signals)
    .where(and(...inboxConditions(filters, { withStatus: false })))
    .groupBy(signals.status)
    .all();
  for (const row of grouped) counts[row.status] = row.n;
  const total = filters.status ? counts[filters.status] : grouped.reduce((sum, row) => sum + row.n, 0);
  return { rows: pageRows(and(...inboxConditions(filters)), filters), total, counts };
}

/** The ids of every signal in a view, in its order: what an export of that view contains. */
export function inboxIds(filters: InboxFilters): number[] {
  if (filters.q) {
    const matches = searchMatches(filters, filters.q);
    return (filters.status ? matches.filter((m) => m.status === filters.status) : matches).map((m) => m.id);
  }
  return db()
    .select({ id: signals.id })
    .from(signals)
    .where(and(...inboxConditions(filters)))
    .orderBy(...orderOf(filters))
    .all()
    .map((r) => r.id);
}

/** Years that have signals, newest first, plus the current year: the choices of the year filter. */
export function signalYears(): number[] {
  const rows = db()
    .select({ year: sql<string>`distinct substr(${signals.receivedOn}, 1, 4)` })
    .from(signals)
    .all();
  const years = new Set([new Date().getFullYear(), ...rows.map((r) => Number(r.year))]);
  return [...years].sort((a, b) => b - a);
}

/** The start page tile: what is new, what has waited longest, and this year's count and tender-related share. */
export function signalDashboard(today = new Date()) {
  const year = today.getFullYear();
  const yearFilter = and(gte(signals.receivedOn, `${year}-01-01`), lt(signals.receivedOn, `${year + 1}-01-01`));
  const totals = db()
    .select({
      newCount: sql<number>`coalesce(sum(${signals.status} = 'new'), 0)`,
    })
    .from(signals)
    .get();
  const thisYear = db()
    .select({
      count: sql<number>`count(*)`,
      tender: sql<number>`coalesce(sum(${inArray(signals.procurementPhase, [...TENDER_PHASES])}), 0)`,
    })
    .from(signals)
    .where(yearFilter)
    .get();
  const waiting = pageRows(inArray(signals.status, ["new", "in_progress"]), { sort: "oldest", page: 1 }).slice(0, 5);
  const count = thisYear?.count ?? 0;
  return {
    year,
    newCount: totals?.newCount ?? 0,
    yearCount: count,
    tenderShare: count === 0 ? 0 : Math.round(((thisYear?.tender ?? 0) * 100) / count),
    waiting,
  };
}
