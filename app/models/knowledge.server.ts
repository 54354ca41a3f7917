import { and, desc, eq, inArray, ne } from "drizzle-orm";
import { knowledgeArticleLessons, knowledgeArticleSignals, knowledgeArticles, knowledgeVersions, lessons, municipalities, signals, trajectorySignals, users } from "../../db/schema";
import { guardHits, type GuardTerm } from "~/domain/confidentiality-guard";
import { DomainError } from "~/domain/errors";
import { httpUrl, linesOf, parseReferences, type ArticleInput, type Reference } from "~/domain/knowledge";
import { assertCan, type Capability } from "~/domain/permissions";
import type { KnowledgeKind } from "~/domain/practice";
import type { Phase, Topic } from "~/domain/signal-codes";
import { db, type Tx } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { seal, unseal } from "./sealed.server";

/**
 * The kennisbank as the intermediary works on it (knowledge.manage); the public side is knowledge-public.server.ts.
 * Answer articles and goede voorbeelden (practice.server.ts) are entries of one table with a `kind`: the versions,
 * states, guard, publishing and withdrawing below serve both, each kind under its own capability and audit names.
 */

const now = () => new Date().toISOString();
const MANAGE: Record<KnowledgeKind, Capability> = { answer: "knowledge.manage", practice: "practice.manage" };
const AUDIT_PREFIX = { answer: "knowledge", practice: "practice" } as const satisfies Record<KnowledgeKind, string>;
const target = (id: number, kind: KnowledgeKind) => ({ type: kind === "answer" ? "knowledge_article" : "knowledge_practice", id });

/** What every entry stores; a practice maps its title and "wat er is gedaan" onto question and answer. */
export type EntryInput = Omit<ArticleInput, "signalId"> & { outcome?: string; regionCode?: string; showRegion?: boolean };

function notFound(): never {
  throw new DomainError("KNOWLEDGE.NOT_FOUND", "Dit kennisartikel bestaat niet.");
}

/** Stored references, each link checked again as it is read: a link that is not http(s) is shown as text. */
export function referencesOf(stored: string): Reference[] {
  return (JSON.parse(stored) as Reference[]).map((r) => ({ label: r.label, url: r.url === null ? null : httpUrl(r.url) }));
}

