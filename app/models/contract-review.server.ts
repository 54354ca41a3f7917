import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import { contractReviewVersions, contractReviews, procurementMilestones, regions, trajectories, users } from "../../db/schema";
import { scoreOf, type CriterionRating, type StoredRating } from "~/domain/contract-review";
import { DomainError } from "~/domain/errors";
import { assertCan, can } from "~/domain/permissions";
import { db, type Tx } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { notifyReviewReassessment } from "./notifications.server";
import { listCriteria } from "./review-criteria.server";
import { assignedTo } from "./trajectory-list.server";
import type { Viewer } from "./trajectory.server";

/** Contract accessibility reviews (issue 18, item 4): versions, publishing, the re-assessment flag, the overview. */

const now = () => new Date().toISOString();
const target = (id: number) => ({ type: "contract_review", id });

export type ReviewInput = { regionCode: string; title: string; milestoneId?: number; reason: string; ratings: CriterionRating[] };

function notFound(): never {
  throw new DomainError("REVIEW.NOT_FOUND", "Deze contracttoets bestaat niet.");
}

/**
 * What the viewer reads of a region's reviews: the intermediary every version of every region, an adviser that of
 * the regions of their trajectories, everyone else with review.readPublished only the published version.
 */
function accessTo(regionCode: string, viewer: Viewer, own: ReadonlySet<string>): "all" | "published" | "none" {
  if (can(viewer.roles, "review.manage")) return "all";
  if (can(viewer.roles, "review.readOwn") && own.has(regionCode)) return "all";
  return can(viewer.roles, "review.readPublished") ? "published" : "none";
}

function ownRegions(viewer: Viewer): Set<string> {
  if (can(viewer.roles, "review.manage") || !can(viewer.roles, "review.readOwn")) return new Set();
  return new Set(db().selectDistinct({ code: trajectories.regionCode }).from(trajectories).where(assignedTo(viewer)).all().map((r) => r.code));
}

function checkHead(tx: Tx, input: ReviewInput): void {
  if (!tx.select({ code: regions.code }).from(regions).where(eq(regions.code, input.regionCode)).get()) {
    throw new DomainError("REVIEW.UNKNOWN_REGION", "Deze regio bestaat niet.", "regionCode");
  }
  if (input.milestoneId === undefined) return;
  const milestone = tx.select({ region: procurementMilestones.regionCode }).from(procurementMilestones).where(eq(procurementMilestones.id, input.milestoneId)).get();
  if (milestone?.region !== input.regionCode) throw new DomainError("REVIEW.MILESTONE_ELSEWHERE", "Kies een aanbestedingsstuk van deze regio.", "milestoneId");
}

function writeVersion(tx: Tx, reviewId: number, version: number, input: ReviewInput, actor: Actor): void {
  const questions = new Map(listCriteria("all").map((c) => [c.code, c.question]));
  const ratings: StoredRating[] = input.ratings.map((r) => ({ ...r, question: questions.get(r.code) ?? r.code }));
  if (ratings.length === 0) throw new DomainError("REVIEW.NO_CRITERIA", "Er zijn geen actieve criteria; vraag de beheerder ze in te stellen.");
  const score = scoreOf(ratings.map((r) => r.rating));
  tx.insert(contractReviewVersions)
    .values({ reviewId, version, ratings: JSON.stringify(ratings), scorePercent: score.percent, unknownCount: score.unknown, reason: input.reason, createdBy: actor.userId, createdAt: now() })
    .run();
}

export function createReview(input: ReviewInput, actor: Actor): number {
  assertCan(actor, "review.manage");
  return db().transaction((tx) => {
    checkHead(tx, input);
    const at = now();
    const { id } = tx
      .insert(contractReviews)
      .values({ regionCode: input.regionCode, milestoneId: input.milestoneId ?? null, title: input.title, createdBy: actor.userId, createdAt: at, updatedAt: at })
      .returning({ id: contractReviews.id })
      .get();
    writeVersion(tx, id, 1, input, actor);
    audit(actor, "review.created", target(id), { region: input.regionCode }, tx);
    return id;
  });
}

