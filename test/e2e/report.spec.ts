import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { DEMO_ACCOUNTS } from "../../app/demo/accounts";
import type { PublishedReport } from "../../app/domain/report-suppression";
import { demoApp, expectedTexts, expectPublishedMatchesLive, tableCounts } from "./report-support";
import { expect, expectAccessible, login, tempDir, test } from "./support";

/** The year report against the demo dataset, published under the default policy (report-strict.spec.ts: the other). */
const demo = demoApp(4);
const [intermediary, reader] = DEMO_ACCOUNTS;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: demo.base });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await demo.start();
});

test.afterAll(async () => {
  await demo.stop();
});

async function asIntermediary(page: Page): Promise<void> {
  await login(page, intermediary!);
}

type ReportJson = PublishedReport & { signals: { total: number } };

test("the 2021 report writes every reference figure of the seed report", async ({ page }) => {
  await asIntermediary(page);
  await page.goto("/rapportage");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Rapportage 2021" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rode draden 2021" })).toBeVisible();
  const findings = page.locator("#rapport-bevindingen").locator("..");
  for (const sentence of [
    "In totaal kwamen er 343 vragen binnen.",
    "98% van alle vragen gaat over een komende of lopende aanbesteding, of het nog te sluiten contract.",
    "85% van alle vragen kwam van vrijgevestigden, 15% rechtstreeks van gemeenten.",
    "80% van de vragen zijn adviesvragen over het bepalen van de strategie",
    "10% gaat over kwaliteits- en/of toelatingseisen, 5% over AVG-gerelateerde zaken en 5% over wijzigingen in een lopend contract",
    "In 2021 liepen 14 bemiddelingstrajecten in 14 verschillende jeugdhulpregio's.",
    "In 13 regio's is het gelukt om de krachten van de vrijgevestigde aanbieders te bundelen",
    "In 11 regio's formuleerden de vrijgevestigden een gezamenlijke visie en missie.",
    "Er zijn 2 coöperaties ontstaan, waarvan één een contract heeft bemachtigd van de in totaal 15 contracten.",
    "In 10 gemeenten mochten de vrijgevestigden meepraten over de inhoud van de inkoopvisie en dit heeft in 8 regio's geleid tot aanpassing van de inkoopvisie.",
    "In 3 regio's was escalatie nodig",
  ]) {
    await expect(findings).toContainText(sentence);
  }
  await expect(page.getByRole("heading", { name: "Bijlage: vergelijking met 2020" })).toBeVisible();
  // Eight charts, rendered as SVG by the server; tender-related and the outcomes by unit each their own.
  await expect(page.locator(".rd-chart svg")).toHaveCount(8);
  await expectAccessible(page);
});

test("every chart's table agrees with the report JSON", async ({ page }) => {
  await asIntermediary(page);
  const json = (await (await page.request.get("/reports/2021.json")).json()) as ReportJson;
  expect(json.signals.total).toBe(343);
  await page.goto("/rapportage/2021");

  const counts = (caption: string) => tableCounts(page, `${caption}: aantallen`);
  const values = (cells: Record<string, { count: number | null }>) => Object.values(cells).map((cell) => String(cell.count));
  expect(await counts("Soort vraag")).toEqual(values(json.signals.byTopic));
  expect(await counts("Afkomstig van")).toEqual(values(json.signals.byRequesterType));
  expect(await counts("Aanleidingen (een vraag kan meer aanleidingen hebben)")).toEqual(values(json.signals.byTrigger));
  expect(await counts("Vragen per maand")).toEqual(json.signals.byMonth.map((m) => String(m.count)));
  expect(await counts("Fase van de inkoop")).toEqual(values(json.signals.byPhase));
  expect(await counts("Aanbestedingsgerelateerd: komende aanbesteding, lopende aanbesteding, nog te sluiten contract")).toEqual(["336"]);
  const o = json.trajectories.outcomes;
  const e = json.trajectories.escalationTypes;
  expect(await counts("Uitkomsten van de bemiddelingstrajecten per regio")).toEqual(
    [o.forces_bundled, o.joint_vision, o.vision_adapted, o.escalated, e.legal, e.council, e.publicity].map(String),
  );
  expect(await counts("Gemeenten waar de vrijgevestigden meepraatten over de inkoopvisie")).toEqual([String(o.municipalities_consulted)]);
  expect(await counts("Coöperaties en contracten")).toEqual([o.cooperative_formed, o.contract_won, o.contracts_awarded_total].map(String));
});

