import { SIGNAL_CSV_FORMAT, signalCsvCells, signalCsvHeader } from "~/domain/signal-csv";
import { DATE_FORMAT, HUMAN_CSV_FORMAT, humanCsvCells, humanHeaders, humanSignalRow } from "~/domain/signal-sheet";
import { csvStream, xlsxStream } from "~/utils/export-stream.server";
import type { ExportRows } from "./signal-export-rows.server";

function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** `machine`: DESIGN.md's exact signals.csv, which imports back unchanged; otherwise the CSV for Dutch Excel. */
export function toCsv(source: ExportRows, includeSummary: boolean, machine: boolean): ReadableStream<Uint8Array> {
  if (machine) {
    const options = { includeSummary, cells: "exact" } as const;
    return csvStream(signalCsvHeader(options), { rows: mapped(source.rows, (record) => signalCsvCells(record, options)), close: source.close }, SIGNAL_CSV_FORMAT);
  }
  return csvStream(humanHeaders(includeSummary), { rows: mapped(source.rows, (record) => humanCsvCells(record, includeSummary)), close: source.close }, HUMAN_CSV_FORMAT);
}

/**
 * Dutch headers and values, the signal number, dates as date cells, a frozen header row with filters. Cells are
 * written as typed values, never as formulas, and text is neutralised as in the CSV: a summary that starts with "="
 * stays text even when someone edits the cell or saves the sheet as CSV.
 */
export function toXlsx(source: ExportRows, includeSummary: boolean): ReadableStream<Uint8Array> {
  const headers = humanHeaders(includeSummary);
  const columns = headers.map((header, index) => ({
    header,
    key: `c${index}`,
    width: index === headers.length - 1 && includeSummary ? 60 : Math.max(14, header.length + 4),
    ...(index === 1 ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
  return xlsxStream({ name: "Signalen", header: true, columns }, { rows: mapped(source.rows, (record) => humanSignalRow(record, includeSummary)), close: source.close });
}
