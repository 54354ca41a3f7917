import type { Cell, YearReport } from "./report";

/**
 * Small-cell suppression for reports that leave the intermediary (DESIGN.md: "Reports meant for others than the
 * intermediary suppress cells below the threshold k"). A suppressed figure becomes null and its path is listed in
 * `suppressed`, so a reader sees "< k" and an outside tool knows why the number is missing.
 */

export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 2;
export const MAX_THRESHOLD = 20;

export type PublishedCell = { count: number | null; share: number | null };
type Cells = Record<string, PublishedCell>;

export type PublishedReport = {
  year: number;
  signals: {
    total: number;
    tenderRelated: PublishedCell;
    byRequesterType: Cells;
    byTopic: Cells;
    byPhase: Cells;
    byTrigger: Cells;
    byChannel: Cells;
    byRegion: Cells;
    byMonth: { month: string; count: number | null }[];
  };
  trajectories: {
    total: number;
    regions: number;
    outcomes: Record<keyof YearReport["trajectories"]["outcomes"], number | null>;
    escalationTypes: Record<keyof YearReport["trajectories"]["escalationTypes"], number | null>;
  };
  suppressed: string[];
};

export type SuppressionOptions = { threshold: number; showRegions: boolean };

/** The path of a withheld dimension as a whole (region names without the intermediary's consent). */
export const REGIONS_WITHHELD = "signals.byRegion";

const HIDDEN: PublishedCell = { count: null, share: null };

/**
 * Cells counting fewer than k are suppressed, zero included (DESIGN.md: "below the threshold"). Where the cells of a
 * dimension add up to its total, one suppressed non-zero cell could be recovered as total minus the rest, so the
 * smallest other shown cell is suppressed with it (secondary suppression).
 */
function suppressPartition(cells: Record<string, Cell>, path: string, threshold: number, suppressed: string[]): Cells {
  const hidden = new Set(Object.keys(cells).filter((code) => cells[code]!.count < threshold));
  const recoverable = [...hidden].filter((code) => cells[code]!.count > 0).length === 1;
  if (recoverable) {
    const smallestShown = Object.keys(cells)
      .filter((code) => !hidden.has(code))
      .sort((a, b) => cells[a]!.count - cells[b]!.count)[0];
    if (smallestShown !== undefined) hidden.add(smallestShown);
  }
  for (const code of Object.keys(cells)) if (hidden.has(code)) suppressed.push(`${path}.${code}`);
  return Object.fromEntries(Object.entries(cells).map(([code, cell]) => [code, hidden.has(code) ? HIDDEN : cell]));
}

/** Triggers overlap (a signal may name several), so no cell can be recovered from the others: primary only. */
function suppressOverlapping(cells: Record<string, Cell>, path: string, threshold: number, suppressed: string[]): Cells {
  return Object.fromEntries(
    Object.entries(cells).map(([code, cell]) => {
      if (cell.count >= threshold) return [code, cell];
      suppressed.push(`${path}.${code}`);
      return [code, HIDDEN];
    }),
  );
}

function suppressCount(count: number, path: string, threshold: number, suppressed: string[]): number | null {
  if (count >= threshold) return count;
  suppressed.push(path);
  return null;
}

/**
 * The version of a year report that may leave the intermediary. Totals stay (signals.total, trajectories.total and
 * the number of regions): they single no one out and every share is read against them. `contracts_awarded_total`
 * counts contracts, not trajectories, but it describes the cooperatives' tenders, so it goes when their count goes.
 */
export function suppressReport(report: YearReport, options: SuppressionOptions): PublishedReport {
  const { threshold } = options;
  const suppressed: string[] = [];
  const { signals, trajectories } = report;

  const tenderRelated = signals.tenderRelated.count < threshold ? HIDDEN : signals.tenderRelated;
  if (tenderRelated === HIDDEN) suppressed.push("signals.tenderRelated");
  const byRequesterType = suppressPartition(signals.byRequesterType, "signals.byRequesterType", threshold, suppressed);
  const byTopic = suppressPartition(signals.byTopic, "signals.byTopic", threshold, suppressed);
  const byPhase = suppressPartition(signals.byPhase, "signals.byPhase", threshold, suppressed);
  const byTrigger = suppressOverlapping(signals.byTrigger, "signals.byTrigger", threshold, suppressed);
  const byChannel = suppressPartition(signals.byChannel, "signals.byChannel", threshold, suppressed);
  let byRegion: Cells = {};
  if (options.showRegions) byRegion = suppressPartition(signals.byRegion, "signals.byRegion", threshold, suppressed);
  else suppressed.push(REGIONS_WITHHELD);
  const monthCells = Object.fromEntries(signals.byMonth.map((m) => [m.month, { count: m.count, share: 0 }]));
  const months = suppressPartition(monthCells, "signals.byMonth", threshold, suppressed);
  const byMonth = signals.byMonth.map((m) => ({ month: m.month, count: months[m.month]!.count }));

  const count = (value: number, path: string) => suppressCount(value, path, threshold, suppressed);
  const o = trajectories.outcomes;
  const outcomes: PublishedReport["trajectories"]["outcomes"] = {
    forces_bundled: count(o.forces_bundled, "trajectories.outcomes.forces_bundled"),
    joint_vision: count(o.joint_vision, "trajectories.outcomes.joint_vision"),
    cooperative_formed: count(o.cooperative_formed, "trajectories.outcomes.cooperative_formed"),
    contract_won: count(o.contract_won, "trajectories.outcomes.contract_won"),
    contracts_awarded_total: o.contracts_awarded_total,
    municipalities_consulted: count(o.municipalities_consulted, "trajectories.outcomes.municipalities_consulted"),
    vision_adapted: count(o.vision_adapted, "trajectories.outcomes.vision_adapted"),
    escalated: count(o.escalated, "trajectories.outcomes.escalated"),
  };
  if (outcomes.cooperative_formed === null) {
    outcomes.contracts_awarded_total = null;
    suppressed.push("trajectories.outcomes.contracts_awarded_total");
  }
  const e = trajectories.escalationTypes;
  const escalationTypes = {
    legal: count(e.legal, "trajectories.escalationTypes.legal"),
    council: count(e.council, "trajectories.escalationTypes.council"),
    publicity: count(e.publicity, "trajectories.escalationTypes.publicity"),
  };

  return {
    year: report.year,
    signals: { total: signals.total, tenderRelated, byRequesterType, byTopic, byPhase, byTrigger, byChannel, byRegion, byMonth },
    trajectories: { total: trajectories.total, regions: trajectories.regions, outcomes, escalationTypes },
    suppressed,
  };
}

export function isThreshold(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_THRESHOLD && value <= MAX_THRESHOLD;
}