test("a figure opens the records behind it", async ({ page }) => {
  await asIntermediary(page);
  await page.goto("/rapportage/2021");
  await page.getByRole("link", { name: "343 vragen", exact: true }).click();
  await expect(page).toHaveURL(/\/signalen\?year=2021$/);
  await expect(page.locator("caption").first()).toHaveText("343 signalen");

  await page.goto("/rapportage/2021");
  await page.locator("#rapport-bevindingen").locator("..").getByRole("link", { name: "13 regio's", exact: true }).click();
  await expect(page).toHaveURL(/\/trajecten\?year=2021&outcome=forces_bundled$/);
  await expect(page.locator("caption").first()).toHaveText("13 trajecten");
});

test("the narrative is saved in versions and an earlier version can be reopened", async ({ page }) => {
  await asIntermediary(page);
  await page.goto("/rapportage/2021/tekst");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Tekst opslaan" }).click();
  await expect(page.getByText("Schrijf ten minste één van de delen.").first()).toBeVisible();

  await page.getByLabel("Inleiding").fill("Een jaar van **bemiddelen**.\n\n- eerste punt\n- tweede punt <script>x</script>");
  await page.getByLabel("Conclusie", { exact: true }).fill("1. Niet goed gepositioneerd\n2. Krachten bundelen");
  await page.getByRole("button", { name: "Tekst opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("versie 1");
  await page.getByLabel("Inleiding").fill("Een jaar van **bemiddelen** en luisteren.");
  await page.getByRole("button", { name: "Tekst opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("versie 2");

  await page.getByRole("link", { name: "Versie 1 openen" }).click();
  await expect(page.getByLabel("Inleiding")).toHaveValue(/eerste punt/);

  await page.goto("/rapportage/2021");
  const intro = page.locator("#rapport-introduction").locator("..");
  await expect(intro.locator("strong", { hasText: "bemiddelen" })).toBeVisible();
  await expect(intro).toContainText("en luisteren");
  await expect(page.locator("#rapport-conclusions").locator("..").locator("ol li")).toHaveCount(2);
});

test("the document follows the seed report: cover, sections in order with figures from the data, colophon, appendices", async ({ page }) => {
  await asIntermediary(page);
  await page.goto("/rapportage/2021");
  await page.getByLabel("Organisatie (voorblad en colofon)").fill("Ondersteuningsteam Zorg voor de Jeugd");
  await page.getByLabel("Auteur (colofon)").fill("J. Kos");
  await page.getByRole("button", { name: "Colofon opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("colofon zijn opgeslagen");
  await page.goto("/rapportage/2021/tekst");
  // Its own narrative, every part the document shows, so this test needs no earlier one: the save is the next version.
  // The version list names each saved version once: a link to open it, or "(geopend)" for the one on screen.
  const saved = await page.getByText(/^Versie \d+ (openen|\(geopend\))$/).count();
  for (const [label, text] of [
    ["Inleiding", "Een jaar van **bemiddelen** en luisteren."],
    ["Opdracht", "De VNG heeft de intermediair aangesteld."],
    ["Samenvatting van de hulpvragen", "De signalen zijn vrijwel altijd **vertrouwelijk** van aard."],
    ["Werkwijze", "De werkwijze is vraaggericht."],
    ["De bevindingen", "De bemiddelingen zijn uitermate succesvol gebleken."],
    ["Conclusie", "1. Niet goed gepositioneerd\n2. Krachten bundelen"],
  ] as const) {
    await page.getByLabel(label, { exact: true }).fill(text);
  }
  await page.getByRole("button", { name: "Tekst opslaan" }).click();
  await expect(page.getByRole("status")).toContainText(`versie ${saved + 1}`);

  await page.goto("/rapportage/2021");
  const report = page.locator("article.rd-report");
  await expect(report.locator(".rd-report-cover")).toContainText("Ondersteuningsteam Zorg voor de Jeugd");
  const headings = await report.getByRole("heading", { level: 2 }).allInnerTexts();
  expect(headings).toEqual([
    "Inleiding",
    "1. Opdracht",
    "2. Samenvatting van de hulpvragen",
    "3. Werkwijze",
    "4. De bevindingen",
    "5. Conclusie",
    "Colofon",
    "Bijlage: vergelijking met 2020",
    "Bijlage: cijfers en grafieken",
  ]);
  const requests = report.locator("section", { has: page.locator("#rapport-requests") });
  await expect(requests).toContainText("Hoe komen de signalen binnen?");
  await expect(requests).toContainText("Aangedragen door");
  await expect(requests.locator("strong", { hasText: "vertrouwelijk" })).toBeVisible();
  const method = report.locator("section", { has: page.locator("#rapport-method") });
  await expect(method).toContainText("Zo vaak werd elke stap gebruikt in de 14 bemiddelingstrajecten van 2021:");
  await expect(method.locator("li").first()).toContainText("Situatieschets door de vrijgevestigde aanbieders — in 14 trajecten");
  await expect(method.locator("li").nth(5)).toContainText("in 3 trajecten");
  const findings = report.locator("section", { has: page.locator("#rapport-bevindingen") });
  await expect(findings.locator(".rd-key-figure").first()).toContainText("343");
  await expect(findings).toContainText("De bemiddelingen zijn uitermate succesvol gebleken.");
  const colophon = report.locator("section", { has: page.locator("#rapport-colofon") });
  await expect(colophon).toContainText("J. Kos");
  await expect(colophon).toContainText("werkversie");
  // Every printed page after the cover says whose report it is.
  expect(await page.locator(".rd-report style").first().textContent()).toContain('@bottom-left { content: "Ondersteuningsteam Zorg voor de Jeugd · Rode draden 2021 · werkversie"');
  await expectAccessible(page);
});

test("publishing starts with a preview, and readers get exactly that: national counts, no regions, every cell as live", async ({ page, browser }) => {
  await asIntermediary(page);
  await page.goto("/rapportage/2021");
  await expect(page.getByLabel("Uitsplitsingen naar regio of gemeente onder 5")).toBeChecked();
  await page.getByRole("button", { name: "Voorbeeld van versie 1 bekijken" }).click();
  await expect(page).toHaveURL(/\/rapportage\/2021\/publiceren\?beleid=breakdowns_below_k$/);
  await expect(page.getByRole("heading", { level: 1, name: "Voorbeeld: versie 1 van de rapportage 2021" })).toBeVisible();
  const suppressedList = page.getByRole("table", { name: /^Afgeschermde cellen/ });
  await expect(suppressedList).toContainText("Vragen per jeugdregio (de hele tabel)");
  await expect(suppressedList).toContainText("regionamen zijn niet toegestaan");
  // Everything but the lines that say which version this is and when it was published.
  const documentText = (on: Page) => on.locator("article.rd-report > :not(.rd-report-cover):not(.rd-report-colophon)").allInnerTexts();
  const previewText = await documentText(page);
  await expectAccessible(page);
  expect((await page.request.get("/rapportage/2021/versie/1")).status()).toBe(404);
  await page.getByRole("button", { name: "Versie 1 publiceren" }).click();
  await expect(page).toHaveURL(/\/rapportage\/2021\/versie\/1$/);
  await expect(page.getByRole("status")).toContainText("Versie 1 van de rapportage over 2021 is gepubliceerd");
  const live = (await (await page.request.get("/reports/2021.json")).json()) as ReportJson;

  const readerContext = await browser.newContext({ baseURL: demo.base, locale: "nl-NL" });
  const readerPage = await readerContext.newPage();
  await login(readerPage, reader!);
  await readerPage.goto("/rapportage");
  await expectAccessible(readerPage);
  await readerPage.getByRole("link", { name: "Rode draden 2021, versie 1" }).click();
  await expect(readerPage.getByRole("heading", { level: 1, name: "Rode draden 2021" })).toBeVisible();
  // What the preview showed, word for word.
  expect(await documentText(readerPage)).toEqual(previewText);
  const text = await readerPage.locator("main").innerText();
  expect(text).toContain("In totaal kwamen er 343 vragen binnen.");
  expect(text).toContain("Er zijn 2 coöperaties ontstaan, waarvan één een contract heeft bemachtigd van de in totaal 15 contracten.");
  expect(text).toContain("In 3 regio's was escalatie nodig");
  expect(text).toContain("Afscherming: uitsplitsingen naar regio of gemeente onder 5.");
  expect(text).not.toContain("Vragen per jeugdregio");
  await expect(readerPage.locator(".rd-region-map")).toHaveCount(0);
  await expect(readerPage.locator("main a[href^='/signalen'], main a[href^='/trajecten']")).toHaveCount(0);
  await expectAccessible(readerPage);

  // The working figures stay with the intermediary: the live page sends the reader to the latest publication.
  await readerPage.goto("/rapportage/2021");
  await expect(readerPage).toHaveURL(/\/rapportage\/2021\/versie\/1$/);
  for (const staffOnly of ["/signalen", "/rapportage/2021/tekst", "/rapportage/2021/publiceren"]) {
    expect((await readerPage.request.get(staffOnly)).status()).toBe(403);
  }

  const published = (await (await readerPage.request.get("/reports/2021.json")).json()) as PublishedReport;
  expect(published.policy).toEqual({ name: "breakdowns_below_k", threshold: 5 });
  expect(published.suppressed).toEqual(["signals.byRegion"]);
  expect(published.trajectories.outcomes.contract_won).toBe(1);
  expect(JSON.stringify(published)).not.toMatch(/"JZ\d\d"/);
  expectPublishedMatchesLive(published, live);
  const counts = (caption: string) => tableCounts(readerPage, `${caption}: aantallen`);
  expect(await counts("Soort vraag")).toEqual(expectedTexts(Object.values(published.signals.byTopic).map((c) => c.count), Object.values(live.signals.byTopic).map((c) => c.count), 5));

  const csv = await (await readerPage.request.get("/rapportage/2021/tabellen.csv?versie=1")).text();
  expect(csv.split(/\r?\n/)[0]).toBe("tabel,code,omschrijving,aantal,aandeel,vorig_jaar");
  expect(csv).toContain("strategy_advice,Adviesvraag: strategie bepalen,274,0.8,");
  expect(csv).toMatch(/contract_won,[^\n]*,1,,/);
  const xlsx = await readerPage.request.get("/rapportage/2021/tabellen.xlsx?versie=1");
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  await readerContext.close();
});

test("the published report prints to a PDF that holds its figures", async ({ page }) => {
  await asIntermediary(page);
  await page.addInitScript(() => {
    const counted = window as Window & { printed?: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed = (counted.printed ?? 0) + 1;
    };
  });
  await page.goto("/rapportage/2021/versie/1");
  await page.getByRole("button", { name: "PDF of afdrukken" }).click();
  expect(await page.evaluate(() => (window as Window & { printed?: number }).printed)).toBe(1);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".rd-header")).toBeHidden();
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  const file = path.join(tempDir(), "rode-draden-2021.pdf");
  fs.writeFileSync(file, pdf);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(totalPages).toBeGreaterThanOrEqual(4);
  const flat = text.replace(/\s+/g, " ");
  for (const figure of ["Rode draden 2021", "343 vragen", "98%", "85%", "15%", "14 bemiddelingstrajecten", "In 13 regio's", "2 coöperaties"]) {
    expect(flat).toContain(figure);
  }
  expect(flat).not.toContain("Uitloggen");
});

test("a year without records says so, cannot be published, and a malformed year is not found", async ({ page }) => {
  await asIntermediary(page);
  await page.goto("/rapportage/2019");
  await expect(page.getByText("In 2019 zijn geen vragen of signalen vastgelegd.")).toBeVisible();
  await expect(page.getByText("In 2019 liepen geen bemiddelingstrajecten.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Vergelijking met/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Voorbeeld van versie 1 bekijken" }).click();
  await expect(page.getByRole("alert")).toContainText("Er zijn voor 2019 geen cijfers om te publiceren.");
  await expectAccessible(page);
  expect((await page.request.get("/rapportage/20x1")).status()).toBe(404);
  expect((await page.request.get("/rapportage/2021/versie/99")).status()).toBe(404);
  expect((await page.request.get("/rapportage/2021/tabellen.pdf")).status()).toBe(404);
});
