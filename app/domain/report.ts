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
};

/** received_on is compared as text, which only orders correctly while every year has four digits. */
export const MIN_REPORT_YEAR = 1900;
export const MAX_REPORT_YEAR = 2999;

export function isReportYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_REPORT_YEAR && year <= MAX_REPORT_YEAR;
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
function cellsFor<Code extends string>(codes: readonly Code[], counts: Counts, total: number): CodeCells<Code> {
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

/** Until trajectories are recorded: the full shape, so readers of the JSON never meet a missing key. */
export function emptyTrajectoriesReport(): TrajectoriesReport {
  return {
    total: 0,
    regions: 0,
    outcomes: {
      forces_bundled: 0,
      joint_vision: 0,
      cooperative_formed: 0,
      contract_won: 0,
      contracts_awarded_total: 0,
      municipalities_consulted: 0,
      vision_adapted: 0,
      escalated: 0,
    },
    escalationTypes: { legal: 0, council: 0, publicity: 0 },
  };
}
