// The `trajectories.csv` interface of DESIGN.md ("Interface: CSV import"): reading a file into trajectory records.
//
// Same machinery and conventions as signal-csv.ts (csv.ts and import-sheet.ts): ',' ';' or tab, UTF-8 or
// Windows-1252, a header of codes or Dutch labels, RFC 4180 quoting, CRLF or LF, dates ISO or 15-03-2025; all or
// nothing (either every row is a valid record or the caller gets every issue, sorted by line and then by the column's
// position in the file, capped at MAX_CSV_ISSUES); an issue's `line` is the physical line on which the record starts
// (header = line 1); messages are Dutch. Codes are compared exactly after trimming surrounding spaces, labels without
// regard to case and accents; multi-valued cells are split on `;`, empty parts are ignored, duplicates collapse, and
// the first-seen order is kept.
//
// Rules DESIGN.md leaves open, as chosen here:
// - Required (column in the header and a value in every row): `ref`, `region_code`, `started_on`, `status`,
//   `strategic_goal`. `ref` is the only key a file has, so re-importing or correcting a trajectory needs it;
//   `region_code`, `started_on` and `strategic_goal` are NOT NULL in the database and have no sensible default;
//   `status` has no default either: an empty status next to a closed_on cannot tell `completed` from `stopped`, and
//   defaulting to `active` would hide a trajectory that has ended. Every other column may be left out of the file.
// - `ref`: at most MAX_REF_LENGTH characters, no line breaks or other control characters, unique within the file
//   (compared exactly, as the database's unique index does). Whether it already exists in the database is for the
//   import to check, not for this parser.
// - Dates: the "past" rule of dates.ts: a day that exists, from 2000, not after today (a trajectory that has not
//   started yet is not recorded, and a closing date in the future means it is still running). `closed_on` is not
//   before `started_on`.
// - `status` and `closed_on` agree: `active` has no closed_on, `completed` and `stopped` have one. A closed trajectory
//   without an end date would count in every later year's report.
// - `contract_won`: `true`/`false` in any letter case (Excel turns `true` into `TRUE`, Dutch Excel into `WAAR`), also
//   `waar`/`onwaar` and `ja`/`nee`; empty = false.
// - `contract_won` and `contracts_awarded_total` belong to a cooperative (DESIGN.md: "cooperative_formed with
//   contract_won and contracts_awarded_total, e.g. 1 of 15"), so both need `cooperative_formed` in `outcomes`; a won
//   contract needs a contracts_awarded_total of at least 1, or the report would say "1 of 0".
// - Numbers: whole numbers from 0 to MAX_CSV_COUNT written as digits only (no sign, decimals or thousands separator).
//   `providers_involved` empty = 0 (the database default: not recorded); `contracts_awarded_total` empty = unknown.
// - `strategic_goal`: surrounding spaces trimmed, at most MAX_STRATEGIC_GOAL_LENGTH characters.
// - DESIGN.md: one trajectory "per region and period". Two rows for the same region whose periods overlap are an error
//   (usually the same trajectory entered twice); a trajectory may start on the day the previous one closed. This is
//   checked among the rows that are otherwise valid.
// - At most MAX_TRAJECTORY_ROWS rows per file: checking periods compares every row with the earlier ones in its
//   region, and a file at the upload limit would otherwise hold the server for minutes.
import { ISO_DATE, todayInTheNetherlands } from "./dates";
import {
  encodingIssue,
  finishIssues,
  readHeader,
  sheetOfText,
  type CsvIssue,
  type Header,
  type HeaderSpec,
  type RankedIssue,
  type ReferenceLookup,
  type Sheet,
} from "./import-sheet";
import type { EscalationType, Outcome, TrajectoryStatus } from "./trajectory-codes";
import { readTrajectoryRow } from "./trajectory-row";

export const TRAJECTORY_CSV_COLUMNS = [
  "ref",
  "region_code",
  "started_on",
  "closed_on",
  "status",
  "outcomes",
  "escalation_types",
  "municipalities_consulted",
  "contract_won",
  "contracts_awarded_total",
  "providers_involved",
  "strategic_goal",
] as const;

export type TrajectoryCsvColumn = (typeof TRAJECTORY_CSV_COLUMNS)[number];

/** Must be present in the header and filled in every row; every other column may be left out of the file entirely. */
export const REQUIRED_TRAJECTORY_CSV_COLUMNS: readonly TrajectoryCsvColumn[] = [
  "ref",
  "region_code",
  "started_on",
  "status",
  "strategic_goal",
];

/** Dutch column names a person may use instead of the codes (as the trajectory pages call them). */
export const TRAJECTORY_COLUMN_LABELS: Record<TrajectoryCsvColumn, readonly string[]> = {
  ref: ["Kenmerk"],
  region_code: ["Jeugdregio", "Regio", "Regiocode"],
  started_on: ["Gestart", "Startdatum", "Begindatum"],
  closed_on: ["Afgesloten", "Einddatum"],
  status: ["Status"],
  outcomes: ["Uitkomsten"],
  escalation_types: ["Escalaties", "Escalatie"],
  municipalities_consulted: ["Gemeenten meegepraat", "Gemeenten gehoord"],
  contract_won: ["Contract gewonnen"],
  contracts_awarded_total: ["Contracten gegund", "Gegunde contracten"],
  providers_involved: ["Aantal aanbieders", "Aanbieders betrokken"],
  strategic_goal: ["Strategisch doel"],
};

const HEADER: HeaderSpec<TrajectoryCsvColumn> = {
  known: TRAJECTORY_CSV_COLUMNS,
  required: REQUIRED_TRAJECTORY_CSV_COLUMNS,
  labels: TRAJECTORY_COLUMN_LABELS,
};

