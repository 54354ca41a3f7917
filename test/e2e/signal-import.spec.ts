import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { admin, E2E_DIR, expect, expectAccessible, login, test } from "./support";

const HEADER = "received_on,channel,requester_type,referred_by,region_code,municipality_code,association,topic,procurement_phase,triggers,procedure,funding,segment,status,summary";
const VALID = [
  HEADER,
  '2019-02-11,email,provider,direct,JZ43,,LVVP,strategy_advice,upcoming_tender,provider_reduction;admin_burden,tender,effort,ambulant,closed,"Consortiumvorming, wat nu?"',
  "2019-03-05,phone,municipality,region_adviser,JZ43,,,quality_admission,running_tender,stricter_requirements,open_house,output,,answered,Eisen aan SKJ-registratie",
  '2019-04-20,meeting,provider,programme,JZ43,,NIP,contract_change,running_contract,,,,,new,"Meerregelige ""samenvatting""\nmet een tweede regel"',
].join("\n");

async function upload(page: Page, name: string, content: string | Uint8Array, mimeType = "text/csv"): Promise<void> {
  await page.goto("/signalen/import");
  await page.getByLabel("CSV- of Excel-bestand").setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
  await page.getByRole("button", { name: "Bestand controleren" }).click();
}

/** The "Alle (n)" tab counts every signal of the view, whatever the status. */
async function countIn2019(page: Page): Promise<number> {
  await page.goto("/signalen?year=2019&region=JZ43");
  const tab = await page.getByRole("link", { name: /^Alle \(\d+\)$/ }).textContent();
  return Number(/(\d+)/.exec(tab ?? "")?.[1]);
}

function auditCount(action: string): number {
  const database = new Database(path.join(E2E_DIR, "rode-draad.db"), { readonly: true });
  try {
    return (database.prepare("select count(*) as n from audit_log where action = ?").get(action) as { n: number }).n;
  } finally {
    database.close();
  }
}

function stagedCount(): number {
  const database = new Database(path.join(E2E_DIR, "rode-draad.db"), { readonly: true });
  try {
    return (database.prepare("select count(*) as n from signal_uploads").get() as { n: number }).n;
  } finally {
    database.close();
  }
}

test.beforeEach(async ({ page }) => {
  await login(page, admin());
});