/** Every save is a new version; it settles "herbeoordeling nodig", since the review has been looked at again. */
export function saveReview(id: number, input: Omit<ReviewInput, "regionCode">, actor: Actor): number {
  assertCan(actor, "review.manage");
  return db().transaction((tx) => {
    const review = tx.select().from(contractReviews).where(eq(contractReviews.id, id)).get() ?? notFound();
    const full = { ...input, regionCode: review.regionCode };
    checkHead(tx, full);
    const last = tx.select({ n: max(contractReviewVersions.version) }).from(contractReviewVersions).where(eq(contractReviewVersions.reviewId, id)).get()?.n ?? 0;
    writeVersion(tx, id, last + 1, full, actor);
    tx.update(contractReviews).set({ title: input.title, milestoneId: input.milestoneId ?? null, needsReassessment: false, updatedAt: now() }).where(eq(contractReviews.id, id)).run();
    audit(actor, "review.saved", target(id), { version: last + 1 }, tx);
    return last + 1;
  });
}

/** Publishes the latest version: readers see that one until the next publication, whatever is saved after it. */
export function publishReview(id: number, actor: Actor): number {
  assertCan(actor, "review.manage");
  return db().transaction((tx) => {
    tx.select({ id: contractReviews.id }).from(contractReviews).where(eq(contractReviews.id, id)).get() ?? notFound();
    const last = tx.select({ n: max(contractReviewVersions.version) }).from(contractReviewVersions).where(eq(contractReviewVersions.reviewId, id)).get()?.n ?? notFound();
    tx.update(contractReviews).set({ state: "published", publishedVersion: last, publishedAt: now() }).where(eq(contractReviews.id, id)).run();
    audit(actor, "review.published", target(id), { version: last }, tx);
    return last;
  });
}

/**
 * A new or changed procurement document of the region puts its latest review on "herbeoordeling nodig". Called by
 * writeMilestone, the one path of every procurement document (by hand or TenderNed), inside its transaction.
 */
export function flagRegionReview(tx: Tx, regionCode: string, milestoneId: number, actor: Actor): boolean {
  const latest = tx.select({ id: contractReviews.id }).from(contractReviews).where(eq(contractReviews.regionCode, regionCode)).orderBy(desc(contractReviews.id)).limit(1).get();
  if (!latest) return false;
  tx.update(contractReviews).set({ needsReassessment: true }).where(eq(contractReviews.id, latest.id)).run();
  audit(actor, "review.reassessment_needed", target(latest.id), { milestone: milestoneId }, tx);
  notifyReviewReassessment(tx, latest.id);
  return true;
}

function versionRow(reviewId: number, version: number) {
  const row = db()
    .select({ version: contractReviewVersions.version, ratings: contractReviewVersions.ratings, scorePercent: contractReviewVersions.scorePercent, unknownCount: contractReviewVersions.unknownCount, reason: contractReviewVersions.reason, createdAt: contractReviewVersions.createdAt, author: users.name })
    .from(contractReviewVersions)
    .leftJoin(users, eq(users.id, contractReviewVersions.createdBy))
    .where(and(eq(contractReviewVersions.reviewId, reviewId), eq(contractReviewVersions.version, version)))
    .get();
  return row ? { ...row, ratings: JSON.parse(row.ratings) as StoredRating[] } : undefined;
}

/**
 * One review as the viewer may read it, at `version` (default: the latest they may see). Undefined when it does not
 * exist for them: a concept is not found for a reader, so its existence does not leak.
 */
