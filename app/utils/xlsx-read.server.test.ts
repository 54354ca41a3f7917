import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseSignalSheet, type ReferenceLookup } from "~/domain/signal-csv";
import { parseTrajectorySheet } from "~/domain/trajectory-csv";
import { readXlsx } from "./xlsx-read.server";
import { zipProblem } from "./zip-guard.server";

const reference: ReferenceLookup = {
  regionExists: (code) => ["JZ01", "JZ02"].includes(code),
  regionOfMunicipality: (code) => ({ GM0014: "JZ01", GM0080: "JZ02" })[code],
};

async function xlsxOf(rows: ExcelJS.CellValue[][], name = "Blad1"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** What Excel holds for a date typed as 15-03-2025: the day's serial number, which exceljs gives as UTC midnight. */
const day = (date: string) => new Date(`${date}T00:00:00Z`);

describe("readXlsx", () => {
  it("reads the first sheet as rows for the signals import: date cells, numbers, rich text, Dutch labels", async () => {
    const bytes = await xlsxOf([
      ["Signaalnummer", "Datum binnengekomen", "Afkomstig van", "Jeugdregio", "Soort vraag", "Fase inkoop", "Status", "Korte samenvatting"],
      [17, day("2025-03-15"), "Vrijgevestigde aanbieder", "JZ02", "AVG", "Lopende aanbesteding", "Nieuw", "Sûdwest-Fryslân"],
      [18, "5-3-2025", "gemeente", "JZ02", "Adviesvraag: strategie bepalen", "geen", null, { richText: [{ text: "coö" }, { text: "peratie" }] }],
      [19, day("2025-01-01"), "Gemeente", "JZ01", "AVG", "Geen", "Afgerond", { formula: '"=1+1"', result: "=1+1" }],
    ]);
    const sheet = await readXlsx(bytes);
    if ("issue" in sheet) throw new Error(sheet.issue.message);
    expect(sheet.rows.map((row) => row.line)).toEqual([1, 2, 3, 4]);
    expect(sheet.rows[1]?.cells.slice(0, 2)).toEqual(["17", "2025-03-15"]);
    const parsed = parseSignalSheet(sheet, reference, { today: "2025-12-31" });
    expect(parsed).toMatchObject({
      records: [
        { receivedOn: "2025-03-15", requesterType: "provider", regionCode: "JZ02", topic: "gdpr", procurementPhase: "running_tender", status: "new", summary: "Sûdwest-Fryslân" },
        { receivedOn: "2025-03-05", requesterType: "municipality", topic: "strategy_advice", procurementPhase: "none", status: "new", summary: "coöperatie" },
        // A formula's cached result is read as text; nothing is evaluated.
        { receivedOn: "2025-01-01", regionCode: "JZ01", status: "closed", summary: "=1+1" },
      ],
    });
  });

  it("keeps the day of a date cell whatever the server's time zone (exceljs gives UTC midnight)", async () => {
    const sheet = await readXlsx(await xlsxOf([["started_on"], [day("2021-11-01")], [day("2021-12-31")]]));
    expect(sheet).toEqual({ rows: [{ line: 1, cells: ["started_on"] }, { line: 2, cells: ["2021-11-01"] }, { line: 3, cells: ["2021-12-31"] }] });
  });

  it("pads rows Excel stored short, drops trailing formatted empties, skips empty rows, and keeps sheet row numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet("Trajecten");
    worksheet.addRow(["Kenmerk", "Jeugdregio", "Gestart", "Status", "Strategisch doel", "Contract gewonnen"]);
    worksheet.getCell("H1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    worksheet.addRow([]);
    worksheet.addRow(["T-1", "JZ01", day("2021-11-01"), "Lopend", "Samen sterker"]);
    worksheet.addRow(["T-2", "JZ02", "01-12-2021", "lopend", "Coöperatie", false]);
    const sheet = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheet).toMatchObject({ rows: [{ line: 1, cells: { length: 6 } }, { line: 3, cells: { length: 6 } }, { line: 4 }] });
    expect(parseTrajectorySheet(sheet as { rows: [] }, reference, { today: "2022-06-30" })).toMatchObject({
      records: [
        { ref: "T-1", startedOn: "2021-11-01", status: "active", contractWon: false },
        { ref: "T-2", startedOn: "2021-12-01", status: "active", strategicGoal: "Coöperatie" },
      ],
    });
  });

  it("refuses more rows than allowed, before reading them", async () => {
    const bytes = await xlsxOf([["received_on"], ["2021-01-01"], ["2021-01-02"], ["2021-01-03"]]);
    expect(await readXlsx(bytes, { maxRows: 2 })).toEqual({
      issue: { line: 1, message: "Het werkblad heeft 4 rijen; per bestand kunnen er hoogstens 2. Splits het bestand" },
    });
  });

  it("refuses a zip that inflates beyond the limit, counting the bytes inflated rather than those declared", async () => {
    // 2 MB of one repeated character compress to a few KB: a small zip bomb.
    const bytes = await xlsxOf([["received_on"], ["x".repeat(2 * 1024 * 1024)]]);
    expect(bytes.length).toBeLessThan(100_000);
    expect(zipProblem(bytes, { maxBytes: 1024 * 1024, maxEntries: 100 })).toMatch(/uitgepakt groter dan 1 MB/);
    expect(zipProblem(bytes, { maxBytes: 10 * 1024 * 1024, maxEntries: 100 })).toBeUndefined();
    expect(await readXlsx(bytes, { zip: { maxBytes: 1024 * 1024, maxEntries: 100 } })).toMatchObject({ issue: { line: 1 } });
  });

  it("says a damaged file is not a readable .xlsx", async () => {
    const bytes = await xlsxOf([["received_on"]]);
    expect(await readXlsx(bytes.subarray(0, bytes.length - 30))).toEqual({ issue: { line: 1, message: "Het bestand is geen leesbaar Excel-bestand (.xlsx)" } });
  });
});
