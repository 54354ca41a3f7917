import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { flatCells } from "../../app/domain/report-cells";
import type { PublishedReport } from "../../app/domain/report-suppression";
import { sparePort, startApp, tempDir } from "./support";

/**
 * The year report tests run against the demo dataset, each file on its own server and database: `npm run seed:demo`
 * must reproduce the 2021 report of the seeds exactly, a publication fixes the policy of its year, and the other
 * e2e tests' records must not mix into those figures. Ports follow E2E_PORT (sparePort), so parallel checkouts do not
 * collide; each file takes an offset no other spec uses.
 */
export function demoApp(offset: number) {
  const port = sparePort(offset);
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let database = "";
  return {
    base: `http://127.0.0.1:${port}`,
    /** The database file, for a test that reads what the server wrote (the audit log). */
    database: () => database,
    start: async () => {
      database = path.join(tempDir(), "demo.db");
      execFileSync(process.execPath, ["--import", "tsx", "app/cli/seed-demo.ts"], { env: { ...process.env, DATABASE_PATH: database }, stdio: "pipe" });
      app = await startApp({ DATABASE_PATH: database, PORT: String(port) });
    },
    stop: async () => app?.stop(),
  };
}

/** Every cell of a publication against the live figures of the same moment: shown cells equal, suppressed ones null and listed. */
export function expectPublishedMatchesLive(published: PublishedReport, live: PublishedReport): void {
  const shown = flatCells(published);
  for (const [cell, value] of Object.entries(flatCells(live))) {
    if (!(cell in shown)) expect(cell.startsWith("signals.byRegion.") && published.suppressed.includes("signals.byRegion"), `${cell} left out`).toBe(true);
    else if (shown[cell] === null) expect(published.suppressed, `${cell} listed as suppressed`).toContain(cell);
    else expect(shown[cell], cell).toBe(value);
  }
}

/** The count column of a table on the page, in row order. */
export async function tableCounts(page: Page, caption: string): Promise<string[]> {
  const rows = page.getByRole("table", { name: caption, exact: true }).locator("tbody tr");
  return (await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("td")?.textContent ?? ""))).map((count) => count.replace(/\./g, ""));
}

/**
 * What the page must write for each cell: the published count, or for a suppressed one "< k" when it counts 1 to
 * k−1 live and "afgeschermd" when it counts k or more (hidden to protect another cell).
 */
export function expectedTexts(published: (number | null)[], live: (number | null)[], k: number): string[] {
  return published.map((count, index) => {
    if (count !== null) return String(count);
    const truth = live[index]!;
    expect(truth, "a suppressed cell is never zero").toBeGreaterThan(0);
    return truth >= k ? "afgeschermd" : `< ${k}`;
  });
}

export async function publishThroughPreview(page: Page, year: number, choice: { policy: string; showRegions: boolean }): Promise<number> {
  await page.goto(`/rapportage/${year}`);
  await page.getByLabel(choice.policy).check();
  if (choice.showRegions) await page.getByLabel("Regionamen tonen in deze publicatie").check();
  await page.getByRole("button", { name: /^Voorbeeld van versie \d+ bekijken$/ }).click();
  const heading = page.getByRole("heading", { level: 1, name: /^Voorbeeld: versie \d+/ });
  const version = Number(/versie (\d+)/.exec(await heading.innerText())?.[1]);
  await page.getByRole("button", { name: `Versie ${version} publiceren` }).click();
  await expect(page).toHaveURL(new RegExp(`/rapportage/${year}/versie/${version}$`));
  return version;
}
