import crypto from "node:crypto";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { signalMessages, signals } from "../../db/schema";
import { todayInTheNetherlands } from "~/domain/dates";
import { DomainError } from "~/domain/errors";
import { KEPT_FILE_LABELS, keptFileTypeOf } from "~/domain/file-type";
import type { PortalInput } from "~/domain/portal-form";
import type { SignalStatus } from "~/domain/signal-codes";
import { db, preparedOnce, type Tx } from "~/utils/db.server";
import { commitGrouped } from "~/utils/group-commit.server";
import { newReceiptCode, receiptHash } from "~/utils/receipt.server";
import { attachToSignal } from "./attachment.server";
import { audit, type Actor } from "./audit.server";
import { notifyReporter, notifySignalNews } from "./notifications.server";
import { seal, unseal } from "./sealed.server";
import { resolveRegion, writeStatus } from "./signal.server";

/** Portal requests are audited without the client address: an anonymous report must not be traceable to anyone. */
const PORTAL_ACTOR: Actor = { userId: null, clientAddress: "portal" };

function summaryOf(message: string): string {
  const firstLine = message.split(/\r?\n/).find((line) => line.trim() !== "") ?? message;
  return firstLine.length > 200 ? `${firstLine.slice(0, 197)}…` : firstLine;
}

const statements = preparedOnce((database) => ({
  insertSignal: database
    .insert(signals)
    .values({
      receivedOn: sql.placeholder("receivedOn"),
      channel: "portal",
      requesterType: sql.placeholder("requesterType"),
      referredBy: "direct",
      regionCode: sql.placeholder("regionCode"),
      municipalityCode: sql.placeholder("municipalityCode"),
      association: sql.placeholder("association"),
      topic: sql.placeholder("topic"),
      procurementPhase: sql.placeholder("procurementPhase"),
      procedure: "unknown",
      funding: "unknown",
      // "Nieuw" says it already; "nieuw bericht" is for what the reporter writes afterwards.
      status: "new",
      hasNews: false,
      receiptHash: sql.placeholder("receiptHash"),
      summarySealed: sql.placeholder("summarySealed"),
      detailsSealed: sql.placeholder("detailsSealed"),
      reporterNameSealed: sql.placeholder("reporterNameSealed"),
      reporterOrganisationSealed: sql.placeholder("reporterOrganisationSealed"),
      reporterEmailSealed: sql.placeholder("reporterEmailSealed"),
      reporterPhoneSealed: sql.placeholder("reporterPhoneSealed"),
      notifyReporter: sql.placeholder("notifyReporter"),
    })
    .returning({ id: signals.id })
    .prepare(),
}));

export type PortalFile = { name: string; bytes: Uint8Array };

/**
 * The files of a report, each checked from its own bytes before anything is stored: one that Rode Draad does not keep
 * refuses the report at the file field, with the typed text kept.
 */
function checkedFiles(files: readonly PortalFile[]) {
  return files.map((file) => {
    const type = keptFileTypeOf(file.bytes);
    if (!type) throw new DomainError("ATTACHMENT.TYPE_REFUSED", `"${file.name.slice(0, 80)}" is geen bestand dat wij bewaren. Wel: ${KEPT_FILE_LABELS}. Kies de bestanden opnieuw.`, "files");
    return { name: file.name, contentType: type.contentType, bytes: file.bytes };
  });
}

/** The report as its row: checked, sealed and with a fresh receipt code, before any transaction begins. */
function portalRow(input: PortalInput, files: readonly PortalFile[] = []) {
  const attachments = checkedFiles(files);
  const place = resolveRegion(input);
  const code = newReceiptCode();
  const confidential = input.contact === "confidential";
  const values = {
    receivedOn: todayInTheNetherlands(),
    requesterType: input.requesterType,
    regionCode: place.regionCode,
    municipalityCode: place.municipalityCode,
    association: input.association ?? null,
    topic: input.topic,
    procurementPhase: input.procurementPhase,
    receiptHash: receiptHash(code),
    summarySealed: seal(summaryOf(input.message), "summary"),
    detailsSealed: seal(input.message, "details"),
    reporterNameSealed: confidential ? seal(input.reporterName, "reporterName") : null,
    reporterOrganisationSealed: confidential ? seal(input.reporterOrganisation, "reporterOrganisation") : null,
    reporterEmailSealed: confidential ? seal(input.reporterEmail, "reporterEmail") : null,
    reporterPhoneSealed: confidential ? seal(input.reporterPhone, "reporterPhone") : null,
    // A number: a prepared statement binds no booleans.
    notifyReporter: confidential && Boolean(input.reporterEmail) && input.notifyOnAnswer === "yes" ? 1 : 0,
  };
  const write = (tx: Tx) => {
    const row = statements().insertSignal.get(values);
    audit(PORTAL_ACTOR, "portal.submitted", { type: "signal", id: row.id }, { anonymous: !confidential, files: attachments.length }, tx);
    for (const file of attachments) attachToSignal(tx, row.id, file, PORTAL_ACTOR);
    notifySignalNews(tx, "portal_signal", row.id);
  };
  return { code, write };
}

