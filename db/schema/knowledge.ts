import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ARTICLE_STATES } from "../../app/domain/knowledge";
import { PHASES, TOPICS } from "../../app/domain/signal-codes";
import { signals } from "./signals";
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
