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
import { ISO_DATE, readImportDate, todayInTheNetherlands } from "./dates";
import {
  codeOf,
  encodingIssue,
  finishIssues,
  municipalityProblem,
  readHeader,
  sheetOfText,
  splitList,
  type CsvIssue,
  type Header,
  type HeaderSpec,
  type RankedIssue,
  type ReferenceLookup,
  type Row,
  type Sheet,
} from "./import-sheet";
import {
  ESCALATION_LABELS,
  ESCALATION_TYPES,
  OUTCOME_LABELS,
  OUTCOMES,
  TRAJECTORY_STATUS_LABELS,
  TRAJECTORY_STATUSES,
  type EscalationType,
  type Outcome,
  type TrajectoryStatus,
} from "./trajectory-codes";

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

/** What Excel and people write for true and false: Dutch Excel saves TRUE as WAAR. */
const TRUE_WORDS = ["true", "waar", "ja"];
const FALSE_WORDS = ["false", "onwaar", "nee"];

export const MAX_REF_LENGTH = 40;
/** As the trajectory form (trajectory-form.ts), so a goal typed in the app also imports. */
export const MAX_STRATEGIC_GOAL_LENGTH = 2000;
/** Far above any real number of providers or contracts in one region; a larger number is a pasted date or postcode. */
export const MAX_CSV_COUNT = 10_000;
/** Far above the trajectories of all regions over many years (a few dozen a year). */
export const MAX_TRAJECTORY_ROWS = 2_000;

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

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const DIGITS = /^\d+$/;

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
    const record = readRecord(row, columns, header.cells.length, reference, today, firstLineOfRef, issues);
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
// One row

