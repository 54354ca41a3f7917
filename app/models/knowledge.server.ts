import { and, desc, eq, inArray, ne } from "drizzle-orm";
import { knowledgeArticleSignals, knowledgeArticles, knowledgeVersions, municipalities, signals, users } from "../../db/schema";
import { guardHits, type GuardTerm } from "~/domain/confidentiality-guard";
import { DomainError } from "~/domain/errors";
import { httpUrl, linesOf, parseReferences, type ArticleInput, type Reference } from "~/domain/knowledge";
import { assertCan } from "~/domain/permissions";
import type { Phase, Topic } from "~/domain/signal-codes";
import { db, type Tx } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { seal, unseal } from "./sealed.server";

/** The kennisbank as the intermediary works on it (knowledge.manage); the public side is knowledge-public.server.ts. */

const now = () => new Date().toISOString();
const target = (id: number) => ({ type: "knowledge_article", id });

function notFound(): never {
  throw new DomainError("KNOWLEDGE.NOT_FOUND", "Dit kennisartikel bestaat niet.");
}

/** Stored references, each link checked again as it is read: a link that is not http(s) is shown as text. */
export function referencesOf(stored: string): Reference[] {
  return (JSON.parse(stored) as Reference[]).map((r) => ({ label: r.label, url: r.url === null ? null : httpUrl(r.url) }));
}

function versionValues(articleId: number, version: number, input: ArticleInput, actor: Actor) {
  const parsed = parseReferences(input.references);
  if ("problem" in parsed) throw new DomainError("KNOWLEDGE.BAD_REFERENCE", parsed.problem, "references");
  return {
    articleId,
    version,
    question: input.question,
    answer: input.answer,
    references: JSON.stringify(parsed.references),
    checkedOn: input.checkedOn,
    createdBy: actor.userId,
    createdAt: now(),
  };
}

/** What an article made from a signal starts with: the signal's classification only, never its text. */
export function signalStart(signalId: number): { topic: ArticleInput["topic"]; procurementPhase: ArticleInput["procurementPhase"] } {
  const row = db().select({ topic: signals.topic, procurementPhase: signals.procurementPhase, status: signals.status }).from(signals).where(eq(signals.id, signalId)).get();
  if (!row || row.status !== "answered") {
    throw new DomainError("KNOWLEDGE.SIGNAL_NOT_ANSWERED", "Een kennisartikel maakt u van een beantwoord signaal.", "signalId");
  }
  return { topic: row.topic, procurementPhase: row.procurementPhase };
}

export function createArticle(input: ArticleInput, actor: Actor): number {
  assertCan(actor, "knowledge.manage");
  if (input.signalId !== undefined) signalStart(input.signalId);
  return db().transaction((tx) => {
    const at = now();
    const { id } = tx
      .insert(knowledgeArticles)
      .values({
        topic: input.topic,
        procurementPhase: input.procurementPhase,
        sensitiveNamesSealed: seal(linesOf(input.sensitiveNames).join("\n") || null, "knowledgeSensitiveNames"),
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: knowledgeArticles.id })
      .get();
    tx.insert(knowledgeVersions).values(versionValues(id, 1, input, actor)).run();
    if (input.signalId !== undefined) tx.insert(knowledgeArticleSignals).values({ articleId: id, signalId: input.signalId }).run();
    audit(actor, "knowledge.created", target(id), { version: 1, fromSignal: input.signalId !== undefined }, tx);
    return id;
  });
}

function latestVersionRow(articleId: number, tx: Tx | ReturnType<typeof db> = db()) {
  return tx.select().from(knowledgeVersions).where(eq(knowledgeVersions.articleId, articleId)).orderBy(desc(knowledgeVersions.version)).limit(1).get();
}

/** Every save is a new version; the published version stays on /vragen until the article is published again. */
export function saveArticle(id: number, input: ArticleInput, actor: Actor): number {
  assertCan(actor, "knowledge.manage");
  return db().transaction((tx) => {
    const latest = latestVersionRow(id, tx) ?? notFound();
    const version = latest.version + 1;
    tx.insert(knowledgeVersions).values(versionValues(id, version, input, actor)).run();
    tx.update(knowledgeArticles)
      .set({
        topic: input.topic,
        procurementPhase: input.procurementPhase,
        sensitiveNamesSealed: seal(linesOf(input.sensitiveNames).join("\n") || null, "knowledgeSensitiveNames"),
        updatedAt: now(),
      })
      .where(eq(knowledgeArticles.id, id))
      .run();
    audit(actor, "knowledge.saved", target(id), { version }, tx);
    return version;
  });
}

export function listArticles() {
  return db()
    .select({ id: knowledgeArticles.id, state: knowledgeArticles.state, topic: knowledgeArticles.topic, updatedAt: knowledgeArticles.updatedAt, publishedVersion: knowledgeArticles.publishedVersion })
    .from(knowledgeArticles)
    .orderBy(desc(knowledgeArticles.updatedAt))
    .all()
    .map((article) => ({ ...article, question: latestVersionRow(article.id)?.question ?? "" }));
}

