import { cellsFor, type CodeCells, type Counts, type SignalCounts, type YearReport } from "./report";
import type { PublishedCell } from "./report-suppression";
import { REFERRERS, type Referrer } from "./signal-codes";
import { STEPS, type Step } from "./trajectory-codes";

/**
 * Figures the year report document shows beyond the report JSON of DESIGN.md (which stays exactly as designed): who
 * referred the signals (the summary of how they came in) and how many of the year's trajectories used each of the
 * eight steps (the Werkwijze). They are published, so they are suppressed with the rest (report-cells.ts).
 */
export type ExtraFigures = {
  byReferrer: CodeCells<Referrer>;
  /** Trajectories active in the year with the step started or finished (skipped or not begun does not count). */
  steps: Record<Step, number>;
};

export type PublishedExtra = { byReferrer: Record<string, PublishedCell>; steps: Record<string, number | null> };

/** Everything a year report counts: the report JSON and the document's own figures, from one moment. */
export type ReportFigures = { report: YearReport; extra: ExtraFigures };

export function buildExtraFigures(counts: Pick<SignalCounts, "total" | "byReferrer">, steps: Counts): ExtraFigures {
  return {
    byReferrer: cellsFor(REFERRERS, counts.byReferrer, counts.total),
    steps: Object.fromEntries(STEPS.map((step) => [step, steps[step] ?? 0])) as Record<Step, number>,
  };
}

export const NO_EXTRA: ExtraFigures = buildExtraFigures({ total: 0, byReferrer: {} }, {});
