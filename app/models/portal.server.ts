import crypto from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { signalMessages, signals } from "../../db/schema";
import { todayInTheNetherlands } from "~/domain/dates";
import { DomainError } from "~/domain/errors";
import type { PortalInput } from "~/domain/portal-form";
import type { SignalStatus } from "~/domain/signal-codes";
import { db } from "~/utils/db.server";
import { newReceiptCode, receiptHash } from "~/utils/receipt.server";
import { audit, type Actor } from "./audit.server";
import { resolveRegion, seal, unseal } from "./signal.server";

/** Portal requests are audited without the client address: an anonymous report must not be traceable to anyone. */
const PORTAL_ACTOR: Actor = { userId: null, clientAddress: "portal" };

function summaryOf(message: string): string {
  const firstLine = message.split(/\r?\n/).find((line) => line.trim() !== "") ?? message;
  return firstLine.length > 200 ? `${firstLine.slice(0, 197)}…` : firstLine;
}

/** Stores the report as a new portal signal and returns the receipt code, which exists nowhere else afterwards. */
export function submitPortalSignal(input: PortalInput): { code: string } {
  const regionCode = resolveRegion(input);
  const code = newReceiptCode();
  const confidential = input.contact === "confidential";
  db().transaction((tx) => {
    const row = tx
      .insert(signals)
      .values({
        receivedOn: todayInTheNetherlands(),
        channel: "portal",
        requesterType: input.requesterType,
        referredBy: "direct",
        regionCode,
        municipalityCode: input.municipalityCode ?? null,
        association: input.association ?? null,
        topic: input.topic,
        procurementPhase: input.procurementPhase,
        procedure: "unknown",
        funding: "unknown",
        status: "new",
        hasNews: true,
        receiptHash: receiptHash(code),
        summarySealed: seal(summaryOf(input.message), "summary"),
        detailsSealed: seal(input.message, "details"),
        reporterNameSealed: confidential ? seal(input.reporterName, "reporterName") : null,
        reporterOrganisationSealed: confidential ? seal(input.reporterOrganisation, "reporterOrganisation") : null,
        reporterEmailSealed: confidential ? seal(input.reporterEmail, "reporterEmail") : null,
        reporterPhoneSealed: confidential ? seal(input.reporterPhone, "reporterPhone") : null,
      })
      .returning({ id: signals.id })
      .get();
    audit(PORTAL_ACTOR, "portal.submitted", { type: "signal", id: row.id }, { anonymous: !confidential }, tx);
  });
  return { code };
}

function findByCode(digits: string) {
  const hash = receiptHash(digits);
  const row = db().select({ id: signals.id, receiptHash: signals.receiptHash, status: signals.status, receivedOn: signals.receivedOn }).from(signals).where(eq(signals.receiptHash, hash)).get();
  // The index found the row; the explicit comparison keeps the check constant-time whatever the index does.
  return row?.receiptHash && crypto.timingSafeEqual(Buffer.from(row.receiptHash), Buffer.from(hash)) ? row : undefined;
}

export type ReporterView = {
  receivedOn: string;
  status: SignalStatus;
  messages: { id: number; at: string; fromReporter: boolean; body: string }[];
};

export function reporterView(digits: string): ReporterView | undefined {
  const row = findByCode(digits);
  if (!row) return undefined;
  return { receivedOn: row.receivedOn, status: row.status, messages: conversation(row.id) };
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
  });
  return true;
}

export function replyToReporter(signalId: number, body: string, actor: Actor): void {
  const row = db().select({ receiptHash: signals.receiptHash }).from(signals).where(eq(signals.id, signalId)).get();
  if (!row?.receiptHash) throw new DomainError("PORTAL.NOT_A_PORTAL_SIGNAL", "Dit signaal kwam niet via het meldformulier; er is geen melder om te antwoorden.");
  db().transaction((tx) => {
    tx.insert(signalMessages).values({ signalId, at: new Date().toISOString(), fromReporter: false, authorId: actor.userId, bodySealed: seal(body, "message") ?? "" }).run();
    audit(actor, "portal.reply_sent", { type: "signal", id: signalId }, undefined, tx);
  });
}
