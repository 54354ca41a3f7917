import { and, asc, eq } from "drizzle-orm";
import { attachments, signals } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import { KEPT_FILE_LABELS, keptFileTypeOf } from "~/domain/file-type";
import { assertCan } from "~/domain/permissions";
import { db, type Tx } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { sealRequired, unsealRequired } from "./sealed.server";

export type NewAttachment = { name: string; contentType: string; bytes: Uint8Array };
export type AttachmentInfo = { id: number; name: string; contentType: string; size: number; addedAt: string };

/** Inside the transaction that creates or changes the signal, so a signal never exists half with its file. */
export function attachToSignal(tx: Tx, signalId: number, file: NewAttachment, actor: Actor): void {
  const row = tx
    .insert(attachments)
    .values({
      signalId,
      nameSealed: sealRequired(file.name, "attachmentName"),
      contentType: file.contentType,
      size: file.bytes.byteLength,
      contentSealed: sealRequired(Buffer.from(file.bytes).toString("base64"), "attachmentContent"),
      addedAt: new Date().toISOString(),
      addedBy: actor.userId,
    })
    .returning({ id: attachments.id })
    .get();
  audit(actor, "signal.attachment_added", { type: "signal", id: signalId }, { attachment: row.id, size: file.bytes.byteLength }, tx);
}

/** The largest file kept (the intake's body limit for a signal's page, body-limit.server.ts, is the same). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** A file's own name without folders or control characters, as the browser sent it (old browsers on Windows send the whole path). */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200) || "bijlage";
}

/**
 * A file the intermediary adds to a signal (a tender document, a letter from the municipality). Kept only when its
 * bytes say it is one of the kinds Rode Draad keeps; the type stored is the one found, never the one claimed.
 */
export function addAttachment(signalId: number, file: { name: string; bytes: Uint8Array }, actor: Actor): void {
  assertCan(actor, "signal.record");
  if (file.bytes.byteLength > ATTACHMENT_MAX_BYTES) throw new DomainError("ATTACHMENT.TOO_LARGE", "Het bestand is groter dan 10 MB.", "file");
  const type = keptFileTypeOf(file.bytes);
  if (!type) throw new DomainError("ATTACHMENT.TYPE_REFUSED", `Dit soort bestand bewaart Rode Draad niet. Wel: ${KEPT_FILE_LABELS}.`, "file");
  db().transaction((tx) => {
    if (!tx.select({ id: signals.id }).from(signals).where(eq(signals.id, signalId)).get()) throw new DomainError("SIGNAL.NOT_FOUND", "Dit signaal bestaat niet.");
    attachToSignal(tx, signalId, { name: cleanName(file.name), contentType: type.contentType, bytes: file.bytes }, actor);
  });
}

/**
 * The files of a signal without their bytes, for its page. A saved e-mail names who sent it, so its names and bytes
 * are for signal.readIdentity only, like the reporter's identity.
 */
export function attachmentsOf(signalId: number, actor: Actor): AttachmentInfo[] {
  assertCan(actor, "signal.readIdentity");
  return db()
    .select({ id: attachments.id, nameSealed: attachments.nameSealed, contentType: attachments.contentType, size: attachments.size, addedAt: attachments.addedAt })
    .from(attachments)
    .where(eq(attachments.signalId, signalId))
    .orderBy(asc(attachments.id))
    .all()
    .map(({ nameSealed, ...info }) => ({ ...info, name: unsealRequired(nameSealed, "attachmentName") }));
}

/** One file of a signal with its bytes, for a download; every download is audited. */
export function downloadAttachment(signalId: number, attachmentId: number, actor: Actor): NewAttachment {
  assertCan(actor, "signal.readIdentity");
  const row = db()
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.signalId, signalId)))
    .get();
  if (!row) throw new DomainError("ATTACHMENT.NOT_FOUND", "Deze bijlage bestaat niet (meer).");
  audit(actor, "signal.attachment_downloaded", { type: "signal", id: signalId }, { attachment: row.id });
  return {
    name: unsealRequired(row.nameSealed, "attachmentName"),
    contentType: row.contentType,
    bytes: new Uint8Array(Buffer.from(unsealRequired(row.contentSealed, "attachmentContent"), "base64")),
  };
}
