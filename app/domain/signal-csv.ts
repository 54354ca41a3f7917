// The `signals.csv` interface of DESIGN.md ("Interface: CSV import"): reading a file into signal records, writing
// records back out, and the hash that recognises a file imported before.
//
// Reading is all-or-nothing, like the import transaction it feeds: either every row is a valid record, or the caller
// gets every issue found (line + column + Dutch message), so the intermediary can fix the whole file in one go.
//
// Lines: an issue's `line` is the physical line in the file (header = line 1) on which the record *starts*. A quoted
// summary may span several lines, so line and record numbers differ; csv-parse's own `lines` counter cannot be used
// for this (it reports where a record ends, and counts some CRLFs inside quoted cells twice). We therefore take the
// byte offset csv-parse reports after each record and count the line breaks before the next record ourselves.
//
// Writing uses CRLF line endings, the RFC 4180 default and what Excel on Windows expects; reading accepts CRLF and
// LF (even mixed in one file). Line breaks inside quoted cells are kept exactly as they are in both directions.
import { createHash } from "node:crypto";
import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import {
  ASSOCIATIONS,
  CHANNELS,
  FUNDINGS,
  PHASES,
  PROCEDURES,
  REFERRERS,
  REQUESTER_TYPES,
  STATUSES,
  TOPICS,
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
} from "./signal-codes";
import { dateProblem, ISO_DATE, todayInTheNetherlands } from "./dates";
import { neutraliseRow } from "./spreadsheet-cell";

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

/** At most this many issues are returned (the last one then says how many more there are). */
export const MAX_CSV_ISSUES = 500;
/** Same limit as the intake form (signal-form.ts), counted the same way (UTF-16 units), so the two agree. */
export const MAX_SUMMARY_LENGTH = 2000;
export const MAX_SEGMENT_LENGTH = 40;

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

/** `line` is 1-based with the header on line 1; `message` is Dutch, shown to the intermediary as is. */
export type CsvIssue = { line: number; column?: string; message: string };

/** The reference data (regions and municipalities) as it stands in the database at import time. */
export type ReferenceLookup = {
  regionExists(code: string): boolean;
  regionOfMunicipality(code: string): string | undefined;
};

export type SignalCsvResult = { records: SignalRecord[] } | { issues: CsvIssue[] };

const MUNICIPALITY_CODE = /^GM\d{4}$/;
const SEGMENT_CODE = /^[a-z0-9_]+$/;
/** An issue plus its place among the issues of its line: the column's position in the file (-1: the whole line). */
export type RankedIssue = CsvIssue & { rank: number };

export type Row = { line: number; cells: string[] };

/** Where each known column sits in the file; a column left out of the file has no entry. */
export type ColumnIndex<Column extends string = SignalCsvColumn> = Partial<Record<Column, number>>;

export function parseSignalsCsv(
  text: string,
  reference: ReferenceLookup,
  options: { today?: string } = {},
): SignalCsvResult {
  const today = options.today ?? todayInTheNetherlands();
  if (!ISO_DATE.test(today)) throw new Error(`parseSignalsCsv: today must be YYYY-MM-DD, got '${today}'`);

  const body = text.replace(/^\uFEFF/, "");
  const sheet = readRows(body);
  if ("issue" in sheet) return { issues: [sheet.issue] };
  const [header, ...rows] = sheet.rows;
  if (!header || rows.length === 0) return { issues: [{ line: 1, message: "Het bestand bevat geen signalen" }] };

  const columns = readHeader(header, SIGNAL_CSV_COLUMNS, REQUIRED_SIGNAL_CSV_COLUMNS);
  // A header problem usually means a different file or layout altogether; checking rows against it would bury the
  // one real problem under a message for every row. So a faulty header is reported on its own.
  if ("issues" in columns) return { issues: finishIssues(columns.issues) };

  const issues: RankedIssue[] = [];
  const records: SignalRecord[] = [];
  const encoding = encodingIssue(body);
  if (encoding) issues.push(encoding);
  for (const row of rows) {
    const record = readRecord(row, columns.index, header.cells.length, reference, today, issues);
    if (record) records.push(record);
  }

  if (issues.length > 0) return { issues: finishIssues(issues) };
  return { records };
}

