import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { regions, signals, signalTriggers } from "../../db/schema";
import { CHANNELS, PHASES, REQUESTER_TYPES, STATUSES, TOPICS, TRIGGERS, type Phase, type Trigger } from "~/domain/signal-codes";
import type { Cell } from "~/domain/report";
import { prepareDatabase } from "~/utils/boot.server";
import { db } from "~/utils/db.server";
import { yearReport } from "./report.server";

type NewSignal = typeof signals.$inferInsert;

const base = {
  channel: "email",
  requesterType: "provider",
  referredBy: "direct",
  regionCode: "JZ01",
  topic: "strategy_advice",
  procurementPhase: "running_tender",
  procedure: "unknown",
  funding: "unknown",
  status: "new",
} satisfies Omit<NewSignal, "receivedOn">;

/**
 * 343 signals in 2021 built to give DESIGN.md's reference figures (336 tender-related, 292 providers, 274 strategy
 * advice, …), spread over all months, regions, channels, statuses, with the first and the last day of the year.
 */
function signals2021(): { rows: NewSignal[]; triggers: { signalId: number; trigger: Trigger }[] } {
  const rows: NewSignal[] = [];
  const triggers: { signalId: number; trigger: Trigger }[] = [];
  for (let i = 0; i < 343; i++) {
    const id = i + 1;
    const month = (i % 12) + 1;
    const day = i === 11 ? 31 : ((i * 7) % 28) + 1;
    const tenderPhases: Phase[] = ["upcoming_tender", "running_tender", "contracting"];
    rows.push({
      ...base,
      id,
      receivedOn: `2021-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      channel: CHANNELS[i % CHANNELS.length] ?? "other",
      requesterType: i < 292 ? "provider" : "municipality",
      regionCode: ["JZ01", "JZ02", "JZ17"][i % 3] ?? "JZ01",
      topic: i < 274 ? "strategy_advice" : i < 308 ? "quality_admission" : i < 325 ? "gdpr" : "contract_change",
      procurementPhase: i < 336 ? (tenderPhases[i % 3] ?? "contracting") : i % 2 === 0 ? "running_contract" : "none",
      status: STATUSES[i % STATUSES.length] ?? "new",
    });
    if (i % 4 === 0) triggers.push({ signalId: id, trigger: "provider_reduction" }, { signalId: id, trigger: "legal_or_funding_change" });
    if (i % 4 === 1) triggers.push({ signalId: id, trigger: "stricter_requirements" });
  }
  return { rows, triggers };
}

const generated = signals2021();

beforeAll(() => {
  useTempDatabase();
  prepareDatabase();
  const database = db();
  database.transaction((tx) => {
    // JZ43 leaves the region table: it should show only in a year whose signals name it.
    tx.update(regions).set({ active: false }).where(eq(regions.code, "JZ43")).run();
    tx.insert(signals).values(generated.rows).run();
    tx.insert(signalTriggers).values(generated.triggers).run();
    tx.insert(signals)
      .values([
        { ...base, id: 1001, receivedOn: "2020-12-31", topic: "gdpr" },
        { ...base, id: 1002, receivedOn: "2022-01-01", status: "closed", requesterType: "municipality", channel: "phone" },
        { ...base, id: 1003, receivedOn: "2022-03-15", status: "in_trajectory", procurementPhase: "running_contract", regionCode: "JZ02" },
        { ...base, id: 1004, receivedOn: "2022-12-31", status: "answered", procurementPhase: "none", topic: "other", regionCode: "JZ43" },
        { ...base, id: 1005, receivedOn: "2023-01-01", procurementPhase: "upcoming_tender" },
      ])
      .run();
    tx.insert(signalTriggers)
      .values([
        { signalId: 1001, trigger: "admin_burden" },
        { signalId: 1002, trigger: "provider_reduction" },
        { signalId: 1002, trigger: "admin_burden" },
        { signalId: 1003, trigger: "admin_burden" },
        { signalId: 1003, trigger: "other" },
        { signalId: 1005, trigger: "provider_reduction" },
      ])
      .run();
  });
});

function tally<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

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
    expect(report.trajectories.outcomes.forces_bundled).toBe(0);
    expect(report.suppressed).toEqual([]);
    expect(Object.keys(report)).toEqual(["year", "signals", "trajectories", "suppressed"]);
  });

  it("refuses a year the text range cannot express", () => {
    expect(() => yearReport(21)).toThrow(expect.objectContaining({ code: "REPORT.YEAR" }));
    expect(() => yearReport(2021.5)).toThrow(expect.objectContaining({ code: "REPORT.YEAR" }));
  });
});
