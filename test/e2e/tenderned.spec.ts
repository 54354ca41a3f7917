import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { todayInTheNetherlands } from "../../app/domain/dates";
import { createdId, postForm, TODAY } from "../security/support";
import { startFakeTenderNed, type FakeTenderNed } from "../tenderned/fake-server";
import { fakeRow, scenario } from "../tenderned/fixtures";
import { createFirstAdmin, expect, expectAccessible, login, sparePort, startServer, tempDir, test, type WorkerApp } from "./support";

/**
 * The monitor end to end: a server of its own with TENDERNED_URL pointing at a fake TenderNed on 127.0.0.1, so no test
 * reaches any other host, and a first admin who is also the intermediary (as the setup page makes them).
 */
const ADMIN = { name: "Tessa TenderNed", email: "tessa-tenderned@example.org", password: "aanbestedingen volgen 2026" };
const port = sparePort(16);
let app: WorkerApp;
let fake: FakeTenderNed;

test.use({ baseURL: `http://127.0.0.1:${port}` });
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  const fixtures = scenario(todayInTheNetherlands());
  fake = await startFakeTenderNed({ days: fixtures.days, cpv: fixtures.cpv, port: sparePort(15) });
  app = await startServer(path.join(tempDir(), "tenderned"), port, { TENDERNED_URL: fake.url });
  await createFirstAdmin(browser, app.origin, fs.readFileSync(app.logPath, "utf8"), ADMIN);
});

test.afterAll(async () => {
  await app.stop();
  await fake.close();
});

async function newTrajectory(page: Page, regionCode: string, strategicGoal: string): Promise<number> {
  const response = await postForm(page.request, "/trajecten/nieuw", { regionCode, strategicGoal, providersInvolved: "4", startedOn: TODAY }, { origin: app.origin });
  return createdId(response, "/trajecten");
}

async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test("Nu ophalen reads TenderNed and raises herbeoordeling nodig on the trajectory of the authority's region only", async ({ page }) => {
  await login(page, ADMIN);
  const zeist = await newTrajectory(page, "JZ23", "Passende inkoop jeugdhulp Zuidoost Utrecht");
  const elsewhere = await newTrajectory(page, "JZ38", "Andere regio");

  await page.goto("/beheer/tenderned");
  await expect(page.getByText("De monitor staat aan")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Nu ophalen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ophalen is gestart" })).toBeVisible();
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole("table", { name: "Laatste ophaalrondes" }).innerText();
    })
    .toContain("Gelukt, niet alles ontvangen");
  await expect(page.getByRole("table", { name: "Laatste ophaalrondes" })).toContainText("143");
  await expect(page.getByRole("link", { name: "1 aanbestedende dienst nog toe te wijzen" })).toBeVisible();

  await page.goto(`/trajecten/${zeist}`);
  await expect(page.getByText("herbeoordeling nodig").first()).toBeVisible();
  await page.goto("/trajecten?reanalysis=yes");
  await expect(page.getByRole("link", { name: "Zuidoost Utrecht" })).toBeVisible();
  await expect(page.locator(`a[href="/trajecten/${elsewhere}"]`)).toHaveCount(0);

  await page.goto("/regios/JZ23");
  const milestones = page.getByRole("table", { name: "Mijlpalen en documenten van de inkoop" });
  await expect(milestones).toContainText("Specialistische jeugdhulp Zuidoost Utrecht 2027");
  await expect(milestones).toContainText("Nota van inlichtingen");
  await expect(milestones).toContainText("https://www.tenderned.nl/aankondigingen/overzicht/1001");

  await page.goto("/");
  await expect(page.getByRole("region", { name: "Inkoopmijlpalen in de komende 30 dagen" })).toContainText("Inschrijfdeadline: Ambulante begeleiding");
});

test("an unknown authority is assigned with one click, and the alias is kept", async ({ page }) => {
  await login(page, ADMIN);
  await page.goto("/beheer/tenderned/toewijzen");
  await expectAccessible(page);
  await page.getByLabel("Regio voor Serviceorganisatie Jeugd ZHZ").selectOption({ label: "Zuid-Holland Zuid" });
  await page.locator("form").filter({ has: page.getByLabel("Regio voor Serviceorganisatie Jeugd ZHZ") }).getByRole("button", { name: "Toewijzen" }).click();
  await expect(page.getByRole("status")).toContainText("Serviceorganisatie Jeugd ZHZ hoort nu bij de regio: 1 publicatie gekoppeld, 1 mijlpalen toegevoegd");
  await expect(page.getByText("Niets toe te wijzen.")).toBeVisible();
  await page.goto("/beheer/tenderned");
  await expect(page.getByRole("table", { name: "Aliassen" })).toContainText("Serviceorganisatie Jeugd ZHZ");
  await expectAccessible(page);
  await page.goto("/regios/JZ31");
  await expect(page.getByRole("table", { name: "Mijlpalen en documenten van de inkoop" })).toContainText("Marktconsultatie jeugdzorg ZHZ");
});

