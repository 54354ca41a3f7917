import { describe, expect, it } from "vitest";
import { TRAJECTORY_COUNTS_2021 } from "./__fixtures__/report-2021";
import { buildSignalsReport, buildTrajectoriesReport, type SignalCounts, type YearReport } from "./report";
import { hiddenOf } from "./report-document";
import { buildExtraFigures, type ReportFigures } from "./report-figures";
import { REGIONS_WITHHELD, ruleFor, suppressReport, type SuppressionOptions } from "./report-suppression";

const COUNTS: SignalCounts = {
  total: 343,
  tenderRelated: 336,
  byRequesterType: { provider: 292, municipality: 51 },
  byTopic: { strategy_advice: 274, quality_admission: 34, gdpr: 17, contract_change: 18 },
  byPhase: { upcoming_tender: 120, running_tender: 150, contracting: 66, running_contract: 4, none: 3 },
  byTrigger: { provider_reduction: 40, admin_burden: 3 },
  byChannel: { email: 300, phone: 40, portal: 3 },
  byRegion: { JZ01: 200, JZ02: 140, JZ03: 3 },
  byMonth: { "2021-01": 343 },
  byReferrer: { direct: 300, region_adviser: 40, programme: 3 },
};

function reportWith(counts: Partial<SignalCounts> = {}): ReportFigures {
  const all = { ...COUNTS, ...counts };
  const signals = buildSignalsReport(all, ["JZ01", "JZ02", "JZ03"], 2021);
  const report: YearReport = { year: 2021, signals, trajectories: buildTrajectoriesReport(TRAJECTORY_COUNTS_2021), suppressed: [] };
  return { report, extra: buildExtraFigures(all, { situation: 14, analysis: 14, support_escalation: 3 }) };
}

const strict: SuppressionOptions = { policy: "all_cells_below_k", threshold: 5, showRegions: true, earlier: [] };
const regional: SuppressionOptions = { ...strict, policy: "breakdowns_below_k" };

