import { dayOfUtcMidnight } from "~/domain/dates";
import type { SignalRecord } from "~/domain/signal-csv";
import {
  TRIGGERS,
  type Association,
  type Channel,
  type Funding,
  type Phase,
  type Procedure,
  type Referrer,
  type RequesterType,
  type SignalStatus,
  type Topic,
  type Trigger,
} from "~/domain/signal-codes";
import type { Random } from "./random";
import { fill, MUNICIPALITY_SUMMARIES, SUMMARIES } from "./texts";

export type DemoRegion = { code: string; name: string; municipalities: readonly { code: string; name: string }[] };

/** What a signal's year decides; everything else about it is drawn by `drawSignal`. */
export type SignalCore = {
  receivedOn: string;
  region: DemoRegion;
  requesterType: RequesterType;
  topic: Topic;
  procurementPhase: Phase;
  status: SignalStatus;
  channel: Channel;
};

const REFERRERS: Record<Referrer, number> = { direct: 68, region_adviser: 20, programme: 9, other: 3 };
const ASSOCIATIONS: Record<Association | "none", number> = { NIP: 30, LVVP: 25, NVO: 20, FVB: 8, NVVP: 7, other: 2, none: 8 };
const PROCEDURES: Record<Procedure, number> = { tender: 45, open_house: 35, subsidy: 5, unknown: 15 };
const FUNDINGS: Record<Funding, number> = { effort: 35, output: 25, task: 25, unknown: 15 };
const SEGMENTS = { ambulant: 45, advies_expertise: 10, verblijf: 10, wonen: 5, crisis: 5, none: 25 } as const;

/** How likely each trigger is for a signal; what a question is about makes some triggers likelier. */
function triggerChance(trigger: Trigger, topic: Topic, phase: Phase): number {
  switch (trigger) {
    case "provider_reduction":
      return phase === "upcoming_tender" || phase === "running_tender" ? 0.45 : 0.15;
    case "legal_or_funding_change":
      return 0.25;
    case "stricter_requirements":
      return topic === "quality_admission" ? 0.8 : 0.1;
    case "admin_burden":
      return topic === "contract_change" || topic === "gdpr" ? 0.5 : 0.15;
    case "other":
      return 0.04;
  }
}

export function drawSignal(random: Random, core: SignalCore): SignalRecord {
  const { region } = core;
  // Municipalities ask about themselves; providers often name the municipality they contract with.
  const withMunicipality = region.municipalities.length > 0 && (core.requesterType === "municipality" || random.chance(0.6));
  const municipality = withMunicipality ? random.pick(region.municipalities) : undefined;
  const association = core.requesterType === "provider" ? random.weighted(ASSOCIATIONS) : "none";
  const segment = random.weighted(SEGMENTS);
  const triggers = TRIGGERS.filter((trigger) => random.chance(triggerChance(trigger, core.topic, core.procurementPhase)));
  return {
    receivedOn: core.receivedOn,
    channel: core.channel,
    requesterType: core.requesterType,
    referredBy: random.weighted(REFERRERS),
    regionCode: region.code,
    municipalityCode: municipality?.code ?? null,
    association: association === "none" ? null : association,
    topic: core.topic,
    procurementPhase: core.procurementPhase,
    triggers,
    procedure: random.weighted(PROCEDURES),
    funding: random.weighted(FUNDINGS),
    segment: segment === "none" ? null : segment,
    status: core.status,
    summary: fill(random.pick((core.requesterType === "municipality" ? MUNICIPALITY_SUMMARIES : SUMMARIES)[core.topic]), municipality?.name ?? region.name),
  };
}

/** Regions get more or fewer questions, and those named in `busy` (where trajectories run) clearly more. */
export function regionPicker(random: Random, regions: readonly DemoRegion[], busy: ReadonlySet<string>): () => DemoRegion {
  const weights = regions.map((region) => (0.5 + random.next() * 1.5) * (busy.has(region.code) ? 3 : 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return () => {
    let roll = random.next() * total;
    for (let i = 0; i < regions.length; i++) {
      roll -= weights[i] ?? 0;
      if (roll < 0) return regions[i] as DemoRegion;
    }
    return regions[regions.length - 1] as DemoRegion;
  };
}

/** A day of the given month (1-12), as YYYY-MM-DD. */
export function dayIn(random: Random, year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dayOfUtcMidnight(new Date(Date.UTC(year, month - 1, random.int(1, days))));
}

/** `count` copies of each key, e.g. { a: 2, b: 1 } → [a, a, b]. */
export function exactly<T extends string>(counts: Readonly<Record<T, number>>): T[] {
  return (Object.entries(counts) as [T, number][]).flatMap(([code, count]) => Array.from({ length: count }, () => code));
}
