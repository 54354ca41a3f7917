import { and, asc, desc, eq, gte, inArray, isNull, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import {
  planVersions,
  procurementMilestones,
  regions,
  signals,
  trajectories,
  trajectoryAdvisers,
  trajectoryAssociations,
  trajectoryEvents,
  trajectoryMunicipalities,
  trajectoryNotes,
  trajectorySignals,
  trajectorySteps,
  userRoles,
  users,
} from "../../db/schema";
import { todayInTheNetherlands } from "~/domain/dates";
import { activeInYear } from "./active-in-year.server";
import { DomainError } from "~/domain/errors";
import { can, readableNoteSteps } from "~/domain/permissions";
import type { Role } from "~/domain/roles";
import type { Association } from "~/domain/signal-codes";
import { STEP_LABELS, STEPS, type ReportedOutcome, type Step, type TrajectoryStatus } from "~/domain/trajectory-codes";
import { attentionItems, stepAction, type StepActionCode } from "~/domain/trajectory-workflow";
import { db, type Tx } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { sealRequired, unsealRequired } from "./sealed.server";


function now(): string {
  return new Date().toISOString();
}

function event(tx: Tx, trajectoryId: number, actor: Actor, kind: string, step?: Step | null, detail?: object): void {
  tx.insert(trajectoryEvents)
    .values({ trajectoryId, at: now(), userId: actor.userId, kind, step: step ?? null, detail: detail ? JSON.stringify(detail) : null })
    .run();
}

export function trajectoryExists(id: number): boolean {
  return db().select({ id: trajectories.id }).from(trajectories).where(eq(trajectories.id, id)).get() !== undefined;
}

/** The user a query is scoped for (permissions.ts). */
export type Viewer = { id: number; roles: readonly Role[] };

/** Who may see a trajectory: intermediaries all; advisers only those they are assigned to. */
export function canSee(trajectoryId: number, user: Viewer): boolean {
  if (can(user.roles, "trajectory.readAny")) return true;
  if (!can(user.roles, "trajectory.readAssigned")) return false;
  return Boolean(
    db()
      .select({ id: trajectoryAdvisers.trajectoryId })
      .from(trajectoryAdvisers)
      .where(and(eq(trajectoryAdvisers.trajectoryId, trajectoryId), eq(trajectoryAdvisers.userId, user.id)))
      .get(),
  );
}

function assertMunicipalitiesInRegion(tx: Tx, regionCode: string, codes: string[], field: string): void {
  if (codes.length === 0) return;
  const found = tx.get<{ n: number }>(
    sql`select count(*) as n from municipalities where region_code = ${regionCode} and code in (select value from json_each(${JSON.stringify(codes)}))`,
  );
  if ((found?.n ?? 0) !== new Set(codes).size) {
    throw new DomainError("TRAJECTORY.MUNICIPALITY_OUTSIDE_REGION", "Kies alleen gemeenten uit de regio van het traject.", field);
  }
}

export function createTrajectory(
  input: {
    regionCode: string;
    municipalities: string[];
    associations: Association[];
    providersInvolved: number;
    strategicGoal: string;
    startedOn: string;
    signalId?: number;
  },
  actor: Actor,
): number {
  return db().transaction((tx) => {
    const region = tx.select().from(regions).where(eq(regions.code, input.regionCode)).get();
    if (!region) throw new DomainError("TRAJECTORY.UNKNOWN_REGION", "Kies een regio.", "regionCode");
    assertMunicipalitiesInRegion(tx, input.regionCode, input.municipalities, "municipalities");
    const at = now();
    const row = tx
      .insert(trajectories)
      .values({
        regionCode: input.regionCode,
        strategicGoal: input.strategicGoal,
        providersInvolved: input.providersInvolved,
        startedOn: input.startedOn,
        createdBy: actor.userId,
        createdAt: at,
      })
      .returning({ id: trajectories.id })
      .get();
    tx.insert(trajectorySteps).values(STEPS.map((step) => ({ trajectoryId: row.id, step, state: "open" as const, updatedAt: at }))).run();
    const municipalities = [...new Set(input.municipalities)];
    if (municipalities.length) {
      tx.insert(trajectoryMunicipalities).values(municipalities.map((municipalityCode) => ({ trajectoryId: row.id, municipalityCode, role: "involved" as const }))).run();
    }
    const associations = [...new Set(input.associations)];
    if (associations.length) tx.insert(trajectoryAssociations).values(associations.map((association) => ({ trajectoryId: row.id, association }))).run();
    event(tx, row.id, actor, "created");
    audit(actor, "trajectory.created", { type: "trajectory", id: row.id }, { region: input.regionCode }, tx);
    if (input.signalId) linkSignalIn(tx, row.id, input.signalId, actor);
    return row.id;
  });
}

function linkSignalIn(tx: Tx, trajectoryId: number, signalId: number, actor: Actor): void {
  const signal = tx.select({ id: signals.id }).from(signals).where(eq(signals.id, signalId)).get();
  if (!signal) throw new DomainError("TRAJECTORY.SIGNAL_NOT_FOUND", `Signaal ${signalId} bestaat niet.`, "signalId");
  tx.insert(trajectorySignals).values({ trajectoryId, signalId }).onConflictDoNothing().run();
  tx.update(signals).set({ status: "in_trajectory", updatedAt: now() }).where(eq(signals.id, signalId)).run();
  event(tx, trajectoryId, actor, "signal_linked", null, { signal: signalId });
  audit(actor, "trajectory.signal_linked", { type: "trajectory", id: trajectoryId }, { signal: signalId }, tx);
}

/** A linked signal gets status "in traject"; unlinked from its last trajectory it goes back to "in behandeling". */
export function linkSignal(trajectoryId: number, signalId: number, actor: Actor): void {
  requireTrajectory(trajectoryId);
  db().transaction((tx) => linkSignalIn(tx, trajectoryId, signalId, actor));
}

export function unlinkSignal(trajectoryId: number, signalId: number, actor: Actor): void {
  db().transaction((tx) => {
    const removed = tx.delete(trajectorySignals).where(and(eq(trajectorySignals.trajectoryId, trajectoryId), eq(trajectorySignals.signalId, signalId))).run();
    // Nothing to unlink is no change: no history entry, no audit entry.
    if (removed.changes === 0) throw new DomainError("TRAJECTORY.SIGNAL_NOT_LINKED", `Signaal ${signalId} is niet aan dit traject gekoppeld.`, "signalId");
    const stillLinked = tx.select().from(trajectorySignals).where(eq(trajectorySignals.signalId, signalId)).get();
    if (!stillLinked) {
      tx.update(signals).set({ status: "in_progress", updatedAt: now() }).where(and(eq(signals.id, signalId), eq(signals.status, "in_trajectory"))).run();
    }
    event(tx, trajectoryId, actor, "signal_unlinked", null, { signal: signalId });
    audit(actor, "trajectory.signal_unlinked", { type: "trajectory", id: trajectoryId }, { signal: signalId }, tx);
  });
}

function requireTrajectory(id: number) {
  const row = db().select().from(trajectories).where(eq(trajectories.id, id)).get();
  if (!row) throw new DomainError("TRAJECTORY.NOT_FOUND", "Dit traject bestaat niet.");
  return row;
}

export function applyStepAction(trajectoryId: number, step: Step, action: StepActionCode, actor: Actor): void {
  const current = db()
    .select()
    .from(trajectorySteps)
    .where(and(eq(trajectorySteps.trajectoryId, trajectoryId), eq(trajectorySteps.step, step)))
    .get();
  if (!current) throw new DomainError("TRAJECTORY.NOT_FOUND", "Dit traject bestaat niet.");
  const to = stepAction(current.state, action);
  if (!to) throw new DomainError("TRAJECTORY.STEP_NOT_ALLOWED", "Deze stap kan dat nu niet.");
  db().transaction((tx) => {
    tx.update(trajectorySteps).set({ state: to, updatedAt: now() }).where(and(eq(trajectorySteps.trajectoryId, trajectoryId), eq(trajectorySteps.step, step))).run();
    event(tx, trajectoryId, actor, "step", step, { from: current.state, to });
    audit(actor, "trajectory.step_changed", { type: "trajectory", id: trajectoryId }, { step, from: current.state, to }, tx);
  });
}

export function addStepNote(trajectoryId: number, step: Step, body: string, actor: Actor): void {
  requireTrajectory(trajectoryId);
  db().transaction((tx) => {
    tx.insert(trajectoryNotes).values({ trajectoryId, step, at: now(), authorId: actor.userId, bodySealed: sealRequired(body, "trajectoryNote") }).run();
    event(tx, trajectoryId, actor, "note", step);
    audit(actor, "trajectory.note_added", { type: "trajectory", id: trajectoryId }, { step }, tx);
  });
}

/** A new plan version; recording one also settles a pending re-analysis, which is what it answers. */
export function revisePlan(trajectoryId: number, input: { body: string; reason: string }, actor: Actor): number {
  const trajectory = requireTrajectory(trajectoryId);
  return db().transaction((tx) => {
    const last = tx.select({ v: sql<number>`coalesce(max(${planVersions.version}), 0)` }).from(planVersions).where(eq(planVersions.trajectoryId, trajectoryId)).get()?.v ?? 0;
    tx.insert(planVersions)
      .values({ trajectoryId, version: last + 1, at: now(), authorId: actor.userId, reason: input.reason, bodySealed: sealRequired(input.body, "plan") })
      .run();
    event(tx, trajectoryId, actor, "plan_revised", "plan", { version: last + 1 });
    if (trajectory.needsReanalysis) {
      tx.update(trajectories).set({ needsReanalysis: false }).where(eq(trajectories.id, trajectoryId)).run();
      event(tx, trajectoryId, actor, "reanalysis_done", "plan", { version: last + 1 });
    }
    audit(actor, "trajectory.plan_revised", { type: "trajectory", id: trajectoryId }, { version: last + 1 }, tx);
    return last + 1;
  });
}

export function planHistory(trajectoryId: number) {
  return db()
    .select({ id: planVersions.id, version: planVersions.version, at: planVersions.at, reason: planVersions.reason, author: users.name, bodySealed: planVersions.bodySealed })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.authorId))
    .where(eq(planVersions.trajectoryId, trajectoryId))
    .orderBy(desc(planVersions.version))
    .all()
    .map(({ bodySealed, ...version }) => ({ ...version, body: unsealRequired(bodySealed, "plan") }));
}