/** An article with its latest version (or `version`), its versions, its sensitive names and its source signals. */
export function openArticle(id: number, actor: Actor, version?: number) {
  assertCan(actor, "knowledge.manage");
  const article = db().select().from(knowledgeArticles).where(eq(knowledgeArticles.id, id)).get() ?? notFound();
  const versions = db()
    .select({ version: knowledgeVersions.version, createdAt: knowledgeVersions.createdAt, author: users.name })
    .from(knowledgeVersions)
    .leftJoin(users, eq(users.id, knowledgeVersions.createdBy))
    .where(eq(knowledgeVersions.articleId, id))
    .orderBy(desc(knowledgeVersions.version))
    .all();
  const latest = versions[0]?.version ?? notFound();
  const shown = db()
    .select()
    .from(knowledgeVersions)
    .where(and(eq(knowledgeVersions.articleId, id), eq(knowledgeVersions.version, version ?? latest)))
    .get();
  if (!shown) return null;
  const { sensitiveNamesSealed, ...rest } = article;
  return {
    article: { ...rest, sensitiveNames: unseal(sensitiveNamesSealed, "knowledgeSensitiveNames") ?? "" },
    text: { question: shown.question, answer: shown.answer, references: referencesOf(shown.references), checkedOn: shown.checkedOn, version: shown.version },
    latestVersion: latest,
    versions,
    signalIds: sourceSignalIds(id),
  };
}

function sourceSignalIds(articleId: number): number[] {
  return db().select({ id: knowledgeArticleSignals.signalId }).from(knowledgeArticleSignals).where(eq(knowledgeArticleSignals.articleId, articleId)).all().map((r) => r.id);
}

/** What the guard looks for: the source signals' reporters (unsealed here, never sent on) and places, and the marked names. */
function guardTerms(articleId: number, sensitiveNames: string): GuardTerm[] {
  const ids = sourceSignalIds(articleId);
  const rows = ids.length === 0 ? [] : db().select().from(signals).leftJoin(municipalities, eq(municipalities.code, signals.municipalityCode)).where(inArray(signals.id, ids)).all();
  const terms: GuardTerm[] = [];
  const add = (kind: GuardTerm["kind"], value: string | null | undefined) => {
    if (value) terms.push({ kind, value });
  };
  for (const { signals: s, municipalities: m } of rows) {
    add("reporter_name", unseal(s.reporterNameSealed, "reporterName"));
    add("organisation", unseal(s.reporterOrganisationSealed, "reporterOrganisation"));
    add("email", unseal(s.reporterEmailSealed, "reporterEmail"));
    add("phone", unseal(s.reporterPhoneSealed, "reporterPhone"));
    add("municipality", m?.name);
  }
  for (const name of linesOf(sensitiveNames)) add("sensitive", name);
  return terms;
}

function articleText(text: { question: string; answer: string; references: readonly Reference[] }): string {
  return [text.question, text.answer, ...text.references.map((r) => `${r.label} ${r.url ?? ""}`)].join("\n");
}

/** The guard's hits on the latest version: shown to the intermediary before publishing. */
export function checkArticle(id: number, actor: Actor) {
  const opened = openArticle(id, actor) ?? notFound();
  return guardHits(articleText(opened.text), guardTerms(id, opened.article.sensitiveNames));
}

/**
 * Publishes the latest version. With hits it needs `despiteHits` (the explicit choice), and that choice is audited
 * with the number and kinds of hits — never their values, which are exactly what must not spread.
 */
export function publishArticle(id: number, actor: Actor, despiteHits: boolean): number {
  const opened = openArticle(id, actor) ?? notFound();
  const hits = guardHits(articleText(opened.text), guardTerms(id, opened.article.sensitiveNames));
  if (hits.length > 0 && !despiteHits) {
    throw new DomainError("KNOWLEDGE.GUARD_HITS", "De controle vond namen of gegevens uit de signalen. Pas de tekst aan, of kies uitdrukkelijk om toch te publiceren.", "despiteHits");
  }
  const version = opened.latestVersion;
  db().transaction((tx) => {
    tx.update(knowledgeArticles).set({ state: "published", publishedVersion: version, publishedAt: now(), updatedAt: now() }).where(eq(knowledgeArticles.id, id)).run();
    if (hits.length > 0) audit(actor, "knowledge.guard_overridden", target(id), { version, hits: hits.length, kinds: [...new Set(hits.map((h) => h.kind))] }, tx);
    audit(actor, "knowledge.published", target(id), { version, hits: hits.length }, tx);
  });
  return version;
}

export function withdrawArticle(id: number, actor: Actor): void {
  assertCan(actor, "knowledge.manage");
  const article = db().select({ state: knowledgeArticles.state }).from(knowledgeArticles).where(eq(knowledgeArticles.id, id)).get() ?? notFound();
  if (article.state !== "published") return;
  db().transaction((tx) => {
    tx.update(knowledgeArticles).set({ state: "withdrawn", updatedAt: now() }).where(eq(knowledgeArticles.id, id)).run();
    audit(actor, "knowledge.withdrawn", target(id), undefined, tx);
  });
}

/** "Vergelijkbare vragen" on a signal's page: articles on the same topic and phase that are not withdrawn. */
export function similarArticles(signal: { topic: Topic; procurementPhase: Phase }, actor: Actor) {
  assertCan(actor, "knowledge.manage");
  return db()
    .select({ id: knowledgeArticles.id, state: knowledgeArticles.state })
    .from(knowledgeArticles)
    .where(and(eq(knowledgeArticles.topic, signal.topic), eq(knowledgeArticles.procurementPhase, signal.procurementPhase), ne(knowledgeArticles.state, "withdrawn")))
    .orderBy(desc(knowledgeArticles.updatedAt))
    .all()
    .map((article) => ({ ...article, question: latestVersionRow(article.id)?.question ?? "" }));
}
