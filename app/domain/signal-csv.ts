// The `signals.csv` interface of DESIGN.md ("Interface: CSV import"): reading a file into signal records and writing
// records back out exactly.
//
// Reading is all-or-nothing, like the import transaction it feeds: either every row is a valid record, or the caller
// gets every issue found (line + column + Dutch message), so the intermediary can fix the whole file in one go. Beyond
// DESIGN.md's UTF-8 with ',' the reading also takes what Dutch Excel saves: ';' or tab (csv.ts detects it), the Dutch
// labels of the columns and codes, and dates as 15-03-2025 (signal-row.ts). The same rules read an .xlsx, once
// xlsx-read.server.ts has turned its first sheet into rows.
import { ISO_DATE, todayInTheNetherlands } from "./dates";
import { writeCsv } from "./csv";
import {
  encodingIssue,
  finishIssues,
  readHeader,
  sheetOfText,
  type CsvIssue,
  type HeaderSpec,
  type RankedIssue,
  type ReferenceLookup,
  type Sheet,
} from "./import-sheet";
import type { Association, Channel, Funding, Phase, Procedure, Referrer, RequesterType, SignalStatus, Topic, Trigger } from "./signal-codes";
import { readSignalRow } from "./signal-row";
import { neutraliseRow } from "./spreadsheet-cell";

export { MAX_CSV_ISSUES, type CsvIssue, type ReferenceLookup } from "./import-sheet";
export { MAX_SEGMENT_LENGTH, MAX_SUMMARY_LENGTH } from "./signal-row";

export const SIGNAL_CSV_COLUMNS = [
  "received_on",
  "channel",
  "requester_type",
  "referred_by",
  "region_code",
  "municipality_code",
  "association",
  "topic",
  "procurement_phase",
  "triggers",
  "procedure",
  "funding",
  "segment",
  "status",
  "summary",
] as const;

export type SignalCsvColumn = (typeof SIGNAL_CSV_COLUMNS)[number];

/** Must be present in the header and filled in every row; every other column may be left out of the file entirely. */
export const REQUIRED_SIGNAL_CSV_COLUMNS: readonly SignalCsvColumn[] = [
  "received_on",
  "requester_type",
  "region_code",
  "topic",
  "procurement_phase",
];

/**
 * The Dutch column names: the labels of the intake form (signal-fields.tsx), the first of each is what the human
 * exports write, so an export for Excel, edited and saved, imports again.
 */
export const SIGNAL_COLUMN_LABELS: Record<SignalCsvColumn, readonly string[]> = {
  received_on: ["Datum binnengekomen", "Binnengekomen op", "Datum"],
  channel: ["Binnengekomen via", "Kanaal"],
  requester_type: ["Afkomstig van"],
  referred_by: ["Aangedragen door"],
  region_code: ["Jeugdregio", "Regio", "Regiocode"],
  municipality_code: ["Gemeente", "Gemeentecode"],
  association: ["Beroepsvereniging"],
  topic: ["Soort vraag", "Onderwerp"],
  procurement_phase: ["Fase inkoop", "Fase"],
  triggers: ["Aanleidingen", "Aanleiding"],
  procedure: ["Procedure"],
  funding: ["Financieringsvorm"],
  segment: ["Segment"],
  status: ["Status"],
  summary: ["Korte samenvatting", "Samenvatting"],
};

/** The human exports' first column; the import skips it (a new signal gets a new number). */
export const SIGNAL_NUMBER_LABEL = "Signaalnummer";

const HEADER: HeaderSpec<SignalCsvColumn> = {
  known: SIGNAL_CSV_COLUMNS,
  required: REQUIRED_SIGNAL_CSV_COLUMNS,
  labels: SIGNAL_COLUMN_LABELS,
  ignored: [SIGNAL_NUMBER_LABEL, "Nummer"],
};

export type SignalRecord = {
  receivedOn: string;
  channel: Channel;
  requesterType: RequesterType;
  referredBy: Referrer;
  regionCode: string;
  municipalityCode: string | null;
  association: Association | null;
  topic: Topic;
  procurementPhase: Phase;
  triggers: Trigger[];
  procedure: Procedure;
  funding: Funding;
  segment: string | null;
  status: SignalStatus;
  summary: string | null;
};