/**
 * The caller decoded the upload as UTF-8; U+FFFD is what is left of bytes that were not UTF-8, typically a file
 * Excel saved as "CSV (gescheiden door lijstscheidingsteken)" in Windows-1252, where ë and é come out like this.
 */
export function encodingIssue(body: string): RankedIssue | undefined {
  const undecodable = body.indexOf("\uFFFD");
  if (undecodable < 0) return undefined;
  return {
    line: lineOfCharacter(body, undecodable),
    rank: -1,
    message: "Het bestand is niet als UTF-8 opgeslagen (letters als ë en é zijn onleesbaar); sla het op als 'CSV UTF-8'",
  };
}

/** Sorts by line, then by column position in the file, and caps the list. */
export function finishIssues(issues: RankedIssue[]): CsvIssue[] {
  // Array.prototype.sort is stable, so issues on the same cell keep the order in which they were found.
  const sorted = [...issues].sort((a, b) => a.line - b.line || a.rank - b.rank);
  const plain = sorted.map(({ rank: _rank, ...issue }) => issue);
  if (plain.length <= MAX_CSV_ISSUES) return plain;
  const shown = plain.slice(0, MAX_CSV_ISSUES - 1);
  const firstHidden = plain[MAX_CSV_ISSUES - 1];
  const hidden = plain.length - shown.length;
  shown.push({
    line: firstHidden?.line ?? 1,
    message: `Nog ${hidden} andere problemen, vanaf regel ${firstHidden?.line ?? 1}, worden niet getoond`,
  });
  return shown;
}

// ---------------------------------------------------------------------------------------------------------------------
// Reading the CSV syntax

