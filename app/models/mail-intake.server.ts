import { DomainError } from "~/domain/errors";
import { intakeDraftOf, type IntakeDraft } from "~/domain/mail-draft";
import type { Classification, Confidential } from "~/domain/signal-form";
import { mailFormatOf, readMailFile, type MailFormat } from "~/utils/mail-file.server";
import { attachToSignal } from "./attachment.server";
import type { Actor } from "./audit.server";
import { createSignal } from "./signal.server";
import { discardUpload, stagedUpload, stageUpload } from "./staged-upload.server";

type Staff = Actor & { userId: number };

const KEPT_AS: Record<MailFormat, { contentType: string; extension: string }> = {
  eml: { contentType: "message/rfc822", extension: "eml" },
  msg: { contentType: "application/vnd.ms-outlook", extension: "msg" },
};

/**
 * Step one of a signal from an e-mail file: the file is read (a file that is no mail is refused here, at its field)
 * and kept sealed for this intermediary only, until she saves the signal or leaves it. Nothing else is stored.
 */
export async function stageMail(bytes: Uint8Array, actor: Staff): Promise<number> {
  await readMailFile(bytes);
  return stageUpload("mail", `e-mail.${KEPT_AS[mailFormatOf(bytes)].extension}`, bytes, actor);
}

/** The intake fields the staged mail fills in, and the names of the files it carries. */
export async function mailDraft(stagedId: number, userId: number): Promise<{ draft: IntakeDraft; attachmentNames: string[] } | undefined> {
  const staged = stagedUpload("mail", stagedId, userId);
  if (!staged) return undefined;
  const mail = await readMailFile(staged.bytes);
  return { draft: intakeDraftOf(mail), attachmentNames: mail.attachmentNames };
}

/** Step two: the signal as the intermediary checked it, with the original message kept as its attachment, at once. */
export function createSignalFromMail(input: Classification & Confidential, stagedId: number, actor: Staff): number {
  const staged = stagedUpload("mail", stagedId, actor.userId);
  if (!staged) throw new DomainError("MAIL.NOT_FOUND", "De e-mail is niet meer beschikbaar. Zet het bestand opnieuw in het formulier.");
  const kept = KEPT_AS[mailFormatOf(staged.bytes)];
  return createSignal(input, actor, (tx, signalId) => {
    attachToSignal(tx, signalId, { name: `e-mail ${input.receivedOn}.${kept.extension}`, contentType: kept.contentType, bytes: staged.bytes }, actor);
    discardUpload(staged.id, tx);
  });
}
