// The signal exports meant for people (Excel, or a CSV opened in Dutch Excel): the Dutch column names and values the
// app shows, the signal number, dates as dates. DESIGN.md's exact signals.csv is signal-csv.ts's, for machines.
// This module maps one row to its cells; how the file is written (streamed or not) is the export model's business.
import {
  ASSOCIATION_LABELS,
  CHANNEL_LABELS,
  FUNDING_LABELS,
  PHASE_LABELS,
  PROCEDURE_LABELS,
  REFERRER_LABELS,
  REQUESTER_TYPE_LABELS,
  STATUS_LABELS,
  TOPIC_LABELS,
  TRIGGER_LABELS,
} from "./signal-codes";
import { writeCsv } from "./csv";
import { utcMidnightOf } from "./dates";
import { SIGNAL_COLUMN_LABELS, SIGNAL_CSV_COLUMNS, SIGNAL_NUMBER_LABEL, type SignalCsvColumn, type SignalRecord } from "./signal-csv";
import { neutraliseCell } from "./spreadsheet-cell";

export type ExportedSignal = SignalRecord & { id: number };
/** A spreadsheet cell: text (neutralised against formulas), a whole number, or a day (a Date at UTC midnight). */
export type HumanCell = string | number | Date;

/** The Excel number format of the date column: Dutch Excel shows it as dd-mm-jjjj. */
export const DATE_FORMAT = "dd-mm-yyyy";

const WITH_SUMMARY: readonly SignalCsvColumn[] = SIGNAL_CSV_COLUMNS;
const WITHOUT_SUMMARY: readonly SignalCsvColumn[] = SIGNAL_CSV_COLUMNS.filter((column) => column !== "summary");

/** Once, not per row: an export of a million rows calls humanSignalRow a million times. */
function columnsFor(includeSummary: boolean): readonly SignalCsvColumn[] {
  return includeSummary ? WITH_SUMMARY : WITHOUT_SUMMARY;
}

/** The header row: the signal number, then the first Dutch name of each column (what the import reads back). */
export function humanHeaders(includeSummary: boolean): string[] {
  return [SIGNAL_NUMBER_LABEL, ...columnsFor(includeSummary).map((column) => SIGNAL_COLUMN_LABELS[column][0] ?? column)];
}


/** Every column's text but the date's (received_on, a day cell of its own). */
const TEXT: Record<Exclude<SignalCsvColumn, "received_on">, (r: SignalRecord) => string> = {
  channel: (r) => CHANNEL_LABELS[r.channel],
  requester_type: (r) => REQUESTER_TYPE_LABELS[r.requesterType],
  referred_by: (r) => REFERRER_LABELS[r.referredBy],
  region_code: (r) => r.regionCode,
  municipality_code: (r) => r.municipalityCode ?? "",
  association: (r) => (r.association ? ASSOCIATION_LABELS[r.association] : ""),
  topic: (r) => TOPIC_LABELS[r.topic],
  procurement_phase: (r) => PHASE_LABELS[r.procurementPhase],
  // "; " between labels: the import splits on ';' and trims, and no label holds a ';'.
  triggers: (r) => r.triggers.map((t) => TRIGGER_LABELS[t]).join("; "),
  procedure: (r) => PROCEDURE_LABELS[r.procedure],
  funding: (r) => FUNDING_LABELS[r.funding],
  segment: (r) => r.segment ?? "",
  status: (r) => STATUS_LABELS[r.status],
  summary: (r) => r.summary ?? "",
};

/**
 * The cells under humanHeaders with the day as `day` makes it; text that a spreadsheet would run as a formula is
 * neutralised. A loop over the columns, called once per row of an export of up to a million.
 */
function humanCells<Day>(record: ExportedSignal, includeSummary: boolean, day: (iso: string) => Day): (Day | string | number)[] {
  const cells: (Day | string | number)[] = [record.id];
  for (const column of columnsFor(includeSummary)) cells.push(column === "received_on" ? day(record.receivedOn) : neutraliseCell(TEXT[column](record)));
  return cells;
}

/** One signal as the cells under humanHeaders: the day a date cell. */
export function humanSignalRow(record: ExportedSignal, includeSummary: boolean): HumanCell[] {
  return humanCells(record, includeSummary, utcMidnightOf);
}

/** A day as Dutch Excel writes and reads it in a CSV: 15-03-2025 (from the stored 2025-03-15, no Date between). */
function dutchDay(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/**
 * The CSV for Dutch Excel: a UTF-8 BOM (without it Excel reads the bytes as Windows-1252 and ë comes out garbled),
 * ';' (the list separator of Dutch Windows, so a double click opens it in columns), CRLF, dates as 15-03-2025.
 */
export const HUMAN_CSV_FORMAT = { separator: ";", bom: true } as const;

/** One signal's row of the CSV for Dutch Excel, under humanHeaders. */
export function humanCsvCells(record: ExportedSignal, includeSummary: boolean): string[] {
  const cells = humanCells(record, includeSummary, dutchDay);
  cells[0] = String(record.id);
  return cells as string[];
}

export function humanSignalsCsv(records: readonly ExportedSignal[], includeSummary: boolean): string {
  return writeCsv([humanHeaders(includeSummary), ...records.map((record) => humanCsvCells(record, includeSummary))], HUMAN_CSV_FORMAT);
}
