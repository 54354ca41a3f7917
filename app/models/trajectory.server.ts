import { and, asc, eq, isNull, sql } from "drizzle-orm";
import {
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
import { DomainError } from "~/domain/errors";
import { can } from "~/domain/permissions";
import type { Role } from "~/domain/roles";
import type { Association } from "~/domain/signal-codes";
import { STEP_LABELS, STEPS, type Step } from "~/domain/trajectory-codes";
import { stepAction, type StepActionCode } from "~/domain/trajectory-workflow";
import { db, type Tx } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { notifyAdvisersAssigned } from "./notifications.server";
import { sealRequired } from "./sealed.server";


function now(): string {
  return new Date().toISOString();
}

/** One entry of the trajectory's history, in the caller's transaction. */
export function event(tx: Tx, trajectoryId: number, actor: Actor, kind: string, step?: Step | null, detail?: object): void {
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

export function requireTrajectory(id: number) {
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
    const before = new Set(tx.select({ id: trajectoryAdvisers.userId }).from(trajectoryAdvisers).where(eq(trajectoryAdvisers.trajectoryId, trajectoryId)).all().map((r) => r.id));
    tx.delete(trajectoryAdvisers).where(eq(trajectoryAdvisers.trajectoryId, trajectoryId)).run();
    if (adviserIds.length) tx.insert(trajectoryAdvisers).values([...new Set(adviserIds)].map((userId) => ({ trajectoryId, userId }))).run();
    audit(actor, "trajectory.advisers_set", { type: "trajectory", id: trajectoryId }, { advisers: adviserIds.map(String) }, tx);
    notifyAdvisersAssigned(tx, trajectoryId, adviserIds.filter((id) => !before.has(id)));
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
