import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import { escalations, lessons, procurementMilestones, regions, trajectories, trajectoryContacts, trajectoryEvents, users } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import { can } from "~/domain/permissions";
import type { Role } from "~/domain/roles";
import type { ContactKind, EscalationType, MilestoneKind } from "~/domain/trajectory-codes";
import { db, type Tx } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { flagRegionReview } from "./contract-review.server";
import { notifyReanalysis } from "./notifications.server";
import { startStepIfOpen } from "./trajectory.server";
import { addDays, todayInTheNetherlands } from "~/domain/dates";
import { seal, sealRequired, unseal, unsealRequired } from "./sealed.server";


function now(): string {
  return new Date().toISOString();
}

/** The region's milestones and documents; the intermediary's note on them only for those who edit them. */
export function milestonesOfRegion(regionCode: string, viewer: { roles: readonly Role[] }) {
  const withNote = can(viewer.roles, "region.editMilestones");
  return db()
    .select({
      id: procurementMilestones.id,
      kind: procurementMilestones.kind,
      dueOn: procurementMilestones.dueOn,
      title: procurementMilestones.title,
      reference: procurementMilestones.reference,
      note: withNote ? procurementMilestones.note : sql<null>`null`,
    })
    .from(procurementMilestones)
    .where(eq(procurementMilestones.regionCode, regionCode))
    .orderBy(asc(procurementMilestones.dueOn))
    .all();
}

/** The region a milestone belongs to, or undefined when there is no such milestone. */
export function regionOfMilestone(id: number): string | undefined {
  return db().select({ region: procurementMilestones.regionCode }).from(procurementMilestones).where(eq(procurementMilestones.id, id)).get()?.region;
}

/** Milestones of the coming days across all regions, for the start page. */
export function upcomingMilestones(days = 30, now = new Date()) {
  const from = todayInTheNetherlands(now);
  const to = addDays(from, days);
  return db()
    .select({ id: procurementMilestones.id, dueOn: procurementMilestones.dueOn, kind: procurementMilestones.kind, title: procurementMilestones.title, regionCode: procurementMilestones.regionCode, regionName: regions.name })
    .from(procurementMilestones)
    .innerJoin(regions, eq(regions.code, procurementMilestones.regionCode))
    .where(and(gte(procurementMilestones.dueOn, from), lte(procurementMilestones.dueOn, to)))
    .orderBy(asc(procurementMilestones.dueOn))
    .all();
}

export type MilestoneInput = { id?: number; regionCode: string; kind: MilestoneKind; dueOn: string; title: string; reference?: string; note?: string };

export function saveMilestone(input: MilestoneInput, actor: Actor): { affectedTrajectories: number } {
  return db().transaction((tx) => writeMilestone(tx, input, actor));
}

/**
 * A new or changed procurement document means the analysis and plan of every running trajectory in the region must be
 * looked at again: they are marked "herbeoordeling nodig" until a plan revision or a dismissal with a reason, and so
 * is the region's latest contract review, until its next version. This is the one path by which a milestone is
 * recorded, by hand or by the TenderNed monitor, inside the caller's transaction.
 */
export function writeMilestone(tx: Tx, input: MilestoneInput, actor: Actor): { id: number; affectedTrajectories: number } {
  const region = tx.select().from(regions).where(eq(regions.code, input.regionCode)).get();
  if (!region) throw new DomainError("PROCUREMENT.UNKNOWN_REGION", "Deze regio bestaat niet.");
  const values = {
    regionCode: input.regionCode,
    kind: input.kind,
    dueOn: input.dueOn,
    title: input.title,
    reference: input.reference ?? null,
    note: input.note ?? null,
    updatedAt: now(),
    updatedBy: actor.userId,
  };
  let id = input.id;
  if (id) {
    const existing = tx.select().from(procurementMilestones).where(and(eq(procurementMilestones.id, id), eq(procurementMilestones.regionCode, input.regionCode))).get();
    if (!existing) throw new DomainError("PROCUREMENT.NOT_FOUND", "Dit document bestaat niet (meer).");
    tx.update(procurementMilestones).set(values).where(eq(procurementMilestones.id, id)).run();
  } else {
    id = tx.insert(procurementMilestones).values(values).returning({ id: procurementMilestones.id }).get().id;
  }
  const running = tx
    .select({ id: trajectories.id })
    .from(trajectories)
    .where(and(eq(trajectories.regionCode, input.regionCode), eq(trajectories.status, "active")))
    .all();
  for (const t of running) {
    tx.update(trajectories).set({ needsReanalysis: true }).where(eq(trajectories.id, t.id)).run();
    tx.insert(trajectoryEvents).values({ trajectoryId: t.id, at: now(), userId: actor.userId, kind: "reanalysis_needed", step: "monitoring", detail: JSON.stringify({ milestone: id }) }).run();
    notifyReanalysis(tx, t.id);
  }
  flagRegionReview(tx, input.regionCode, id, actor);
  audit(actor, input.id ? "procurement.milestone_changed" : "procurement.milestone_added", { type: "milestone", id }, { region: input.regionCode, trajectories: running.length }, tx);
  return { id, affectedTrajectories: running.length };
}

