import { and, asc, desc, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import {
  planVersions,
  procurementMilestones,
  regions,
  signals,
  trajectoryAdvisers,
  trajectoryAssociations,
  trajectoryEvents,
  trajectoryNotes,
  trajectorySignals,
  trajectorySteps,
  users,
} from "../../db/schema";
import { todayInTheNetherlands } from "~/domain/dates";
import { readableNoteSteps } from "~/domain/permissions";
import { STEPS } from "~/domain/trajectory-codes";
import { attentionItems } from "~/domain/trajectory-workflow";
import { db } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { unsealRequired } from "./sealed.server";
import { requireTrajectory, type Viewer } from "./trajectory.server";

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

export type TrajectoryDetail = ReturnType<typeof trajectoryDetail>;
