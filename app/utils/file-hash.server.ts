import { createHash } from "node:crypto";

/**
 * Fingerprint of an uploaded file, to warn before the same file is imported twice. The BOM is dropped and line
 * endings are normalised first, so the same file saved on Windows (CRLF, often with BOM) is still recognised. Kept out
 * of the domain modules: routes import those, and node:crypto has no place in the browser bundle.
 */
export function fileHash(text: string): string {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return createHash("sha256").update(normalised, "utf8").digest("hex");
}

/**
 * Fingerprint of an .xlsx by its cells, not its bytes: Excel writes a file anew on every save (the time it was saved,
 * the zip's order and compression), so the same sheet opened and saved again must still be recognised.
 */
export function sheetHash(rows: readonly { cells: readonly string[] }[]): string {
  return createHash("sha256").update(JSON.stringify(rows.map((row) => row.cells)), "utf8").digest("hex");
}
