import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../app/demo/accounts";
import type { PublishedReport } from "../../app/domain/report-suppression";
import { demoApp, expectedTexts, expectPublishedMatchesLive, publishThroughPreview, tableCounts } from "./report-support";
import { expect, expectAccessible, login, test } from "./support";

/**
 * The 2021 demo published under the strict policy ("alle cellen onder k") on a database of its own, since the first
 * publication of a year fixes its policy. Read as a reader: every cell against the live figures, in JSON, on the
 * page and in the tables file, the 2020 comparison column included.
 */
const demo = demoApp(6);
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

type Cells = Record<string, { count: number | null }>;
const countsOf = (cells: Cells) => Object.values(cells).map((cell) => cell.count);

async function readerPage(page: Page, browser: import("@playwright/test").Browser) {
  const context = await browser.newContext({ baseURL: demo.base, locale: "nl-NL" });
  const readerTab = await context.newPage();
  await login(readerTab, reader!);
  return { readerTab, close: () => context.close() };
}

test("published under all cells below k, a reader gets every cell as live or visibly suppressed", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await login(page, intermediary!);
  const live = (await (await page.request.get("/reports/2021.json")).json()) as PublishedReport;
  const live2020 = (await (await page.request.get("/reports/2020.json")).json()) as PublishedReport;
  await publishThroughPreview(page, 2021, { policy: "Alle cellen onder 5", showRegions: true });

  const { readerTab, close } = await readerPage(page, browser);
  await readerTab.goto("/rapportage/2021");
  await expect(readerTab).toHaveURL(/\/rapportage\/2021\/versie\/1$/);
  await expectAccessible(readerTab);
  const published = (await (await readerTab.request.get("/reports/2021.json")).json()) as PublishedReport;
  expect(published.policy).toEqual({ name: "all_cells_below_k", threshold: 5 });
  expectPublishedMatchesLive(published, live);
  expect(published.trajectories.outcomes.cooperative_formed).toBeNull();
  expect(published.trajectories.outcomes.forces_bundled).toBe(13);

  const text = await readerTab.locator("main").innerText();
  expect(text).toContain("Er zijn minder dan 5 coöperaties ontstaan.");
  expect(text).toContain("In minder dan 5 regio's was escalatie nodig");
  expect(text).toContain("Vragen per jeugdregio");
  // Region names were allowed, so the map is there: shaded as the table says, no links, no trajectory marks.
  const map = readerTab.locator("#kaart-rapport svg.rd-region-map-svg");
  await expect(map.locator("g > path")).toHaveCount(42);
  await expect(map.locator("a")).toHaveCount(0);
  await expect(map.locator("circle")).toHaveCount(0);
  await expect(map).toHaveAttribute("role", "img");

  // Each table on the page: the count, "< 5" for a cell of 1–4, "afgeschermd" for one hidden to protect another.
  const page2021 = (caption: string) => tableCounts(readerTab, `${caption}: aantallen`);
  const s = published.signals;
  const l = live.signals;
  expect(await page2021("Soort vraag")).toEqual(expectedTexts(countsOf(s.byTopic), countsOf(l.byTopic), 5));
  expect(await page2021("Afkomstig van")).toEqual(expectedTexts(countsOf(s.byRequesterType), countsOf(l.byRequesterType), 5));
  expect(await page2021("Binnengekomen via")).toEqual(expectedTexts(countsOf(s.byChannel), countsOf(l.byChannel), 5));
  expect(await page2021("Vragen per jeugdregio")).toEqual(expectedTexts(countsOf(s.byRegion), countsOf(l.byRegion), 5));
  expect(await page2021("Vragen per maand")).toEqual(expectedTexts(s.byMonth.map((m) => m.count), l.byMonth.map((m) => m.count), 5));
  expect(await page2021("Fase van de inkoop")).toEqual(expectedTexts(countsOf(s.byPhase), countsOf(l.byPhase), 5));
  const o = published.trajectories;
  const t = live.trajectories;
  const regions = ["forces_bundled", "joint_vision", "vision_adapted", "escalated"] as const;
  const escalations = ["legal", "council", "publicity"] as const;
  expect(await page2021("Uitkomsten van de bemiddelingstrajecten per regio")).toEqual(
    expectedTexts(
      [...regions.map((key) => o.outcomes[key]), ...escalations.map((key) => o.escalationTypes[key])],
      [...regions.map((key) => t.outcomes[key]), ...escalations.map((key) => t.escalationTypes[key])],
      5,
    ),
  );
  const cooperatives = ["cooperative_formed", "contract_won", "contracts_awarded_total"] as const;
  expect(await page2021("Coöperaties en contracten")).toEqual(expectedTexts(cooperatives.map((key) => o.outcomes[key]), cooperatives.map((key) => t.outcomes[key]), 5));

  // The 2020 column: its own suppression, and no difference computed with a suppressed cell.
  const topics = readerTab.getByRole("table", { name: "Soort vraag: aantallen", exact: true }).locator("tbody tr");
  const rows = await topics.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  const previousTopics = countsOf(live2020.signals.byTopic);
  rows.forEach(([count, , before, difference], index) => {
    const truth = previousTopics[index]!;
    if (before === "< 5" || before === "afgeschermd" || count === "< 5" || count === "afgeschermd") expect(difference).toBe("–");
    if (before !== "< 5" && before !== "afgeschermd") expect(before!.replace(/\./g, "")).toBe(String(truth));
    else expect(before === "< 5" ? truth >= 1 && truth < 5 : truth >= 5).toBe(true);
  });

  const csv = await (await readerTab.request.get("/rapportage/2021/tabellen.csv?versie=1")).text();
  expect(csv).toMatch(/cooperative_formed,[^\n]*,< 5,/);
  expect(csv).not.toMatch(/,null,|,NaN,/);
  await close();
});

test("a second version keeps the year's policy, and readers get the latest by default", async ({ page, browser }) => {
  await login(page, intermediary!);
  await page.goto("/rapportage/2021");
  await expect(page.getByText("Alle cellen onder 5. Eerder gepubliceerde cijfers over dit jaar zijn zo afgeschermd")).toBeVisible();
  await page.getByRole("button", { name: "Voorbeeld van versie 2 bekijken" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Versie 2 publiceren" }).click();
  await expect(page).toHaveURL(/\/rapportage\/2021\/versie\/2$/);
  const { readerTab, close } = await readerPage(page, browser);
  await readerTab.goto("/rapportage/2021");
  await expect(readerTab).toHaveURL(/\/rapportage\/2021\/versie\/2$/);
  const published = (await (await readerTab.request.get("/reports/2021.json")).json()) as PublishedReport;
  expect(published.policy).toEqual({ name: "all_cells_below_k", threshold: 5 });
  // Nothing changed in the figures between the two versions: the second hides exactly what the first hid and
  // withholds no table the first showed; only the region names are left out, as this version was published.
  const tables = async (version: number) => (await readerTab.request.get(`/rapportage/2021/tabellen.csv?versie=${version}`)).text();
  const withoutRegions = (csv: string) => csv.split("\n").filter((line) => !line.startsWith("Vragen per jeugdregio,"));
  expect((await tables(2)).split("\n")).toEqual(withoutRegions(await tables(1)));
  await close();
});
