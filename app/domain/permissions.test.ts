import { describe, expect, it } from "vitest";
import {
  assertCan,
  can,
  CAPABILITY_NAMES,
  capabilityForTrajectoryIntent,
  canReadStepNote,
  canWriteStepNote,
  PermissionError,
  readableNoteSteps,
  writableNoteSteps,
  type Capability,
} from "./permissions";
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

  it("each belong to the intermediary or the admin: no capability exists for advisers or readers alone", () => {
    for (const capability of CAPABILITY_NAMES) expect(can(["intermediary"], capability) || can(["admin"], capability), capability).toBe(true);
  });

  it("let only the intermediary see who reported a signal", () => {
    expect(holders("signal.readIdentity")).toEqual(["intermediary"]);
    for (const role of ["admin", "adviser", "reader"] as const) {
      for (const capability of ["signal.read", "signal.readIdentity", "signal.export", "dataSubject.handle"] as const) expect(can([role], capability), `${role} ${capability}`).toBe(false);
    }
  });

  it("give readers published reports only", () => {
    expect(CAPABILITY_NAMES.filter((capability) => can(["reader"], capability))).toEqual(["report.readPublished"]);
  });

  it("give advisers what they read and annotate of their own trajectories and the procurements of their regions, nothing of signals or reports", () => {
    expect(CAPABILITY_NAMES.filter((capability) => can(["adviser"], capability))).toEqual(["trajectory.readAssigned", "trajectory.annotate", "lessons.read", "region.readOwn", "procurement.readOwn"]);
  });

  it("keep the admin to accounts, the region table, the audit log, retention, the e-mail queue, the mailbox status and the TenderNed monitor (public notices), never case content", () => {
    expect(CAPABILITY_NAMES.filter((capability) => can(["admin"], capability))).toEqual(["audit.read", "retention.read", "retention.oversee", "user.manage", "notification.oversee", "mailbox.oversee", "regionTable.manage", "tenderned.manage"]);
  });

  it("give a user without roles nothing", () => {
    for (const capability of CAPABILITY_NAMES) expect(can([], capability), capability).toBe(false);
  });

  it("refuse in a model's own check what the table does not give", () => {
    expect(() => assertCan({ roles: ["intermediary"] }, "signal.readIdentity")).not.toThrow();
    expect(() => assertCan({ roles: ["reader", "adviser", "admin"] }, "signal.readIdentity")).toThrow(PermissionError);
    expect(() => assertCan({}, "report.readPublished")).toThrow(PermissionError);
  });
});

describe("the trajectory page's forms", () => {
  it("take notes by trajectory.annotate and everything else, unknown intents included, by trajectory.manage", () => {
    expect(capabilityForTrajectoryIntent("note")).toBe("trajectory.annotate");
    for (const intent of ["step", "plan", "close", "lesson", "", undefined, ["note"], "Note"]) expect(capabilityForTrajectoryIntent(intent), String(intent)).toBe("trajectory.manage");
  });

  it("offer note steps only to whoever may annotate", () => {
    for (const role of ROLES) if (writableNoteSteps([role]).length > 0) expect(can([role], "trajectory.annotate"), role).toBe(true);
  });
});