export function setOutcomes(
  trajectoryId: number,
  input: { outcomes: string[]; contractWon: boolean; contractsAwardedTotal: number | null; municipalitiesConsulted: string[] },
  actor: Actor,
): void {
  const trajectory = requireTrajectory(trajectoryId);
  db().transaction((tx) => {
    assertMunicipalitiesInRegion(tx, trajectory.regionCode, input.municipalitiesConsulted, "municipalitiesConsulted");
    // A contract won and the number awarded only mean something for a cooperative; the report adds them up.
    const cooperative = input.outcomes.includes("cooperative_formed");
    tx.update(trajectories)
      .set({
        forcesBundled: input.outcomes.includes("forces_bundled"),
        jointVision: input.outcomes.includes("joint_vision"),
        cooperativeFormed: cooperative,
        visionAdapted: input.outcomes.includes("vision_adapted"),
        contractWon: cooperative && input.contractWon,
        contractsAwardedTotal: cooperative ? input.contractsAwardedTotal : null,
      })
      .where(eq(trajectories.id, trajectoryId))
      .run();
    tx.delete(trajectoryMunicipalities).where(and(eq(trajectoryMunicipalities.trajectoryId, trajectoryId), eq(trajectoryMunicipalities.role, "consulted"))).run();
    const consulted = [...new Set(input.municipalitiesConsulted)];
    if (consulted.length) {
      tx.insert(trajectoryMunicipalities).values(consulted.map((municipalityCode) => ({ trajectoryId, municipalityCode, role: "consulted" as const }))).run();
    }
    event(tx, trajectoryId, actor, "outcomes");
    audit(actor, "trajectory.outcomes_set", { type: "trajectory", id: trajectoryId }, { outcomes: input.outcomes }, tx);
  });
}

