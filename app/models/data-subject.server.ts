import { and, asc, eq, gt, inArray, isNotNull, or, sql } from "drizzle-orm";
import { auditLog, notificationPreferences, signalEvents, signalNotes, signals, userRoles, users } from "../../db/schema";
import type { SubjectQuery } from "~/domain/data-subject-form";
import { DomainError } from "~/domain/errors";
import { assertCan } from "~/domain/permissions";
import { normaliseSearchText } from "~/domain/search-text";
import { classificationOf } from "~/domain/signal-classification";
import { db } from "~/utils/db.server";
import { attachmentsOf } from "./attachment.server";
import { audit, type Actor } from "./audit.server";
import { conversation } from "./portal.server";
import { anonymiseSignals } from "./signal-erasure.server";
import { unseal } from "./sealed.server";
import { triggersOf } from "./signal.server";
import { normaliseEmail } from "./user.server";

/** Which reporter field of a signal, or which field of a staff account, matched the request. */
export type MatchedField = "reporterEmail" | "reporterName" | "reporterOrganisation";

export type SignalMatch = { id: number; receivedOn: string; status: (typeof signals.$inferSelect)["status"]; matched: MatchedField[] };
export type StaffMatch = {
  id: number;
  name: string;
  email: string;
  roles: string[];
  disabled: boolean;
  auditEntries: number;
  /** The e-mails the account chose to get (Mijn account → Meldingen). */
  notifications: string[];
  matched: ("email" | "name")[];
};

function nameKey(text: string): string {
  return normaliseSearchText(text).replace(/\s+/g, " ").trim();
}

/** Only the fields a request asks about are compared (and, for signals, opened). */
function matcher(query: SubjectQuery) {
  const email = query.email ? normaliseEmail(query.email) : undefined;
  const name = query.name ? nameKey(query.name) : undefined;
  if (!email && !name) throw new DomainError("DATA_SUBJECT.NO_QUERY", "Vul een e-mailadres of een naam in.", "email");
  return {
    email: email ? (value: string | null) => value !== null && normaliseEmail(value) === email : undefined,
    name: name ? (value: string | null) => value !== null && nameKey(value).includes(name) : undefined,
  };
}

type Matcher = ReturnType<typeof matcher>;

const candidateColumns = {
  id: signals.id,
  receivedOn: signals.receivedOn,
  status: signals.status,
  email: signals.reporterEmailSealed,
  name: signals.reporterNameSealed,
  organisation: signals.reporterOrganisationSealed,
};
const holdsIdentity = or(isNotNull(signals.reporterEmailSealed), isNotNull(signals.reporterNameSealed), isNotNull(signals.reporterOrganisationSealed));
type Candidate = { id: number; receivedOn: string; status: SignalMatch["status"]; email: string | null; name: string | null; organisation: string | null };

function matchOf(row: Candidate, match: Matcher): SignalMatch | undefined {
  const matched: MatchedField[] = [];
  if (match.email?.(unseal(row.email, "reporterEmail"))) matched.push("reporterEmail");
  if (match.name?.(unseal(row.name, "reporterName"))) matched.push("reporterName");
  if (match.name?.(unseal(row.organisation, "reporterOrganisation"))) matched.push("reporterOrganisation");
  return matched.length > 0 ? { id: row.id, receivedOn: row.receivedOn, status: row.status, matched } : undefined;
}

const SLICE = 2000;

/**
 * Reporter identities are sealed, so no SQL can match them: every signal that still holds one is opened. Measured at
 * 100,000 signals with an identity: 1–4 s (README), too slow to block the one server thread, so the scan yields between
 * slices. Nothing is cached: requests come a few times a year, and an in-memory index of who reported what would be
 * the most sensitive thing in memory.
 */
async function matchingSignals(query: SubjectQuery): Promise<SignalMatch[]> {
  const match = matcher(query);
  const found: SignalMatch[] = [];
  for (let afterId = 0; ; ) {
    const rows = db().select(candidateColumns).from(signals).where(and(gt(signals.id, afterId), holdsIdentity)).orderBy(asc(signals.id)).limit(SLICE).all();
    for (const row of rows) {
      const hit = matchOf(row, match);
      if (hit) found.push(hit);
    }
    if (rows.length < SLICE) break;
    afterId = rows[rows.length - 1]?.id ?? afterId;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return found.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id - b.id);
}

/** Staff accounts are not sealed; there are few, so they are compared here with the same rules as reporters. */
function matchingStaff(query: SubjectQuery): StaffMatch[] {
  const match = matcher(query);
  const found: StaffMatch[] = [];
  for (const row of db().select().from(users).orderBy(asc(users.id)).all()) {
    const matched = [...(match.email?.(row.email) ? (["email"] as const) : []), ...(match.name?.(row.name) ? (["name"] as const) : [])];
    if (matched.length === 0) continue;
    const roles = db().select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, row.id)).all().map((r) => r.role);
    const auditEntries = db().select({ n: sql<number>`count(*)` }).from(auditLog).where(eq(auditLog.actorUserId, row.id)).get()?.n ?? 0;
    const notifications = db().select({ kind: notificationPreferences.kind }).from(notificationPreferences).where(eq(notificationPreferences.userId, row.id)).all().map((r) => r.kind);
    found.push({ id: row.id, name: row.name, email: row.email, roles, disabled: row.disabledAt !== null, auditEntries, notifications, matched });
  }
  return found;
}

