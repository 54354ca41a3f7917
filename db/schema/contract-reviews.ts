import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { REVIEW_STATES } from "../../app/domain/contract-review";
import { regions } from "./reference";
import { procurementMilestones } from "./trajectories";
import { users } from "./users";

/** The accessibility criteria an admin maintains; the defaults come with migration 0020. A code never changes meaning. */
export const reviewCriteria = sqliteTable("review_criteria", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  code: text("code").notNull().unique(),
  question: text("question").notNull(),
  help: text("help").notNull().default(""),
  position: integer("position").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
});

/**
 * A review of one region's contract or procurement, optionally tied to one of its procurement documents (a milestone,
 * recorded by hand or by the TenderNed monitor). Its scores live in versions; `published_version` is what readers see.
 * Nothing here is confidential: reviews are written to be sent to the region.
 */
export const contractReviews = sqliteTable(
  "contract_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    milestoneId: integer("milestone_id").references(() => procurementMilestones.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    state: text("state", { enum: REVIEW_STATES }).notNull().default("concept"),
    publishedVersion: integer("published_version"),
    publishedAt: text("published_at"),
    needsReassessment: integer("needs_reassessment", { mode: "boolean" }).notNull().default(false),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("contract_reviews_region_idx").on(t.regionCode, t.updatedAt)],
);

export const contractReviewVersions = sqliteTable(
  "contract_review_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("review_id")
      .notNull()
      .references(() => contractReviews.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** JSON array of { code, question, rating, note, source }: the question as asked then, so history stays readable. */
    ratings: text("ratings").notNull(),
    scorePercent: integer("score_percent"),
    unknownCount: integer("unknown_count").notNull(),
    reason: text("reason").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("contract_review_versions_version_idx").on(t.reviewId, t.version)],
);
