import { DomainError } from "~/domain/errors";
import type { SignalRecord } from "~/domain/signal-csv";
import type { Channel, Phase, RequesterType, Topic } from "~/domain/signal-codes";
import type { TrajectoryRecord } from "~/domain/trajectory-csv";
import type { EscalationType, Outcome } from "~/domain/trajectory-codes";
import type { Random } from "./random";
import { dayIn, drawSignal, exactly, regionPicker, type DemoRegion } from "./signals";
import { fill, TRAJECTORY_GOALS } from "./texts";

/**
 * 2021, the year of the seed report (DESIGN.md "Reference figures: the 2021 report"). The counts below are the
 * report's own; everything the report does not fix (dates within a month, regions, channels, triggers…) is drawn.
 */
export const REFERENCE_YEAR = 2021;

const TOPICS: Record<Exclude<Topic, "other">, number> = { strategy_advice: 274, quality_admission: 34, gdpr: 17, contract_change: 18 };
const REQUESTERS = { provider: 292, municipality: 51 } as const satisfies Partial<Record<RequesterType, number>>;
/** 343 questions; more after the summer, when the regions published their tender plans. */
const PER_MONTH = [18, 20, 22, 24, 22, 20, 12, 22, 40, 50, 55, 38] as const;
/** The 7 of 343 questions (2%) that were not about a tender or a contract still to be concluded. */
const NOT_TENDER: Phase[] = ["running_contract", "running_contract", "running_contract", "running_contract", "running_contract", "running_contract", "none"];
const CHANNELS: Record<Exclude<Channel, "portal">, number> = { email: 48, phone: 30, meeting: 17, other: 5 };
const TENDER_PHASES = { upcoming_tender: 42, running_tender: 38, contracting: 20 } as const;

export type ReferenceYear = {
  signals: SignalRecord[];
  trajectories: TrajectoryRecord[];
  /** Signals taken into a trajectory: index into `signals`, and the trajectory's ref. */
  links: { signal: number; ref: string }[];
};

/** 14 trajectories in 14 regions (Nov–Dec 2021) with exactly the outcomes of the report. */
function trajectories(random: Random, regions: readonly DemoRegion[]): TrajectoryRecord[] {
  // Two consulted municipalities in two of the eight regions with an adapted vision: 10 municipalities in all.
  const consultedPerTrajectory = [2, 0, 1, 1, 1, 1, 1, 1, 2, 0, 0, 0, 0, 0];
  const escalation: Record<number, EscalationType> = { 3: "legal", 9: "council", 12: "publicity" };
  const closedIn2022 = ["2022-01-14", "2022-02-11", "2022-03-04", "2022-03-25"];
  return regions.map((region, i) => {
    const stopped = i === 13;
    const outcomes: Outcome[] = [];
    if (!stopped) outcomes.push("forces_bundled");
    if (i <= 10) outcomes.push("joint_vision");
    if (i <= 1) outcomes.push("cooperative_formed");
    const consulted = random.shuffle(region.municipalities).slice(0, consultedPerTrajectory[i] ?? 0);
    if (consulted.length > 0) outcomes.push("vision_adapted");
    const goal = i <= 1 ? TRAJECTORY_GOALS[4] : TRAJECTORY_GOALS[i % TRAJECTORY_GOALS.length];
    return {
      ref: `DEMO-2021-${String(i + 1).padStart(2, "0")}`,
      regionCode: region.code,
      startedOn: `2021-11-${String(1 + 2 * i).padStart(2, "0")}`,
      closedOn: i < 10 ? `2021-12-${String(10 + i).padStart(2, "0")}` : (closedIn2022[i - 10] as string),
      status: stopped ? "stopped" : "completed",
      outcomes,
      escalationTypes: escalation[i] ? [escalation[i]] : [],
      municipalitiesConsulted: consulted.map((m) => m.code),
      // One cooperative won a contract, one of the 15 the region awarded; the other cooperative did not tender yet.
      contractWon: i === 0,
      contractsAwardedTotal: i === 0 ? 15 : null,
      providersInvolved: random.int(4, 18),
      strategicGoal: fill(goal ?? "", region.name),
    };
  });
}

export function referenceYear(random: Random, regions: readonly DemoRegion[]): ReferenceYear {
  const trajectoryRegions = random.shuffle(regions.filter((r) => r.municipalities.length >= 2)).slice(0, 14);
  if (trajectoryRegions.length < 14) {
    throw new DomainError("DEMO.TOO_FEW_REGIONS", "De regiotabel heeft minder dan 14 regio's met twee of meer gemeenten; daarmee zijn de demodata niet te maken.");
  }
  const trajectoryRecords = trajectories(random, trajectoryRegions);

  const pickRegion = regionPicker(random, regions, new Set(trajectoryRegions.map((r) => r.code)));
  const topics = random.shuffle(exactly(TOPICS));
  const requesters = random.shuffle(exactly(REQUESTERS));
  const months = random.shuffle(PER_MONTH.flatMap((count, index) => Array.from({ length: count }, () => index + 1)));
  let notTender = 0;
  const signals = topics
    .map((topic, i) => {
      // Only changes in a running contract can be about no tender at all; the rest of those await a new contract.
      const phase: Phase =
        topic === "contract_change" ? (NOT_TENDER[notTender++] ?? "contracting") : random.weighted(TENDER_PHASES);
      return drawSignal(random, {
        receivedOn: dayIn(random, REFERENCE_YEAR, months[i] ?? 1),
        region: pickRegion(),
        requesterType: requesters[i] ?? "provider",
        topic,
        procurementPhase: phase,
        status: random.chance(0.82) ? "closed" : "answered",
        channel: random.weighted(CHANNELS),
      });
    })
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));

  // The questions that led to a trajectory: up to two tender questions from its region in the months before it.
  const links: { signal: number; ref: string }[] = [];
  for (const trajectory of trajectoryRecords) {
    const candidates = signals
      .map((signal, index) => ({ signal, index }))
      .filter(({ signal }) => signal.regionCode === trajectory.regionCode && signal.receivedOn >= "2021-09-01" && signal.receivedOn < trajectory.startedOn)
      .slice(-2);
    for (const { signal, index } of candidates) {
      signal.status = "in_trajectory";
      links.push({ signal: index, ref: trajectory.ref });
    }
  }
  return { signals, trajectories: trajectoryRecords, links };
}