function versionValues(articleId: number, version: number, input: EntryInput, actor: Actor) {
  const parsed = parseReferences(input.references);
  if ("problem" in parsed) throw new DomainError("KNOWLEDGE.BAD_REFERENCE", parsed.problem, "references");
  return {
    articleId,
    version,
    question: input.question,
    answer: input.answer,
    outcome: input.outcome ?? "",
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

/** The entry's own columns, as created and as every save sets them. */
function entryColumns(input: EntryInput) {
  return {
    topic: input.topic,
    procurementPhase: input.procurementPhase,
    regionCode: input.regionCode ?? null,
    showRegion: input.showRegion ?? false,
    sensitiveNamesSealed: seal(linesOf(input.sensitiveNames).join("\n") || null, "knowledgeSensitiveNames"),
  };
}

/** A new entry of `kind` with its first version; `link` records its internal source (signal or lesson) in the same transaction. */
export function createEntry(kind: KnowledgeKind, input: EntryInput, actor: Actor, link: (tx: Tx, id: number) => boolean): number {
  assertCan(actor, MANAGE[kind]);
  return db().transaction((tx) => {
    const at = now();
    const { id } = tx
      .insert(knowledgeArticles)
      .values({ kind, ...entryColumns(input), createdBy: actor.userId, createdAt: at, updatedAt: at })
      .returning({ id: knowledgeArticles.id })
      .get();
    tx.insert(knowledgeVersions).values(versionValues(id, 1, input, actor)).run();
    const fromSource = link(tx, id);
    audit(actor, `${AUDIT_PREFIX[kind]}.created`, target(id, kind), { version: 1, fromSource }, tx);
    return id;
  });
}

export function createArticle(input: ArticleInput, actor: Actor): number {
  assertCan(actor, "knowledge.manage");
  const { signalId } = input;
  if (signalId !== undefined) signalStart(signalId);
  return createEntry("answer", input, actor, (tx, id) => {
    if (signalId !== undefined) tx.insert(knowledgeArticleSignals).values({ articleId: id, signalId }).run();
    return signalId !== undefined;
  });
}

function latestVersionRow(articleId: number, tx: Tx | ReturnType<typeof db> = db()) {
  return tx.select().from(knowledgeVersions).where(eq(knowledgeVersions.articleId, articleId)).orderBy(desc(knowledgeVersions.version)).limit(1).get();
}

/** The entry's row, when it is of `kind`: an answer's id never opens a practice's page, nor the other way round. */
function entryRow(id: number, kind: KnowledgeKind) {
  const row = db().select().from(knowledgeArticles).where(and(eq(knowledgeArticles.id, id), eq(knowledgeArticles.kind, kind))).get();
  return row ?? notFound();
}

/** Every save is a new version; the published version stays on /vragen until the article is published again. */
export function saveArticle(id: number, input: EntryInput, actor: Actor, kind: KnowledgeKind = "answer"): number {
  assertCan(actor, MANAGE[kind]);
  entryRow(id, kind);
  return db().transaction((tx) => {
    const latest = latestVersionRow(id, tx) ?? notFound();
    const version = latest.version + 1;
    tx.insert(knowledgeVersions).values(versionValues(id, version, input, actor)).run();
    tx.update(knowledgeArticles)
      .set({ ...entryColumns(input), updatedAt: now() })
      .where(eq(knowledgeArticles.id, id))
      .run();
    audit(actor, `${AUDIT_PREFIX[kind]}.saved`, target(id, kind), { version }, tx);
    return version;
  });
}

export function listArticles(kind: KnowledgeKind = "answer") {
  return db()
    .select({ id: knowledgeArticles.id, state: knowledgeArticles.state, topic: knowledgeArticles.topic, updatedAt: knowledgeArticles.updatedAt, publishedVersion: knowledgeArticles.publishedVersion })
    .from(knowledgeArticles)
    .where(eq(knowledgeArticles.kind, kind))
    .orderBy(desc(knowledgeArticles.updatedAt))
    .all()
    .map((article) => ({ ...article, question: latestVersionRow(article.id)?.question ?? "" }));
}

/** An article with its latest version (or `version`), its versions, its sensitive names and its source signals. */
export function openArticle(id: number, actor: Actor, version?: number, kind: KnowledgeKind = "answer") {
  assertCan(actor, MANAGE[kind]);
  const article = entryRow(id, kind);
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
    text: { question: shown.question, answer: shown.answer, outcome: shown.outcome, references: referencesOf(shown.references), checkedOn: shown.checkedOn, version: shown.version },
    latestVersion: latest,
    versions,
    signalIds: sourceSignalIds(id),
    lessons: sourceLessons(id),
  };
}

/** The lessons a practice was made from, with their trajectory: internal, for the staff page only. */
function sourceLessons(articleId: number) {
  return db()
    .select({ id: lessons.id, trajectoryId: lessons.trajectoryId })
    .from(knowledgeArticleLessons)
    .innerJoin(lessons, eq(lessons.id, knowledgeArticleLessons.lessonId))
    .where(eq(knowledgeArticleLessons.articleId, articleId))
    .all();
}

/** The signals the guard reads: those an article was made from, and those linked to a practice's lesson's trajectory. */
function sourceSignalIds(articleId: number): number[] {
  const direct = db().select({ id: knowledgeArticleSignals.signalId }).from(knowledgeArticleSignals).where(eq(knowledgeArticleSignals.articleId, articleId)).all();
  const trajectoryIds = sourceLessons(articleId).map((l) => l.trajectoryId);
  const viaLessons = trajectoryIds.length === 0 ? [] : db().select({ id: trajectorySignals.signalId }).from(trajectorySignals).where(inArray(trajectorySignals.trajectoryId, trajectoryIds)).all();
  return [...new Set([...direct, ...viaLessons].map((r) => r.id))];
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

function articleText(text: { question: string; answer: string; outcome: string; references: readonly Reference[] }): string {
  return [text.question, text.answer, text.outcome, ...text.references.map((r) => `${r.label} ${r.url ?? ""}`)].join("\n");
}

/** The guard's hits on the latest version: shown to the intermediary before publishing. */
export function checkArticle(id: number, actor: Actor, kind: KnowledgeKind = "answer") {
  const opened = openArticle(id, actor, undefined, kind) ?? notFound();
  return guardHits(articleText(opened.text), guardTerms(id, opened.article.sensitiveNames));
}

/**
 * Publishes the latest version. With hits it needs `despiteHits` (the explicit choice), and that choice is audited
 * with the number and kinds of hits — never their values, which are exactly what must not spread.
 */
export function publishArticle(id: number, actor: Actor, despiteHits: boolean, kind: KnowledgeKind = "answer"): number {
  const opened = openArticle(id, actor, undefined, kind) ?? notFound();
  const hits = guardHits(articleText(opened.text), guardTerms(id, opened.article.sensitiveNames));
  if (hits.length > 0 && !despiteHits) {
    throw new DomainError("KNOWLEDGE.GUARD_HITS", "De controle vond namen of gegevens uit de signalen. Pas de tekst aan, of kies uitdrukkelijk om toch te publiceren.", "despiteHits");
  }
  const version = opened.latestVersion;
  db().transaction((tx) => {
    tx.update(knowledgeArticles).set({ state: "published", publishedVersion: version, publishedAt: now(), updatedAt: now() }).where(eq(knowledgeArticles.id, id)).run();
    if (hits.length > 0) audit(actor, `${AUDIT_PREFIX[kind]}.guard_overridden`, target(id, kind), { version, hits: hits.length, kinds: [...new Set(hits.map((h) => h.kind))] }, tx);
    audit(actor, `${AUDIT_PREFIX[kind]}.published`, target(id, kind), { version, hits: hits.length }, tx);
  });
  return version;
}

export function withdrawArticle(id: number, actor: Actor, kind: KnowledgeKind = "answer"): void {
  assertCan(actor, MANAGE[kind]);
  const article = entryRow(id, kind);
  if (article.state !== "published") return;
  db().transaction((tx) => {
    tx.update(knowledgeArticles).set({ state: "withdrawn", updatedAt: now() }).where(eq(knowledgeArticles.id, id)).run();
    audit(actor, `${AUDIT_PREFIX[kind]}.withdrawn`, target(id, kind), undefined, tx);
  });
}

/** "Vergelijkbare vragen" on a signal's page: articles on the same topic and phase that are not withdrawn. */
export function similarArticles(signal: { topic: Topic; procurementPhase: Phase }, actor: Actor) {
  assertCan(actor, "knowledge.manage");
  return db()
    .select({ id: knowledgeArticles.id, state: knowledgeArticles.state })
    .from(knowledgeArticles)
    .where(and(eq(knowledgeArticles.kind, "answer"), eq(knowledgeArticles.topic, signal.topic), eq(knowledgeArticles.procurementPhase, signal.procurementPhase), ne(knowledgeArticles.state, "withdrawn")))
    .orderBy(desc(knowledgeArticles.updatedAt))
    .all()
    .map((article) => ({ ...article, question: latestVersionRow(article.id)?.question ?? "" }));
}
