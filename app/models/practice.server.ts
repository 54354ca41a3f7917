import { desc, eq, sql } from "drizzle-orm";
import { knowledgeArticleLessons, lessons, signals, trajectories, trajectorySignals } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import { assertCan } from "~/domain/permissions";
import type { PracticeInput } from "~/domain/practice";
import type { Phase, Topic } from "~/domain/signal-codes";
import { db } from "~/utils/db.server";
import type { Actor } from "./audit.server";
import { checkArticle, createEntry, openArticle, publishArticle, saveArticle, withdrawArticle, type EntryInput } from "./knowledge.server";
import { regionNames } from "./reference.server";

/**
 * Goede voorbeelden as the intermediary works on them (practice.manage): kennisbank entries of kind "practice", so
 * versions, states, the guard, publishing and withdrawing are knowledge.server.ts's own. This module maps a practice's
 * fields onto an entry and knows where a practice comes from: a trajectory's lesson learned.
 */

function entryOf(input: PracticeInput): EntryInput {
  if (input.regionCode !== undefined && !(input.regionCode in regionNames())) {
    throw new DomainError("PRACTICE.BAD_REGION", "Kies een regio uit de lijst.", "regionCode");
  }
  const { title, whatWasDone, lessonId: _lessonId, ...rest } = input;
  return { ...rest, question: title, answer: whatWasDone, showRegion: input.regionCode !== undefined && input.showRegion };
}

/**
 * What a practice made from a lesson starts with: its classification only — the trajectory's region (not shown
 * until chosen) and the topic and phase most of its linked signals have — never the lesson's or the trajectory's text.
 */
export function lessonStart(lessonId: number): { regionCode: string; topic?: Topic; procurementPhase?: Phase } {
  const lesson = db().select({ regionCode: trajectories.regionCode, trajectoryId: lessons.trajectoryId }).from(lessons).innerJoin(trajectories, eq(trajectories.id, lessons.trajectoryId)).where(eq(lessons.id, lessonId)).get();
  if (!lesson) throw new DomainError("PRACTICE.LESSON_NOT_FOUND", "Deze les bestaat niet.", "lessonId");
  const common = db()
    .select({ topic: signals.topic, procurementPhase: signals.procurementPhase })
    .from(trajectorySignals)
    .innerJoin(signals, eq(signals.id, trajectorySignals.signalId))
    .where(eq(trajectorySignals.trajectoryId, lesson.trajectoryId))
    .groupBy(signals.topic, signals.procurementPhase)
    .orderBy(desc(sql`count(*)`))
    .limit(1)
    .get();
  return { regionCode: lesson.regionCode, ...common };
}

export function createPractice(input: PracticeInput, actor: Actor): number {
  assertCan(actor, "practice.manage");
  const { lessonId } = input;
  if (lessonId !== undefined) lessonStart(lessonId);
  return createEntry("practice", entryOf(input), actor, (tx, id) => {
    if (lessonId !== undefined) tx.insert(knowledgeArticleLessons).values({ articleId: id, lessonId }).run();
    return lessonId !== undefined;
  });
}

export function savePractice(id: number, input: PracticeInput, actor: Actor): number {
  return saveArticle(id, entryOf(input), actor, "practice");
}

/** A practice with its latest version (or `version`) in its own field names, its versions and source lessons. */
export function openPractice(id: number, actor: Actor, version?: number) {
  const opened = openArticle(id, actor, version, "practice");
  if (!opened) return null;
  const { question, answer, ...text } = opened.text;
  return { ...opened, text: { ...text, title: question, whatWasDone: answer } };
}

export const checkPractice = (id: number, actor: Actor) => checkArticle(id, actor, "practice");
export const publishPractice = (id: number, actor: Actor, despiteHits: boolean) => publishArticle(id, actor, despiteHits, "practice");
export const withdrawPractice = (id: number, actor: Actor) => withdrawArticle(id, actor, "practice");