/**
 * Closes a running trajectory. Steps still "bezig" usually mean work is left, so closing then needs an explicit
 * confirmation (`confirmActiveSteps`); the refusal names them.
 */
export function closeTrajectory(
  trajectoryId: number,
  input: { status: "completed" | "stopped"; closedOn: string; reason?: string; confirmActiveSteps?: boolean },
  actor: Actor,
): void {
  const trajectory = requireTrajectory(trajectoryId);
  if (trajectory.status !== "active") throw new DomainError("TRAJECTORY.ALREADY_CLOSED", "Dit traject is al gesloten.");
  if (input.closedOn < trajectory.startedOn) throw new DomainError("TRAJECTORY.CLOSED_BEFORE_START", "De einddatum ligt voor de startdatum.", "closedOn");
  const active = activeSteps(trajectoryId);
  if (active.length > 0 && !input.confirmActiveSteps) {
    throw new DomainError(
      "TRAJECTORY.STEPS_ACTIVE",
      `${active.map((step) => STEP_LABELS[step]).join(", ")} ${active.length === 1 ? "is" : "zijn"} nog bezig. Vink aan dat u toch wilt afsluiten.`,
      "confirmActiveSteps",
    );
  }
  db().transaction((tx) => {
    tx.update(trajectories).set({ status: input.status, closedOn: input.closedOn, closeReason: input.reason ?? null }).where(eq(trajectories.id, trajectoryId)).run();
    event(tx, trajectoryId, actor, "closed", null, { status: input.status });
    audit(actor, "trajectory.closed", { type: "trajectory", id: trajectoryId }, { status: input.status }, tx);
  });
}

