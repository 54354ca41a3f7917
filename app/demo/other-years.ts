import { addDays } from "~/domain/dates";
import type { SignalRecord } from "~/domain/signal-csv";
import type { Association, Channel, Phase, RequesterType, SignalStatus, Topic } from "~/domain/signal-codes";
import type { MilestoneKind } from "~/domain/trajectory-codes";
import type { Random } from "./random";
import { dayIn, drawSignal, regionPicker, type DemoRegion } from "./signals";
import { fill, RUNNING_TRAJECTORY } from "./texts";

/** The year before the reference year: fewer questions and a somewhat different mix, for the report's comparison. */
const PREVIOUS_YEAR = { year: 2020, count: 250 } as const;
const PREVIOUS_MIX = {
  requesterType: { provider: 78, municipality: 16, region: 4, association: 2, other: 0 },
  topic: { strategy_advice: 68, quality_admission: 16, gdpr: 9, contract_change: 5, other: 2 },
  phase: { upcoming_tender: 40, running_tender: 30, contracting: 18, running_contract: 9, none: 3 },
  channel: { email: 50, phone: 35, meeting: 12, other: 3 },
  month: { "1": 15, "2": 18, "3": 20, "4": 18, "5": 16, "6": 14, "7": 8, "8": 16, "9": 24, "10": 28, "11": 30, "12": 22 },
} satisfies {
  requesterType: Record<RequesterType, number>;
  topic: Record<Topic, number>;
  phase: Record<Phase, number>;
  channel: Partial<Record<Channel, number>>;
  month: Record<string, number>;
};

const CURRENT_MIX = {
  requesterType: { provider: 80, municipality: 14, region: 3, association: 3, other: 0 },
  topic: { strategy_advice: 70, quality_admission: 12, gdpr: 6, contract_change: 10, other: 2 },
  phase: { upcoming_tender: 35, running_tender: 35, contracting: 15, running_contract: 12, none: 3 },
  channel: { email: 50, phone: 25, meeting: 20, other: 5 },
} as const;
const CURRENT_YEAR_COUNT = 38;

export function previousYear(random: Random, regions: readonly DemoRegion[]): SignalRecord[] {
  const pickRegion = regionPicker(random, regions, new Set());
  return Array.from({ length: PREVIOUS_YEAR.count }, () =>
    drawSignal(random, {
      receivedOn: dayIn(random, PREVIOUS_YEAR.year, Number(random.weighted(PREVIOUS_MIX.month))),
      region: pickRegion(),
      requesterType: random.weighted(PREVIOUS_MIX.requesterType),
      topic: random.weighted(PREVIOUS_MIX.topic),
      procurementPhase: random.weighted(PREVIOUS_MIX.phase),
      status: "closed",
      channel: random.weighted(PREVIOUS_MIX.channel),
    }),
  ).sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
}

/** Recent questions are still new or being handled; older ones are answered or closed. */
function statusByAge(random: Random, ageInDays: number): SignalStatus {
  if (ageInDays <= 14) return "new";
  if (ageInDays <= 45) return random.chance(0.8) ? "in_progress" : "answered";
  return random.chance(0.7) ? "closed" : "answered";
}

export type RunningTrajectory = {
  regionCode: string;
  municipalities: string[];
  associations: Association[];
  providersInvolved: number;
  strategicGoal: string;
  startedOn: string;
  /** Indexes into the current year's signals. */
  linkedSignals: number[];
  analysisNote: string;
  plan: { body: string; reason: string }[];
  talk: { heldOn: string; organisations: string; summary: string };
  milestones: { kind: MilestoneKind; dueOn: string; title: string }[];
};

export type CurrentYear = { signals: SignalRecord[]; running: RunningTrajectory };

/**
 * The year of `today` (YYYY-MM-DD): questions from 1 January up to today, and one trajectory that started in the
 * autumn (or on 1 January, early in the year) and still runs, in a region without an earlier demo trajectory.
 */
export function currentYear(random: Random, regions: readonly DemoRegion[], today: string, usedRegions: ReadonlySet<string>): CurrentYear {
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const elapsed = Math.round((Date.parse(today) - Date.parse(yearStart)) / 86_400_000);
  const notBefore = (iso: string) => (iso < yearStart ? yearStart : iso);
  const region = random.pick(regions.filter((r) => r.municipalities.length >= 2 && !usedRegions.has(r.code)));
  const startedOn = notBefore(addDays(today, -75));

  const pickRegion = regionPicker(random, regions, new Set([region.code]));
  const signals = Array.from({ length: CURRENT_YEAR_COUNT }, () => {
    // Skewed towards recent days, so the inbox has new and running questions as well as finished ones.
    const age = Math.floor(Math.pow(random.next(), 1.8) * (elapsed + 1));
    return drawSignal(random, {
      receivedOn: addDays(today, -age),
      region: pickRegion(),
      requesterType: random.weighted(CURRENT_MIX.requesterType),
      topic: random.weighted(CURRENT_MIX.topic),
      procurementPhase: random.weighted(CURRENT_MIX.phase),
      status: statusByAge(random, age),
      channel: random.weighted(CURRENT_MIX.channel),
    });
  });
  // The two questions the running trajectory grew from.
  for (const daysBefore of [20, 9]) {
    signals.push(
      drawSignal(random, {
        receivedOn: notBefore(addDays(startedOn, -daysBefore)),
        region,
        requesterType: "provider",
        topic: "strategy_advice",
        procurementPhase: "upcoming_tender",
        status: "in_trajectory",
        channel: "email",
      }),
    );
  }
  signals.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  const linkedSignals = signals.flatMap((signal, index) => (signal.status === "in_trajectory" ? [index] : []));

  const notAfterToday = (iso: string) => (iso > today ? today : iso);
  return {
    signals,
    running: {
      regionCode: region.code,
      municipalities: random.shuffle(region.municipalities).slice(0, 2).map((m) => m.code),
      associations: ["NIP", "LVVP", "NVO"],
      providersInvolved: 11,
      strategicGoal: fill(RUNNING_TRAJECTORY.goal, region.name),
      startedOn,
      linkedSignals,
      analysisNote: RUNNING_TRAJECTORY.analysisNote,
      plan: [
        { body: RUNNING_TRAJECTORY.planV1, reason: "Eerste versie" },
        { body: RUNNING_TRAJECTORY.planV2, reason: RUNNING_TRAJECTORY.planV2Reason },
      ],
      talk: {
        heldOn: notAfterToday(addDays(startedOn, 21)),
        organisations: fill(RUNNING_TRAJECTORY.talkOrganisations, region.name),
        summary: RUNNING_TRAJECTORY.talkSummary,
      },
      milestones: [
        { kind: "market_consultation", dueOn: addDays(startedOn, 10), title: fill(RUNNING_TRAJECTORY.consultation, region.name) },
        { kind: "submission_deadline", dueOn: addDays(today, 21), title: fill(RUNNING_TRAJECTORY.deadline, region.name) },
      ],
    },
  };
}