/** Far above the trajectories of all regions over many years (a few dozen a year). */
export const MAX_TRAJECTORY_ROWS = 2_000;

export { MAX_CSV_COUNT, MAX_REF_LENGTH, MAX_STRATEGIC_GOAL_LENGTH } from "./trajectory-row";

export type TrajectoryRecord = {
  ref: string;
  regionCode: string;
  startedOn: string;
  /** null while the trajectory runs. */
  closedOn: string | null;
  status: TrajectoryStatus;
  outcomes: Outcome[];
  /** Non-empty means escalated. */
  escalationTypes: EscalationType[];
  /** GM codes, all in `regionCode`. */
  municipalitiesConsulted: string[];
  contractWon: boolean;
  /** null when not recorded. */
  contractsAwardedTotal: number | null;
  providersInvolved: number;
  strategicGoal: string;
};

export type TrajectoryCsvResult = { records: TrajectoryRecord[] } | { issues: CsvIssue[] };

/** A CSV text (already decoded; see csv.ts decodeText for bytes) in any separator csv.ts detects. */
export function parseTrajectoriesCsv(
  text: string,
  reference: ReferenceLookup,
  options: { today?: string; refExists?: (ref: string) => boolean } = {},
): TrajectoryCsvResult {
  const sheet = sheetOfText(text);
  if ("issue" in sheet) return { issues: [sheet.issue] };
  const encoding = encodingIssue(text.replace(/^\uFEFF/, ""));
  return parseTrajectorySheet(sheet, reference, { ...options, extra: encoding ? [encoding] : [] });
}

/** The rows of a CSV or an .xlsx sheet, header first. */
export function parseTrajectorySheet(
  sheet: Sheet,
  reference: ReferenceLookup,
  options: { today?: string; refExists?: (ref: string) => boolean; extra?: RankedIssue[] } = {},
): TrajectoryCsvResult {
  const today = options.today ?? todayInTheNetherlands();
  if (!ISO_DATE.test(today)) throw new Error(`parseTrajectorySheet: today must be YYYY-MM-DD, got '${today}'`);
  const [header, ...rows] = sheet.rows;
  if (!header || rows.length === 0) return { issues: [{ line: 1, message: "Het bestand bevat geen trajecten" }] };
  if (rows.length > MAX_TRAJECTORY_ROWS) {
    const count = (n: number) => n.toLocaleString("nl-NL");
    return { issues: [{ line: 1, message: `Het bestand bevat ${count(rows.length)} trajecten; per bestand kunnen er hoogstens ${count(MAX_TRAJECTORY_ROWS)}. Splits het bestand` }] };
  }

  const columns = readHeader(header, HEADER);
  // As for signals: a faulty header is reported on its own rather than under a message for every row.
  if ("issues" in columns) return { issues: finishIssues(columns.issues) };

  const issues: RankedIssue[] = [...(options.extra ?? [])];

  const firstLineOfRef = new Map<string, number>();
  const read: { line: number; record: TrajectoryRecord }[] = [];
  for (const row of rows) {
    const record = readTrajectoryRow(row, columns, header.cells.length, reference, today, firstLineOfRef, issues);
    if (record) read.push({ line: row.line, record });
  }
  checkOverlaps(read, columns, issues);
  // A ref already in the database would make the import fail half-way at the unique index; say so up front.
  for (const { line, record } of read) {
    if (options.refExists?.(record.ref)) {
      issues.push({ line, column: columns.names.ref ?? "ref", rank: columns.index.ref ?? -1, message: `Traject '${record.ref}' bestaat al in Rode Draad` });
    }
  }

  if (issues.length > 0) return { issues: finishIssues(issues) };
  return { records: read.map(({ record }) => record) };
}

// ---------------------------------------------------------------------------------------------------------------------
// Across rows

/**
 * One trajectory per region and period: reports each row whose period overlaps that of an earlier row of the same
 * region, naming the first such row. Periods run from started_on to closed_on (open-ended while running); a period
 * that starts on the day another closes does not overlap it.
 */
function checkOverlaps(
  read: { line: number; record: TrajectoryRecord }[],
  header: Header<TrajectoryCsvColumn>,
  issues: RankedIssue[],
): void {
  const byRegion = new Map<string, { line: number; record: TrajectoryRecord }[]>();
  for (const current of read) {
    const earlier = byRegion.get(current.record.regionCode) ?? [];
    const clash = earlier.find(({ record }) => overlaps(record, current.record));
    if (clash) {
      issues.push({
        line: current.line,
        column: header.names.started_on ?? "started_on",
        rank: header.index.started_on ?? -1,
        message:
          `Regio ${current.record.regionCode} heeft in deze periode al een traject: ref '${clash.record.ref}' op regel ${clash.line} ` +
          `(${periodText(clash.record)}); per regio loopt één traject tegelijk`,
      });
    }
    earlier.push(current);
    byRegion.set(current.record.regionCode, earlier);
  }
}

function overlaps(a: TrajectoryRecord, b: TrajectoryRecord): boolean {
  // YYYY-MM-DD strings compare as dates; a running trajectory has no end.
  const endsAfter = (record: TrajectoryRecord, day: string) => record.closedOn === null || record.closedOn > day;
  return endsAfter(a, b.startedOn) && endsAfter(b, a.startedOn);
}

function periodText(record: TrajectoryRecord): string {
  return record.closedOn === null ? `sinds ${record.startedOn}` : `${record.startedOn} t/m ${record.closedOn}`;
}
