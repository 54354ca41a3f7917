import { and, desc, eq } from "drizzle-orm";
import { knowledgeArticles, knowledgeVersions } from "../../db/schema";
import type { KnowledgeKind } from "~/domain/practice";
import type { Topic } from "~/domain/signal-codes";
import { normaliseSearchText } from "~/domain/search-text";
import { db } from "~/utils/db.server";
import { referencesOf } from "./knowledge.server";

/**
 * The kennisbank as anyone reads it at /vragen: published articles only, each in the version that passed the
 * confidentiality guard. Nothing here reads the source signals or the names marked sensitive.
 */

/** Published entries of `kind` (answers for /vragen, practices for /voorbeelden), each in its published version. */
export function publishedRows({ kind = "answer", topic, id }: { kind?: KnowledgeKind; topic?: Topic; id?: number }) {
  return db()
    .select({
      id: knowledgeArticles.id,
      topic: knowledgeArticles.topic,
      procurementPhase: knowledgeArticles.procurementPhase,
      publishedAt: knowledgeArticles.publishedAt,
      question: knowledgeVersions.question,
      answer: knowledgeVersions.answer,
      outcome: knowledgeVersions.outcome,
      regionCode: knowledgeArticles.regionCode,
      showRegion: knowledgeArticles.showRegion,
      references: knowledgeVersions.references,
      checkedOn: knowledgeVersions.checkedOn,
    })
    .from(knowledgeArticles)
    .innerJoin(knowledgeVersions, and(eq(knowledgeVersions.articleId, knowledgeArticles.id), eq(knowledgeVersions.version, knowledgeArticles.publishedVersion)))
    .where(and(eq(knowledgeArticles.kind, kind), eq(knowledgeArticles.state, "published"), topic ? eq(knowledgeArticles.topic, topic) : undefined, id ? eq(knowledgeArticles.id, id) : undefined))
    .orderBy(desc(knowledgeArticles.publishedAt))
    .all();
}

/**
 * Published articles holding every word of `words` in question or answer (case and accents ignored), on `topic`
 * when given. The kennisbank holds tens of answers, not thousands, so the words are matched here rather than indexed.
 */
export function publishedArticles({ words, topic }: { words: string; topic?: Topic }) {
  return withWords(publishedRows({ topic }), words).map(({ id, topic, question, checkedOn }) => ({ id, topic, question, checkedOn }));
}

export function publishedArticle(id: number) {
  const [row] = publishedRows({ id });
  return row ? { ...row, references: referencesOf(row.references) } : null;
}

/** The rows holding every word of `words` in their text (question or title, answer, outcome; case and accents ignored). */
export function withWords<T extends { question: string; answer: string; outcome: string }>(rows: T[], words: string): T[] {
  const wanted = normaliseSearchText(words).split(/\s+/).filter((w) => w !== "");
  return rows.filter((row) => {
    const text = normaliseSearchText(`${row.question}\n${row.answer}\n${row.outcome}`);
    return wanted.every((word) => text.includes(word));
  });
}