export function reopenTrajectory(trajectoryId: number, actor: Actor): void {
  const trajectory = requireTrajectory(trajectoryId);
  if (trajectory.status === "active") throw new DomainError("TRAJECTORY.NOT_CLOSED", "Dit traject loopt nog.");
  db().transaction((tx) => {
    tx.update(trajectories).set({ status: "active", closedOn: null, closeReason: null }).where(eq(trajectories.id, trajectoryId)).run();
    event(tx, trajectoryId, actor, "reopened");
    audit(actor, "trajectory.reopened", { type: "trajectory", id: trajectoryId }, undefined, tx);
  });
}

export function setAdvisers(trajectoryId: number, adviserIds: number[], actor: Actor): void {
  requireTrajectory(trajectoryId);
  const allowed = new Set(advisers().map((a) => a.id));
  if (adviserIds.some((id) => !allowed.has(id))) throw new DomainError("TRAJECTORY.NOT_AN_ADVISER", "Kies alleen regioadviseurs.", "adviserIds");
  db().transaction((tx) => {
    tx.delete(trajectoryAdvisers).where(eq(trajectoryAdvisers.trajectoryId, trajectoryId)).run();
    if (adviserIds.length) tx.insert(trajectoryAdvisers).values([...new Set(adviserIds)].map((userId) => ({ trajectoryId, userId }))).run();
    audit(actor, "trajectory.advisers_set", { type: "trajectory", id: trajectoryId }, { advisers: adviserIds.map(String) }, tx);
  });
}

export function advisers() {
  return db()
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "adviser")))
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.name))
    .all();
}

export type TrajectoryFilters = {
  status?: TrajectoryStatus;
  region?: string;
  reanalysis?: boolean;
  year?: number;
  outcome?: ReportedOutcome;
};

/** The same definitions as the year report's counts (report.server.ts), so a figure and its list agree. */
function outcomeCondition(outcome: ReportedOutcome): SQL {
  switch (outcome) {
    case "forces_bundled":
      return eq(trajectories.forcesBundled, true);
    case "joint_vision":
      return eq(trajectories.jointVision, true);
    case "cooperative_formed":
      return eq(trajectories.cooperativeFormed, true);
    case "contract_won":
      return eq(trajectories.contractWon, true);
    case "vision_adapted":
      return eq(trajectories.visionAdapted, true);
    case "municipalities_consulted":
      return sql`${trajectories.id} in (select trajectory_id from trajectory_municipalities where role = 'consulted')`;
    case "escalated":
      return sql`${trajectories.id} in (select trajectory_id from escalations)`;
  }
}

/** The list, scoped to what the user may see (advisers: their own trajectories only). */
export function listTrajectories(filters: TrajectoryFilters, user: Viewer) {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(trajectories.status, filters.status));
  if (filters.region) conditions.push(eq(trajectories.regionCode, filters.region));
  if (filters.reanalysis) conditions.push(eq(trajectories.needsReanalysis, true));
  if (filters.outcome) conditions.push(outcomeCondition(filters.outcome));
  if (filters.year) {
    conditions.push(activeInYear(trajectories, filters.year));
  }
  if (!can(user.roles, "trajectory.readAny")) conditions.push(assignedTo(user));
  return db()
    .select({
      id: trajectories.id,
      ref: trajectories.ref,
      regionCode: trajectories.regionCode,
      regionName: regions.name,
      startedOn: trajectories.startedOn,
      closedOn: trajectories.closedOn,
      status: trajectories.status,
      needsReanalysis: trajectories.needsReanalysis,
      strategicGoal: trajectories.strategicGoal,
    })
    .from(trajectories)
    .innerJoin(regions, eq(regions.code, trajectories.regionCode))
    .where(and(...conditions))
    .orderBy(desc(trajectories.startedOn), desc(trajectories.id))
    .all();
}

