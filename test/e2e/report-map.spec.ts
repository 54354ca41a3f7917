import { DEMO_ACCOUNTS } from "../../app/demo/accounts";
import { demoApp } from "./report-support";
import { expect, expectAccessible, login, test } from "./support";

/** The region map on the staff region overview and in the working report, against the 2021 demo. */
const demo = demoApp(7);
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

test("the region overview draws the 42 regions from the server, linked, with the year's trajectories and a table", async ({ page }) => {
  await login(page, intermediary!);
  await page.goto("/regios?jaar=2021");
  await expect(page.getByRole("heading", { level: 1, name: "Regio-overzicht 2021" })).toBeVisible();
  const map = page.locator("#kaart-overzicht svg.rd-region-map-svg");
  await expect(map.locator("a")).toHaveCount(42);
  await expect(map.locator("a path")).toHaveCount(42);
  // Fourteen trajectories in fourteen regions in 2021 (DESIGN.md): one ring each.
  await expect(map.locator("circle")).toHaveCount(14);
  const table = page.getByRole("table", { name: "Vragen per jeugdregio in 2021: per regio" });
  await expect(table.locator("tbody tr")).toHaveCount(42);
  const json = (await (await page.request.get("/reports/2021.json")).json()) as { signals: { byRegion: Record<string, { count: number }> } };
  const counted = (await table.locator("tbody tr td:nth-child(2)").allInnerTexts()).reduce((sum, text) => sum + Number(text.replace(/\./g, "")), 0);
  expect(counted).toBe(Object.values(json.signals.byRegion).reduce((sum, cell) => sum + cell.count, 0));
  await expect(table.getByRole("cell", { name: "ja", exact: true })).toHaveCount(14);
  await expect(page.locator(".rd-map-legend")).toContainText("regio met een bemiddelingstraject");
  await expectAccessible(page);

  // No map code travels to the browser: it is drawn from paths the server projected.
  const html = await (await page.request.get("/regios?jaar=2021")).text();
  const scripts = [...new Set([...html.matchAll(/\/build\/[\w./-]+\.js/g)].map((match) => match[0]))];
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) {
    const body = await (await page.request.get(src)).text();
    expect(body, src).not.toMatch(/topojson|geoMercator|fitSize/);
  }

  // A region is a link to its region page, and can be reached with the keyboard.
  const groningen = map.locator('a[href="/regios/JZ01"]');
  await expect(groningen).toHaveAttribute("aria-label", /^Groningen: \d+ vragen/);
  await groningen.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/regios\/JZ01$/);
  await expect(page.getByRole("link", { name: "Regio-overzicht met kaart" })).toBeVisible();
});

test("the working report shows the same map with its regions table; readers cannot open the overview", async ({ page, browser }) => {
  await login(page, intermediary!);
  await page.goto("/rapportage/2021");
  const map = page.locator("#kaart-rapport svg.rd-region-map-svg");
  await expect(map.locator("a")).toHaveCount(42);
  await expect(map.locator("circle")).toHaveCount(14);
  await expect(page.locator("#kaart-rapport")).toContainText("Regio's met een bemiddelingstraject:");
  await expect(page.getByRole("table", { name: "Vragen per jeugdregio: aantallen" })).toBeVisible();

  const context = await browser.newContext({ baseURL: demo.base, locale: "nl-NL" });
  const readerPage = await context.newPage();
  await login(readerPage, reader!);
  expect((await readerPage.request.get("/regios")).status()).toBe(403);
  await context.close();
});
