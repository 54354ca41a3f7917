import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CLI_TEST_LIMIT, runCli } from "./run-cli";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** npm run import as an operator runs it. */
function runImport(databasePath: string, kind: string, file: string) {
  return runCli("app/cli/import.ts", [kind, file], { DATABASE_PATH: databasePath, SESSION_SECRET: "", DATA_KEY: "" });
}

function receivedDates(databasePath: string): string[] {
  const database = new Database(databasePath, { readonly: true });
  try {
    return (database.prepare("select received_on as d from signals order by received_on").all() as { d: string }[]).map((r) => r.d);
  } finally {
    database.close();
  }
}

// Each run starts tsx and migrates a fresh database: seconds on a busy machine, hence the long limits (CLI_TEST_LIMIT).
describe("npm run import", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-import-cli-"));

  it("imports a file Dutch Excel saved as CSV (';', Windows-1252, labels, 15-03-2025)", async () => {
    const db = path.join(dir, "csv.db");
    const result = await runImport(db, "signals", path.join(ROOT, "app/domain/__fixtures__/signalen-excel-nl.csv"));
    expect(result.stderr).toBe("");
    expect(result).toMatchObject({ code: 0, stdout: "imported 3 signals\n" });
    expect(receivedDates(db)).toEqual(["2025-03-05", "2025-03-15", "2025-04-01"]);
  }, CLI_TEST_LIMIT);

  it("imports an .xlsx, and names the sheet row of an error", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Blad1");
    sheet.addRow(["Datum binnengekomen", "Afkomstig van", "Jeugdregio", "Soort vraag", "Fase inkoop"]);
    sheet.addRow([new Date(Date.UTC(2024, 1, 29)), "Gemeente", "JZ02", "AVG", "Geen"]);
    const good = path.join(dir, "signalen.xlsx");
    await workbook.xlsx.writeFile(good);
    const db = path.join(dir, "xlsx.db");
    expect(await runImport(db, "signals", good)).toMatchObject({ code: 0, stdout: "imported 1 signals\n" });
    expect(receivedDates(db)).toEqual(["2024-02-29"]);

    sheet.addRow([new Date(Date.UTC(2024, 2, 1)), "Fax", "JZ02", "AVG", "Geen"]);
    const bad = path.join(dir, "fout.xlsx");
    await workbook.xlsx.writeFile(bad);
    const result = await runImport(db, "signals", bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("regel 3, kolom Afkomstig van: Onbekende code 'Fax'");
  }, CLI_TEST_LIMIT);
});
