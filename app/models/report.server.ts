import { and, asc, count, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { unionAll, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { regions, signals, signalTriggers } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import {
  buildSignalsReport,
  emptyTrajectoriesReport,
  isReportYear,
  MAX_REPORT_YEAR,
  MIN_REPORT_YEAR,
  type Counts,
  type YearReport,
} from "~/domain/report";
import { TENDER_PHASES } from "~/domain/signal-codes";
import { db } from "~/utils/db.server";

type Dimension = "total" | "requesterType" | "topic" | "phase" | "trigger" | "channel" | "region" | "month";
type CountRow = { dimension: Dimension; code: string; count: number };

/**
 * The full year report for staff: every status counts (closed signals and those taken into a trajectory were still
 * questions of that year). Nothing is suppressed here; reports for others apply the threshold on top of this.
 */
export function yearReport(year: number): YearReport {
  if (!isReportYear(year)) {
    throw new DomainError("REPORT.YEAR", `Kies een jaar tussen ${MIN_REPORT_YEAR} en ${MAX_REPORT_YEAR}.`, "year");
  }
  const rows = countSignals(year);
  const countsOf = (dimension: Dimension): Counts =>
    Object.fromEntries(rows.filter((row) => row.dimension === dimension).map((row) => [row.code, row.count]));
  const byPhase = countsOf("phase");
  // Derived from the phase counts rather than counted again, so the two can never disagree.
  const tenderRelated = TENDER_PHASES.reduce((sum, phase) => sum + (byPhase[phase] ?? 0), 0);
  const signalsReport = buildSignalsReport(
    {
      total: countsOf("total")[""] ?? 0,
      tenderRelated,
      byRequesterType: countsOf("requesterType"),
      byTopic: countsOf("topic"),
      byPhase,
      byTrigger: countsOf("trigger"),
      byChannel: countsOf("channel"),
      byRegion: countsOf("region"),
      byMonth: countsOf("month"),
    },
    activeRegionCodes(),
    year,
  );
  return { year, signals: signalsReport, trajectories: emptyTrajectoriesReport(), suppressed: [] };
}

/**
 * One statement: a GROUP BY per dimension, glued with UNION ALL into (dimension, code, count) rows. Grouping by the
 * stored value (instead of summing per known code) means a value outside the code lists is still counted and shows
 * up in the report rather than silently making the parts not add up to the total.
 */
function countSignals(year: number): CountRow[] {
  // A plain range on the text column lets SQLite use signals_received_idx; strftime() on the column would not.
  const inYear = and(gte(signals.receivedOn, `${year}-01-01`), lt(signals.receivedOn, `${year + 1}-01-01`));
  // The label travels as a bound parameter; every branch must yield the same (dimension, code, count) columns.
  const label = (dimension: Dimension) => sql<Dimension>`${dimension}`;
  const grouped = (dimension: Dimension, expression: AnySQLiteColumn | SQL) => {
    const code = sql<string>`${expression}`;
    return db().select({ dimension: label(dimension), code, count: count() }).from(signals).where(inYear).groupBy(code);
  };

  return unionAll(
    db().select({ dimension: label("total"), code: sql<string>`''`, count: count() }).from(signals).where(inYear),
    grouped("requesterType", signals.requesterType),
    grouped("topic", signals.topic),
    grouped("phase", signals.procurementPhase),
    grouped("channel", signals.channel),
    grouped("region", signals.regionCode),
    grouped("month", sql`substr(${signals.receivedOn}, 1, 7)`),
    db()
      .select({ dimension: label("trigger"), code: sql<string>`${signalTriggers.trigger}`, count: count() })
      .from(signalTriggers)
      .innerJoin(signals, eq(signals.id, signalTriggers.signalId))
      .where(inYear)
      .groupBy(signalTriggers.trigger),
  ).all();
}

/** Inactive regions (left the official table) appear only when that year's signals name them. */
function activeRegionCodes(): string[] {
  return db()
    .select({ code: regions.code })
    .from(regions)
    .where(eq(regions.active, true))
    .orderBy(asc(regions.code))
    .all()
    .map((row) => row.code);
}
