import { describe, expect, it } from "vitest";
import { TRAJECTORY_COUNTS_2021 } from "./__fixtures__/report-2021";
import { buildSignalsReport, buildTrajectoriesReport, type YearReport } from "./report";
import { REGIONS_WITHHELD, suppressReport } from "./report-suppression";

function reportWith(): YearReport {
  const signals = buildSignalsReport(
    {
      total: 343,
      tenderRelated: 336,
      byRequesterType: { provider: 292, municipality: 51 },
      byTopic: { strategy_advice: 274, quality_admission: 34, gdpr: 17, contract_change: 18 },
      byPhase: { upcoming_tender: 120, running_tender: 150, contracting: 66, running_contract: 4, none: 3 },
      byTrigger: { provider_reduction: 40, admin_burden: 3 },
      byChannel: { email: 300, phone: 40, portal: 3 },
      byRegion: { JZ01: 200, JZ02: 140, JZ03: 3 },
      byMonth: { "2021-01": 343 },
    },
    ["JZ01", "JZ02", "JZ03"],
    2021,
  );
  const trajectories = buildTrajectoriesReport(TRAJECTORY_COUNTS_2021);
  return { year: 2021, signals, trajectories, suppressed: [] };
}

const options = { threshold: 5, showRegions: true };

describe("suppressReport", () => {
  it("keeps totals even when they are small", () => {
    const small: YearReport = { ...reportWith(), trajectories: { ...reportWith().trajectories, total: 2, regions: 2 } };
    const published = suppressReport(small, options);
    expect(published.signals.total).toBe(343);
    expect(published.trajectories.total).toBe(2);
    expect(published.trajectories.regions).toBe(2);
  });

  it("suppresses every cell below k, zero included, and lists it", () => {
    const published = suppressReport(reportWith(), options);
    expect(published.signals.byRequesterType.region).toEqual({ count: null, share: null });
    expect(published.signals.byRequesterType.provider).toEqual({ count: 292, share: 0.85 });
    expect(published.trajectories.outcomes.cooperative_formed).toBeNull();
    expect(published.trajectories.outcomes.contract_won).toBeNull();
    expect(published.trajectories.outcomes.escalated).toBeNull();
    expect(published.trajectories.escalationTypes).toEqual({ legal: null, council: null, publicity: null });
    expect(published.trajectories.outcomes.forces_bundled).toBe(13);
    expect(published.trajectories.outcomes.municipalities_consulted).toBe(10);
    expect(published.suppressed).toContain("signals.byRequesterType.region");
    expect(published.suppressed).toContain("trajectories.outcomes.contract_won");
    expect(published.suppressed).toContain("trajectories.escalationTypes.legal");
  });

  it("keeps a cell of exactly k", () => {
    const published = suppressReport(reportWith(), { threshold: 4, showRegions: true });
    expect(published.trajectories.outcomes.escalated).toBeNull();
    const atK = suppressReport(reportWith(), { threshold: 3, showRegions: true });
    expect(atK.trajectories.outcomes.escalated).toBe(3);
  });

  it("hides the contracts awarded with the cooperatives they describe", () => {
    const published = suppressReport(reportWith(), options);
    expect(published.trajectories.outcomes.contracts_awarded_total).toBeNull();
    expect(published.suppressed).toContain("trajectories.outcomes.contracts_awarded_total");
    const shown = suppressReport(reportWith(), { threshold: 2, showRegions: true });
    expect(shown.trajectories.outcomes.contracts_awarded_total).toBe(15);
  });

  it("suppresses a second cell when one hidden cell could be recovered from the total", () => {
    const published = suppressReport(reportWith(), options);
    // Channels: portal 3 is the only non-zero small cell; 343 − 300 − 40 would give it away.
    expect(published.signals.byChannel.portal?.count).toBeNull();
    expect(published.signals.byChannel.phone?.count).toBeNull();
    expect(published.signals.byChannel.email?.count).toBe(300);
    // Phases: two small non-zero cells (4 and 3) already protect each other.
    expect(published.signals.byPhase.running_contract?.count).toBeNull();
    expect(published.signals.byPhase.none?.count).toBeNull();
    expect(published.signals.byPhase.contracting?.count).toBe(66);
  });

  it("does not add a second suppression to overlapping triggers", () => {
    const published = suppressReport(reportWith(), options);
    expect(published.signals.byTrigger.admin_burden?.count).toBeNull();
    expect(published.signals.byTrigger.provider_reduction?.count).toBe(40);
  });

  it("withholds region names unless allowed", () => {
    const hidden = suppressReport(reportWith(), { threshold: 5, showRegions: false });
    expect(hidden.signals.byRegion).toEqual({});
    expect(hidden.suppressed).toContain(REGIONS_WITHHELD);
    expect(JSON.stringify(hidden)).not.toMatch(/JZ0\d/);
    const shown = suppressReport(reportWith(), options);
    expect(shown.signals.byRegion.JZ01?.count).toBe(200);
    expect(shown.signals.byRegion.JZ03?.count).toBeNull();
    expect(shown.suppressed).not.toContain(REGIONS_WITHHELD);
  });

  it("never leaves a figure below k in the published document", () => {
    const published = suppressReport(reportWith(), options);
    const counts: number[] = [];
    JSON.stringify(published, (key, value: unknown) => {
      if ((key === "count" || typeof value === "number") && typeof value === "number" && !["year", "share", "total", "regions"].includes(key)) counts.push(value);
      return value;
    });
    expect(counts.filter((value) => value < 5)).toEqual([]);
  });
});
