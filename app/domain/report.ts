import { FIRST_YEAR, parseYear } from "./dates";
import {
  CHANNELS,
  PHASES,
  REQUESTER_TYPES,
  TOPICS,
  TRIGGERS,
  type Channel,
  type Phase,
  type RequesterType,
  type Topic,
  type Trigger,
} from "./signal-codes";

/**
 * The year report of DESIGN.md ("Interface: report JSON"). Outside tools read this document, so the key order of
 * every object below follows DESIGN.md: JSON.stringify keeps insertion order, and a reader comparing the output with
 * the design should find the keys where the design puts them.
 */

export type Cell = { count: number; share: number };

/**
 * The known codes of a dimension, each present. A code the database holds but the code list does not know (the
 * columns have no CHECK constraint) is kept as an extra key after the known ones, so the counts still add up.
 */
export type CodeCells<Code extends string> = Record<Code, Cell>;

export type MonthCount = { month: string; count: number };

export type SignalsReport = {
  total: number;
  tenderRelated: Cell;
  byRequesterType: CodeCells<RequesterType>;
  byTopic: CodeCells<Topic>;
  byPhase: CodeCells<Phase>;
  /** Shares are of all signals, not of all triggers: a signal may name several triggers, so they can add up past 1. */
  byTrigger: CodeCells<Trigger>;
  byChannel: CodeCells<Channel>;
  byRegion: Record<string, Cell>;
  byMonth: MonthCount[];
};

export type TrajectoriesReport = {
  total: number;
  regions: number;
  outcomes: {
    forces_bundled: number;
    joint_vision: number;
    cooperative_formed: number;
    contract_won: number;
    contracts_awarded_total: number;
    municipalities_consulted: number;
    vision_adapted: number;
    escalated: number;
  };
  escalationTypes: { legal: number; council: number; publicity: number };
};

export type YearReport = {
  year: number;
  signals: SignalsReport;
  trajectories: TrajectoriesReport;
  suppressed: string[];
};

/** Counts per code as the database groups them; a code missing from the object counts 0. */
export type Counts = Readonly<Record<string, number>>;

export type SignalCounts = {
  total: number;
  tenderRelated: number;
  byRequesterType: Counts;
  byTopic: Counts;
  byPhase: Counts;
  byTrigger: Counts;
  byChannel: Counts;
  byRegion: Counts;
  /** Keyed by "YYYY-MM". */
  byMonth: Counts;
  /** Not in the report JSON; the document's summary of how signals came in (report-figures.ts). */
  byReferrer: Counts;
};

/** How many signals of the year share one combination of the grouped columns; month is "YYYY-MM". */
export type SignalCombination = {
  requesterType: string;
  topic: string;
  phase: string;
  channel: string;
  region: string;
  referrer: string;
  month: string;
  count: number;
};

/**
 * Every dimension's counts from one list of combinations: each combination adds its count to one code per dimension,
 * so the dimensions add up to the total by construction. Tender-related is the sum over the tender phases, so the
 * two can never disagree.
 */
export function foldSignalCounts(
  combinations: readonly SignalCombination[],
  byTrigger: Counts,
  tenderPhases: readonly string[],
): SignalCounts {
  const tally = () => new Map<string, number>();
  const maps = { requesterType: tally(), topic: tally(), phase: tally(), channel: tally(), region: tally(), referrer: tally(), month: tally() };
  let total = 0;
  for (const row of combinations) {
    total += row.count;
    for (const key of Object.keys(maps) as (keyof typeof maps)[]) {
      const map = maps[key];
      map.set(row[key], (map.get(row[key]) ?? 0) + row.count);
    }
  }
  const byPhase = Object.fromEntries(maps.phase);
  return {
    total,
    tenderRelated: tenderPhases.reduce((sum, phase) => sum + (byPhase[phase] ?? 0), 0),
    byRequesterType: Object.fromEntries(maps.requesterType),
    byTopic: Object.fromEntries(maps.topic),
    byPhase,
    byTrigger,
    byChannel: Object.fromEntries(maps.channel),
    byRegion: Object.fromEntries(maps.region),
    byMonth: Object.fromEntries(maps.month),
    byReferrer: Object.fromEntries(maps.referrer),
  };
}

/**
 * Years the counting accepts: from FIRST_YEAR (dates.ts; nothing is recorded earlier) and four digits, because
 * received_on is compared as text. Later years simply count what is still running; what people can ask for (URLs,
 * the CLI) is narrower: parseReportYear.
 */
export const MIN_REPORT_YEAR = FIRST_YEAR;

export function isReportYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_REPORT_YEAR && year <= 9999;
}

