import { and, asc, count, countDistinct, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { escalations, regions, signals, signalTriggers, trajectories, trajectoryMunicipalities, trajectorySteps } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import {
  buildSignalsReport,
  buildTrajectoriesReport,
  isReportYear,
  MIN_REPORT_YEAR,
  NO_TRAJECTORIES,
  foldSignalCounts,
  type Counts,
  type SignalCombination,
  type TrajectoryCounts,
  type YearReport,
} from "~/domain/report";
import { buildExtraFigures, type ReportFigures } from "~/domain/report-figures";
import { TENDER_PHASES } from "~/domain/signal-codes";
import { db } from "~/utils/db.server";
import { activeInYear } from "./active-in-year.server";
import { countedInYear } from "./counted-signals.server";

/**
 * The full year report for staff: every status counts (closed signals and those taken into a trajectory were still
 * questions of that year). Nothing is suppressed here; reports for others apply the threshold on top of this.
 */
export function yearReport(year: number): YearReport {
  return yearFigures(year).report;
}

/** The report JSON with the document's own figures (report-figures.ts), counted in one read transaction. */
export function yearFigures(year: number): ReportFigures {
  if (!isReportYear(year)) {
    throw new DomainError("REPORT.YEAR", `Kies een jaar vanaf ${MIN_REPORT_YEAR}.`, "year");
  }
  return db().transaction(() => {
    const counts = foldSignalCounts(countSignalCombinations(year), countTriggers(year), TENDER_PHASES);
    const signalsReport = buildSignalsReport(counts, activeRegionCodes(), year);
    const trajectoriesReport = buildTrajectoriesReport(countTrajectories(year));
    const report: YearReport = { year, signals: signalsReport, trajectories: trajectoriesReport, suppressed: [] };
    return { report, extra: buildExtraFigures(counts, countSteps(year)) };
  });
}

/**
 * One pass over the year: a count per combination of the grouped columns, read from the covering index
 * signals_report_idx. Every dimension is folded from these rows in memory (foldSignalCounts), which is several times
 * faster than one GROUP BY per dimension, each of which would read the year again. Grouping by the stored values
 * means a value outside the code lists is still counted rather than silently making the parts not add up.
 */
function countSignalCombinations(year: number): SignalCombination[] {
  const month = sql<string>`substr(${signals.receivedOn}, 1, 7)`;
  return db()
    .select({
      requesterType: signals.requesterType,
      topic: signals.topic,
      phase: signals.procurementPhase,
      channel: signals.channel,
      region: signals.regionCode,
      referrer: signals.referredBy,
      month,
      count: count(),
    })
    .from(signals)
    .where(countedInYear(year))
    .groupBy(signals.requesterType, signals.topic, signals.procurementPhase, signals.channel, signals.regionCode, signals.referredBy, month)
    .all();
}

/** Triggers live in their own table (a signal may name several), so they are counted in a second, joined pass. */
function countTriggers(year: number): Counts {
  const rows = db()
    .select({ trigger: signalTriggers.trigger, count: count() })
    .from(signalTriggers)
    .innerJoin(signals, eq(signals.id, signalTriggers.signalId))
    .where(countedInYear(year))
    .groupBy(signalTriggers.trigger)
    .all();
  return Object.fromEntries(rows.map((row) => [row.trigger, row.count]));
}

/** Rows whose (boolean) column is true; 0 over no rows, where sum() would give NULL. */
const flagged = (column: AnySQLiteColumn | SQL.Aliased) => sql<number>`count(case when ${column} then 1 end)`.mapWith(Number);

/**
 * One statement, so the figures come from one snapshot:
 * - the year's trajectories, each once: the flags are counted per trajectory;
 * - escalations are folded to one row per trajectory first (any escalation, any of each type) and left-joined, so a
 *   trajectory with several escalations still counts once and the trajectory count is not multiplied. This reads the
 *   escalations once rather than probing them per trajectory (escalations has no index on trajectory_id);
 * - consulted municipalities in a scalar subquery: distinct municipality codes over the year's trajectories, so a
 *   municipality heard in two trajectories counts once (and the join cannot multiply the other counts).
 */
function countTrajectories(year: number): TrajectoryCounts {
  const anyEscalation = db()
    .select({
      trajectoryId: escalations.trajectoryId,
      legal: sql<number>`max(${escalations.legal})`.as("any_legal"),
      council: sql<number>`max(${escalations.council})`.as("any_council"),
      publicity: sql<number>`max(${escalations.publicity})`.as("any_publicity"),
    })
    .from(escalations)
    .groupBy(escalations.trajectoryId)
    // Drizzle writes a selected alias unqualified ("any_legal"), so the names must not clash with a trajectories column.
    .as("any_escalation");

  const heard = alias(trajectories, "heard_trajectory");
  const consulted = db()
    .select({ count: countDistinct(trajectoryMunicipalities.municipalityCode) })
    .from(trajectoryMunicipalities)
    .innerJoin(heard, eq(heard.id, trajectoryMunicipalities.trajectoryId))
    .where(and(eq(trajectoryMunicipalities.role, "consulted"), activeInYear(heard, year)));

  const row = db()
    .select({
      total: count(),
      regions: countDistinct(trajectories.regionCode),
      forcesBundled: flagged(trajectories.forcesBundled),
      jointVision: flagged(trajectories.jointVision),
      cooperativeFormed: flagged(trajectories.cooperativeFormed),
      contractWon: flagged(trajectories.contractWon),
      contractsAwardedTotal: sql<number>`coalesce(sum(${trajectories.contractsAwardedTotal}), 0)`.mapWith(Number),
      municipalitiesConsulted: sql<number>`(${consulted})`.mapWith(Number),
      visionAdapted: flagged(trajectories.visionAdapted),
      escalated: count(anyEscalation.trajectoryId),
      legal: flagged(anyEscalation.legal),
      council: flagged(anyEscalation.council),
      publicity: flagged(anyEscalation.publicity),
    })
    .from(trajectories)
    .leftJoin(anyEscalation, eq(anyEscalation.trajectoryId, trajectories.id))
    .where(activeInYear(trajectories, year))
    .get();
  return row ?? { ...NO_TRAJECTORIES };
}

/**
 * Per step, the year's trajectories that used it: started or finished now. Steps are not dated per year, so a
 * trajectory that ran over two years counts its steps in both.
 */
function countSteps(year: number): Counts {
  const rows = db()
    .select({ step: trajectorySteps.step, count: count() })
    .from(trajectorySteps)
    .innerJoin(trajectories, eq(trajectories.id, trajectorySteps.trajectoryId))
    .where(and(activeInYear(trajectories, year), inArray(trajectorySteps.state, ["active", "done"])))
    .groupBy(trajectorySteps.step)
    .all();
  return Object.fromEntries(rows.map((row) => [row.step, row.count]));
}

/** The regions with a trajectory active in the year: the working view's map marks them. Staff only. */
export function trajectoryRegions(year: number): string[] {
  return db()
    .selectDistinct({ code: trajectories.regionCode })
    .from(trajectories)
    .where(activeInYear(trajectories, year))
    .orderBy(asc(trajectories.regionCode))
    .all()
    .map((row) => row.code);
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
