import { createRequire } from "node:module";
import { convert } from "html-to-text";
import { simpleParser } from "mailparser";
import { DomainError } from "~/domain/errors";
import type { MailFile } from "~/domain/mail-draft";

// msgreader is CommonJS with an ES-style default export, which Node's ESM loader hands over as the whole module
// object and Vite as the class: required, it is the same everywhere.
const { default: MsgReader } = createRequire(import.meta.url)("@kenjiuno/msgreader") as typeof import("@kenjiuno/msgreader");

/** An Outlook .msg is a Compound File (OLE2); everything else is taken for an RFC 5322 message (.eml). */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type MailFormat = "eml" | "msg";

export function mailFormatOf(bytes: Uint8Array): MailFormat {
  return COMPOUND_FILE.every((byte, i) => bytes[i] === byte) ? "msg" : "eml";
}

const NOT_A_MAIL = "Dit bestand is geen leesbare e-mail. Sla het bericht op als .eml of .msg (in Outlook: Opslaan als) en probeer het opnieuw.";

function refuse(): never {
  throw new DomainError("MAIL.UNREADABLE", NOT_A_MAIL, "file");
}

/**
 * Reads a saved e-mail. HTML is turned into text by mailparser (html-to-text); nothing the mail links to or embeds
 * is fetched, and the HTML itself is never shown. Character sets other than UTF-8 are decoded by the parsers.
 */
export async function readMailFile(bytes: Uint8Array): Promise<MailFile> {
  return (await readMailWithFiles(bytes)).mail;
}

/** A file a mail carries, as its sender named it (untrusted: the caller checks its bytes before keeping it). */
export type MailAttachment = { name: string; bytes: Uint8Array };

/** The mail and the bytes of its attachments, for the mailbox, which keeps them apart (through the file-type allow-list). */
export async function readMailWithFiles(bytes: Uint8Array): Promise<{ mail: MailFile; files: MailAttachment[] }> {
  return mailFormatOf(bytes) === "msg" ? readMsg(bytes) : readEml(bytes);
}

async function readEml(bytes: Uint8Array): Promise<{ mail: MailFile; files: MailAttachment[] }> {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 64 * 1024));
  // A mail starts with header fields; without From, Subject or Date in them it is some other file.
  const headerBlock = head.split(/\r?\n\r?\n/, 1)[0] ?? "";
  if (!/^(from|subject|date):/im.test(headerBlock) || /[\x00]/.test(headerBlock)) refuse();
  const mail = await simpleParser(Buffer.from(bytes), { skipImageLinks: true, skipTextToHtml: true, skipHtmlToText: true });
  const from = mail.from?.value[0];
  const files = mail.attachments.map((a) => ({ name: a.filename ?? "bijlage", bytes: new Uint8Array(a.content) }));
  return {
    mail: {
      sentAt: mail.date ?? null,
      fromName: from?.name || null,
      fromAddress: from?.address || null,
      subject: mail.subject ?? null,
      text: mail.text || (typeof mail.html === "string" ? htmlAsText(mail.html) : ""),
      attachmentNames: files.map((f) => f.name),
    },
    files,
  };
}

/** An HTML-only mail as text (html-to-text, which mailparser uses too): no images, no scripts or styles, links as text. */
function htmlAsText(html: string): string {
  if (!html) return "";
  return convert(html, { wordwrap: false, selectors: [{ selector: "img", format: "skip" }, { selector: "a", options: { hideLinkHrefIfSameAsText: true } }] });
}

function readMsg(bytes: Uint8Array): { mail: MailFile; files: MailAttachment[] } {
  let reader: InstanceType<typeof MsgReader>;
  let data: ReturnType<InstanceType<typeof MsgReader>["getFileData"]>;
  try {
    reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    data = reader.getFileData();
  } catch {
    refuse();
  }
  if (data.error) refuse();
  const sent = data.messageDeliveryTime ?? data.clientSubmitTime ?? null;
  const parts = data.attachments ?? [];
  return {
    mail: {
      sentAt: sent ? new Date(sent) : null,
      fromName: data.senderName ?? null,
      fromAddress: data.senderSmtpAddress ?? data.senderEmail ?? null,
      subject: data.subject ?? null,
      text: data.body || htmlAsText(data.bodyHtml ?? (data.html ? new TextDecoder().decode(data.html) : "")),
      attachmentNames: parts.map((a) => a.fileName ?? "bijlage"),
    },
    // Read lazily: the intake only lists the names, and a part msgreader cannot read is no reason to refuse the mail.
    get files() {
      return parts.flatMap((a) => {
        try {
          return [{ name: a.fileName ?? "bijlage", bytes: reader.getAttachment(a).content }];
        } catch {
          return [];
        }
      });
    },
  };
}