test("an empty file is refused at the file field, by the browser and by the server", async ({ page }) => {
  const stagedBefore = stagedCount();
  await upload(page, "leeg.csv", "");
  const field = page.getByLabel("CSV- of Excel-bestand");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await field.getAttribute("aria-describedby")}`)).toHaveText("Het gekozen bestand is leeg.");

  // Without the browser's check (no JavaScript, or a hand-made post) the action says the same at the same field.
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const response = await page.request.post("/signalen/import", {
    multipart: { csrf, intent: "upload", file: { name: "leeg.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) } },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(400);
  const html = await response.text();
  const input = /<input[^>]*type="file"[^>]*>/.exec(html)?.[0] ?? "";
  expect(input).toContain('aria-invalid="true"');
  expect(html).toContain("Het gekozen bestand is leeg.");
  expect(stagedCount()).toBe(stagedBefore);
});

test("a file with errors is previewed with line and column, and nothing is imported", async ({ page }) => {
  const broken = [VALID, "2019-02-30,email,provider,direct,JZ43,GM0014,,gdpr,none,,,,,,Datum bestaat niet", "2019-05-01,fax,provider,direct,JZ43,,,gdpr,later,,,,,,Twee fouten"].join("\n");
  await upload(page, "fouten.csv", broken);
  await expect(page.getByRole("alert")).toContainText("fouten.csv: 4 fouten");
  const table = page.getByRole("table", { name: "Fouten per regel en kolom" });
  await expect(table.getByRole("row", { name: /^6 received_on/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /^6 municipality_code/ })).toContainText("ligt niet in regio JZ43");
  await expect(table.getByRole("row", { name: /^7 channel/ })).toContainText("fax");
  await expect(table.getByRole("row", { name: /^7 procurement_phase/ })).toBeVisible();
  await expectAccessible(page);
  expect(await countIn2019(page)).toBe(0);
});

test("import is one batch: previewed, confirmed, warned about as a duplicate, and undone as a whole", async ({ page }) => {
  await upload(page, "signalen-2019.csv", VALID);
  await expect(page.getByRole("status")).toContainText("3 signalen, binnengekomen van 11 februari 2019 tot en met 20 april 2019");
  await expectAccessible(page);
  await page.getByRole("button", { name: "3 signalen importeren" }).click();
  await expect(page.getByRole("status")).toContainText("3 signalen geïmporteerd");
  expect(await countIn2019(page)).toBe(3);
  await expect(page.getByRole("table")).toContainText("Consortiumvorming, wat nu?");

  const report = (await (await page.request.get("/reports/2019.json")).json()) as {
    signals: { total: number; tenderRelated: { count: number; share: number }; byTopic: Record<string, { count: number }> };
  };
  expect(report.signals.total).toBe(3);
  expect(report.signals.tenderRelated).toEqual({ count: 2, share: 0.67 });
  expect(report.signals.byTopic.gdpr).toEqual({ count: 0, share: 0 });

  await upload(page, "nogmaals.csv", VALID.replaceAll("\n", "\r\n"));
  await expect(page.getByRole("alert").filter({ hasText: "Dit bestand is al eens geïmporteerd" })).toBeVisible();
  await page.getByRole("button", { name: "3 signalen importeren" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nogmaals importeren maakt dubbele signalen" }).first()).toBeVisible();
  expect(await countIn2019(page)).toBe(3);

  await page.goto("/signalen/import");
  const batchRow = page.getByRole("row", { name: /signalen-2019\.csv/ });
  page.once("dialog", (dialog) => void dialog.accept());
  await batchRow.getByRole("button", { name: /ongedaan maken/ }).click();
  await expect(page.getByRole("status")).toContainText("3 signalen verwijderd");
  expect(await countIn2019(page)).toBe(0);
  expect(auditCount("signal.import_undone")).toBeGreaterThan(0);
});

test("the filtered inbox exports to the machine CSV that imports again unchanged, and to Excel; never with reporter identity", async ({ page }) => {
  await upload(page, "export-basis.csv", VALID.replaceAll("JZ43", "JZ42"));
  await page.getByRole("button", { name: "3 signalen importeren" }).click();
  await expect(page.getByRole("status")).toContainText("3 signalen geïmporteerd");

  await page.goto("/signalen?year=2019&region=JZ42&sort=oldest");
  await page.getByLabel("Samenvatting meenemen (vertrouwelijk)").check();
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "CSV voor systemen (DESIGN-formaat)" }).click();
  const csvFile = await (await csvDownload).path();
  const exported = fs.readFileSync(csvFile, "utf8");
  const normalise = (text: string) => text.replace(/\r\n/g, "\n").trim().split("\n");
  // The same rows, with empty optional cells written as the defaults they stand for.
  const expected = VALID.replaceAll("JZ43", "JZ42").replace("running_contract,,,,,new", "running_contract,,unknown,unknown,,new");
  expect(normalise(exported)).toEqual(normalise(expected));

  await page.goto("/signalen?year=2019&region=JZ42");
  const noSummary = page.waitForEvent("download");
  await page.getByRole("button", { name: "CSV voor Excel" }).click();
  const withoutSummary = fs.readFileSync(await (await noSummary).path(), "utf8");
  expect(withoutSummary.startsWith("\uFEFFSignaalnummer;Datum binnengekomen;Binnengekomen via;Afkomstig van;")).toBe(true);
  expect(withoutSummary.split("\r\n")[0]).not.toContain("Korte samenvatting");
  expect(withoutSummary.split("\r\n")[1]).toMatch(/^\d+;20-04-2019;Overleg;Vrijgevestigde aanbieder;Aanpalend programma;JZ42;/);
  expect(withoutSummary).not.toContain("Consortiumvorming");

  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Excel (.xlsx)" }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await xlsxDownload).path());
  const sheet = workbook.getWorksheet("Signalen");
  expect(sheet?.getRow(1).values).toEqual([
    undefined,
    "Signaalnummer",
    "Datum binnengekomen",
    "Binnengekomen via",
    "Afkomstig van",
    "Aangedragen door",
    "Jeugdregio",
    "Gemeente",
    "Beroepsvereniging",
    "Soort vraag",
    "Fase inkoop",
    "Aanleidingen",
    "Procedure",
    "Financieringsvorm",
    "Segment",
    "Status",
  ]);
  expect(sheet?.rowCount).toBe(4);
  expect(typeof sheet?.getRow(2).getCell(1).value).toBe("number");
  expect(sheet?.getRow(2).getCell(2).value).toEqual(new Date(Date.UTC(2019, 3, 20)));
  expect(sheet?.getRow(2).getCell(9).value).toBe("Wijziging in lopend contract");
  expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(sheet?.autoFilter).toBe("A1:O1");

  // An export of the exported file is accepted by the import as it is.
  await upload(page, "weer-terug.csv", exported);
  await expect(page.getByRole("status")).toContainText("3 signalen");
  await page.getByRole("button", { name: "Annuleren" }).click();
  expect(auditCount("signal.exported")).toBeGreaterThanOrEqual(3);
});

test("exports never carry reporter identity or details", async ({ page }) => {
  await page.goto("/signalen/nieuw");
  await page.getByLabel("Afkomstig van").selectOption("provider");
  await page.getByLabel("Jeugdregio").selectOption("JZ41");
  await page.getByLabel("Soort vraag").selectOption("gdpr");
  await page.getByLabel("Fase inkoop").selectOption("none");
  await page.getByLabel("Korte samenvatting").fill("Export-geheimhouding");
  await page.getByText("Meer gegevens (niet verplicht)").click();
  await page.getByLabel("Toelichting (niet verplicht)").fill("Geheime toelichting XYZ");
  await page.getByLabel("Naam melder (niet verplicht)").fill("Geheime Melder");
  await page.getByLabel("E-mailadres melder (niet verplicht)").fill("geheim@melder.example");
  await page.getByRole("button", { name: "Signaal vastleggen" }).click();
  await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");

  await page.goto("/signalen?region=JZ41");
  await page.getByLabel("Samenvatting meenemen (vertrouwelijk)").check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "CSV voor Excel" }).click();
  const text = fs.readFileSync(await (await download).path(), "utf8");
  expect(text).toContain("Export-geheimhouding");
  for (const secret of ["Geheime toelichting XYZ", "Geheime Melder", "geheim@melder.example"]) expect(text).not.toContain(secret);
});

/** Undoes the import of `fileName` on the import page, so other tests meet the database as they left it. */
async function undoImportOf(page: Page, fileName: string): Promise<void> {
  await page.goto("/signalen/import");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("row", { name: new RegExp(fileName.replace(".", "\\.")) }).getByRole("button", { name: /ongedaan maken/ }).click();
  await expect(page.getByRole("status")).toContainText("signalen verwijderd");
}

test("a file saved by Dutch Excel (';', Windows-1252, Dutch labels, 15-03-2025) is previewed as it will be stored, then imported", async ({ page }) => {
  // The import page once threw "Buffer is not defined" in the browser: the client bundle must load without errors.
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const bytes = fs.readFileSync(path.resolve("app/domain/__fixtures__/signalen-excel-nl.csv"));
  expect(bytes.includes(Buffer.from("Sûdwest-Fryslân", "latin1"))).toBe(true);
  await upload(page, "excel-nl.csv", bytes);
  await expect(page.getByRole("status")).toContainText("3 signalen, binnengekomen van 5 maart 2025 tot en met 1 april 2025");
  const rows = page.getByRole("table").first();
  await expect(rows).toContainText("Sûdwest-Fryslân; vraag over de coöperatie");
  await expect(rows).toContainText('Zei "nee" tegen het plan');
  await expect(rows).toContainText("Lopende aanbesteding");
  await expect(rows).toContainText("In behandeling");
  await expectAccessible(page);
  await page.getByRole("button", { name: "3 signalen importeren" }).click();
  await expect(page.getByRole("status")).toContainText("3 signalen geïmporteerd");
  await page.goto("/signalen?year=2025&region=JZ02");
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: "Sûdwest-Fryslân" })).toContainText("15 mrt. 2025");
  await undoImportOf(page, "excel-nl.csv");
  expect(errors).toEqual([]);
});

test("an .xlsx with the same columns is previewed (date cells, labels) and imported; its errors name the row and column", async ({ page }) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Blad1");
  sheet.addRow(["Datum binnengekomen", "Afkomstig van", "Jeugdregio", "Soort vraag", "Fase inkoop", "Korte samenvatting"]);
  sheet.addRow([new Date(Date.UTC(2024, 1, 29)), "Vrijgevestigde aanbieder", "JZ02", "AVG", "Nog te sluiten contract", "Uit Excel: coöperatie"]);
  sheet.addRow([new Date(Date.UTC(2024, 2, 1)), "Gemeente", "JZ02", "Kwaliteits- of toelatingseisen", "Geen", "Tweede rij"]);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  await upload(page, "signalen.xlsx", bytes, xlsx);
  await expect(page.getByRole("status")).toContainText("2 signalen, binnengekomen van 29 februari 2024 tot en met 1 maart 2024");
  await expect(page.getByRole("table").first()).toContainText("Uit Excel: coöperatie");
  await expect(page.getByRole("table").first()).toContainText("Nog te sluiten contract");
  await page.getByRole("button", { name: "2 signalen importeren" }).click();
  await expect(page.getByRole("status")).toContainText("2 signalen geïmporteerd");
  await undoImportOf(page, "signalen.xlsx");

  sheet.getCell("D3").value = "Onbekend onderwerp";
  await upload(page, "fout.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()), xlsx);
  await expect(page.getByRole("alert")).toContainText("fout.xlsx: 1 fout");
  await expect(page.getByRole("table", { name: "Fouten per regel en kolom" }).getByRole("row", { name: /^3 Soort vraag/ })).toContainText("Onbekend onderwerp");
});
