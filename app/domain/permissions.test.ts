import { describe, expect, it } from "vitest";
import { can, CAPABILITIES, canReadStepNote, canWriteStepNote, readableNoteSteps, rolesWith, type Capability } from "./permissions";
import { ROLES, type Role } from "./roles";
import { STEPS } from "./trajectory-codes";

describe("step notes", () => {
  it("advisers read the analysis they write and the steps built on it, never intake, talks or escalations", () => {
    expect(readableNoteSteps(["adviser"])).toEqual(["analysis", "scenarios", "plan", "monitoring", "sharing"]);
    for (const step of ["situation", "talks", "support_escalation"] as const) expect(canReadStepNote(["adviser"], step), step).toBe(false);
  });

  it("advisers write notes at the analysis (step 2) only", () => {
    expect(STEPS.filter((step) => canWriteStepNote(["adviser"], step))).toEqual(["analysis"]);
  });

  it("the intermediary reads and writes every step; admin and reader none", () => {
    expect(readableNoteSteps(["intermediary"])).toEqual([...STEPS]);
    expect(STEPS.every((step) => canWriteStepNote(["intermediary"], step))).toBe(true);
    for (const role of ["admin", "reader"] as const) {
      expect(readableNoteSteps([role]), role).toEqual([]);
      expect(STEPS.some((step) => canWriteStepNote([role], step)), role).toBe(false);
    }
  });

  it("a user with several roles gets what any of them allows", () => {
    expect(readableNoteSteps(["adviser", "intermediary"])).toEqual([...STEPS]);
    expect(readableNoteSteps(["reader", "adviser"])).toEqual(readableNoteSteps(["adviser"]));
  });

  it("whoever may write a step's notes may read them", () => {
    for (const role of ROLES) for (const step of STEPS) if (canWriteStepNote([role], step)) expect(canReadStepNote([role], step), `${role} ${step}`).toBe(true);
  });
});

describe("capabilities", () => {
  const holders = (capability: Capability): Role[] => ROLES.filter((role) => can([role], capability));

  it("keep confidential content with the intermediary", () => {
    for (const capability of ["trajectory.readAny", "trajectory.manage", "trajectory.readTalks", "region.readSignalCounts", "region.editMilestones"] as const) {
      expect(holders(capability), capability).toEqual(["intermediary"]);
    }
  });

  it("let advisers read their own trajectories, the lessons and their regions", () => {
    for (const capability of ["trajectory.readAssigned", "lessons.read", "region.readOwn"] as const) {
      expect(holders(capability), capability).toEqual(["intermediary", "adviser"]);
    }
  });

  it("give a user without roles nothing", () => {
    for (const capability of Object.keys(CAPABILITIES) as Capability[]) expect(can([], capability), capability).toBe(false);
  });

  it("name the roles a route guard lets in", () => {
    expect(rolesWith("lessons.read")).toEqual(["intermediary", "adviser"]);
    expect(rolesWith("trajectory.manage")).toEqual(["intermediary"]);
  });
});
