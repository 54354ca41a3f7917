import { asc, eq } from "drizzle-orm";
import { TRAJECTORIES_REPORT_2021 } from "../domain/__fixtures__/report-2021";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import {
  escalations,
  municipalities,
  regions,
  signals,
  signalTriggers,
  trajectories,
  trajectoryMunicipalities,
  trajectorySteps,
} from "../../db/schema";
import { CHANNELS, PHASES, REQUESTER_TYPES, STATUSES, TOPICS, TRIGGERS, type Phase, type Trigger } from "~/domain/signal-codes";
import { buildTrajectoriesReport, NO_TRAJECTORIES, type Cell, type TrajectoriesReport } from "~/domain/report";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { STEPS } from "~/domain/trajectory-codes";
import { yearFigures, yearReport } from "./report.server";

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

type NewTrajectory = typeof trajectories.$inferInsert;
type Escalation = { legal?: boolean; council?: boolean; publicity?: boolean };
type Links = { consulted?: string[]; involved?: string[]; escalations?: Escalation[] };

/** Inserts a trajectory with its municipalities and escalations, as the app stores them. */
function insertTrajectory(fields: Pick<NewTrajectory, "regionCode" | "startedOn"> & Partial<NewTrajectory>, links: Links = {}): number {
  const database = db();
  const { id } = database
    .insert(trajectories)
    .values({ strategicGoal: "Behoud van de vrijgevestigden", createdAt: "2021-11-01T09:00:00Z", ...fields })
    .returning({ id: trajectories.id })
    .get();
  const municipalityRows = [
    ...(links.consulted ?? []).map((municipalityCode) => ({ trajectoryId: id, municipalityCode, role: "consulted" as const })),
    ...(links.involved ?? []).map((municipalityCode) => ({ trajectoryId: id, municipalityCode, role: "involved" as const })),
  ];
  if (municipalityRows.length > 0) database.insert(trajectoryMunicipalities).values(municipalityRows).run();
  const escalationRows = (links.escalations ?? []).map((escalation) => ({
    trajectoryId: id,
    happenedOn: fields.startedOn,
    ...escalation,
  }));
  if (escalationRows.length > 0) database.insert(escalations).values(escalationRows).run();
  return id;
}

/** The first `n` municipality codes of a region, from the shipped reference data. */
function municipalitiesOf(regionCode: string, n: number): string[] {
  const codes = db()
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.regionCode, regionCode))
    .orderBy(asc(municipalities.code))
    .limit(n)
    .all()
    .map((row) => row.code);
  if (codes.length < n) throw new Error(`test data: region ${regionCode} has fewer than ${n} municipalities`);
  return codes;
}

const region = (i: number) => `JZ${String(i + 1).padStart(2, "0")}`;

/**
 * Fourteen trajectories active in 2021, one in each of JZ01…JZ14, giving DESIGN.md's 2021 figures; plus two that are
 * not active in 2021 but carry every outcome, so a leak shows. None runs into 2019 or past 2022, so the 2024-2027
 * trajectories below are counted on their own.
 */
function trajectories2021(): void {
  for (let i = 0; i < 14; i++) {
    const regionCode = region(i);
    const consulted =
      i === 1 ? municipalitiesOf(regionCode, 4) : i === 3 ? municipalitiesOf(regionCode, 3) : i === 4 ? municipalitiesOf(regionCode, 2) : i === 6 ? municipalitiesOf(regionCode, 1) : [];
    insertTrajectory(
      {
        regionCode,
        // JZ01 from mid-2020 to 1 January 2021; JZ14 from 31 December 2021; the others in November-December.
        startedOn: i === 0 ? "2020-06-01" : i === 13 ? "2021-12-31" : `2021-${i % 2 === 0 ? "11" : "12"}-${String(i + 1).padStart(2, "0")}`,
        // Four end on 20 December 2021, the others run into 2022.
        closedOn: i === 0 ? "2021-01-01" : i === 13 ? "2022-02-01" : i % 3 === 1 ? "2021-12-20" : "2022-03-31",
        status: i % 4 === 3 ? "stopped" : "completed",
        forcesBundled: i !== 13,
        jointVision: i < 11,
        cooperativeFormed: i === 0 || i === 1,
        contractWon: i === 0,
        contractsAwardedTotal: i === 0 ? 15 : null,
        visionAdapted: i >= 2 && i <= 9,
        providersInvolved: 10 + i,
      },
      {
        consulted,
        // In JZ02 a consulted municipality is also involved: two rows, one municipality heard.
        involved: i === 1 ? municipalitiesOf(regionCode, 5) : i === 0 ? municipalitiesOf(regionCode, 3) : [],
        // JZ03 escalated twice (legal both times), JZ06 to the council, JZ07 with publicity and once without a type.
        escalations: i === 2 ? [{ legal: true }, { legal: true }] : i === 5 ? [{ council: true }] : i === 6 ? [{ publicity: true }, {}] : [],
      },
    );
  }
  const everything = {
    forcesBundled: true,
    jointVision: true,
    cooperativeFormed: true,
    contractWon: true,
    contractsAwardedTotal: 100,
    visionAdapted: true,
    status: "completed",
  } as const;
  const links = (regionCode: string): Links => ({
    consulted: municipalitiesOf(regionCode, 2),
    escalations: [{ legal: true, council: true, publicity: true }],
  });
  // Closed the year before; started the year after.
  insertTrajectory({ ...everything, regionCode: "JZ01", startedOn: "2020-01-01", closedOn: "2020-05-31" }, links("JZ01"));
  insertTrajectory({ ...everything, regionCode: "JZ16", startedOn: "2022-01-01", closedOn: "2022-06-30" }, links("JZ16"));
}

