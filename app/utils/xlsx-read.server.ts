import type { CsvIssue, Sheet } from "~/domain/import-sheet";
import { dayOfUtcMidnight } from "~/domain/dates";
import { XLSX_LIMITS, zipProblem, type ZipLimits } from "./zip-guard.server";

/** Far above a year of signals (a few hundred); bounds the work one upload can cause, as the 5 MB limit does for CSV. */
export const MAX_SHEET_ROWS = 200_000;

/**
 * The first worksheet of an .xlsx as rows of text cells, header first, ready for the same rules as a CSV. `line` is
 * the sheet's row number, which is what the intermediary sees in Excel. Cells become text as a CSV would hold them:
 * a date cell becomes YYYY-MM-DD, a number its digits, a formula its last computed result (never evaluated here).
 */
export async function readXlsx(
  bytes: Uint8Array,
  limits: { zip?: ZipLimits; maxRows?: number } = {},
): Promise<Sheet | { issue: CsvIssue }> {
  const problem = zipProblem(bytes, limits.zip ?? XLSX_LIMITS);
  if (problem) return { issue: { line: 1, message: problem } };
  const maxRows = limits.maxRows ?? MAX_SHEET_ROWS;
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return { issue: { line: 1, message: "Het bestand is geen leesbaar Excel-bestand (.xlsx)" } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { issue: { line: 1, message: "Het Excel-bestand heeft geen werkblad" } };
  if (sheet.actualRowCount > maxRows + 1) {
    const count = (n: number) => n.toLocaleString("nl-NL");
    return { issue: { line: 1, message: `Het werkblad heeft ${count(sheet.actualRowCount)} rijen; per bestand kunnen er hoogstens ${count(maxRows)}. Splits het bestand` } };
  }
  const rows: Sheet["rows"] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(cellText(row.getCell(column).value));
    // Formatting alone makes a cell exist: empty cells past the header's width (past the last name for the header
    // itself) are dropped, and Excel stores no empty cells at all, so shorter rows are padded to the header's width.
    while (cells.length > width && cells[cells.length - 1]?.trim() === "") cells.pop();
    while (cells.length < width) cells.push("");
    if (cells.every((cell) => cell.trim() === "")) return;
    if (rows.length === 0) width = cells.length;
    rows.push({ line, cells });
  });
  return { rows };
}

type CellValue = import("exceljs").CellValue;

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  // exceljs gives a date cell as a Date at UTC midnight of that day (the serial number read as UTC): read it in UTC.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : dayOfUtcMidnight(value);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}
