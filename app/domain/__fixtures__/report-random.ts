import fc from "fast-check";
import { buildSignalsReport, buildTrajectoriesReport, foldSignalCounts, type YearReport } from "../report";
import { CHANNELS, PHASES, REFERRERS, REQUESTER_TYPES, TENDER_PHASES, TOPICS, TRIGGERS } from "../signal-codes";
import { buildExtraFigures, type ReportFigures } from "../report-figures";
import { ESCALATION_TYPES, STEPS } from "../trajectory-codes";

/**
 * Random yearly records for the suppression property test: signals and trajectories as the database would hold
 * them, small enough that many cells fall below k, folded into a report by the same domain functions the app uses.
 */

export const YEAR = 2025;
export const REGIONS = ["JZ01", "JZ02", "JZ03", "JZ04", "JZ05", "JZ06"] as const;

export type RandomSignal = {
  requesterType: string;
  topic: string;
  phase: string;
  channel: string;
  region: string;
  referrer: string;
  month: number;
  triggers: string[];
};

export type RandomTrajectory = {
  region: string;
  forcesBundled: boolean;
  jointVision: boolean;
  cooperativeFormed: boolean;
  contractWon: boolean;
  contractsAwarded: number;
  consulted: number;
  visionAdapted: boolean;
  escalations: string[];
  /** The steps it used (started or finished). */
  steps: string[];
};

/** Skewed towards the first codes, as real years are ("80% strategy advice"), so small and large cells mix. */
const skewed = <T>(codes: readonly T[]) => fc.oneof({ weight: 3, arbitrary: fc.constant(codes[0]!) }, { weight: 2, arbitrary: fc.constantFrom(...codes) });

export const signalArbitrary: fc.Arbitrary<RandomSignal> = fc.record({
  requesterType: skewed(REQUESTER_TYPES),
  topic: skewed(TOPICS),
  phase: skewed(PHASES),
  channel: skewed(CHANNELS),
  region: skewed(REGIONS),
  referrer: skewed(REFERRERS),
  month: fc.integer({ min: 1, max: 12 }),
  triggers: fc.subarray([...TRIGGERS], { maxLength: 2 }),
});

export const trajectoryArbitrary: fc.Arbitrary<RandomTrajectory> = fc
  .record({
    region: fc.constantFrom(...REGIONS),
    forcesBundled: fc.boolean(),
    jointVision: fc.boolean(),
    cooperativeFormed: fc.boolean(),
    contractWon: fc.boolean(),
    contractsAwarded: fc.integer({ min: 0, max: 15 }),
    consulted: fc.integer({ min: 0, max: 3 }),
    visionAdapted: fc.boolean(),
    escalations: fc.subarray([...ESCALATION_TYPES]),
    steps: fc.subarray([...STEPS]),
  })
  .map((t) => ({ ...t, contractWon: t.cooperativeFormed && t.contractWon, contractsAwarded: t.cooperativeFormed ? t.contractsAwarded : 0 }));

export type RandomYear = { signals: RandomSignal[]; trajectories: RandomTrajectory[] };

export function reportOf(year: RandomYear): ReportFigures {
  const combinations = year.signals.map((s) => ({
    requesterType: s.requesterType,
    topic: s.topic,
    phase: s.phase,
    channel: s.channel,
    region: s.region,
    referrer: s.referrer,
    month: `${YEAR}-${String(s.month).padStart(2, "0")}`,
    count: 1,
  }));
  const byTrigger: Record<string, number> = {};
  for (const signal of year.signals) for (const trigger of signal.triggers) byTrigger[trigger] = (byTrigger[trigger] ?? 0) + 1;
  const counts = foldSignalCounts(combinations, byTrigger, TENDER_PHASES);
  const signals = buildSignalsReport(counts, REGIONS, YEAR);
  const t = year.trajectories;
  const number = (test: (trajectory: RandomTrajectory) => boolean) => t.filter(test).length;
  const trajectories = buildTrajectoriesReport({
    total: t.length,
    regions: new Set(t.map((x) => x.region)).size,
    forcesBundled: number((x) => x.forcesBundled),
    jointVision: number((x) => x.jointVision),
    cooperativeFormed: number((x) => x.cooperativeFormed),
    contractWon: number((x) => x.contractWon),
    contractsAwardedTotal: t.reduce((sum, x) => sum + x.contractsAwarded, 0),
    municipalitiesConsulted: t.reduce((sum, x) => sum + x.consulted, 0),
    visionAdapted: number((x) => x.visionAdapted),
    escalated: number((x) => x.escalations.length > 0),
    legal: number((x) => x.escalations.includes("legal")),
    council: number((x) => x.escalations.includes("council")),
    publicity: number((x) => x.escalations.includes("publicity")),
  });
  const steps: Record<string, number> = {};
  for (const trajectory of t) for (const step of trajectory.steps) steps[step] = (steps[step] ?? 0) + 1;
  const report: YearReport = { year: YEAR, signals, trajectories, suppressed: [] };
  return { report, extra: buildExtraFigures(counts, steps) };
}

/** What happens to the records between two publications: new signals, some removed or reclassified. */
export type Change = { added: RandomSignal[]; removed: number[]; reclassified: { at: number; topic: string }[]; addedTrajectories: RandomTrajectory[] };

export const changeArbitrary: fc.Arbitrary<Change> = fc.record({
  added: fc.array(signalArbitrary, { maxLength: 4 }),
  removed: fc.array(fc.nat(), { maxLength: 2 }),
  reclassified: fc.array(fc.record({ at: fc.nat(), topic: fc.constantFrom(...TOPICS) }), { maxLength: 2 }),
  addedTrajectories: fc.array(trajectoryArbitrary, { maxLength: 1 }),
});

/** Most changes only add (the common case, and the one a reader can exploit by assuming it); some also edit. */
export function applyChange(year: RandomYear, change: Change, onlyAdd: boolean): RandomYear {
  let signals = [...year.signals];
  if (!onlyAdd && signals.length > 0) {
    const gone = new Set(change.removed.map((at) => at % signals.length));
    signals = signals.filter((_, index) => !gone.has(index));
    for (const { at, topic } of change.reclassified) {
      if (signals.length > 0) signals[at % signals.length] = { ...signals[at % signals.length]!, topic };
    }
  }
  return { signals: [...signals, ...change.added], trajectories: [...year.trajectories, ...change.addedTrajectories] };
}
