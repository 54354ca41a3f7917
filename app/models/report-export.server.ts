import { writeCsv } from "~/domain/csv";
import type { ReportTable } from "~/domain/report-tables";
import { neutraliseRow } from "~/domain/spreadsheet-cell";

/**
 * The report's aggregate tables for spreadsheets. A suppressed figure is written as the page writes it ("< 5",
 * "afgeschermd"), never as a number, so a sum in a spreadsheet cannot quietly treat it as zero. Shares are fractions
 * as in the report JSON.
 */
const HEADER = ["tabel", "code", "omschrijving", "aantal", "aandeel", "vorig_jaar"] as const;

type Value = string | number;

function recordsOf(tables: ReportTable[]): Value[][] {
  return tables.flatMap((table) =>
    table.rows.map((row) => [
      table.title,
      row.code,
      row.label,
      row.count ?? row.countText,
      row.share === undefined || row.share === null ? "" : row.share,
      row.previous === undefined ? "" : (row.previous ?? row.previousText ?? ""),
    ]),
  );
}

/** For spreadsheets only: text cells are neutralised against formula injection (spreadsheet-cell.ts). */
export function reportTablesCsv(tables: ReportTable[]): string {
  return writeCsv([[...HEADER], ...recordsOf(tables).map((cells) => neutraliseRow(cells).map(String))], { separator: "," });
}

/** One sheet per table; cells are plain values, never formulas, and text cells neutralised as in the CSV. */
export async function reportTablesXlsx(tables: ReportTable[], year: number): Promise<Buffer> {
  // Loaded with the first Excel export, not at every start (a third of a second).
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Rode Draad";
  for (const table of tables) {
    // Excel allows 31 characters per sheet name and no ":" or "/".
    const sheet = workbook.addWorksheet(table.id.slice(0, 31), { views: [{ state: "frozen", ySplit: 2 }] });
    sheet.addRow(neutraliseRow([`${table.title} (${year})`])).font = { bold: true };
    sheet.addRow(["code", "omschrijving", "aantal", "aandeel", "vorig_jaar"]).font = { bold: true };
    sheet.columns = [{ width: 26 }, { width: 60 }, { width: 12 }, { width: 12 }, { width: 12 }];
    for (const record of recordsOf([table])) {
      const row = sheet.addRow(neutraliseRow(record.slice(1)));
      row.getCell(4).numFmt = "0%";
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
