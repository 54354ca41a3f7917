import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { STEPS } from "~/domain/trajectory-codes";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { addContact, addEscalation, addLesson, milestonesOfRegion, saveMilestone } from "./procurement.server";
import { regionOverview } from "./region-overview.server";
import { trajectoryDetail } from "./trajectory-detail.server";
import { addStepNote, createTrajectory, setAdvisers } from "./trajectory.server";
import { insertUser } from "./user.server";

useTempDatabase();
const actor = { userId: null, clientAddress: "test" };
let trajectoryId: number;
let otherId: number;
let adviser: { id: number; roles: ["adviser"] };
const intermediary = { id: 0, roles: ["intermediary" as const] };

beforeAll(() => {
  prepareDatabase();
  const adviserId = db().transaction((tx) => insertUser(tx, { email: "aart@example.org", name: "Aart", roles: ["adviser"], passwordHash: "x", mustChangePassword: false }));
  adviser = { id: adviserId, roles: ["adviser"] };
  const start = { regionCode: "JZ14", municipalities: [], associations: [], providersInvolved: 3, startedOn: "2024-02-01" };
  trajectoryId = createTrajectory({ ...start, strategicGoal: "Het traject van de adviseur" }, actor);
  otherId = createTrajectory({ ...start, strategicGoal: "Een ander traject in dezelfde regio" }, actor);
  setAdvisers(trajectoryId, [adviserId], actor);
  for (const step of STEPS) addStepNote(trajectoryId, step, `notitie bij ${step}`, actor);
  addContact(trajectoryId, { heldOn: "2024-03-01", kind: "municipality", organisations: "Gemeente", summary: "gesprek" }, actor);
  addEscalation(trajectoryId, { happenedOn: "2024-03-02", types: ["council"], description: "escalatie" }, actor);
  addLesson(otherId, "Les uit het andere traject", actor);
  saveMilestone({ regionCode: "JZ14", kind: "award", dueOn: "2024-05-01", title: "Gunning", note: "notitie van de intermediair" }, actor);
});

describe("trajectoryDetail is scoped by the permission table", () => {
  it("gives an adviser the notes of steps 2, 3, 4, 7 and 8 only, not those of the intake, talks or escalations", () => {
    const detail = trajectoryDetail(trajectoryId, adviser, actor);
    expect(detail.notes.map((n) => n.step).sort()).toEqual(["analysis", "monitoring", "plan", "scenarios", "sharing"]);
    const kinds = detail.history.map((e) => `${e.kind}:${e.step ?? ""}`);
    for (const hidden of ["note:situation", "note:talks", "note:support_escalation", "contact:talks", "escalation:support_escalation"]) expect(kinds).not.toContain(hidden);
    expect(kinds).toContain("note:analysis");
  });

  it("gives the intermediary every note and the whole history", () => {
    const detail = trajectoryDetail(trajectoryId, intermediary, actor);
    expect(detail.notes).toHaveLength(STEPS.length);
    expect(detail.history.map((e) => e.kind)).toEqual(expect.arrayContaining(["contact", "escalation"]));
  });

  it("never returns the intermediary's notes on procurement documents with the trajectory", () => {
    expect(JSON.stringify(trajectoryDetail(trajectoryId, intermediary, actor).milestones)).not.toContain("notitie van de intermediair");
  });
});

describe("the region page is scoped by the permission table", () => {
  it("gives an adviser their own trajectories of the region and no signal counts", () => {
    const overview = regionOverview("JZ14", adviser);
    expect(overview?.trajectories.map((t) => t.id)).toEqual([trajectoryId]);
    expect(overview?.signalsPerYear).toBeNull();
    expect(JSON.stringify(milestonesOfRegion("JZ14", adviser))).not.toContain("notitie van de intermediair");
  });

  it("gives the intermediary every trajectory, the counts and the notes", () => {
    const overview = regionOverview("JZ14", intermediary);
    expect(overview?.trajectories.map((t) => t.id).sort()).toEqual([trajectoryId, otherId].sort());
    expect(overview?.signalsPerYear).toEqual([]);
    expect(JSON.stringify(milestonesOfRegion("JZ14", intermediary))).toContain("notitie van de intermediair");
  });
});
