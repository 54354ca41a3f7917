import { TRAJECTORIES_REPORT_2021 } from "../domain/__fixtures__/report-2021";
import { beforeAll, describe, expect, it } from "vitest";
import { trajectorySteps } from "../../db/schema";
import { buildTrajectoriesReport, NO_TRAJECTORIES, type TrajectoriesReport } from "~/domain/report";
import { db } from "~/utils/db.server";
import { STEPS } from "~/domain/trajectory-codes";
import { insertTrajectory, seedReportDatabase } from "./__fixtures__/report-database";
import { yearFigures, yearReport } from "./report.server";

let edges: { m: string[]; b: string };

beforeAll(() => {
  edges = seedReportDatabase();
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
