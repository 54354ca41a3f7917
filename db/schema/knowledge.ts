import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ARTICLE_STATES } from "../../app/domain/knowledge";
import { KNOWLEDGE_KINDS } from "../../app/domain/practice";
import { PHASES, TOPICS } from "../../app/domain/signal-codes";
import { regions } from "./reference";
import { signals } from "./signals";
import { lessons } from "./trajectories";
import { users } from "./users";

/**
 * A kennisbank article. Its text lives in versions (every save a new row); `published_version` is the version that
 * passed the confidentiality guard and is what /vragen shows while the state is "published". Question and answer are
 * written to be published, so they are not sealed; the names marked sensitive are.
 */
export const knowledgeArticles = sqliteTable(
  "knowledge_articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    state: text("state", { enum: ARTICLE_STATES }).notNull().default("concept"),
    /** "answer" (/vragen) or "practice" (a goed voorbeeld, /voorbeelden): one machinery for versions, states, guard. */
    kind: text("kind", { enum: KNOWLEDGE_KINDS }).notNull().default("answer"),
    /** A practice's region, and whether it may be shown publicly (the choice "regio tonen"). */
    regionCode: text("region_code").references(() => regions.code),
    showRegion: integer("show_region", { mode: "boolean" }).notNull().default(false),
    topic: text("topic", { enum: TOPICS }).notNull(),
    procurementPhase: text("procurement_phase", { enum: PHASES }).notNull(),
    publishedVersion: integer("published_version"),
    publishedAt: text("published_at"),
    sensitiveNamesSealed: text("sensitive_names_sealed"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("knowledge_articles_topic_idx").on(t.topic, t.procurementPhase, t.state)],
);

export const knowledgeVersions = sqliteTable(
  "knowledge_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    /** JSON array of { label, url } (app/domain/knowledge.ts, Reference); url only http(s). */
    references: text("references").notNull().default("[]"),
    checkedOn: text("checked_on").notNull(),
    /** A practice's "wat het opleverde" (its title is `question`, "wat er is gedaan" is `answer`); empty for answers. */
    outcome: text("outcome").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("knowledge_versions_version_idx").on(t.articleId, t.version)],
);

/** The answered signals an article was made from: internal only, read by the guard, never shown on /vragen. */
export const knowledgeArticleSignals = sqliteTable(
  "knowledge_article_signals",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: "cascade" }),
    signalId: integer("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.signalId] }), index("knowledge_article_signals_signal_idx").on(t.signalId)],
);

/** The lesson learned a practice was made from: internal only; the guard reads its trajectory's signals. */
export const knowledgeArticleLessons = sqliteTable(
  "knowledge_article_lessons",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: "cascade" }),
    lessonId: integer("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.lessonId] }), index("knowledge_article_lessons_lesson_idx").on(t.lessonId)],
);
