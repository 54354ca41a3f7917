import { beforeEach, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { signals } from "../../db/schema";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { publication, publishReport } from "./report-publication.server";

/**
 * The published numbers of issue 13, on a real database: what a reader can work out from one publication, from two
 * versions side by side, and from the comparison with the year before.
 */
useTempDatabase();
const actor = { userId: null, clientAddress: "test" };

type Overrides = Partial<typeof signals.$inferInsert>;
function addSignals(year: number, count: number, overrides: Overrides = {}): void {
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

beforeEach(() => {
  prepareDatabase();
  db().delete(signals).run();
});

const strict = { showRegions: false, policy: "all_cells_below_k" } as const;

describe("a publication gives no suppressed cell away", () => {
  it("tender-related minus the shown tender phases does not give the hidden one", () => {
    addSignals(2025, 12, { procurementPhase: "upcoming_tender" });
    addSignals(2025, 10, { procurementPhase: "running_tender" });
    addSignals(2025, 2, { procurementPhase: "contracting" });
    addSignals(2025, 3, { procurementPhase: "running_contract" });
    addSignals(2025, 40, { procurementPhase: "none" });
    publishReport(2025, strict, actor);
    const { signals: s } = publication(2025)!.report;
    expect(s.byPhase.contracting?.count).toBeNull();
    const shownTender = [s.byPhase.upcoming_tender, s.byPhase.running_tender].map((cell) => cell?.count);
    // Either the subtotal is hidden, or a second tender phase is, so 24 − 12 − 10 cannot be worked out.
    expect(s.tenderRelated.count === null || shownTender.includes(null)).toBe(true);
  });

  it("a second version does not show what one added signal was", () => {
    addSignals(2025, 30, { procurementPhase: "upcoming_tender", channel: "email" });
    addSignals(2025, 30, { procurementPhase: "running_tender", channel: "phone" });
    publishReport(2025, strict, actor);
    addSignals(2025, 1, { procurementPhase: "running_tender", channel: "phone", receivedOn: "2025-03-03" });
    publishReport(2025, strict, actor);
    const first = publication(2025, 1)!.report.signals;
    const second = publication(2025, 2)!.report.signals;
    const differences = (a: Record<string, { count: number | null }>, b: Record<string, { count: number | null }>) =>
      Object.keys(a).filter((code) => a[code]!.count !== null && b[code]!.count !== null && a[code]!.count !== b[code]!.count);
    // Any cell shown in both versions is the same or differs by at least k; so no table points at the new signal.
    for (const dimension of ["byPhase", "byChannel"] as const) {
      for (const code of differences(first[dimension], second[dimension])) {
        expect(Math.abs(first[dimension][code]!.count! - second[dimension][code]!.count!)).toBeGreaterThanOrEqual(5);
      }
    }
    const months = (report: typeof first) => report.byMonth.map((m) => m.count);
    months(first).forEach((count, index) => {
      const later = months(second)[index];
      if (count !== null && later !== null && later !== undefined) expect(Math.abs(later - count) === 0 || Math.abs(later - count) >= 5).toBe(true);
    });
  });

  it("a previous-year cell that is suppressed reads as suppressed, not as 0", () => {
    addSignals(2020, 40);
    addSignals(2020, 2, { topic: "gdpr" });
    addSignals(2021, 40);
    publishReport(2021, strict, actor);
    const previous = publication(2021)!.previous!.signals;
    expect(previous.byTopic.gdpr?.count).toBeNull();
    expect(previous.byTopic.other?.count).toBe(0);
  });

  it("zero is shown as zero, not as below k", () => {
    addSignals(2021, 40);
    publishReport(2021, strict, actor);
    const { report } = publication(2021)!;
    expect(report.signals.byTopic.gdpr).toEqual({ count: 0, share: 0 });
    expect(report.trajectories.outcomes.escalated).toBe(0);
    expect(report.suppressed).not.toContain("signals.byTopic.gdpr");
  });
});