/**
 * count/total rounded to 2 decimals, halves up. count*100/total is one division of exact integers, so an exact half
 * stays exact: 23/40 gives 57.5 and rounds to 0.58, where (23/40)*100 gives 57.49999… and (0.985).toFixed(2) gives
 * "0.98" for 197/200.
 */
export function shareOf(count: number, total: number): number {
  if (total === 0) return 0;
  return Math.round((count * 100) / total) / 100;
}

function cellOf(count: number, total: number): Cell {
  return { count, share: shareOf(count, total) };
}

/**
 * Object.fromEntries rather than assignment: a code such as "__proto__" from the database must become a key, not
 * replace the object's prototype.
 */
export function cellsFor<Code extends string>(codes: readonly Code[], counts: Counts, total: number): CodeCells<Code> {
  const known = new Set<string>(codes);
  const unknown = Object.keys(counts)
    .filter((code) => !known.has(code))
    .sort();
  const entries = [...codes, ...unknown].map((code) => [code, cellOf(counts[code] ?? 0, total)] as const);
  return Object.fromEntries(entries) as CodeCells<Code>;
}

function monthsOf(year: number, counts: Counts): MonthCount[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = `${year}-${String(index + 1).padStart(2, "0")}`;
    return { month, count: counts[month] ?? 0 };
  });
}

/**
 * The signals part of the year report: every code of every dimension present (count 0 where none), in the order of
 * signal-codes.ts. Regions are the given region codes plus any region the signals name (a region that has since
 * left the region table still shows its signals), sorted by code.
 */
export function buildSignalsReport(input: SignalCounts, regionCodes: readonly string[], year: number): SignalsReport {
  const { total } = input;
  const regions = [...new Set([...regionCodes, ...Object.keys(input.byRegion)])].sort();
  return {
    total,
    tenderRelated: cellOf(input.tenderRelated, total),
    byRequesterType: cellsFor(REQUESTER_TYPES, input.byRequesterType, total),
    byTopic: cellsFor(TOPICS, input.byTopic, total),
    byPhase: cellsFor(PHASES, input.byPhase, total),
    byTrigger: cellsFor(TRIGGERS, input.byTrigger, total),
    byChannel: cellsFor(CHANNELS, input.byChannel, total),
    byRegion: cellsFor(regions, input.byRegion, total),
    byMonth: monthsOf(year, input.byMonth),
  };
}

/**
 * What the database counts for the trajectories part: the trajectories active on at least one day of the year, and
 * of those how many carry each outcome. Every field is a number of trajectories, except `contractsAwardedTotal` (a sum
 * of contracts) and `municipalitiesConsulted` (distinct municipalities: one heard in two trajectories counts once).
 */
export type TrajectoryCounts = {
  total: number;
  /** Distinct regions of those trajectories. */
  regions: number;
  forcesBundled: number;
  jointVision: number;
  cooperativeFormed: number;
  contractWon: number;
  contractsAwardedTotal: number;
  municipalitiesConsulted: number;
  visionAdapted: number;
  /** Trajectories with at least one escalation; the three below, with at least one escalation of that type. */
  escalated: number;
  legal: number;
  council: number;
  publicity: number;
};

export const NO_TRAJECTORIES: Readonly<TrajectoryCounts> = {
  total: 0,
  regions: 0,
  forcesBundled: 0,
  jointVision: 0,
  cooperativeFormed: 0,
  contractWon: 0,
  contractsAwardedTotal: 0,
  municipalitiesConsulted: 0,
  visionAdapted: 0,
  escalated: 0,
  legal: 0,
  council: 0,
  publicity: 0,
};

/**
 * The trajectories part of the year report, in DESIGN.md's shape and key order. Counts are reported as they are: no
 * shares (DESIGN.md gives none for trajectories) and no suppression (that is for reports meant for others).
 */
export function buildTrajectoriesReport(counts: TrajectoryCounts): TrajectoriesReport {
  return {
    total: counts.total,
    regions: counts.regions,
    outcomes: {
      forces_bundled: counts.forcesBundled,
      joint_vision: counts.jointVision,
      cooperative_formed: counts.cooperativeFormed,
      contract_won: counts.contractWon,
      contracts_awarded_total: counts.contractsAwardedTotal,
      municipalities_consulted: counts.municipalitiesConsulted,
      vision_adapted: counts.visionAdapted,
      escalated: counts.escalated,
    },
    escalationTypes: { legal: counts.legal, council: counts.council, publicity: counts.publicity },
  };
}

/**
 * A year from a URL segment or the CLI ("2021"), from FIRST_YEAR up to this year (dates.ts); null for anything else,
 * so routes answer 404 rather than guess.
 */
export function parseReportYear(text: string | undefined): number | null {
  return parseYear(text);
}