function searchedBy(query: SubjectQuery): string {
  return query.email && query.name ? "email_and_name" : query.email ? "email" : "name";
}

/** Everything held about a person. Audited with counts and ids only: the e-mail address or name never lands in the log. */
export async function findDataSubject(query: SubjectQuery, actor: Actor): Promise<{ signals: SignalMatch[]; staff: StaffMatch[] }> {
  const result = { signals: await matchingSignals(query), staff: matchingStaff(query) };
  audit(actor, "data_subject.searched", null, {
    by: searchedBy(query),
    signals: result.signals.length,
    staffAccounts: result.staff.length,
  });
  return result;
}

/** Only signals that match the request may be exported or erased under it, whatever ids a form sends. */
function selectedMatches(query: SubjectQuery, signalIds: readonly number[]): SignalMatch[] {
  const match = matcher(query);
  const rows = db().select(candidateColumns).from(signals).where(inArray(signals.id, [...new Set(signalIds)])).orderBy(asc(signals.receivedOn), asc(signals.id)).all();
  const matches = rows.map((row) => matchOf(row, match));
  if (rows.length !== new Set(signalIds).size || matches.some((m) => m === undefined)) {
    throw new DomainError("DATA_SUBJECT.NOT_A_MATCH", "Een gekozen signaal hoort niet (meer) bij deze zoekopdracht. Zoek opnieuw.");
  }
  return matches.filter((m): m is SignalMatch => m !== undefined);
}

function signalDocument(match: SignalMatch, actor: Actor) {
  const row = db().select().from(signals).where(eq(signals.id, match.id)).get();
  if (!row) throw new DomainError("SIGNAL.NOT_FOUND", "Dit signaal bestaat niet.");
  const notes = db().select().from(signalNotes).where(eq(signalNotes.signalId, row.id)).orderBy(asc(signalNotes.at), asc(signalNotes.id)).all();
  const events = db().select().from(signalEvents).where(eq(signalEvents.signalId, row.id)).orderBy(asc(signalEvents.id)).all();
  return {
    id: row.id,
    matchedOn: match.matched,
    ...classificationOf(row, triggersOf(row.id)),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    fromPortal: row.receiptHash !== null,
    reporter: {
      name: unseal(row.reporterNameSealed, "reporterName"),
      organisation: unseal(row.reporterOrganisationSealed, "reporterOrganisation"),
      email: unseal(row.reporterEmailSealed, "reporterEmail"),
      phone: unseal(row.reporterPhoneSealed, "reporterPhone"),
      // The consent to be told by e-mail when there is an answer (the portal's "laat mij weten"), personal data too.
      notifyOnAnswer: row.notifyReporter,
    },
    summary: unseal(row.summarySealed, "summary"),
    details: unseal(row.detailsSealed, "details"),
    // Staff names stay out: the export is about the data subject, not about who handled the signal.
    messages: conversation(row.id).map((m) => ({ at: m.at, from: m.fromReporter ? "reporter" : "intermediary", body: m.body })),
    notes: notes.map((n) => ({ at: n.at, body: unseal(n.bodySealed, "note") })),
    // The files themselves are downloaded from the signal's page; the copy names each one.
    attachments: attachmentsOf({ kind: "signal", id: row.id }, actor).map(({ name, contentType, size, addedAt }) => ({ name, contentType, size, addedAt })),
    statusHistory: events
      .filter((e) => e.kind === "created" || e.kind === "status")
      .map((e) => ({ at: e.at, kind: e.kind, ...(e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : {}) })),
  };
}

/**
 * The AVG art. 15 copy: the chosen signals with their decrypted fields (the reporter's identity among them), messages,
 * notes and status history, and matching staff accounts. Refuses an actor without dataSubject.handle.
 */
export function exportDataSubject(query: SubjectQuery, signalIds: readonly number[], actor: Actor) {
  assertCan(actor, "dataSubject.handle");
  const chosen = selectedMatches(query, signalIds);
  const staff = matchingStaff(query);
  const document = {
    exportedAt: new Date().toISOString(),
    request: { email: query.email ?? null, name: query.name ?? null },
    signals: chosen.map((match) => signalDocument(match, actor)),
    staffAccounts: staff.map(({ matched, ...account }) => ({ ...account, matchedOn: matched })),
  };
  audit(actor, "data_subject.exported", null, {
    by: searchedBy(query),
    signalIds: chosen.map((m) => String(m.id)),
    staffAccounts: staff.length,
  });
  return document;
}

/** What an erasure under this request would touch: shown for confirmation before anything is removed. */
export function signalsToErase(query: SubjectQuery, signalIds: readonly number[]): SignalMatch[] {
  if (signalIds.length === 0) throw new DomainError("DATA_SUBJECT.NOTHING_CHOSEN", "Kies ten minste één signaal om te wissen.");
  return selectedMatches(query, signalIds);
}

/**
 * AVG art. 17: the chosen signals lose the person's identity and every free text (the retention anonymisation), so the
 * classification and every year report stay the same. Staff accounts are not erased here (an admin disables them; the
 * audit log is kept by law).
 */
export function eraseDataSubject(query: SubjectQuery, signalIds: readonly number[], actor: Actor): number {
  const ids = signalsToErase(query, signalIds).map((m) => m.id);
  const at = new Date().toISOString();
  anonymiseSignals(ids, at, (tx) => {
    for (const id of ids) audit(actor, "data_subject.erased", { type: "signal", id }, { by: searchedBy(query) }, tx);
  });
  return ids.length;
}