test("an export file is read through the same matching; a file in another format is refused at the file field", async ({ page }) => {
  await login(page, ADMIN);
  const dir = tempDir();
  const exportFile = path.join(dir, "export.json");
  const today = todayInTheNetherlands();
  fs.writeFileSync(exportFile, JSON.stringify({ content: [fakeRow({ id: "8001", day: today, type: "VOP", name: "Vooraankondiging jeugdhulp Bunnik", authority: "Gemeente Bunnik" })], totalElements: 1, totalPages: 1 }));
  const wrongFile = path.join(dir, "wrong.json");
  fs.writeFileSync(wrongFile, "geen json");
  await page.goto("/beheer/tenderned");
  await page.getByLabel("Exportbestand (JSON)").setInputFiles(wrongFile);
  await page.getByRole("button", { name: "Inlezen" }).click();
  await expect(page.getByRole("alert")).toContainText("Dit bestand is geen JSON.");
  await page.getByLabel("Exportbestand (JSON)").setInputFiles(exportFile);
  await page.getByRole("button", { name: "Inlezen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Exportbestand ingelezen" })).toContainText("1 aan een regio gekoppeld");
  await expect(page.getByRole("table", { name: "Laatste ophaalrondes" })).toContainText("Exportbestand");

  // What a file or TenderNed sends is text on the page, never markup, and a javascript: link never becomes a link.
  const hostile = path.join(dir, "hostile.json");
  const payload = '<img src=x onerror="window.__xss=1">';
  fs.writeFileSync(hostile, JSON.stringify([{ ...fakeRow({ id: "8002", day: today, type: "VOP", name: `Jeugdhulp ${payload}`, authority: "Gemeente Bunnik" }), link: { href: "javascript:window.__xss=2" } }]));
  await page.getByLabel("Exportbestand (JSON)").setInputFiles(hostile);
  await page.getByRole("button", { name: "Inlezen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Exportbestand ingelezen" })).toBeVisible();
  await page.goto("/aanbestedingen?soort=VOP&regio=JZ23");
  await expect(page.getByRole("table")).toContainText(`Jeugdhulp ${payload}`);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
});

test.describe("page Aanbestedingen", () => {
  test("lists the youth-care publications with filters in the URL, links to TenderNed and the region", async ({ page }) => {
    await login(page, ADMIN);
    await page.goto("/aanbestedingen");
    await expect(page.getByRole("table")).toContainText("7 publicaties");
    await expect(page.getByRole("table")).not.toContainText("Reconstructie Utrechtseweg");
    await expectAccessible(page);
    await page.getByLabel("Soort").selectOption({ label: "Marktconsultatie" });
    await page.getByRole("button", { name: "Filteren" }).click();
    await expect(page).toHaveURL(/soort=MAC/);
    const table = page.getByRole("table");
    await expect(table).toContainText("1 publicatie");
    await expect(table.getByRole("link", { name: /Marktconsultatie jeugdzorg ZHZ/ })).toHaveAttribute("href", "https://www.tenderned.nl/aankondigingen/overzicht/1005");
    await expect(table.getByRole("link", { name: "Zuid-Holland Zuid" })).toHaveAttribute("href", "/regios/JZ31");
    await page.goto(`/aanbestedingen?sluitVanaf=${todayInTheNetherlands()}&regio=JZ23`);
    await expect(page.getByRole("table")).toContainText("3 publicaties");
  });

  test.describe("at 390 px wide", () => {
    test.use({ viewport: { width: 390, height: 844 } });
    test("the pages of the monitor do not scroll sideways", async ({ page }) => {
      await login(page, ADMIN);
      for (const url of ["/aanbestedingen", "/beheer/tenderned", "/beheer/tenderned/toewijzen"]) {
        await page.goto(url);
        expect(await scrollWidth(page), url).toBeLessThanOrEqual(390);
      }
      await expectAccessible(page);
    });
  });
});
