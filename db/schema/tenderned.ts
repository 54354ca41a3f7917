import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { MILESTONE_KINDS } from "../../app/domain/trajectory-codes";
import { regions } from "./reference";
import { procurementMilestones } from "./trajectories";
import { users } from "./users";

/**
 * Every TenderNed notice a run read (open data, CC0), youth care or not: an unchanged notice is then recognised
 * without asking TenderNed for its detail again. `content` is what decides "changed" (see publicationContent).
 */
export const tendernedPublications = sqliteTable(
  "tenderned_publications",
  {
    publicatieId: text("publicatie_id").primaryKey(),
    procurementKey: text("procurement_key").notNull(),
    publishedOn: text("published_on").notNull(),
    typeCode: text("type_code").notNull(),
    typeLabel: text("type_label").notNull(),
    title: text("title").notNull(),
    authority: text("authority").notNull(),
    description: text("description").notNull(),
    closingOn: text("closing_on"),
    link: text("link"),
    cpvCodes: text("cpv_codes").notNull().default(""),
    content: text("content").notNull(),
    youthCare: integer("youth_care", { mode: "boolean" }).notNull(),
    regionCode: text("region_code").references(() => regions.code),
    firstSeenAt: text("first_seen_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("tenderned_publications_list_idx").on(t.youthCare, t.publishedOn), index("tenderned_publications_authority_idx").on(t.authority)],
);

/** Which region milestone a procurement's notice type became: a rectification or award updates it instead of adding one. */
export const tendernedMilestones = sqliteTable(
  "tenderned_milestones",
  {
    procurementKey: text("procurement_key").notNull(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    kind: text("kind", { enum: MILESTONE_KINDS }).notNull(),
    milestoneId: integer("milestone_id")
      .notNull()
      .references(() => procurementMilestones.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.procurementKey, t.regionCode, t.kind] })],
);

/** Regional bodies ("Serviceorganisatie Jeugd ZHZ") an admin mapped to a region, by their compared name (authorityKey). */
export const tendernedAliases = sqliteTable("tenderned_aliases", {
  nameKey: text("name_key").primaryKey(),
  name: text("name").notNull(),
  regionCode: text("region_code")
    .notNull()
    .references(() => regions.code),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: text("created_at").notNull(),
});

/** Publication days read in full: a run starts after the last of them. */
export const tendernedDays = sqliteTable("tenderned_days", {
  day: text("day").primaryKey(),
  rows: integer("rows").notNull(),
  completedAt: text("completed_at").notNull(),
});

export const tendernedRuns = sqliteTable("tenderned_runs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  trigger: text("trigger", { enum: ["schedule", "manual", "cli", "import"] }).notNull(),
  startedAt: text("started_at").notNull(),
  finishedAt: text("finished_at"),
  status: text("status", { enum: ["running", "ok", "incomplete", "failed"] }).notNull(),
  message: text("message"),
  days: integer("days").notNull().default(0),
  read: integer("read").notNull().default(0),
  matched: integer("matched").notNull().default(0),
  unassigned: integer("unassigned").notNull().default(0),
  milestonesChanged: integer("milestones_changed").notNull().default(0),
  requests: integer("requests").notNull().default(0),
});
