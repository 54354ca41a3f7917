// Who may do what: the one table of role × capability. The role guard lets a request in by capability
// (requireUser(request, "signal.read")), the navigation shows what the roles' capabilities open, models refuse to
// return confidential fields to an actor without the capability, and test/security/authorization.spec.ts derives
// the roles it expects to be refused per route from this table.
import { hasAnyRole, type Role } from "./roles";
import { STEPS, type Step } from "./trajectory-codes";

export const CAPABILITIES = {
  /** The inbox and a signal's page: summary, details, classification, notes, the conversation with the reporter. */
  "signal.read": ["intermediary"],
  /** Who reported a signal: name, organisation, e-mail address and phone of the reporter. */
  "signal.readIdentity": ["intermediary"],
  /** New signals, classification, status, notes, assignment, replies to reporters, imports. */
  "signal.record": ["intermediary"],
  /** The signals as CSV or Excel, summaries included when asked. */
  "signal.export": ["intermediary"],
  /** Requests of data subjects (AVG): find everything held about an e-mail address, hand over a copy, erase. */
  "dataSubject.handle": ["intermediary"],
  /** Every trajectory, whoever is assigned. */
  "trajectory.readAny": ["intermediary"],
  /** The trajectories the user is assigned to as adviser (the intermediary reads them anyway). */
  "trajectory.readAssigned": ["intermediary", "adviser"],
  /** Steps, plan versions, signals, advisers, outcomes, closing: everything that changes a trajectory but notes. */
  "trajectory.manage": ["intermediary"],
  /** Notes on a trajectory's steps; which steps each role writes is STEP_NOTES below. */
  "trajectory.annotate": ["intermediary", "adviser"],
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
  /** Published versions of the year report (suppressed as published), their tables, JSON and PDF. */
  "report.readPublished": ["intermediary", "reader"],
  /** The live figures of a year before suppression: the working page, its tables and the full JSON. */
  "report.readWorking": ["intermediary"],
  /** Threshold, colophon, narrative, preview and publishing. */
  "report.publish": ["intermediary"],
  /** The audit log. */
  "audit.read": ["admin", "intermediary"],
  /** Which signals retention anonymises next (ids, dates and status only). */
  "retention.read": ["admin", "intermediary"],
  /** Keeping retention running: the page is in this role's menu (the intermediary may open it, but not from the menu). */
  "retention.oversee": ["admin"],
  /** Staff accounts: invite, roles, disable, temporary passwords, second factors, sessions. */
  "user.manage": ["admin"],
  /** The e-mail outbox: queued, sent and failed notifications, retry times, error classes, the SMTP connection. */
  "notification.oversee": ["admin"],
  /** The mailbox intake's state: last run, error class, counts, and "Nu ophalen" (never a subject or an address). */
  "mailbox.oversee": ["admin", "intermediary"],
  /** The region table: which municipality belongs to which region, and its import. */
  "regionTable.manage": ["admin"],
  /** TenderNed's youth-care publications of every region, and those not yet assigned to one (page "Aanbestedingen"). */
  "procurement.readAny": ["intermediary"],
  /** The publications of the regions in which the user has a trajectory they may see. */
  "procurement.readOwn": ["intermediary", "adviser"],
  /**
   * The kennisbank behind the public /vragen: every article in any state, its versions, the names marked sensitive,
   * the confidentiality guard, publishing and withdrawing. Articles carry no region of their own (their source
   * signals stay internal), so advisers and readers read the published ones where everyone does: /vragen.
   */
  "knowledge.manage": ["intermediary"],
  /**
   * The goede voorbeelden behind the public /voorbeelden, as the kennisbank's articles: every practice in any state,
   * its versions, source lesson, sensitive names, the guard, publishing and withdrawing; "maak een goed voorbeeld" on
   * a lesson. Like articles, advisers and readers read the published ones where everyone does: /voorbeelden.
   */
  "practice.manage": ["intermediary"],
  /** The monitor's state and settings, aliases, assignment of unknown authorities, export files. */
  "tenderned.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

export function can(roles: readonly Role[], capability: Capability): boolean {
  return hasAnyRole(roles, CAPABILITIES[capability]);
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
  return can(roles, "trajectory.annotate") && hasAnyRole(roles, STEP_NOTES[step].write);
}

/** The steps whose notes these roles read, in step order: what a model's query of notes is limited to. */
export function readableNoteSteps(roles: readonly Role[]): Step[] {
  return STEPS.filter((step) => canReadStepNote(roles, step));
}

/** The steps whose notes these roles write: the choices of the note form. */
export function writableNoteSteps(roles: readonly Role[]): Step[] {
  return STEPS.filter((step) => canWriteStepNote(roles, step));
}

/** What each form of a trajectory's page needs: notes go by STEP_NOTES, every other change by trajectory.manage. */
export function capabilityForTrajectoryIntent(intent: unknown): Capability {
  return intent === "note" ? "trajectory.annotate" : "trajectory.manage";
}

/** Thrown by a model asked for what its actor may not have; the route guard should have refused first. */
export class PermissionError extends Error {
  override name = "PermissionError";
  constructor(readonly capability: Capability) {
    super(`Geen recht: ${capability}`);
  }
}

/** A model's own check before it returns confidential fields: refuses an actor without the capability. */
export function assertCan(actor: { roles?: readonly Role[] }, capability: Capability): void {
  if (!can(actor.roles ?? [], capability)) throw new PermissionError(capability);
}