function readRecord(
  row: Row,
  header: Header<TrajectoryCsvColumn>,
  width: number,
  reference: ReferenceLookup,
  today: string,
  firstLineOfRef: Map<string, number>,
  issues: RankedIssue[],
): TrajectoryRecord | undefined {
  if (row.cells.length !== width) {
    // Usually an unquoted comma in the strategic goal: every cell after it has shifted, so checking them would mislead.
    issues.push({ line: row.line, rank: -1, message: `Deze regel heeft ${row.cells.length} velden, de kopregel ${width}` });
    return undefined;
  }

  const before = issues.length;
  const columns = header.index;
  const report = (column: TrajectoryCsvColumn, message: string) =>
    issues.push({ line: row.line, column: header.names[column] ?? column, rank: columns[column] ?? -1, message });
  /** The cell, trimmed; "" when the column is not in the file. */
  const value = (column: TrajectoryCsvColumn): string => {
    const position = columns[column];
    return position === undefined ? "" : (row.cells[position] ?? "").trim();
  };
  const required = (column: TrajectoryCsvColumn): string | undefined => {
    const text = value(column);
    if (text === "") report(column, "Verplicht veld is leeg");
    return text === "" ? undefined : text;
  };
  const unknownCode = (column: TrajectoryCsvColumn, text: string, codes: readonly string[]) =>
    report(column, `Onbekende code '${text}' — kies uit: ${codes.join(", ")}`);
  const date = (column: TrajectoryCsvColumn, text: string | undefined): string | undefined => {
    if (text === undefined || text === "") return undefined;
    const read = readImportDate(text, { kind: "past", today });
    if ("problem" in read) report(column, read.problem);
    return "date" in read ? read.date : undefined;
  };
  const codeList = <Code extends string>(column: TrajectoryCsvColumn, codes: readonly Code[], labels: Record<Code, string>): Code[] => {
    const found: Code[] = [];
    for (const part of splitList(value(column))) {
      const code = codeOf(part, codes, labels);
      if (code === undefined) unknownCode(column, part, codes);
      else if (!found.includes(code)) found.push(code);
    }
    return found;
  };
  const count = (column: TrajectoryCsvColumn): number | null => {
    const text = value(column);
    if (text === "") return null;
    if (!DIGITS.test(text)) {
      report(column, `'${text}' is geen geheel getal van 0 of meer (alleen cijfers)`);
      return null;
    }
    const number = Number(text);
    if (number > MAX_CSV_COUNT) {
      report(column, `${text} is te groot; hoogstens ${MAX_CSV_COUNT.toLocaleString("nl-NL")} toegestaan`);
      return null;
    }
    return number;
  };

  const ref = required("ref");
  if (ref !== undefined) {
    const firstLine = firstLineOfRef.get(ref);
    if (CONTROL_CHARACTER.test(ref)) {
      report("ref", "Ref mag geen regeleinden of andere stuurtekens bevatten");
    } else if (ref.length > MAX_REF_LENGTH) {
      report("ref", `Ref is ${ref.length} tekens lang; hoogstens ${MAX_REF_LENGTH} toegestaan`);
    } else if (firstLine !== undefined) {
      report("ref", `Ref '${ref}' komt al voor op regel ${firstLine}`);
    } else {
      firstLineOfRef.set(ref, row.line);
    }
  }

  const regionCode = required("region_code");
  const regionKnown = regionCode !== undefined && reference.regionExists(regionCode);
  if (regionCode !== undefined && !regionKnown) report("region_code", `Onbekende regio '${regionCode}'`);

  const startedOn = date("started_on", required("started_on"));
  const closedOn = date("closed_on", value("closed_on"));
  if (startedOn !== undefined && closedOn !== undefined && closedOn < startedOn) {
    report("closed_on", `Einddatum ${closedOn} ligt vóór de begindatum ${startedOn}`);
  }

  const statusText = required("status");
  let status: TrajectoryStatus | undefined;
  if (statusText !== undefined) {
    status = codeOf(statusText, TRAJECTORY_STATUSES, TRAJECTORY_STATUS_LABELS);
    if (status === undefined) unknownCode("status", statusText, TRAJECTORY_STATUSES);
  }
  // Only when closed_on is empty or a valid date: a malformed date has been reported already.
  const closedOnText = value("closed_on");
  if (status === "active" && closedOn !== undefined) {
    report("closed_on", "Een lopend traject (status active) heeft geen einddatum; laat closed_on leeg of kies completed of stopped");
  } else if (status !== undefined && status !== "active" && closedOnText === "") {
    report("closed_on", `Verplicht bij status ${status}: de datum waarop het traject eindigde`);
  }

  const beforeOutcomes = issues.length;
  const outcomes = codeList("outcomes", OUTCOMES, OUTCOME_LABELS);
  const outcomesReadable = issues.length === beforeOutcomes;
  const escalationTypes = codeList("escalation_types", ESCALATION_TYPES, ESCALATION_LABELS);

  const municipalitiesConsulted: string[] = [];
  for (const code of splitList(value("municipalities_consulted"))) {
    const problem = municipalityProblem(code, regionKnown ? regionCode : undefined, reference);
    if (problem !== undefined) report("municipalities_consulted", problem);
    else if (!municipalitiesConsulted.includes(code)) municipalitiesConsulted.push(code);
  }

  const contractWonText = value("contract_won");
  const contractWonLower = contractWonText.toLowerCase();
  const contractWon = TRUE_WORDS.includes(contractWonLower);
  if (contractWonText !== "" && !contractWon && !FALSE_WORDS.includes(contractWonLower)) {
    report("contract_won", `Vul true of false in (leeg betekent false), niet '${contractWonText}'`);
  }
  const contractsAwardedTotal = count("contracts_awarded_total");
  const providersInvolved = count("providers_involved") ?? 0;

  // With a mistyped outcome, whether a cooperative was meant is unknown: only that outcome is reported.
  const cooperative = !outcomesReadable || outcomes.includes("cooperative_formed");
  if (contractWon && !cooperative) {
    report("contract_won", "Een gewonnen contract hoort bij een opgerichte coöperatie: zet cooperative_formed in outcomes");
  }
  if (contractsAwardedTotal !== null && !cooperative) {
    report(
      "contracts_awarded_total",
      "Het aantal gegunde contracten hoort bij een opgerichte coöperatie: zet cooperative_formed in outcomes of laat dit veld leeg",
    );
  }
  // A malformed number has been reported already, so only an empty cell or a 0 is reported here.
  if (contractWon && (value("contracts_awarded_total") === "" || contractsAwardedTotal === 0)) {
    report("contracts_awarded_total", "Bij een gewonnen contract: vul in hoeveel contracten er in totaal zijn gegund (1 of meer)");
  }

  const strategicGoal = required("strategic_goal");
  if (strategicGoal !== undefined && strategicGoal.length > MAX_STRATEGIC_GOAL_LENGTH) {
    report(
      "strategic_goal",
      `Strategisch doel is ${strategicGoal.length} tekens lang; hoogstens ${MAX_STRATEGIC_GOAL_LENGTH.toLocaleString("nl-NL")} toegestaan`,
    );
  }

  if (
    issues.length > before ||
    ref === undefined ||
    regionCode === undefined ||
    startedOn === undefined ||
    status === undefined ||
    strategicGoal === undefined
  ) {
    return undefined;
  }
  return {
    ref,
    regionCode,
    startedOn,
    closedOn: closedOn ?? null,
    status,
    outcomes,
    escalationTypes,
    municipalitiesConsulted,
    contractWon,
    contractsAwardedTotal,
    providersInvolved,
    strategicGoal,
  };
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
