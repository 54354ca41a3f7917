import { decodeText } from "~/domain/csv";
import { sheetOfText, type CsvIssue, type Sheet } from "~/domain/import-sheet";
import { fileHash, sheetHash } from "./file-hash.server";
import { readXlsx } from "./xlsx-read.server";
import { isZip } from "./zip-guard.server";

/** An upload read into rows, with the fingerprint that recognises the same file imported before. */
export type UploadSheet = { sheet: Sheet; hash: string } | { issues: CsvIssue[] };

/**
 * Any file the imports take, told apart by its content rather than its name: an .xlsx (a zip) is read by
 * xlsx-read.server.ts, anything else is a CSV in UTF-8 or Windows-1252 (csv.ts).
 */
export async function readUpload(bytes: Uint8Array): Promise<UploadSheet> {
  if (isZip(bytes)) {
    const sheet = await readXlsx(bytes);
    if ("issue" in sheet) return { issues: [sheet.issue] };
    return { sheet, hash: sheetHash(sheet.rows) };
  }
  return sheetOfUploadText(decodeText(bytes).text);
}

/** A CSV already decoded to text (the demo data, tests); the hash is that of the text, as it always was. */
export function sheetOfUploadText(text: string): UploadSheet {
  const sheet = sheetOfText(text);
  if ("issue" in sheet) return { issues: [sheet.issue] };
  return { sheet, hash: fileHash(text) };
}