describe("suppressReport", () => {
  it("under the default policy shows national counts as counted and suppresses small region cells", () => {
    const { report } = suppressReport(reportWith(), regional);
    expect(report.trajectories.outcomes.cooperative_formed).toBe(2);
    expect(report.trajectories.outcomes.escalated).toBe(3);
    expect(report.signals.byChannel.portal).toEqual({ count: 3, share: 0.01 });
    expect(report.signals.byRegion.JZ03).toEqual({ count: null, share: null });
    // JZ03 alone would be 343 − 200 − 140; the smaller of the other two goes with it.
    expect(report.signals.byRegion.JZ02?.count).toBeNull();
    expect(report.signals.byRegion.JZ01?.count).toBe(200);
    expect(report.suppressed).toEqual(["signals.byRegion.JZ02", "signals.byRegion.JZ03"]);
    expect(report.policy).toEqual({ name: "breakdowns_below_k", threshold: 5 });
  });

  it("under the strict policy suppresses every cell below k, shows zero as zero and keeps a cell of exactly k", () => {
    const { report } = suppressReport(reportWith(), strict);
    expect(report.signals.total).toBe(343);
    expect(report.trajectories.total).toBe(14);
    expect(report.signals.byRequesterType.region).toEqual({ count: 0, share: 0 });
    expect(report.suppressed).not.toContain("signals.byRequesterType.region");
    expect(report.trajectories.outcomes.cooperative_formed).toBeNull();
    expect(report.trajectories.outcomes.contract_won).toBeNull();
    expect(report.trajectories.escalationTypes).toEqual({ legal: null, council: null, publicity: null });
    expect(report.trajectories.outcomes.forces_bundled).toBe(13);
    expect(report.suppressed).toContain("trajectories.outcomes.contract_won");
    const atK = suppressReport(reportWith(), { ...strict, threshold: 3 });
    expect(atK.report.trajectories.outcomes.escalated).toBe(3);
  });

  it("hides a total only when it is below k itself", () => {
    const few = suppressReport(reportWith({ total: 4, tenderRelated: 4, byRequesterType: { provider: 4 }, byTopic: { gdpr: 4 }, byPhase: { running_tender: 4 }, byTrigger: {}, byChannel: { email: 4 }, byRegion: { JZ01: 4 }, byMonth: { "2021-01": 4 } }), strict);
    expect(few.report.signals.total).toBeNull();
    expect(suppressReport(reportWith(), strict).report.signals.total).toBe(343);
  });

  it("does not let tender-related minus the shown tender phases give a hidden one away", () => {
    const tender = { upcoming_tender: 12, running_tender: 10, contracting: 2, running_contract: 3, none: 316 };
    const { report, release } = suppressReport(reportWith({ tenderRelated: 24, byPhase: tender }), strict);
    expect(report.signals.byPhase.contracting?.count).toBeNull();
    const shown = [report.signals.tenderRelated.count, report.signals.byPhase.upcoming_tender?.count, report.signals.byPhase.running_tender?.count];
    expect(shown.filter((count) => count === null).length).toBeGreaterThanOrEqual(1);
    // What is hidden to protect another is labelled as such, never as "< k".
    for (const path of hiddenOf(release).protected) expect(release.values[path]).toBeGreaterThanOrEqual(5);
  });

  it("labels a cell hidden only to protect another afgeschermd, even when it counts 30", () => {
    const { release } = suppressReport(reportWith({ byChannel: { email: 310, phone: 30, portal: 3 } }), strict);
    expect(release.statuses["signals.byChannel.portal"]).toBe("small");
    expect(release.statuses["signals.byChannel.phone"]).toBe("protected");
    expect(hiddenOf(release).protected).toContain("signals.byChannel.phone");
  });

  it("keeps cells hidden in later versions and hides a change of fewer than k", () => {
    const first = suppressReport(reportWith(), strict);
    const later = reportWith({ total: 344, byChannel: { email: 301, phone: 40, portal: 3 }, byMonth: { "2021-01": 343, "2021-02": 1 } });
    const second = suppressReport(later, { ...strict, earlier: [first.release] });
    expect(second.report.signals.byChannel.email?.count).toBeNull();
    expect(second.report.signals.byChannel.portal?.count).toBeNull();
    expect(second.report.signals.byMonth[0]?.count).toBeNull();
    expect(second.reasons["signals.byChannel.email"]).toBe("version");
  });

  it("republishes unchanged figures with the earlier suppression pattern and withholds nothing extra", () => {
    // Many small region cells, as in the demo 2021 report: each version alone is easy for the attacker to settle,
    // but pairing every hidden cell of two versions made the search give up, and "gave up" counts as worked out.
    const regions = Array.from({ length: 30 }, (_, i) => `JZ${String(i + 1).padStart(2, "0")}`);
    const byRegion = Object.fromEntries(regions.map((code, i) => [code, i < 14 ? (i % 4) + 1 : 10 + i]));
    const total = Object.values(byRegion).reduce((sum, n) => sum + n, 0);
    const signals = buildSignalsReport({ ...COUNTS, total, byRequesterType: { provider: total }, byTopic: { strategy_advice: total }, byPhase: { running_tender: total }, tenderRelated: total, byChannel: { email: total }, byRegion, byMonth: { "2021-01": total }, byReferrer: { direct: total } }, regions, 2021);
    const figures: ReportFigures = { report: { year: 2021, signals, trajectories: buildTrajectoriesReport(TRAJECTORY_COUNTS_2021), suppressed: [] }, extra: buildExtraFigures({ ...COUNTS, byReferrer: { direct: total } }, {}) };
    const first = suppressReport(figures, regional);
    expect(Object.values(first.reasons).filter((reason) => reason === "table")).toEqual([]);
    const second = suppressReport(figures, { ...regional, earlier: [first.release] });
    expect(second.release.statuses).toEqual(first.release.statuses);
    const third = suppressReport(figures, { ...regional, earlier: [first.release, second.release] });
    expect(third.release.statuses).toEqual(first.release.statuses);
  });

  it("suppresses the document's own figures with the rest: referrers and trajectories per step", () => {
    const { extra, release } = suppressReport(reportWith(), strict);
    expect(extra.byReferrer.programme).toEqual({ count: null, share: null });
    expect(extra.byReferrer.region_adviser?.count).toBeNull();
    expect(extra.byReferrer.direct?.count).toBe(300);
    expect(extra.steps).toMatchObject({ situation: 14, support_escalation: null, sharing: 0 });
    expect(release.statuses["trajectories.steps.support_escalation"]).toBe("small");
    expect(suppressReport(reportWith(), regional).extra.steps.support_escalation).toBe(3);
  });

  it("withholds region names unless allowed", () => {
    const { report } = suppressReport(reportWith(), { ...regional, showRegions: false });
    expect(report.signals.byRegion).toEqual({});
    expect(report.suppressed).toEqual([REGIONS_WITHHELD]);
    expect(JSON.stringify(report)).not.toMatch(/JZ0\d/);
  });

  it("fixes policy and threshold at the first publication of a year's figures", () => {
    const first = suppressReport(reportWith(), strict);
    expect(ruleFor([], { policy: "breakdowns_below_k", threshold: 7 })).toEqual({ policy: "breakdowns_below_k", threshold: 7 });
    expect(ruleFor([first.release], { policy: "breakdowns_below_k", threshold: 7 })).toEqual({ policy: "all_cells_below_k", threshold: 5 });
  });
});