/** Trajectories the viewer is assigned to as adviser. */
export function assignedTo(viewer: Viewer): SQL {
  return sql`${trajectories.id} in (select trajectory_id from trajectory_advisers where user_id = ${viewer.id})`;
}

/** History entries that stand for the content of a step: left out where the viewer may not read that step's notes. */
const STEP_CONTENT_EVENTS = ["note", "contact", "escalation"];

/**
 * Everything the trajectory page shows, as far as the viewer may read it (permissions.ts): notes only of the steps
 * whose notes they read, and the history without the notes, talks and escalations of the other steps. Signal text is
 * never part of it: advisers see this page too.
 */
export function trajectoryDetail(id: number, viewer: Viewer, actor: Actor) {
  const noteSteps = readableNoteSteps(viewer.roles);
  const row = requireTrajectory(id);
  const region = db().select().from(regions).where(eq(regions.code, row.regionCode)).get();
  const steps = db().select().from(trajectorySteps).where(eq(trajectorySteps.trajectoryId, id)).all();
  const orderedSteps = STEPS.map((step) => steps.find((s) => s.step === step) ?? { trajectoryId: id, step, state: "open" as const, updatedAt: row.createdAt });
  const notes = db()
    .select({ id: trajectoryNotes.id, step: trajectoryNotes.step, at: trajectoryNotes.at, author: users.name, bodySealed: trajectoryNotes.bodySealed })
    .from(trajectoryNotes)
    .leftJoin(users, eq(users.id, trajectoryNotes.authorId))
    .where(and(eq(trajectoryNotes.trajectoryId, id), inArray(trajectoryNotes.step, noteSteps)))
    .orderBy(desc(trajectoryNotes.at))
    .all()
    .map(({ bodySealed, ...note }) => ({ ...note, body: unsealRequired(bodySealed, "trajectoryNote") }));
  const history = db()
    .select({ id: trajectoryEvents.id, at: trajectoryEvents.at, kind: trajectoryEvents.kind, step: trajectoryEvents.step, detail: trajectoryEvents.detail, user: users.name })
    .from(trajectoryEvents)
    .leftJoin(users, eq(users.id, trajectoryEvents.userId))
    .where(
      and(
        eq(trajectoryEvents.trajectoryId, id),
        or(notInArray(trajectoryEvents.kind, STEP_CONTENT_EVENTS), isNull(trajectoryEvents.step), inArray(trajectoryEvents.step, noteSteps)),
      ),
    )
    .orderBy(desc(trajectoryEvents.id))
    .all()
    .map((e) => ({ ...e, detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : {} }));
  const municipalityRows = db().all<{ code: string; name: string; role: "involved" | "consulted" }>(
    sql`select m.code, m.name, tm.role from trajectory_municipalities tm join municipalities m on m.code = tm.municipality_code where tm.trajectory_id = ${id} order by m.name`,
  );
  const associations = db().select().from(trajectoryAssociations).where(eq(trajectoryAssociations.trajectoryId, id)).all().map((a) => a.association);
  const linkedSignals = db()
    .select({ id: signals.id, receivedOn: signals.receivedOn, topic: signals.topic, status: signals.status })
    .from(trajectorySignals)
    .innerJoin(signals, eq(signals.id, trajectorySignals.signalId))
    .where(eq(trajectorySignals.trajectoryId, id))
    .orderBy(asc(signals.receivedOn))
    .all();
  const assigned = db()
    .select({ id: users.id, name: users.name })
    .from(trajectoryAdvisers)
    .innerJoin(users, eq(users.id, trajectoryAdvisers.userId))
    .where(eq(trajectoryAdvisers.trajectoryId, id))
    .all();
  const today = todayInTheNetherlands();
  // Without the intermediary's note: the page shows date, kind and title to everyone who opens it.
  const milestones = db()
    .select({ id: procurementMilestones.id, dueOn: procurementMilestones.dueOn, kind: procurementMilestones.kind, title: procurementMilestones.title })
    .from(procurementMilestones)
    .where(eq(procurementMilestones.regionCode, row.regionCode))
    .orderBy(asc(procurementMilestones.dueOn))
    .all();
  const planCount = db().select({ n: sql<number>`count(*)` }).from(planVersions).where(eq(planVersions.trajectoryId, id)).get()?.n ?? 0;
  const attention = attentionItems({
    status: row.status,
    needsReanalysis: row.needsReanalysis,
    steps: orderedSteps.map((s) => ({ step: s.step, state: s.state, updatedAt: s.updatedAt })),
    planVersions: planCount,
    upcomingMilestones: milestones.filter((m) => m.dueOn >= today).map((m) => ({ title: m.title, dueOn: m.dueOn })),
    today,
  });
  audit(actor, "trajectory.viewed", { type: "trajectory", id });
  return {
    ...row,
    regionName: region?.name ?? row.regionCode,
    steps: orderedSteps,
    notes,
    history,
    municipalitiesInvolved: municipalityRows.filter((m) => m.role === "involved"),
    municipalitiesConsulted: municipalityRows.filter((m) => m.role === "consulted"),
    associations,
    linkedSignals,
    advisers: assigned,
    milestones,
    planCount,
    attention,
  };
}

