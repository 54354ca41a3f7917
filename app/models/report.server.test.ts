import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { regions } from "../../db/schema";
import { CHANNELS, PHASES, REQUESTER_TYPES, TOPICS, TRIGGERS } from "~/domain/signal-codes";
import { buildTrajectoriesReport, NO_TRAJECTORIES, type Cell } from "~/domain/report";
import { db } from "~/utils/db.server";
import { generated, seedReportDatabase, tally } from "./__fixtures__/report-database";
import { yearReport } from "./report.server";

beforeAll(() => {
  seedReportDatabase();
});

describe("yearReport", () => {
  it("gives DESIGN.md's 2021 figures, and leaves out 31 December 2020 and 1 January 2022", () => {
    const { signals: report } = yearReport(2021);
    expect(report.total).toBe(343);
    expect(report.tenderRelated).toEqual({ count: 336, share: 0.98 });
    expect(report.byRequesterType.provider).toEqual({ count: 292, share: 0.85 });
    expect(report.byRequesterType.municipality).toEqual({ count: 51, share: 0.15 });
    expect(report.byTopic).toEqual({
      strategy_advice: { count: 274, share: 0.8 },
      quality_admission: { count: 34, share: 0.1 },
      gdpr: { count: 17, share: 0.05 },
      contract_change: { count: 18, share: 0.05 },
      other: { count: 0, share: 0 },
    });
  });

  it("counts every dimension of 2021 exactly as the rows say", () => {
    const { signals: report } = yearReport(2021);
    const rows = generated.rows;
    const expectCounts = (cells: Record<string, Cell>, expected: Map<string, number>, codes: readonly string[]) => {
      expect(Object.keys(cells)).toEqual([...codes]);
      for (const code of codes) expect(cells[code]?.count, code).toBe(expected.get(code) ?? 0);
    };
    expectCounts(report.byChannel, tally(rows, (r) => r.channel ?? ""), CHANNELS);
    expectCounts(report.byPhase, tally(rows, (r) => r.procurementPhase), PHASES);
    expectCounts(report.byRequesterType, tally(rows, (r) => r.requesterType), REQUESTER_TYPES);
    const months = tally(rows, (r) => r.receivedOn.slice(0, 7));
    expect(report.byMonth).toEqual([...months.keys()].sort().map((month) => ({ month, count: months.get(month) })));
    expect(report.byMonth.reduce((sum, m) => sum + m.count, 0)).toBe(343);
    // 343 = 12 × 28 + 7: January to July get one more.
    expect(report.byMonth.map((m) => m.count)).toEqual([29, 29, 29, 29, 29, 29, 29, 28, 28, 28, 28, 28]);
    expect(report.byRegion.JZ01?.count).toBe(115);
    expect(report.byRegion.JZ02?.count).toBe(114);
    expect(report.byRegion.JZ17?.count).toBe(114);
  });

  it("counts each trigger per signal, shares of all signals (86 of 343 name two triggers)", () => {
    const { signals: report } = yearReport(2021);
    expect(report.byTrigger).toEqual({
      provider_reduction: { count: 86, share: 0.25 },
      legal_or_funding_change: { count: 86, share: 0.25 },
      stricter_requirements: { count: 86, share: 0.25 },
      admin_burden: { count: 0, share: 0 },
      other: { count: 0, share: 0 },
    });
  });

  it("counts 2022 from 1 January to 31 December, every status, only that year's triggers", () => {
    const report = yearReport(2022);
    expect(report.year).toBe(2022);
    const s = report.signals;
    expect(s.total).toBe(3);
    expect(s.tenderRelated).toEqual({ count: 1, share: 0.33 });
    expect(s.byPhase).toEqual({
      upcoming_tender: { count: 0, share: 0 },
      running_tender: { count: 1, share: 0.33 },
      contracting: { count: 0, share: 0 },
      running_contract: { count: 1, share: 0.33 },
      none: { count: 1, share: 0.33 },
    });
    expect(s.byRequesterType.provider).toEqual({ count: 2, share: 0.67 });
    expect(s.byRequesterType.municipality).toEqual({ count: 1, share: 0.33 });
    expect(s.byChannel.email).toEqual({ count: 2, share: 0.67 });
    expect(s.byChannel.phone).toEqual({ count: 1, share: 0.33 });
    expect(s.byTopic.strategy_advice).toEqual({ count: 2, share: 0.67 });
    expect(s.byTopic.other).toEqual({ count: 1, share: 0.33 });
    // 2020-12-31's and 2023-01-01's triggers stay out; signal 1002 and 1003 name two each.
    expect(s.byTrigger).toEqual({
      provider_reduction: { count: 1, share: 0.33 },
      legal_or_funding_change: { count: 0, share: 0 },
      stricter_requirements: { count: 0, share: 0 },
      admin_burden: { count: 2, share: 0.67 },
      other: { count: 1, share: 0.33 },
    });
    expect(s.byMonth.map((m) => m.count)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(s.byMonth[11]?.month).toBe("2022-12");
  });

  it("lists every active region, sorted, and an inactive one only when the year's signals name it", () => {
    const active = db().select({ code: regions.code }).from(regions).where(eq(regions.active, true)).all().map((r) => r.code);
    expect(active.length).toBeGreaterThan(40);

    const with43 = yearReport(2022).signals.byRegion;
    expect(Object.keys(with43)).toEqual([...active, "JZ43"].sort());
    expect(with43.JZ01).toEqual({ count: 1, share: 0.33 });
    expect(with43.JZ02).toEqual({ count: 1, share: 0.33 });
    expect(with43.JZ43).toEqual({ count: 1, share: 0.33 });
    expect(with43.JZ05).toEqual({ count: 0, share: 0 });

    expect(Object.keys(yearReport(2021).signals.byRegion)).toEqual([...active].sort());
  });

  it("keeps a single day on its own side of the boundary", () => {
    expect(yearReport(2020).signals.total).toBe(1);
    expect(yearReport(2020).signals.byTopic.gdpr.count).toBe(1);
    expect(yearReport(2020).signals.byTrigger.admin_burden.count).toBe(1);
    expect(yearReport(2023).signals.total).toBe(1);
    expect(yearReport(2023).signals.tenderRelated.count).toBe(1);
    expect(yearReport(2023).signals.byMonth[0]).toEqual({ month: "2023-01", count: 1 });
  });

  it("gives a year without signals in full shape, all zero, with empty trajectories and nothing suppressed", () => {
    const report = yearReport(2019);
    expect(report.signals.total).toBe(0);
    expect(report.signals.tenderRelated).toEqual({ count: 0, share: 0 });
    expect(Object.keys(report.signals.byTopic)).toEqual([...TOPICS]);
    expect(Object.keys(report.signals.byTrigger)).toEqual([...TRIGGERS]);
    expect(report.signals.byMonth).toHaveLength(12);
    expect(Object.values(report.signals.byRegion).every((cell) => cell.count === 0)).toBe(true);
    expect(report.trajectories).toEqual(buildTrajectoriesReport(NO_TRAJECTORIES));
    expect(report.suppressed).toEqual([]);
    expect(Object.keys(report)).toEqual(["year", "signals", "trajectories", "suppressed"]);
  });

  it("refuses a year the text range cannot express", () => {
    expect(() => yearReport(21)).toThrow(expect.objectContaining({ code: "REPORT.YEAR" }));
    expect(() => yearReport(2021.5)).toThrow(expect.objectContaining({ code: "REPORT.YEAR" }));
  });
});