export type SignalCsvResult = { records: SignalRecord[] } | { issues: CsvIssue[] };

/** A CSV text (already decoded; see csv.ts decodeText for bytes) in any separator csv.ts detects. */
export function parseSignalsCsv(text: string, reference: ReferenceLookup, options: { today?: string } = {}): SignalCsvResult {
  const sheet = sheetOfText(text);
  if ("issue" in sheet) return { issues: [sheet.issue] };
  const encoding = encodingIssue(text.replace(/^\uFEFF/, ""));
  return parseSignalSheet(sheet, reference, { ...options, extra: encoding ? [encoding] : [] });
}

/** The rows of a CSV or an .xlsx sheet, header first. */
export function parseSignalSheet(
  sheet: Sheet,
  reference: ReferenceLookup,
  options: { today?: string; extra?: RankedIssue[] } = {},
): SignalCsvResult {
  const today = options.today ?? todayInTheNetherlands();
  if (!ISO_DATE.test(today)) throw new Error(`parseSignalSheet: today must be YYYY-MM-DD, got '${today}'`);
  const [header, ...rows] = sheet.rows;
  if (!header || rows.length === 0) return { issues: [{ line: 1, message: "Het bestand bevat geen signalen" }] };

  const columns = readHeader(header, HEADER);
  // A header problem usually means a different file or layout altogether; checking rows against it would bury the
  // one real problem under a message for every row. So a faulty header is reported on its own.
  if ("issues" in columns) return { issues: finishIssues(columns.issues) };

  const issues: RankedIssue[] = [...(options.extra ?? [])];
  const records: SignalRecord[] = [];
  for (const row of rows) {
    const record = readSignalRow(row, columns, header.cells.length, reference, today, issues);
    if (record) records.push(record);
  }
  if (issues.length > 0) return { issues: finishIssues(issues) };
  return { records };
}

// ---------------------------------------------------------------------------------------------------------------------
// Writing DESIGN.md's format

const CELL: Record<SignalCsvColumn, (record: SignalRecord) => string> = {
  received_on: (r) => r.receivedOn,
  channel: (r) => r.channel,
  requester_type: (r) => r.requesterType,
  referred_by: (r) => r.referredBy,
  region_code: (r) => r.regionCode,
  municipality_code: (r) => r.municipalityCode ?? "",
  association: (r) => r.association ?? "",
  topic: (r) => r.topic,
  procurement_phase: (r) => r.procurementPhase,
  triggers: (r) => r.triggers.join(";"),
  procedure: (r) => r.procedure,
  funding: (r) => r.funding,
  segment: (r) => r.segment ?? "",
  status: (r) => r.status,
  summary: (r) => r.summary ?? "",
};

/**
 * The records as `signals.csv`: header row, CRLF line endings, RFC 4180 quoting. Without `includeSummary` the
 * `summary` column is left out altogether (the file then imports again, with empty summaries).
 *
 * `cells: "exact"` is the machine interface of DESIGN.md: every cell as stored, so the file imports back unchanged.
 * `cells: "spreadsheet"` neutralises formula-like text cells (spreadsheet-cell.ts) but keeps the codes; the exports
 * for people are signal-sheet.ts's, in Dutch.
 */
export function signalsToCsv(records: SignalRecord[], options: SignalCsvOptions): string {
  return writeCsv([signalCsvHeader(options), ...records.map((record) => signalCsvCells(record, options))], SIGNAL_CSV_FORMAT);
}

export type SignalCsvOptions = { includeSummary: boolean; cells: "exact" | "spreadsheet" };

/** How `signals.csv` is written (csv.ts), also when it is streamed in batches. */
export const SIGNAL_CSV_FORMAT = { separator: "," } as const;

export function signalCsvHeader(options: Pick<SignalCsvOptions, "includeSummary">): SignalCsvColumn[] {
  return SIGNAL_CSV_COLUMNS.filter((column) => options.includeSummary || column !== "summary");
}

/** One record's row of `signals.csv`, in the columns of `signalCsvHeader`. */
export function signalCsvCells(record: SignalRecord, options: SignalCsvOptions): string[] {
  const cells = signalCsvHeader(options).map((column) => CELL[column](record));
  return options.cells === "spreadsheet" ? neutraliseRow(cells) : cells;
}