/**
 * Year edges, 2024-2027. Each trajectory's contracts_awarded_total is a power of two, so the sum names exactly which
 * trajectories a year counted: A=1, B=2, C=4, D=8, E=16.
 */
function trajectoriesAtTheEdges(): { m: string[]; b: string } {
  const m = municipalitiesOf("JZ14", 3);
  const [b = ""] = municipalitiesOf("JZ07", 1);
  const cooperative = { cooperativeFormed: true, status: "completed" } as const;
  // A: started on 31 December 2024, into 2025. Consults m0 and m1; escalated legal + council in one go.
  insertTrajectory(
    { ...cooperative, regionCode: "JZ14", startedOn: "2024-12-31", closedOn: "2025-01-10", contractsAwardedTotal: 1 },
    { consulted: [m[0] ?? "", m[1] ?? ""], escalations: [{ legal: true, council: true }] },
  );
  // B: closed on 1 January 2025. Publicity twice, later legal.
  insertTrajectory(
    { ...cooperative, regionCode: "JZ07", startedOn: "2024-03-01", closedOn: "2025-01-01", contractsAwardedTotal: 2 },
    { consulted: [b], escalations: [{ publicity: true }, { publicity: true }, { legal: true }] },
  );
  // C: still open since mid-2025.
  insertTrajectory({ cooperativeFormed: true, regionCode: "JZ12", startedOn: "2025-06-01", contractsAwardedTotal: 4 });
  // D: all of 2024 in the same region as A, consulting m0 again (and m2); an escalation without a type.
  insertTrajectory(
    { ...cooperative, regionCode: "JZ14", startedOn: "2024-01-01", closedOn: "2024-12-31", contractsAwardedTotal: 8 },
    { consulted: [m[0] ?? "", m[2] ?? ""], involved: [m[0] ?? ""], escalations: [{}] },
  );
  // E: only in 2026, stopped.
  insertTrajectory({ cooperativeFormed: true, status: "stopped", regionCode: "JZ12", startedOn: "2026-01-01", closedOn: "2026-02-01", contractsAwardedTotal: 16 });
  return { m, b };
}

let edges: { m: string[]; b: string };

beforeAll(() => {
  db().transaction(() => {
    trajectories2021();
    edges = trajectoriesAtTheEdges();
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
    expect(report.trajectories).toEqual(buildTrajectoriesReport(NO_TRAJECTORIES));
    expect(report.suppressed).toEqual([]);
    expect(Object.keys(report)).toEqual(["year", "signals", "trajectories", "suppressed"]);
  });

  it("refuses a year the text range cannot express", () => {
    expect(() => yearReport(21)).toThrow(expect.objectContaining({ code: "REPORT.YEAR" }));
    expect(() => yearReport(2021.5)).toThrow(expect.objectContaining({ code: "REPORT.YEAR" }));
  });
});

