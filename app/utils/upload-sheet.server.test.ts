import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readUpload } from "./upload-sheet.server";

const ROWS = [
  ["Datum binnengekomen", "Afkomstig van", "Jeugdregio", "Soort vraag", "Fase inkoop"],
  [new Date(Date.UTC(2025, 2, 15)), "Vrijgevestigde aanbieder", "JZ02", "AVG", "Lopende aanbesteding"],
];

/** The same cells as Excel would write them on another save: another author, time, sheet name and column widths. */
async function xlsxOf(rows: ExcelJS.CellValue[][], save: { creator: string; modified: Date; sheetName: string; width: number }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = save.creator;
  workbook.lastModifiedBy = save.creator;
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  workbook.modified = save.modified;
  const sheet = workbook.addWorksheet(save.sheetName);
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).width = save.width;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function hashOf(bytes: Uint8Array): Promise<string> {
  const upload = await readUpload(bytes);
  if ("issues" in upload) throw new Error(JSON.stringify(upload.issues));
  return upload.hash;
}

describe("readUpload's fingerprint of an .xlsx", () => {
  const first = { creator: "Intermediair", modified: new Date(Date.UTC(2025, 3, 1, 9)), sheetName: "Blad1", width: 12 };
  const resaved = { creator: "Iemand anders", modified: new Date(Date.UTC(2025, 3, 2, 17, 30)), sheetName: "Signalen", width: 20 };

  it("is the same for the same cells saved again, whatever else the file holds", async () => {
    const a = await xlsxOf(ROWS, first);
    const b = await xlsxOf(ROWS, resaved);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(await hashOf(b)).toBe(await hashOf(a));
  });

  it("differs when a cell differs", async () => {
    const changed = [ROWS[0]!, [...ROWS[1]!.slice(0, 3), "Kwaliteits- of toelatingseisen", "Lopende aanbesteding"]];
    expect(await hashOf(await xlsxOf(changed, first))).not.toBe(await hashOf(await xlsxOf(ROWS, first)));
  });
});