export function dismissReanalysis(trajectoryId: number, reason: string, actor: Actor): void {
  db().transaction((tx) => {
    const row = tx.select({ needs: trajectories.needsReanalysis }).from(trajectories).where(eq(trajectories.id, trajectoryId)).get();
    if (!row?.needs) throw new DomainError("TRAJECTORY.NO_REANALYSIS", "Er staat geen herbeoordeling open.");
    tx.update(trajectories).set({ needsReanalysis: false }).where(eq(trajectories.id, trajectoryId)).run();
    tx.insert(trajectoryEvents).values({ trajectoryId, at: now(), userId: actor.userId, kind: "reanalysis_dismissed", step: "monitoring", detail: JSON.stringify({ reason }) }).run();
    audit(actor, "trajectory.reanalysis_dismissed", { type: "trajectory", id: trajectoryId }, undefined, tx);
  });
}

export function addEscalation(trajectoryId: number, input: { happenedOn: string; types: EscalationType[]; description?: string }, actor: Actor): void {
  if (input.types.length === 0) throw new DomainError("TRAJECTORY.ESCALATION_TYPE", "Kies minstens één soort escalatie.", "types");
  db().transaction((tx) => {
    tx.insert(escalations)
      .values({
        trajectoryId,
        happenedOn: input.happenedOn,
        legal: input.types.includes("legal"),
        council: input.types.includes("council"),
        publicity: input.types.includes("publicity"),
        descriptionSealed: seal(input.description, "escalation"),
        authorId: actor.userId,
      })
      .run();
    tx.insert(trajectoryEvents).values({ trajectoryId, at: now(), userId: actor.userId, kind: "escalation", step: "support_escalation", detail: JSON.stringify({ types: input.types }) }).run();
    audit(actor, "trajectory.escalation_added", { type: "trajectory", id: trajectoryId }, { types: input.types }, tx);
    startStepIfOpen(tx, trajectoryId, "support_escalation", actor);
  });
}

export function escalationsOf(trajectoryId: number) {
  return db()
    .select()
    .from(escalations)
    .where(eq(escalations.trajectoryId, trajectoryId))
    .orderBy(desc(escalations.happenedOn))
    .all()
    .map(({ descriptionSealed, ...e }) => ({ ...e, description: unseal(descriptionSealed, "escalation") }));
}

export function addContact(trajectoryId: number, input: { heldOn: string; kind: ContactKind; organisations: string; summary: string }, actor: Actor): void {
  db().transaction((tx) => {
    tx.insert(trajectoryContacts)
      .values({
        trajectoryId,
        heldOn: input.heldOn,
        kind: input.kind,
        organisationsSealed: sealRequired(input.organisations, "contactOrganisations"),
        summarySealed: sealRequired(input.summary, "contactSummary"),
        authorId: actor.userId,
      })
      .run();
    tx.insert(trajectoryEvents).values({ trajectoryId, at: now(), userId: actor.userId, kind: "contact", step: "talks", detail: JSON.stringify({ kind: input.kind }) }).run();
    audit(actor, "trajectory.contact_added", { type: "trajectory", id: trajectoryId }, { kind: input.kind }, tx);
    startStepIfOpen(tx, trajectoryId, "talks", actor);
  });
}

export function contactsOf(trajectoryId: number) {
  return db()
    .select()
    .from(trajectoryContacts)
    .where(eq(trajectoryContacts.trajectoryId, trajectoryId))
    .orderBy(desc(trajectoryContacts.heldOn))
    .all()
    .map(({ organisationsSealed, summarySealed, ...c }) => ({
      ...c,
      organisations: unsealRequired(organisationsSealed, "contactOrganisations"),
      summary: unsealRequired(summarySealed, "contactSummary"),
    }));
}

export function addLesson(trajectoryId: number, text: string, actor: Actor): void {
  db().transaction((tx) => {
    tx.insert(lessons).values({ trajectoryId, at: now(), authorId: actor.userId, text }).run();
    tx.insert(trajectoryEvents).values({ trajectoryId, at: now(), userId: actor.userId, kind: "lesson", step: "sharing" }).run();
    audit(actor, "trajectory.lesson_added", { type: "trajectory", id: trajectoryId }, undefined, tx);
  });
}

/** Lessons across trajectories (optionally of one region), for use in other regions. */
export function listLessons(regionCode?: string) {
  return db()
    .select({ id: lessons.id, at: lessons.at, text: lessons.text, author: users.name, trajectoryId: lessons.trajectoryId, regionCode: trajectories.regionCode, regionName: regions.name })
    .from(lessons)
    .innerJoin(trajectories, eq(trajectories.id, lessons.trajectoryId))
    .innerJoin(regions, eq(regions.code, trajectories.regionCode))
    .leftJoin(users, eq(users.id, lessons.authorId))
    .where(regionCode ? eq(trajectories.regionCode, regionCode) : sql`1 = 1`)
    .orderBy(desc(lessons.at))
    .all();
}
