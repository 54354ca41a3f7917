import { and, asc, eq } from "drizzle-orm";
import { attachments } from "../../db/schema";
import { DomainError } from "~/domain/errors";
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
