import { DomainError } from "~/domain/errors";
import { refusal } from "./refusal.server";

/**
 * Headers for a file someone uploaded: always saved, never shown in the browser. The sandbox CSP and nosniff keep a
 * disguised HTML or script file inert even if a browser were to open it; the name travels RFC 6266-style (an ASCII
 * fallback and the UTF-8 name), so accents survive and no quote or line break can break the header.
 */
export function attachmentHeaders(fileName: string, contentType: string, size: number): Record<string, string> {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "bijlage";
  return {
    "Content-Type": contentType,
    "Content-Length": String(size),
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    // Added to the app's own policy (security-headers.server.ts, which also sends nosniff): both apply.
    "Content-Security-Policy": "sandbox; default-src 'none'",
  };
}

/**
 * The one answer of every download route for a kept file (of a signal, a trajectory, a milestone): the file as a
 * download, or the 404 "Deze bijlage bestaat niet (meer)" when the owner has no such file.
 */
export function attachmentResponse(load: () => { name: string; contentType: string; bytes: Uint8Array }): Response {
  try {
    const file = load();
    return new Response(new Uint8Array(file.bytes), { headers: attachmentHeaders(file.name, file.contentType, file.bytes.byteLength) });
  } catch (error) {
    if (error instanceof DomainError && error.code === "ATTACHMENT.NOT_FOUND") throw refusal(404, "Deze bijlage bestaat niet (meer).", "Not Found");
    throw error;
  }
}
