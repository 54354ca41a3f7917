import ExcelJS from "exceljs";
import { SIGNAL_CSV_COLUMNS, signalsToCsv, type SignalRecord } from "~/domain/signal-csv";
import { neutraliseRow } from "~/domain/spreadsheet-cell";

/** The same columns as the CSV, so a spreadsheet user sees the codes the import expects. */
function columnsFor(includeSummary: boolean) {
  return SIGNAL_CSV_COLUMNS.filter((c) => includeSummary || c !== "summary");
}

/** `machine`: DESIGN.md's exact signals.csv, which imports back unchanged; otherwise neutralised for spreadsheets. */
export function toCsv(records: SignalRecord[], includeSummary: boolean, machine: boolean): string {
  return signalsToCsv(records, { includeSummary, cells: machine ? "exact" : "spreadsheet" });
}

/**
 * Cells are written as typed strings, never as formulas, and neutralised as in the spreadsheet CSV: a summary that
 * starts with "=" stays text even when someone edits the cell or saves the sheet as CSV.
 */
export async function toXlsx(records: SignalRecord[], includeSummary: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Rode Draad";
  const sheet = workbook.addWorksheet("Signalen", { views: [{ state: "frozen", ySplit: 1 }] });
  const columns = columnsFor(includeSummary);
  sheet.columns = columns.map((key) => ({ header: key, key, width: key === "summary" ? 60 : 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) {
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
    sheet.addRow(neutraliseRow(columns.map((c) => values[c] ?? "")));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
