import { SIGNAL_CSV_COLUMNS, SIGNAL_CSV_FORMAT, signalCsvCells, signalCsvHeader, type SignalRecord } from "~/domain/signal-csv";
import { neutraliseRow } from "~/domain/spreadsheet-cell";
import { csvStream, xlsxStream } from "~/utils/export-stream.server";
import type { ExportRows } from "./signal-export-rows.server";

/** The same columns as the CSV, so a spreadsheet user sees the codes the import expects. */
function columnsFor(includeSummary: boolean) {
  return SIGNAL_CSV_COLUMNS.filter((c) => includeSummary || c !== "summary");
}

function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** `machine`: DESIGN.md's exact signals.csv, which imports back unchanged; otherwise neutralised for spreadsheets. */
export function toCsv(source: ExportRows, includeSummary: boolean, machine: boolean): ReadableStream<Uint8Array> {
  const options = { includeSummary, cells: machine ? "exact" : "spreadsheet" } as const;
  return csvStream(signalCsvHeader(options), { rows: mapped(source.rows, (record) => signalCsvCells(record, options)), close: source.close }, SIGNAL_CSV_FORMAT);
}

/**
 * Cells are written as typed strings, never as formulas, and neutralised as in the spreadsheet CSV: a summary that
 * starts with "=" stays text even when someone edits the cell or saves the sheet as CSV.
 */
export function toXlsx(source: ExportRows, includeSummary: boolean): ReadableStream<Uint8Array> {
  const columns = columnsFor(includeSummary);
  const row = (record: SignalRecord) => {
    const values: Record<string, string> = {
      received_on: record.receivedOn,
      channel: record.channel,
      requester_type: record.requesterType,
      referred_by: record.referredBy,
      region_code: record.regionCode,
      municipality_code: record.municipalityCode ?? "",
      association: record.association ?? "",
      topic: record.topic,
      procurement_phase: record.procurementPhase,
      triggers: record.triggers.join(";"),
      procedure: record.procedure,
      funding: record.funding,
      segment: record.segment ?? "",
      status: record.status,
      summary: record.summary ?? "",
    };
    return neutraliseRow(columns.map((c) => values[c] ?? ""));
  };
  return xlsxStream(
    { name: "Signalen", header: true, columns: columns.map((key) => ({ header: key, key, width: key === "summary" ? 60 : 18 })) },
    { rows: mapped(source.rows, row), close: source.close },
  );
}
