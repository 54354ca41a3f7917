import { writeCsv } from "~/domain/csv";
import type { PortalInput } from "~/domain/portal-form";
import { signalsToCsv, type SignalRecord } from "~/domain/signal-csv";
import { TRAJECTORY_CSV_COLUMNS, type TrajectoryRecord } from "~/domain/trajectory-csv";
import { currentYear, previousYear, type RunningTrajectory } from "./other-years";
import { seededRandom } from "./random";
import { referenceYear } from "./reference-year";
import type { DemoRegion } from "./signals";
import { PORTAL_REPORTS } from "./texts";

/** Fixed, so every run draws the same dataset from the same reference data. */
const SEED = 20211231;

export type DemoDataset = {
  /** Oldest first: 2020, 2021, then the current year. */
  signals: SignalRecord[];
  /** The 2021 trajectories, all closed. */
  trajectories: TrajectoryRecord[];
  /** 2021 signals taken into a trajectory: index into `signals`, and the trajectory's ref. */
  links: { signal: number; ref: string }[];
  /** The current year's running trajectory; its `linkedSignals` index into `signals`. */
  running: RunningTrajectory;
  /** Reports that come in through the public form on the day of seeding. */
  portal: PortalInput[];
};

/**
 * The whole demo dataset, from the region table (sorted by code, so the draw does not depend on the database's row
 * order) and today's date (YYYY-MM-DD, for the current year's questions). Pure: no database, no clock.
 */
export function demoDataset(regions: readonly DemoRegion[], today: string): DemoDataset {
  const random = seededRandom(SEED);
  const sorted = [...regions].sort((a, b) => a.code.localeCompare(b.code));
  const previous = previousYear(random, sorted);
  const reference = referenceYear(random, sorted);
  const current = currentYear(random, sorted, today, new Set(reference.trajectories.map((t) => t.regionCode)));

  const referenceOffset = previous.length;
  const currentOffset = referenceOffset + reference.signals.length;
  const portalRegion = sorted.find((r) => r.code === current.running.regionCode);
  const portalMunicipality = portalRegion?.municipalities[0]?.code;
  return {
    signals: [...previous, ...reference.signals, ...current.signals],
    trajectories: reference.trajectories,
    links: reference.links.map((link) => ({ signal: link.signal + referenceOffset, ref: link.ref })),
    running: { ...current.running, linkedSignals: current.running.linkedSignals.map((index) => index + currentOffset) },
    portal: [
      {
        requesterType: "provider",
        association: "LVVP",
        municipality: portalMunicipality,
        regionCode: portalMunicipality ? undefined : current.running.regionCode,
        topic: "strategy_advice",
        procurementPhase: "upcoming_tender",
        contact: "confidential",
        ...PORTAL_REPORTS[0],
      },
      {
        requesterType: "provider",
        regionCode: sorted[random.int(0, sorted.length - 1)]?.code,
        topic: "quality_admission",
        procurementPhase: "running_tender",
        contact: "anonymous",
        message: PORTAL_REPORTS[1].message,
      },
    ],
  };
}

export function signalsCsv(dataset: DemoDataset): string {
  return signalsToCsv(dataset.signals, { includeSummary: true, cells: "exact" });
}

const TRAJECTORY_CELL: Record<(typeof TRAJECTORY_CSV_COLUMNS)[number], (t: TrajectoryRecord) => string> = {
  ref: (t) => t.ref,
  region_code: (t) => t.regionCode,
  started_on: (t) => t.startedOn,
  closed_on: (t) => t.closedOn ?? "",
  status: (t) => t.status,
  outcomes: (t) => t.outcomes.join(";"),
  escalation_types: (t) => t.escalationTypes.join(";"),
  municipalities_consulted: (t) => t.municipalitiesConsulted.join(";"),
  contract_won: (t) => String(t.contractWon),
  contracts_awarded_total: (t) => (t.contractsAwardedTotal === null ? "" : String(t.contractsAwardedTotal)),
  providers_involved: (t) => String(t.providersInvolved),
  strategic_goal: (t) => t.strategicGoal,
};

/** The trajectories as `trajectories.csv` (DESIGN.md), so they enter through the same import as a user's file. */
export function trajectoriesCsv(dataset: DemoDataset): string {
  const rows = dataset.trajectories.map((t) => TRAJECTORY_CSV_COLUMNS.map((column) => TRAJECTORY_CELL[column](t)));
  return writeCsv([[...TRAJECTORY_CSV_COLUMNS], ...rows], { separator: "," });
}
