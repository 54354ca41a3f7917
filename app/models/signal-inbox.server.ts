import { and, asc, desc, eq, gte, inArray, isNull, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { regions, signalCounts, signals, signalTriggers, users } from "../../db/schema";
import { monthRange, PAGE_SIZE, type InboxFilters } from "~/domain/inbox-filters";
import { STATUSES, TENDER_PHASES, type SignalStatus } from "~/domain/signal-codes";
import { db, preparedOnce } from "~/utils/db.server";
import { searchInbox } from "./search-index.server";
import { countedInYear } from "./counted-signals.server";
import { unseal } from "./sealed.server";
import { yearInTheNetherlands } from "~/domain/dates";

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
  if (filters.month) {
    const { from, to } = monthRange(filters.month);
    conditions.push(gte(signals.receivedOn, from), lt(signals.receivedOn, to));
  }
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
  if (filters.unclassified) conditions.push(eq(signals.awaitingClassification, true));
  return conditions;
}

/** The inbox's order, also an export's. */
export function orderOf(filters: InboxFilters) {
  return filters.sort === "oldest" ? [asc(signals.receivedOn), asc(signals.id)] : [desc(signals.receivedOn), desc(signals.id)];
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
      awaitingClassification: signals.awaitingClassification,
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

/** The filters `signal_counts` is kept by; a view with any other filter counts from the signals' covering indexes. */
const COUNTED_FILTERS = new Set<keyof InboxFilters>(["topic", "phase", "requester", "channel", "year", "tender", "status", "sort", "page"]);

/**
 * The count per status tab of a view from `signal_counts` (a few thousand rows, kept by triggers), or undefined when
 * the view filters on something that table does not hold.
 */
function countedPerStatus(filters: InboxFilters): { status: SignalStatus; n: number }[] | undefined {
  const set = (Object.keys(filters) as (keyof InboxFilters)[]).filter((key) => filters[key] !== undefined);
  if (set.some((key) => !COUNTED_FILTERS.has(key))) return undefined;
  const statement = countStatement(filters);
  return statement.all({ topic: filters.topic, phase: filters.phase, requester: filters.requester, channel: filters.channel, year: String(filters.year) });
}

/** The count per status of one combination of filters, prepared once per combination and connection (a few dozen). */
const countStatements = preparedOnce(() => new Map<string, ReturnType<typeof prepareCount>>());

function countStatement(filters: InboxFilters) {
  const key = [filters.topic, filters.phase, filters.requester, filters.channel, filters.year].map((value) => (value === undefined ? 0 : 1)).join("") + (filters.tender ?? "");
  const statements = countStatements();
  let statement = statements.get(key);
  if (!statement) statements.set(key, (statement = prepareCount(filters)));
  return statement;
}

function prepareCount(filters: InboxFilters) {
  const conditions: SQL[] = [];
  if (filters.topic) conditions.push(eq(signalCounts.topic, sql.placeholder("topic")));
  if (filters.phase) conditions.push(eq(signalCounts.procurementPhase, sql.placeholder("phase")));
  if (filters.requester) conditions.push(eq(signalCounts.requesterType, sql.placeholder("requester")));
  if (filters.channel) conditions.push(eq(signalCounts.channel, sql.placeholder("channel")));
  if (filters.year) conditions.push(eq(signalCounts.year, sql.placeholder("year")));
  if (filters.tender === "yes") conditions.push(inArray(signalCounts.procurementPhase, [...TENDER_PHASES]));
  if (filters.tender === "no") conditions.push(notInArray(signalCounts.procurementPhase, [...TENDER_PHASES]));
  return db()
    .select({ status: signalCounts.status, n: sql<number>`sum(${signalCounts.n})` })
    .from(signalCounts)
    .where(and(...conditions))
    .groupBy(signalCounts.status)
    .prepare();
}

/** One page of the inbox, the number of matches, and the count per status tab. */
export function listInbox(filters: InboxFilters): { rows: InboxRow[]; total: number; counts: Record<SignalStatus, number> } {
  if (filters.q) {
    // Filtered, counted and paged in memory (search-index.server.ts); only the page's rows come from SQL.
    const { counts, total, pageIds } = searchInbox({ ...filters, q: filters.q }, PAGE_SIZE);
    return { rows: pageIds.length ? pageRows(undefined, filters, pageIds) : [], total, counts };
  }
  const counts = emptyCounts();
  const grouped =
    countedPerStatus(filters) ??
    db()
      .select({ status: signals.status, n: sql<number>`count(*)` })
      .from(signals)
      .where(and(...inboxConditions(filters, { withStatus: false })))
      .groupBy(signals.status)
      .all();
  for (const row of grouped) counts[row.status] = row.n;
  const total = filters.status ? counts[filters.status] : grouped.reduce((sum, row) => sum + row.n, 0);
  return { rows: pageRows(and(...inboxConditions(filters)), filters), total, counts };
}

/**
 * Years that have signals, newest first, plus the current year: the choices of the year filter. One index seek per
 * year (the first signal from 1 January on), not a scan of every signal's date.
 */
export function signalYears(): number[] {
  const years = new Set([yearInTheNetherlands()]);
  for (let from = ""; ; ) {
    const first = yearStatement().get({ from });
    if (!first) break;
    years.add(Number(first.year));
    from = `${Number(first.year) + 1}-01-01`;
  }
  return [...years].sort((a, b) => b - a);
}

const yearStatement = preparedOnce((database) =>
  database
    .select({ year: sql<string>`substr(${signals.receivedOn}, 1, 4)` })
    .from(signals)
    .where(gte(signals.receivedOn, sql.placeholder("from")))
    .orderBy(asc(signals.receivedOn))
    .limit(1)
    .prepare(),
);

/**
 * The start page tile: what is new, what the reporter wrote since it was last opened, what has waited longest, and
 * this year's count and tender-related share.
 */
export function signalDashboard(now = new Date()) {
  const year = yearInTheNetherlands(now);
  const totals = db()
    .select({
      all: sql<number>`count(*)`,
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
    .where(countedInYear(year))
    .get();
  const waiting = pageRows(inArray(signals.status, ["new", "in_progress"]), { sort: "oldest", page: 1 }).slice(0, 5);
  // pageRows pages by PAGE_SIZE; the start page shows the first ten that have news.
  const withNews = pageRows(eq(signals.hasNews, true), { sort: "newest", page: 1 }).slice(0, 10);
  const count = thisYear?.count ?? 0;
  return {
    year,
    total: totals?.all ?? 0,
    withNews,
    newCount: totals?.newCount ?? 0,
    yearCount: count,
    tenderShare: count === 0 ? 0 : Math.round(((thisYear?.tender ?? 0) * 100) / count),
    waiting,
  };
}
