/**
 * What a file is, told from its own bytes (never from its name or the type a browser or sender claims), and whether
 * Rode Draad keeps files of that kind: documents, spreadsheets, images, e-mails and plain text. Anything else — a
 * program, a script, a web page, an archive — is refused, so a download can never be something that runs.
 */
export type KeptFileType = { kind: "pdf" | "docx" | "xlsx" | "office97" | "png" | "jpeg" | "gif" | "eml" | "text"; contentType: string; label: string };

const TYPES: Record<KeptFileType["kind"], Omit<KeptFileType, "kind">> = {
  pdf: { contentType: "application/pdf", label: "PDF" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "Word" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "Excel" },
  // Word 97–2003, Excel 97–2003 and Outlook .msg share the compound-file format; the download keeps it opaque.
  office97: { contentType: "application/octet-stream", label: "Office-bestand (oud formaat) of Outlook-bericht" },
  png: { contentType: "image/png", label: "afbeelding (PNG)" },
  jpeg: { contentType: "image/jpeg", label: "afbeelding (JPEG)" },
  gif: { contentType: "image/gif", label: "afbeelding (GIF)" },
  eml: { contentType: "message/rfc822", label: "e-mail" },
  text: { contentType: "text/plain; charset=utf-8", label: "tekst" },
};

export const KEPT_FILE_LABELS = "PDF, Word, Excel, afbeeldingen (PNG, JPEG, GIF), e-mails (.eml, .msg) en platte tekst";

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The names in a zip's local file headers among its first entries: how an Office Open XML file says what it is. */
function zipEntryNames(bytes: Uint8Array, limit = 64): string[] {
  const names: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (names.length < limit && at + 30 <= bytes.length && startsWith(bytes, [0x50, 0x4b, 0x03, 0x04], at)) {
    const compressed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    names.push(new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength)));
    // A data descriptor (flag bit 3) leaves the size unknown here: stop rather than guess.
    if (view.getUint16(at + 6, true) & 0x8) break;
    at += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

/** Programs for Windows (MZ), Linux (ELF), macOS (Mach-O, universal) and Java: refused even when they read as text. */
const PROGRAMS: readonly (readonly number[])[] = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
];

/** UTF-8 without control characters other than tab, line breaks and form feed: what a person's text file holds. */
function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.some((byte) => (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Text that a browser would take for a web page or a script, whatever the file is called. */
const ACTIVE_TEXT = /^\s*(<(!doctype|html|head|body|script|svg|\?xml)|#!)/i;
const MAIL_HEADER = /^(from|subject|date|received|return-path|message-id|mime-version):/im;

export function keptFileTypeOf(bytes: Uint8Array): KeptFileType | undefined {
  const found = ((): KeptFileType["kind"] | undefined => {
    if (PROGRAMS.some((signature) => startsWith(bytes, signature))) return undefined;
    if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
    if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
    if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
    if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
    if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "office97";
    if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
      const names = zipEntryNames(bytes);
      if (!names.includes("[Content_Types].xml")) return undefined;
      if (names.some((n) => n.startsWith("word/"))) return "docx";
      if (names.some((n) => n.startsWith("xl/"))) return "xlsx";
      return undefined;
    }
    if (bytes.length === 0 || !isUtf8Text(bytes)) return undefined;
    const head = new TextDecoder().decode(bytes.subarray(0, 4096));
    if (ACTIVE_TEXT.test(head)) return undefined;
    return MAIL_HEADER.test(head.split(/\r?\n\r?\n/, 1)[0] ?? "") ? "eml" : "text";
  })();
  return found ? { kind: found, ...TYPES[found] } : undefined;
}