export function readRows(body: string): { rows: Row[] } | { issue: CsvIssue } {
  // csv-parse turns a string into a UTF-8 Buffer and reports byte offsets in it; we need the same bytes to map those
  // offsets to lines. (Line breaks are single bytes that never occur inside a multi-byte UTF-8 character.)
  const bytes = new TextEncoder().encode(body);
  const lines = lineIndex(bytes);
  const rows: Row[] = [];
  let recordEnd = 0; // byte offset just after the last record read, including its line break

  try {
    parse(body, {
      // Both endings, so a file pasted together from a Windows and a Unix source still reads.
      record_delimiter: ["\r\n", "\n"],
      skip_empty_lines: true,
      // Rows with the wrong number of cells are reported by us, with a line number, rather than aborting the parse.
      relax_column_count: true,
      on_record: (cells: string[], context) => {
        const line = lines.lineAt(startOfRecord(bytes, recordEnd));
        recordEnd = context.bytes;
        // A row of nothing but separators (",,,,") is what spreadsheets leave after deleted rows: not a record.
        if (cells.every((cell) => cell.trim() === "")) return null;
        rows.push({ line, cells });
        return null; // collected above, with their line numbers
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The error belongs to the record after the last one read; point at where that record starts.
    return { issue: { line: lines.lineAt(startOfRecord(bytes, recordEnd)), message: csvErrorMessage(error) } };
  }
  return { rows };
}

/** Skips the empty lines (which csv-parse skips too) between the end of one record and the start of the next. */
function startOfRecord(bytes: Uint8Array, offset: number): number {
  let at = offset;
  for (;;) {
    if (bytes[at] === 0x0a) at += 1;
    else if (bytes[at] === 0x0d && bytes[at + 1] === 0x0a) at += 2;
    else return at;
  }
}

/** Physical lines end in LF (CRLF ends in LF too); a lone CR is not a line break for the parser, so not for us. */
function lineIndex(bytes: Uint8Array): { lineAt(offset: number): number } {
  const breaks: number[] = [];
  bytes.forEach((byte, offset) => {
    if (byte === 0x0a) breaks.push(offset);
  });
  return {
    lineAt(offset) {
      // 1 + the number of line breaks before `offset` (binary search: files can have many thousands of lines).
      let low = 0;
      let high = breaks.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((breaks[middle] ?? Infinity) < offset) low = middle + 1;
        else high = middle;
      }
      return low + 1;
    },
  };
}

export function lineOfCharacter(body: string, index: number): number {
  return body.slice(0, index).split("\n").length;
}

function csvErrorMessage(error: CsvError): string {
  // Some codes lack the CSV_ prefix in csv-parse 6 (INVALID_OPENING_QUOTE), hence the string comparison.
  switch (error.code as string) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "Een aanhalingsteken wordt niet gesloten";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "Na een sluitend aanhalingsteken staat nog tekst in hetzelfde veld";
    case "INVALID_OPENING_QUOTE":
    case "CSV_INVALID_OPENING_QUOTE":
      return "Aanhalingsteken midden in een veld; zet het hele veld tussen aanhalingstekens en verdubbel de aanhalingstekens erin";
    default:
      return "Het bestand is geen leesbaar CSV-bestand";
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The header

/**
 * Maps the header's column names to their positions. `known` are the columns the file may have (anything else is an
 * error), `required` those it must have; every problem of the header is reported at once.
 */
export function readHeader<Column extends string>(
  header: Row,
  known: readonly Column[],
  required: readonly Column[],
): { index: ColumnIndex<Column> } | { issues: RankedIssue[] } {
  const names = header.cells.map((cell) => cell.trim());
  const issues: RankedIssue[] = [];
  const at = (rank: number, message: string, column?: string): RankedIssue =>
    column === undefined ? { line: header.line, rank, message } : { line: header.line, column, rank, message };

  // Dutch Excel saves "CSV" with ';': the whole header then arrives as one unknown column. Say what is wrong instead.
  const only = names[0] ?? "";
  if (names.length === 1 && only.includes(";")) {
    return { issues: [at(-1, "De kolommen zijn gescheiden door ';' in plaats van door ','")] };
  }

  const index: ColumnIndex<Column> = {};
  names.forEach((name, position) => {
    if (name === "") {
      issues.push(at(position, `Kolom ${position + 1} heeft geen naam`));
    } else if (!isCode(known, name)) {
      const meant = known.find((column) => column === name.toLowerCase());
      const hint = meant === undefined ? "" : ` — bedoelt u '${meant}'?`;
      issues.push(at(position, `Onbekende kolom '${name}'${hint}`, name));
    } else if (index[name] !== undefined) {
      issues.push(at(position, `Kolom '${name}' komt twee keer voor`, name));
    } else {
      index[name] = position;
    }
  });
  // Missing columns have no position in the file; they come after the others, in the order of `known`.
  required.forEach((name) => {
    if (index[name] === undefined) {
      issues.push(at(names.length + known.indexOf(name), `Kolom '${name}' ontbreekt`, name));
    }
  });
  return issues.length > 0 ? { issues } : { index };
}

export function isCode<Code extends string>(codes: readonly Code[], value: string): value is Code {
  return (codes as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------------------------------
// One row

function readRecord(
  row: Row,
  columns: ColumnIndex,
  width: number,
  reference: ReferenceLookup,
  today: string,
  issues: RankedIssue[],
): SignalRecord | undefined {
  if (row.cells.length !== width) {
    // Usually an unquoted comma in a text: every cell after it has shifted, so checking them would only mislead.
    issues.push({
      line: row.line,
      rank: -1,
      message: `Deze regel heeft ${row.cells.length} velden, de kopregel ${width}`,
    });
    return undefined;
  }

  const before = issues.length;
  const report = (column: SignalCsvColumn, message: string) =>
    issues.push({ line: row.line, column, rank: columns[column] ?? -1, message });
  /** The cell as written; "" when the column is not in the file. */
  const raw = (column: SignalCsvColumn): string => {
    const position = columns[column];
    return position === undefined ? "" : (row.cells[position] ?? "");
  };
  // Codes are compared exactly (case-sensitive), but surrounding spaces are a typing accident, not a different code.
  const value = (column: SignalCsvColumn): string => raw(column).trim();
  const required = (column: SignalCsvColumn): string | undefined => {
    const text = value(column);
    if (text === "") report(column, "Verplicht veld is leeg");
    return text === "" ? undefined : text;
  };
  const unknownCode = (column: SignalCsvColumn, text: string, codes: readonly string[]) =>
    report(column, `Onbekende code '${text}' — kies uit: ${codes.join(", ")}`);
  const requiredCode = <Code extends string>(column: SignalCsvColumn, codes: readonly Code[]): Code | undefined => {
    const text = required(column);
    if (text === undefined) return undefined;
    if (isCode(codes, text)) return text;
    unknownCode(column, text, codes);
    return undefined;
  };
  const optionalCode = <Code extends string, Default extends Code | null>(
    column: SignalCsvColumn,
    codes: readonly Code[],
    fallback: Default,
  ): Code | Default => {
    const text = value(column);
    if (text === "") return fallback;
    if (isCode(codes, text)) return text;
    unknownCode(column, text, codes);
    return fallback;
  };

  const receivedOnText = required("received_on");
  let receivedOn: string | undefined;
  if (receivedOnText !== undefined) {
    const problem = dateProblem(receivedOnText, { kind: "past", today });
    if (problem === undefined) receivedOn = receivedOnText;
    else report("received_on", problem);
  }
  const channel = optionalCode("channel", CHANNELS, "other");
  const requesterType = requiredCode("requester_type", REQUESTER_TYPES);
  const referredBy = optionalCode("referred_by", REFERRERS, "other");

  const regionCode = required("region_code");
  const regionKnown = regionCode !== undefined && reference.regionExists(regionCode);
  if (regionCode !== undefined && !regionKnown) report("region_code", `Onbekende regio '${regionCode}'`);

  const municipalityText = value("municipality_code");
  let municipalityCode: string | null = null;
  if (municipalityText !== "") {
    const problem = municipalityProblem(municipalityText, regionKnown ? regionCode : undefined, reference);
    if (problem === undefined) municipalityCode = municipalityText;
    else report("municipality_code", problem);
  }

  const association = optionalCode("association", ASSOCIATIONS, null);
  const topic = requiredCode("topic", TOPICS);
  const procurementPhase = requiredCode("procurement_phase", PHASES);

  // First-seen order is kept (not the DESIGN.md order), so an export imports back to the very same array.
  const triggers: Trigger[] = [];
  for (const part of value("triggers").split(";")) {
    const trigger = part.trim();
    if (trigger === "") continue;
    if (!isCode(TRIGGERS, trigger)) unknownCode("triggers", trigger, TRIGGERS);
    else if (!triggers.includes(trigger)) triggers.push(trigger);
  }

  const procedure = optionalCode("procedure", PROCEDURES, "unknown");
  const funding = optionalCode("funding", FUNDINGS, "unknown");

  const segmentText = value("segment");
  let segment: string | null = null;
  if (segmentText !== "") {
    if (!SEGMENT_CODE.test(segmentText)) {
      report("segment", `Segment '${segmentText}' mag alleen kleine letters, cijfers en _ bevatten`);
    } else if (segmentText.length > MAX_SEGMENT_LENGTH) {
      report("segment", `Segment is ${segmentText.length} tekens lang; hoogstens ${MAX_SEGMENT_LENGTH} toegestaan`);
    } else {
      segment = segmentText;
    }
  }

  const status = optionalCode("status", STATUSES, "new");

  // The summary is free text: kept exactly as written (spaces and line breaks included), so it survives a round trip.
  const summaryText = raw("summary");
  let summary: string | null = null;
  if (summaryText.trim() !== "") {
    if (summaryText.length > MAX_SUMMARY_LENGTH) {
      report(
        "summary",
        `Samenvatting is ${summaryText.length} tekens lang; hoogstens ${MAX_SUMMARY_LENGTH.toLocaleString("nl-NL")} toegestaan`,
      );
    } else {
      summary = summaryText;
    }
  }

  if (
    issues.length > before ||
    receivedOn === undefined ||
    requesterType === undefined ||
    regionCode === undefined ||
    topic === undefined ||
    procurementPhase === undefined
  ) {
    return undefined;
  }
  return {
    receivedOn,
    channel,
    requesterType,
    referredBy,
    regionCode,
    municipalityCode,
    association,
    topic,
    procurementPhase,
    triggers,
    procedure,
    funding,
    segment,
    status,
    summary,
  };
}

/**
 * Why `code` is not an acceptable municipality in the region `regionCode`, or undefined when it is. Pass no region
 * when the row's region is itself unknown: then only the region is reported, as "not in region JZ99" would add nothing.
 */
export function municipalityProblem(
  code: string,
  regionCode: string | undefined,
  reference: ReferenceLookup,
): string | undefined {
  if (!MUNICIPALITY_CODE.test(code)) return `Ongeldige gemeentecode '${code}' — gebruik de vorm GM0000`;
  const regionOfMunicipality = reference.regionOfMunicipality(code);
  if (regionOfMunicipality === undefined) return `Onbekende gemeente '${code}'`;
  if (regionCode !== undefined && regionOfMunicipality !== regionCode) {
    return `Gemeente ${code} ligt niet in regio ${regionCode} maar in ${regionOfMunicipality}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Writing

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
 * `cells: "spreadsheet"` is for people who open the file in Excel: text cells that a spreadsheet would run as a
 * formula get a leading quote (spreadsheet-cell.ts), which would otherwise end up in the summary on import.
 */
export function signalsToCsv(records: SignalRecord[], options: SignalCsvOptions): string {
  return stringify([signalCsvHeader(options), ...records.map((record) => signalCsvCells(record, options))], SIGNAL_CSV_FORMAT);
}

export type SignalCsvOptions = { includeSummary: boolean; cells: "exact" | "spreadsheet" };

/** How `signals.csv` is written, also when it is streamed in batches (each batch then ends in CRLF, as the whole does). */
export const SIGNAL_CSV_FORMAT = {
  record_delimiter: "windows",
  // csv-stringify only quotes a cell holding the *configured* record delimiter (CRLF), so a summary with a bare LF
  // or CR would be written unquoted and split the record on reading. Quote every cell with any line break.
  quoted_match: /[\r\n]/,
  // Neutralising is ours (spreadsheet-cell.ts), with a prefix that can be told apart from the text.
  escape_formulas: false,
} as const;

export function signalCsvHeader(options: Pick<SignalCsvOptions, "includeSummary">): SignalCsvColumn[] {
  return SIGNAL_CSV_COLUMNS.filter((column) => options.includeSummary || column !== "summary");
}

/** One record's row of `signals.csv`, in the columns of `signalCsvHeader`. */
export function signalCsvCells(record: SignalRecord, options: SignalCsvOptions): string[] {
  const cells = signalCsvHeader(options).map((column) => CELL[column](record));
  return options.cells === "spreadsheet" ? neutraliseRow(cells) : cells;
}

/**
 * Fingerprint of an uploaded file, to warn before the same file is imported twice. The BOM is dropped and line
 * endings are normalised first, so the same file saved on Windows (CRLF, often with BOM) is still recognised.
 */
export function fileHash(text: string): string {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return createHash("sha256").update(normalised, "utf8").digest("hex");
}