export function reviewFor(id: number, viewer: Viewer, version?: number) {
  const review = db()
    .select({ id: contractReviews.id, regionCode: contractReviews.regionCode, regionName: regions.name, title: contractReviews.title, state: contractReviews.state, publishedVersion: contractReviews.publishedVersion, publishedAt: contractReviews.publishedAt, needsReassessment: contractReviews.needsReassessment, milestoneId: contractReviews.milestoneId, milestoneTitle: procurementMilestones.title, milestoneKind: procurementMilestones.kind, milestoneDueOn: procurementMilestones.dueOn, milestoneReference: procurementMilestones.reference })
    .from(contractReviews)
    .innerJoin(regions, eq(regions.code, contractReviews.regionCode))
    .leftJoin(procurementMilestones, eq(procurementMilestones.id, contractReviews.milestoneId))
    .where(eq(contractReviews.id, id))
    .get();
  if (!review) return undefined;
  const access = accessTo(review.regionCode, viewer, ownRegions(viewer));
  if (access === "none" || (access === "published" && review.publishedVersion === null)) return undefined;
  const versions =
    access === "all"
      ? db()
          .select({ version: contractReviewVersions.version, createdAt: contractReviewVersions.createdAt, reason: contractReviewVersions.reason, scorePercent: contractReviewVersions.scorePercent, unknownCount: contractReviewVersions.unknownCount, author: users.name })
          .from(contractReviewVersions)
          .leftJoin(users, eq(users.id, contractReviewVersions.createdBy))
          .where(eq(contractReviewVersions.reviewId, id))
          .orderBy(desc(contractReviewVersions.version))
          .all()
      : [];
  const latest = access === "all" ? versions[0]!.version : review.publishedVersion!;
  const wanted = version ?? latest;
  if (access === "published" && wanted !== review.publishedVersion) return undefined;
  const shown = versionRow(id, wanted);
  if (!shown) return undefined;
  return { review: { ...review, needsReassessment: access === "all" && review.needsReassessment }, shown, latest, versions, full: access === "all" };
}

/** The region's latest review the viewer may read, per region, with the version they may read: the overview's rows. */
/** The reviews a new procurement document flagged, for the start page of whoever writes reviews. */
export function reviewsToReassess(viewer: Viewer) {
  if (!can(viewer.roles, "review.manage")) return [];
  return db()
    .select({ id: contractReviews.id, regionName: regions.name, title: contractReviews.title })
    .from(contractReviews)
    .innerJoin(regions, eq(regions.code, contractReviews.regionCode))
    .where(eq(contractReviews.needsReassessment, true))
    .orderBy(asc(regions.name), asc(contractReviews.id))
    .all();
}

export function latestReviews(viewer: Viewer) {
  const own = ownRegions(viewer);
  const heads = db()
    .select({ id: contractReviews.id, regionCode: contractReviews.regionCode, regionName: regions.name, title: contractReviews.title, state: contractReviews.state, publishedVersion: contractReviews.publishedVersion, needsReassessment: contractReviews.needsReassessment })
    .from(contractReviews)
    .innerJoin(regions, eq(regions.code, contractReviews.regionCode))
    .orderBy(asc(contractReviews.regionCode), desc(contractReviews.id))
    .all();
  const chosen = new Map<string, { head: (typeof heads)[number]; full: boolean }>();
  for (const head of heads) {
    if (chosen.has(head.regionCode)) continue;
    const access = accessTo(head.regionCode, viewer, own);
    if (access === "all") chosen.set(head.regionCode, { head, full: true });
    else if (access === "published" && head.publishedVersion !== null) chosen.set(head.regionCode, { head, full: false });
  }
  const ids = [...chosen.values()].map((c) => c.head.id);
  const lastOf = new Map(
    ids.length === 0
      ? []
      : db()
          .select({ id: contractReviewVersions.reviewId, n: max(contractReviewVersions.version) })
          .from(contractReviewVersions)
          .where(inArray(contractReviewVersions.reviewId, ids))
          .groupBy(contractReviewVersions.reviewId)
          .all()
          .map((r) => [r.id, r.n ?? 1] as const),
  );
  return [...chosen.values()].map(({ head, full }) => {
    const shown = versionRow(head.id, full ? lastOf.get(head.id)! : head.publishedVersion!)!;
    return { ...head, needsReassessment: full && head.needsReassessment, version: shown.version, createdAt: shown.createdAt, score: { percent: shown.scorePercent, unknown: shown.unknownCount }, ratings: shown.ratings };
  });
}