/** Running trajectories, to link a signal to from the signal's page. */
export function activeTrajectories() {
  return db()
    .select({ id: trajectories.id, regionName: regions.name, strategicGoal: trajectories.strategicGoal })
    .from(trajectories)
    .innerJoin(regions, eq(regions.code, trajectories.regionCode))
    .where(eq(trajectories.status, "active"))
    .orderBy(asc(regions.name), desc(trajectories.startedOn))
    .all();
}

export function trajectoriesOfSignal(signalId: number) {
  return db()
    .select({ id: trajectories.id, regionName: regions.name, startedOn: trajectories.startedOn })
    .from(trajectorySignals)
    .innerJoin(trajectories, eq(trajectories.id, trajectorySignals.trajectoryId))
    .innerJoin(regions, eq(regions.code, trajectories.regionCode))
    .where(eq(trajectorySignals.signalId, signalId))
    .all();
}


/** The steps of a trajectory that are "bezig", in step order. */
export function activeSteps(trajectoryId: number): Step[] {
  const rows = db()
    .select({ step: trajectorySteps.step })
    .from(trajectorySteps)
    .where(and(eq(trajectorySteps.trajectoryId, trajectoryId), eq(trajectorySteps.state, "active")))
    .all();
  return STEPS.filter((step) => rows.some((r) => r.step === step));
}

/**
 * Work recorded for a step (a talk for step 5, an escalation for step 6) means the step has begun: an open step
 * becomes "bezig", in the caller's transaction and with the same history and audit entry as a started step. A step
 * that is done, skipped or already in progress is left as the intermediary set it.
 */
export function startStepIfOpen(tx: Tx, trajectoryId: number, step: Step, actor: Actor): void {
  const current = tx
    .select({ state: trajectorySteps.state })
    .from(trajectorySteps)
    .where(and(eq(trajectorySteps.trajectoryId, trajectoryId), eq(trajectorySteps.step, step)))
    .get();
  if (current?.state !== "open") return;
  tx.update(trajectorySteps).set({ state: "active", updatedAt: now() }).where(and(eq(trajectorySteps.trajectoryId, trajectoryId), eq(trajectorySteps.step, step))).run();
  event(tx, trajectoryId, actor, "step", step, { from: "open", to: "active" });
  audit(actor, "trajectory.step_changed", { type: "trajectory", id: trajectoryId }, { step, from: "open", to: "active" }, tx);
}

/** The current plan of approach (the latest version), or null before the first. */
export function currentPlan(trajectoryId: number): { version: number; at: string; body: string } | null {
  const row = db()
    .select({ version: planVersions.version, at: planVersions.at, bodySealed: planVersions.bodySealed })
    .from(planVersions)
    .where(eq(planVersions.trajectoryId, trajectoryId))
    .orderBy(desc(planVersions.version))
    .limit(1)
    .get();
  return row ? { version: row.version, at: row.at, body: unsealRequired(row.bodySealed, "plan") } : null;
}

export type TrajectoryDetail = ReturnType<typeof trajectoryDetail>;
