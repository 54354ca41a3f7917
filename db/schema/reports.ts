import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { POLICIES } from "../../app/domain/report-policy";
import { users } from "./users";

/**
 * The intermediary's own text of a year report. Every save is a new row, so earlier wording stays readable and a
 * publication can name the exact version it froze. The text is written to be published, so it is not sealed.
 */
export const reportNarratives = sqliteTable(
  "report_narratives",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    year: integer("year").notNull(),
    version: integer("version").notNull(),
    introduction: text("introduction").notNull(),
    assignment: text("assignment").notNull().default(""),
    requests: text("requests").notNull().default(""),
    method: text("method").notNull().default(""),
    threads: text("threads").notNull(),
    conclusions: text("conclusions").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("report_narratives_version_idx").on(t.year, t.version)],
);

/**
 * A published year report: figures (already suppressed), comparison and narrative frozen as one JSON document, so a
 * later import or correction never changes what readers were given. Numbered per year.
 */
export const reportPublications = sqliteTable(
  "report_publications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    year: integer("year").notNull(),
    version: integer("version").notNull(),
    threshold: integer("threshold").notNull(),
    showRegions: integer("show_regions", { mode: "boolean" }).notNull().default(false),
    /** Publications from before the choice existed hid every cell below k, so they count as the strict policy. */
    policy: text("policy", { enum: POLICIES }).notNull().default("all_cells_below_k"),
    narrativeId: integer("narrative_id").references(() => reportNarratives.id),
    document: text("document").notNull(),
    /**
     * The exact figures of the moment with the status of each cell as readers got it (report-disclosure.ts Release),
     * for the version rules of later publications. Staff only: never part of what a page or a file sends.
     */
    figures: text("figures"),
    publishedBy: integer("published_by").references(() => users.id),
    publishedAt: text("published_at").notNull(),
  },
  (t) => [uniqueIndex("report_publications_version_idx").on(t.year, t.version), index("report_publications_year_idx").on(t.year)],
);