/** Stores the report as a new portal signal and returns the receipt code, which exists nowhere else afterwards. */
export function submitPortalSignal(input: PortalInput): { code: string } {
  const { code, write } = portalRow(input);
  db().transaction(write);
  return { code };
}

/**
 * The same for the public form: the report is committed together with the others that came in meanwhile (one fsync
 * for all; see group-commit.server.ts). Resolves once it is on disk.
 */
export async function receivePortalSignal(input: PortalInput, files: readonly PortalFile[] = []): Promise<{ code: string }> {
  const { code, write } = portalRow(input, files);
  await commitGrouped(write);
  return { code };
}

function findByCode(digits: string) {
  const hash = receiptHash(digits);
  const row = db()
    .select({ id: signals.id, receiptHash: signals.receiptHash, status: signals.status, receivedOn: signals.receivedOn, detailsSealed: signals.detailsSealed })
    .from(signals)
    .where(eq(signals.receiptHash, hash))
    .get();
  // The index found the row; the explicit comparison keeps the check constant-time whatever the index does.
  return row?.receiptHash && crypto.timingSafeEqual(Buffer.from(row.receiptHash), Buffer.from(hash)) ? row : undefined;
}

export type ReporterView = {
  receivedOn: string;
  status: SignalStatus;
  /** What the reporter wrote, so they know which report this code belongs to; null once anonymised. */
  report: string | null;
  messages: { id: number; at: string; fromReporter: boolean; body: string }[];
};

export function reporterView(digits: string): ReporterView | undefined {
  const row = findByCode(digits);
  if (!row) return undefined;
  return { receivedOn: row.receivedOn, status: row.status, report: unseal(row.detailsSealed, "details"), messages: conversation(row.id) };
}

export function conversation(signalId: number) {
  return db()
    .select()
    .from(signalMessages)
    .where(eq(signalMessages.signalId, signalId))
    .orderBy(asc(signalMessages.at), asc(signalMessages.id))
    .all()
    .map((m) => ({ id: m.id, at: m.at, fromReporter: m.fromReporter, body: unseal(m.bodySealed, "message") ?? "" }));
}

/** A message from the reporter marks the signal as having news for the intermediary. */
export function addReporterMessage(digits: string, body: string): boolean {
  const row = findByCode(digits);
  if (!row) return false;
  db().transaction((tx) => {
    tx.insert(signalMessages).values({ signalId: row.id, at: new Date().toISOString(), fromReporter: true, bodySealed: seal(body, "message") ?? "" }).run();
    tx.update(signals).set({ hasNews: true }).where(eq(signals.id, row.id)).run();
    audit(PORTAL_ACTOR, "portal.message_received", { type: "signal", id: row.id }, undefined, tx);
    notifySignalNews(tx, "portal_message", row.id);
  });
  return true;
}

/**
 * The intermediary's answer. `after` is the newest message id the form was shown with: the same text from the same
 * author after it is the same form sent twice, and is not stored again. A first answer moves a new signal on to "in
 * behandeling", so the reporter no longer reads "Ontvangen" next to it.
 */
export function replyToReporter(signalId: number, body: string, actor: Actor, after?: number): boolean {
  const row = db().select({ receiptHash: signals.receiptHash, status: signals.status, notifyReporter: signals.notifyReporter }).from(signals).where(eq(signals.id, signalId)).get();
  if (!row?.receiptHash) throw new DomainError("PORTAL.NOT_A_PORTAL_SIGNAL", "Dit signaal kwam niet via het meldformulier; er is geen melder om te antwoorden.");
  return db().transaction((tx) => {
    if (after !== undefined) {
      const newer = tx
        .select({ bodySealed: signalMessages.bodySealed })
        .from(signalMessages)
        .where(and(eq(signalMessages.signalId, signalId), gt(signalMessages.id, after), eq(signalMessages.fromReporter, false)))
        .all();
      if (newer.some((m) => unseal(m.bodySealed, "message") === body)) return false;
    }
    tx.insert(signalMessages).values({ signalId, at: new Date().toISOString(), fromReporter: false, authorId: actor.userId, bodySealed: seal(body, "message") ?? "" }).run();
    audit(actor, "portal.reply_sent", { type: "signal", id: signalId }, undefined, tx);
    if (row.status === "new") writeStatus(tx, signalId, "new", "in_progress", actor);
    if (row.notifyReporter) notifyReporter(tx, signalId);
    return true;
  });
}
