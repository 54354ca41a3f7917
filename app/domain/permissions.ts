// Who may do what: one table of role × capability. Route guards ask it which roles may open a page (rolesWith), models
// scope their queries by it (can, readableNoteSteps), and pages show only what it allows. Started for trajectories,
// lessons and regions; other areas still name their roles in the route (issue 15 moves them here).
import { hasAnyRole, type Role } from "./roles";
import { STEPS, type Step } from "./trajectory-codes";

export const CAPABILITIES = {
  /** Every trajectory, whoever is assigned. */
  "trajectory.readAny": ["intermediary"],
  /** The trajectories the user is assigned to as adviser (the intermediary reads them anyway). */
  "trajectory.readAssigned": ["intermediary", "adviser"],
  /** Steps, plan versions, signals, advisers, outcomes, closing: everything that changes a trajectory but notes. */
  "trajectory.manage": ["intermediary"],
  /** Talks with municipalities and regions (step 5) and escalation descriptions (step 6). */
  "trajectory.readTalks": ["intermediary"],
  /**
   * Lessons (step 8) of every trajectory. They are written to be shared with other regions, without names of
   * providers (the form says so) and never hold signal text, so advisers read all of them.
   */
  "lessons.read": ["intermediary", "adviser"],
  /** Any region's page. */
  "region.readAny": ["intermediary"],
  /** The page of a region in which the user has a trajectory they may see. */
  "region.readOwn": ["intermediary", "adviser"],
  /** Signals per year of a region: finer than any publication (which withholds regions by default). */
  "region.readSignalCounts": ["intermediary"],
  /** Procurement milestones and documents, with the intermediary's notes on them. */
  "region.editMilestones": ["intermediary"],
  /** TenderNed's youth-care publications of every region, and those not yet assigned to one (page "Aanbestedingen"). */
  "procurement.readAny": ["intermediary"],
  /** The publications of the regions in which the user has a trajectory they may see. */
  "procurement.readOwn": ["intermediary", "adviser"],
  /** The monitor's state and settings, aliases, assignment of unknown authorities, export files. */
  "tenderned.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(roles: readonly Role[], capability: Capability): boolean {
  return hasAnyRole(roles, CAPABILITIES[capability]);
}

/** The roles a route guard lets in for this capability. */
export function rolesWith(capability: Capability): readonly Role[] {
  return CAPABILITIES[capability];
}

/**
 * Notes per step of a trajectory. Advisers take part in the analysis (step 2, DESIGN.md) and read what is built on
 * it: scenarios, plan, monitoring, lessons. They never read the intake (step 1: the providers' situation sketch,
 * often with signal context), the talks with municipalities and regions (step 5) or the escalations (step 6).
 */
export const STEP_NOTES: Record<Step, { read: readonly Role[]; write: readonly Role[] }> = {
  situation: { read: ["intermediary"], write: ["intermediary"] },
  analysis: { read: ["intermediary", "adviser"], write: ["intermediary", "adviser"] },
  scenarios: { read: ["intermediary", "adviser"], write: ["intermediary"] },
  plan: { read: ["intermediary", "adviser"], write: ["intermediary"] },
  talks: { read: ["intermediary"], write: ["intermediary"] },
  support_escalation: { read: ["intermediary"], write: ["intermediary"] },
  monitoring: { read: ["intermediary", "adviser"], write: ["intermediary"] },
  sharing: { read: ["intermediary", "adviser"], write: ["intermediary"] },
};

export function canReadStepNote(roles: readonly Role[], step: Step): boolean {
  return hasAnyRole(roles, STEP_NOTES[step].read);
}

export function canWriteStepNote(roles: readonly Role[], step: Step): boolean {
  return hasAnyRole(roles, STEP_NOTES[step].write);
}

/** The steps whose notes these roles read, in step order: what a model's query of notes is limited to. */
export function readableNoteSteps(roles: readonly Role[]): Step[] {
  return STEPS.filter((step) => canReadStepNote(roles, step));
}

/** The steps whose notes these roles write: the choices of the note form. */
export function writableNoteSteps(roles: readonly Role[]): Step[] {
  return STEPS.filter((step) => canWriteStepNote(roles, step));
}