describe("yearReport: trajectories", () => {
  const trajectoriesOf = (year: number): TrajectoriesReport => yearReport(year).trajectories;

  it("gives DESIGN.md's 2021 figures from the rows", () => {
    expect(trajectoriesOf(2021)).toEqual(TRAJECTORIES_REPORT_2021);
  });

  it("prints the trajectories part in DESIGN.md's key order", () => {
    expect(JSON.stringify(trajectoriesOf(2021))).toBe(
      '{"total":14,"regions":14,"outcomes":{"forces_bundled":13,"joint_vision":11,"cooperative_formed":2,"contract_won":1,' +
        '"contracts_awarded_total":15,"municipalities_consulted":10,"vision_adapted":8,"escalated":3},' +
        '"escalationTypes":{"legal":1,"council":1,"publicity":1}}',
    );
  });

  it("counts a trajectory in every year it was active for at least one day", () => {
    // A=1 (31 Dec 2024 - 10 Jan 2025), B=2 (Mar 2024 - 1 Jan 2025), C=4 (open since Jun 2025), D=8 (all of 2024), E=16 (2026).
    const members = (year: number) => trajectoriesOf(year).outcomes.contracts_awarded_total;
    expect(members(2024)).toBe(1 + 2 + 8); // A started on 31 December
    expect(members(2025)).toBe(1 + 2 + 4); // B closed on 1 January; D closed the year before; C started
    expect(members(2026)).toBe(4 + 16); // C still open; E
    expect(members(2027)).toBe(4);
    expect(trajectoriesOf(2024).total).toBe(3);
    expect(trajectoriesOf(2025).total).toBe(3);
    expect(trajectoriesOf(2026).total).toBe(2);
    expect(trajectoriesOf(2027).total).toBe(1);
    expect(trajectoriesOf(2023)).toEqual(buildTrajectoriesReport(NO_TRAJECTORIES));
  });

  it("counts regions once, however many trajectories they had", () => {
    expect(trajectoriesOf(2024).regions).toBe(2); // A and D in JZ14, B in JZ07
    expect(trajectoriesOf(2026).regions).toBe(1); // C and E in JZ12
    // 2020: JZ01 closed at the end of May, JZ01 again from June.
    expect(trajectoriesOf(2020)).toMatchObject({ total: 2, regions: 1 });
  });

  it("counts consulted municipalities once, across trajectories, and not the involved ones", () => {
    // 2024: A heard m0 and m1, D heard m0 (again) and m2 and involved m0, B heard b: four municipalities.
    expect(trajectoriesOf(2024).outcomes.municipalities_consulted).toBe(4);
    // 2025: A (m0, m1) and B (b); D has closed.
    expect(trajectoriesOf(2025).outcomes.municipalities_consulted).toBe(3);
    expect(trajectoriesOf(2026).outcomes.municipalities_consulted).toBe(0);
    expect(edges.m).toHaveLength(3);
    expect(edges.b).toMatch(/^GM\d{4}$/);
  });

  it("counts a trajectory once per escalation type, however many escalations it had", () => {
    // 2024: A legal+council; B publicity twice and legal; D one without a type.
    expect(trajectoriesOf(2024).outcomes.escalated).toBe(3);
    expect(trajectoriesOf(2024).escalationTypes).toEqual({ legal: 2, council: 1, publicity: 1 });
    expect(trajectoriesOf(2025).outcomes.escalated).toBe(2);
    expect(trajectoriesOf(2025).escalationTypes).toEqual({ legal: 2, council: 1, publicity: 1 });
    expect(trajectoriesOf(2026).outcomes.escalated).toBe(0);
    expect(trajectoriesOf(2026).escalationTypes).toEqual({ legal: 0, council: 0, publicity: 0 });
  });

  it("does not let escalations or municipalities multiply the other counts", () => {
    const report = trajectoriesOf(2024);
    expect(report.total).toBe(3);
    expect(report.outcomes.cooperative_formed).toBe(3);
    expect(report.outcomes.contracts_awarded_total).toBe(11);
  });

  it("counts the outcomes of the year before and after, not of 2021", () => {
    const before = trajectoriesOf(2020);
    expect(before.outcomes).toMatchObject({ forces_bundled: 2, contract_won: 2, contracts_awarded_total: 115, escalated: 1 });
    // The early-2020 JZ01 trajectory heard two municipalities; the later one only involved some.
    expect(before.outcomes.municipalities_consulted).toBe(2);
    const after = trajectoriesOf(2022);
    expect(after.total).toBe(14 - 5 + 1); // JZ01, and the four closed on 20 December, stay in 2021
  });
});

describe("yearFigures: the document's own figures", () => {
  it("counts who referred the year's signals, each signal once", () => {
    const { extra, report } = yearFigures(2022);
    const referred = Object.values(extra.byReferrer).reduce((sum, cell) => sum + cell.count, 0);
    expect(referred).toBe(report.signals.total);
    expect(Object.keys(extra.byReferrer)).toEqual(["direct", "region_adviser", "programme", "other"]);
  });

  it("counts per step the year's trajectories that started or finished it, not skipped or unbegun ones", () => {
    const used = insertTrajectory({ regionCode: "JZ07", startedOn: "2031-02-01" });
    const other = insertTrajectory({ regionCode: "JZ08", startedOn: "2031-03-01", closedOn: "2031-04-01" });
    const outside = insertTrajectory({ regionCode: "JZ09", startedOn: "2032-01-05" });
    const at = "2031-05-01T00:00:00Z";
    const steps = (trajectoryId: number, states: Partial<Record<(typeof STEPS)[number], "open" | "active" | "done" | "skipped">>) =>
      db()
        .insert(trajectorySteps)
        .values(STEPS.map((step) => ({ trajectoryId, step, state: states[step] ?? ("open" as const), updatedAt: at })))
        .run();
    steps(used, { situation: "done", analysis: "active", support_escalation: "skipped" });
    steps(other, { situation: "done", plan: "done" });
    steps(outside, { situation: "done", sharing: "done" });
    expect(yearFigures(2031).extra.steps).toEqual({
      situation: 2,
      analysis: 1,
      scenarios: 0,
      plan: 1,
      talks: 0,
      support_escalation: 0,
      monitoring: 0,
      sharing: 0,
    });
  });
});
