import Database from "better-sqlite3";
import { extractText, getDocumentProxy } from "unpdf";
import { DEMO_ACCOUNTS } from "../../app/demo/accounts";
import type { PublishedReport } from "../../app/domain/report-suppression";
import { demoApp, publishThroughPreview } from "./report-support";
import { expect, login, test } from "./support";

/**
 * "Download PDF": the 2021 demo published under the strict policy (so national counts below 5 are suppressed too),
 * downloaded by a reader, opened and read: its text, its pages and their numbers, no suppressed figure. And the
 * print stylesheet the PDF and the browser's print share.
 */
const demo = demoApp(12);
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

const flat = (text: string) => text.replace(/\s+/g, " ");
const countsOf = (cells: Record<string, { count: number | null }>) => Object.values(cells).map((cell) => cell.count);

test("a reader downloads the published version as a PDF made on the server, with page numbers and no cell below k", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await login(page, intermediary!);
  const live = (await (await page.request.get("/reports/2021.json")).json()) as PublishedReport;
  await publishThroughPreview(page, 2021, { policy: "Alle cellen onder 5", showRegions: true });

  const context = await browser.newContext({ baseURL: demo.base, locale: "nl-NL" });
  const readerTab = await context.newPage();
  await login(readerTab, reader!);
  await readerTab.goto("/rapportage/2021/versie/1");
  const link = readerTab.getByRole("link", { name: "Download PDF" });
  await expect(link).toHaveAttribute("href", "/rapportage/2021/versie/1/pdf");
  const response = await readerTab.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["content-disposition"]).toBe('attachment; filename="rode-draden-2021-versie-1.pdf"');
  const pdf = await response.body();
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  const { totalPages, text: pages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  expect(totalPages).toBeGreaterThan(1);
  const all = flat(pages.join(" "));
  for (const part of ["Rode draden 2021", "Gepubliceerde versie 1", "Samenvatting van de hulpvragen", "Werkwijze", "De bevindingen", "Colofon", "In totaal kwamen er 343 vragen binnen."]) {
    expect(all, part).toContain(part);
  }
  // The cover carries no footer; every page after it says which page of how many, and the report and version.
  expect(flat(pages[0]!)).not.toContain("pagina 1 van");
  pages.slice(1).forEach((text, index) => {
    expect(flat(text), `page ${index + 2}`).toContain(`pagina ${index + 2} van ${totalPages}`);
    expect(flat(text), `page ${index + 2}`).toContain("Rode draden 2021 · versie 1");
  });
  expect(all).not.toContain("Uitloggen");
  expect(all).not.toContain("Download PDF");

  // No suppressed figure in it: the sentences say "minder dan 5", and each table's rows read in the PDF as on the
  // page, where a suppressed row never shows its live count ("< 5" or "afgeschermd" instead).
  const published = (await (await readerTab.request.get("/reports/2021.json")).json()) as PublishedReport;
  expect(published.trajectories.outcomes.cooperative_formed).toBeNull();
  expect(all).toContain("Er zijn minder dan 5 coöperaties ontstaan.");
  expect(all).not.toContain("2 coöperaties");
  const s = live.signals;
  const o = live.trajectories.outcomes;
  const e = live.trajectories.escalationTypes;
  const tables: [string, (number | null)[]][] = [
    ["Soort vraag", countsOf(s.byTopic)],
    ["Afkomstig van", countsOf(s.byRequesterType)],
    ["Binnengekomen via", countsOf(s.byChannel)],
    ["Fase van de inkoop", countsOf(s.byPhase)],
    ["Vragen per jeugdregio", countsOf(s.byRegion)],
    ["Uitkomsten van de bemiddelingstrajecten per regio", [o.forces_bundled, o.joint_vision, o.vision_adapted, o.escalated, e.legal, e.council, e.publicity]],
    ["Coöperaties en contracten", [o.cooperative_formed, o.contract_won, o.contracts_awarded_total]],
  ];
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  let suppressed = 0;
  for (const [caption, counts] of tables) {
    const rows = await readerTab
      .getByRole("table", { name: `${caption}: aantallen`, exact: true })
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector("th")?.textContent ?? "", tr.querySelector("td")?.textContent ?? ""] as const));
    expect(rows.length, caption).toBe(counts.length);
    rows.forEach(([label, count], index) => {
      expect(all, `${caption}: ${label}`).toContain(`${label} ${count}`);
      if (count !== "< 5" && count !== "afgeschermd") return;
      suppressed += 1;
      expect(all, `${caption}: ${label} shows its live count`).not.toMatch(new RegExp(`${escape(label)} ${counts[index]}(?![\\d%])`));
    });
  }
  expect(suppressed).toBeGreaterThan(10);
  await context.close();

  const db = new Database(demo.database(), { readonly: true });
  const downloads = db.prepare("select entity_id as year, detail from audit_log where action = 'report.pdf_downloaded'").all();
  db.close();
  expect(downloads).toEqual([{ year: "2021", detail: JSON.stringify({ version: 1 }) }]);
});

test("without a login there is no PDF, and a version that does not exist has none", async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: demo.base });
  const refused = await anonymous.get("/rapportage/2021/versie/1/pdf", { maxRedirects: 0 });
  expect(refused.status()).toBeGreaterThanOrEqual(300);
  expect(refused.status()).toBeLessThan(400);
  expect(refused.headers()["location"]).toMatch(/^\/login/);
  expect(refused.headers()["content-type"] ?? "").not.toContain("pdf");
  await anonymous.dispose();
  await login(page, reader!);
  expect((await page.request.get("/rapportage/2021/versie/9/pdf")).status()).toBe(404);
  expect((await page.request.get("/rapportage/2019/versie/1/pdf")).status()).toBe(404);
});

test("in print, links are not underlined, rows and figures are not split, headings stay with what follows", async ({ page }) => {
  await login(page, reader!);
  await page.goto("/rapportage/2021/versie/1");
  await page.emulateMedia({ media: "print" });
  const style = (selector: string, property: string) =>
    page.locator(selector).first().evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
  expect(await style("main a.utrecht-link", "text-decoration-line")).toBe("none");
  expect(await style(".rd-report tbody tr", "break-inside")).toBe("avoid");
  expect(await style(".rd-report-figure", "break-inside")).toBe("avoid");
  expect(await style(".rd-report h2", "break-after")).toBe("avoid");
  // Sections flow on; only the cover and the appendices force a new page (no page with a few lines after a short section).
  expect(await style(".rd-report-section:not(.rd-report-appendix)", "break-before")).toBe("auto");
  expect(await style(".rd-report-cover", "break-after")).toBe("page");
  await expect(page.locator(".rd-header")).toBeHidden();
  const rules = await page.locator(".rd-report style").first().textContent();
  expect(rules).toContain('content: "pagina " counter(page) " van " counter(pages)');
  await page.emulateMedia({ media: "screen" });
  expect(await style("main a.utrecht-link", "text-decoration-line")).toBe("underline");
});
