import { beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_LIMIT, runCli } from "../../test/unit/run-cli";
import { useTempDatabase } from "../../test/unit/temp-database";
import { auditLog, signals } from "../../db/schema";
import { FIRST_YEAR } from "~/domain/dates";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { EMPTY_NARRATIVE } from "~/domain/report-narrative";
import { latestNarrative, narrativeVersion, narrativeVersions, saveNarrative } from "./report-narrative.server";
import { liveReport, previewPublication, publication, publications, publishReport } from "./report-publication.server";
import { reportThreshold, setReportThreshold } from "./report-settings.server";

const databasePath = useTempDatabase();
const actor = { userId: null, clientAddress: "test" };

function addSignals(year: number, count: number, overrides: Partial<typeof signals.$inferInsert> = {}): void {
  db()
    .insert(signals)
    .values(
      Array.from({ length: count }, (_, i) => ({
        receivedOn: `${year}-${String((i % 12) + 1).padStart(2, "0")}-10`,
        channel: "email" as const,
        requesterType: "provider" as const,
        referredBy: "direct" as const,
        regionCode: "JZ01",
        topic: "strategy_advice" as const,
        procurementPhase: "running_tender" as const,
        procedure: "unknown" as const,
        funding: "unknown" as const,
        ...overrides,
      })),
    )
    .run();
}

beforeAll(() => {
  prepareDatabase();
  addSignals(2021, 40);
  addSignals(2021, 3, { requesterType: "municipality", topic: "gdpr", regionCode: "JZ02" });
  addSignals(2020, 12);
});

describe("the first year", () => {
  it("has a working report without a previous year, and no report exists before it", () => {
    addSignals(FIRST_YEAR, 2);
    const first = liveReport(FIRST_YEAR);
    expect(first.report.signals.total).toBe(2);
    expect(first.previous).toBeNull();
    expect(() => liveReport(FIRST_YEAR - 1)).toThrow(expect.objectContaining({ code: "REPORT.YEAR" }));
  });

  it("can be published: the preview compares with no year before it", () => {
    const preview = previewPublication(FIRST_YEAR, { policy: "breakdowns_below_k", showRegions: false });
    expect(preview.document.report.signals.total).toBe(2);
    expect(preview.document.previous).toBeNull();
  });
});

describe("narrative versions", () => {
  it("saves every change as a new version and keeps the earlier ones", () => {
    expect(latestNarrative(2021)).toBeNull();
    const text = { ...EMPTY_NARRATIVE, introduction: "Inleiding" };
    expect(saveNarrative(2021, text, actor)).toBe(1);
    expect(saveNarrative(2021, text, actor)).toBe(1);
    expect(saveNarrative(2021, { ...text, threads: "Rode draad" }, actor)).toBe(2);
    expect(latestNarrative(2021)).toMatchObject({ version: 2, threads: "Rode draad" });
    expect(narrativeVersion(2021, 1)).toEqual(text);
    expect(narrativeVersions(2021).map((v) => v.version)).toEqual([2, 1]);
    expect(latestNarrative(2020)).toBeNull();
  });
});

describe("publishing", () => {
  it("refuses a threshold outside the allowed range and keeps the old one", () => {
    expect(reportThreshold()).toBe(5);
    expect(() => setReportThreshold(1, actor)).toThrow(/drempel/);
    expect(reportThreshold()).toBe(5);
  });

  it("freezes suppressed figures, comparison and narrative as numbered versions", () => {
    expect(() => publishReport(2005, { showRegions: false, policy: "all_cells_below_k" }, actor)).toThrow(/geen cijfers/);
    expect(publishReport(2021, { showRegions: false, policy: "all_cells_below_k" }, actor)).toBe(1);
    const first = publication(2021, 1)!;
    expect(first.policy).toBe("all_cells_below_k");
    expect(first.report.policy).toEqual({ name: "all_cells_below_k", threshold: 5 });
    expect(first.report.signals.total).toBe(43);
    expect(first.report.signals.byRequesterType.municipality).toEqual({ count: null, share: null });
    expect(first.report.signals.byRegion).toEqual({});
    expect(first.report.suppressed).toContain("signals.byRequesterType.municipality");
    expect(first.previous?.signals.total).toBe(12);
    expect(first.narrative).toMatchObject({ version: 2, threads: "Rode draad" });
    expect(first.publication).toMatchObject({ version: 1 });
    expect(first.threshold).toBe(5);

    // Later records and a new threshold change the working view, never a publication; a year once published keeps
    // its policy and threshold, whatever is chosen for the next version.
    addSignals(2021, 10, { requesterType: "municipality" });
    setReportThreshold(3, actor);
    expect(liveReport(2021).report.signals.total).toBe(53);
    expect(publication(2021, 1)!.report.signals.total).toBe(43);

    expect(publishReport(2021, { showRegions: true, policy: "breakdowns_below_k" }, actor)).toBe(2);
    const second = publication(2021)!;
    expect(second.publication?.version).toBe(2);
    expect(second.threshold).toBe(5);
    expect(second.policy).toBe("all_cells_below_k");
    // Hidden in version 1, so hidden in version 2 too: 13 is not small, so it reads "afgeschermd".
    expect(second.report.signals.byRequesterType.municipality?.count).toBeNull();
    expect(second.hidden.current.protected).toContain("signals.byRequesterType.municipality");
    // JZ02 (3) is the only other region with signals, so JZ01 would give it away as the total minus 50.
    expect(second.report.signals.byRegion.JZ02?.count).toBeNull();
    expect(second.report.signals.byRegion.JZ01?.count).toBeNull();
    expect(second.hidden.current.protected).toContain("signals.byRegion.JZ01");
    expect(publications(2021).map((p) => p.version)).toEqual([2, 1]);
    expect(publication(2021, 9)).toBeNull();
  });

  it("records narrative saves, threshold changes and publications in the audit log", () => {
    const actions = db().select().from(auditLog).all().map((entry) => entry.action);
    expect(actions.filter((action) => action === "report.narrative_saved")).toHaveLength(2);
    expect(actions.filter((action) => action === "report.published")).toHaveLength(2);
    expect(actions.filter((action) => action === "report.threshold_changed")).toHaveLength(1);
  });

  it("npm run report -- --published prints the latest publication as readers got it", { timeout: CLI_TEST_LIMIT }, async () => {
    const run = (args: string[]) => runCli("app/cli/report.ts", args, { DATABASE_PATH: databasePath, SESSION_SECRET: "", DATA_KEY: "" });
    const published = await run(["--year", "2021", "--json", "--published"]);
    expect(published.code).toBe(0);
    expect(JSON.parse(published.stdout)).toEqual(publication(2021)!.report);
    const none = await run(["--year", "2020", "--json", "--published"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("nog geen rapportage gepubliceerd");
  });
});
