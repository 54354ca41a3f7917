import { signalsToCsv } from "~/domain/signal-csv";
import { DATE_FORMAT, humanHeaders, humanSignalRow, humanSignalsCsv, type ExportedSignal } from "~/domain/signal-sheet";

/** `machine`: DESIGN.md's exact signals.csv, which imports back unchanged; otherwise the CSV for Dutch Excel. */
export function toCsv(records: ExportedSignal[], includeSummary: boolean, machine: boolean): string {
  return machine ? signalsToCsv(records, { includeSummary, cells: "exact" }) : humanSignalsCsv(records, includeSummary);
}

/**
 * Dutch headers and values, the signal number, dates as date cells, a frozen header row with filters. Cells are
 * written as typed values, never as formulas, and text is neutralised as in the CSV: a summary that starts with "="
 * stays text even when someone edits the cell or saves the sheet as CSV.
 */
export async function toXlsx(records: ExportedSignal[], includeSummary: boolean): Promise<Buffer> {
  // Loaded with the first Excel export, not at every start (a third of a second).
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Rode Draad";
  const sheet = workbook.addWorksheet("Signalen", { views: [{ state: "frozen", ySplit: 1 }] });
  const headers = humanHeaders(includeSummary);
  sheet.columns = headers.map((header, index) => ({
    header,
    width: index === headers.length - 1 && includeSummary ? 60 : Math.max(14, header.length + 4),
    ...(index === 1 ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) sheet.addRow(humanSignalRow(record, includeSummary));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
