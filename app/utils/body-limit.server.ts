import type { IncomingMessage, ServerResponse } from "node:http";
import { megabytes, type FileLimits } from "~/domain/file-limits";
import { fileLimits } from "./file-limits.server";

const KB = 1024;
const MB = 1024 * KB;

/** `refusal` is the Dutch text of the 413 page. */
export type BodyLimit = { bytes: number; label: string; refusal: string };

const formRefusal = (label: string) => `Wat u verstuurde is groter dan ${label}, meer dan dit formulier aanneemt. Er is niets opgeslagen.`;

/**
 * The one place for request body limits. What anyone can send without an account (portal, login, setup) is small;
 * staff forms take long texts (a plan of 50,000 characters is 450 kB when every character is percent-encoded); the
 * imports take files. Staff routes check the role before they read a body, so the larger limits are only ever read
 * for staff. The CLI imports have no limit.
 */
export const BODY_LIMITS = {
  public: { bytes: 256 * KB, label: "256 kB", refusal: formRefusal("256 kB") },
  staff: { bytes: 1 * MB, label: "1 MB", refusal: formRefusal("1 MB") },
  upload: { bytes: 5 * MB, label: "5 MB", refusal: "Het bestand is groter dan 5 MB. Er is niets opgeslagen; splits het bestand in delen." },
} as const satisfies Record<string, BodyLimit>;

/** The limits of posts with files, from the settings: the files allowed plus room for the form around them. */
export function fileBodyLimits(limits: FileLimits): { portalFiles: BodyLimit; files: BodyLimit } {
  const portal = limits.maxBytes * Math.max(1, limits.portalMaxFiles);
  return {
    portalFiles: {
      bytes: portal + 256 * KB,
      label: megabytes(portal),
      refusal: `Wat u verstuurde is groter dan ${megabytes(portal)}: hoogstens ${limits.portalMaxFiles} bestanden van ${megabytes(limits.maxBytes)}. Er is niets opgeslagen.`,
    },
    files: {
      bytes: limits.maxBytes + 64 * KB,
      label: megabytes(limits.maxBytes),
      refusal: `Het bestand is groter dan ${megabytes(limits.maxBytes)}. Er is niets opgeslagen; een e-mail kunt u zonder grote bijlagen opslaan.`,
    },
  };
}

const UPLOAD_PATHS = new Set(["/signalen/import", "/trajecten/import", "/beheer/regios/import", "/beheer/tenderned"]);
/** The intake, which also takes a saved e-mail with its attachments, and the pages of a signal, a trajectory and a region (its procurement documents), which take files. */
const FILE_PATHS = /^\/(signalen\/(nieuw|\d+)|trajecten\/\d+|regios\/[^/]+)$/;
const PUBLIC_PATHS = /^\/(melden|login|setup|logout)(\/|$)/;

/** The route a request goes to, as Remix matches it: decoded, any case, with or without the `.data` of a fetch. */
function routePath(url: string | undefined): string | undefined {
  try {
    const pathname = decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
    return pathname.toLowerCase().replace(/\.data$/, "").replace(/\/+$/, "") || "/";
  } catch {
    return undefined;
  }
}

export function bodyLimitFor(url: string | undefined, contentType?: string, limits: FileLimits = fileLimits()): BodyLimit {
  const path = routePath(url);
  if (path === "/melden" && contentType?.toLowerCase().startsWith("multipart/form-data")) return fileBodyLimits(limits).portalFiles;
  // A path that does not decode matches no route: it gets the smallest limit.
  if (path === undefined || PUBLIC_PATHS.test(path) || path === "/") return BODY_LIMITS.public;
  if (UPLOAD_PATHS.has(path)) return BODY_LIMITS.upload;
  if (FILE_PATHS.test(path)) return fileBodyLimits(limits).files;
  return BODY_LIMITS.staff;
}

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  constructor(readonly limit: BodyLimit) {
    super(`request body over ${limit.label}`);
  }
}

/** Long enough for a client to read the answer before its connection goes; short enough that no one can hold it. */
const LINGER_MS = 2_000;

/**
 * After the answer, a body the route did not read to the end (too large, or refused before reading) is read on and
 * thrown away for at most one more limit's worth, so a client that sent a little too much keeps a usable connection.
 * Beyond that nothing more is read: the connection ends, and closes for good a moment later, once the client had the
 * time to read the answer (closing at once could reset it before the client read it).
 */
function discardRest(req: IncomingMessage, res: ServerResponse, limit: BodyLimit): void {
  res.once("finish", () => {
    if (req.complete) return;
    const socket = req.socket;
    const closeLater = setTimeout(() => socket.destroy(), LINGER_MS);
    closeLater.unref();
    let discarded = 0;
    const count = (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded <= limit.bytes) return;
      req.off("data", count);
      req.pause();
      socket.end();
    };
    req.on("data", count);
    req.once("end", () => clearTimeout(closeLater));
    req.resume();
  });
}

/**
 * The request body as Remix reads it: pulled from the socket only as fast as the route reads, and failing with
 * BodyTooLargeError as soon as it passes the route's limit, whether or not a Content-Length was declared. Nothing
 * beyond the limit is ever held in memory, and a route that does not read (a role check that fails) takes at most
 * the first chunk off the wire.
 */
export function limitedBody(req: IncomingMessage, res: ServerResponse): ReadableStream<Uint8Array> {
  const limit = bodyLimitFor(req.url, req.headers["content-type"]);
  discardRest(req, res, limit);
  if (Number(req.headers["content-length"] ?? 0) > limit.bytes) {
    return new ReadableStream({ start: (controller) => controller.error(new BodyTooLargeError(limit)) });
  }
  let received = 0;
  let open = true;
  let onData: (chunk: Buffer) => void = () => undefined;
  const stop = (finish: () => void) => {
    if (!open) return;
    open = false;
    req.off("data", onData);
    req.pause();
    finish();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onData = (chunk) => {
        received += chunk.length;
        if (received > limit.bytes) return stop(() => controller.error(new BodyTooLargeError(limit)));
        controller.enqueue(chunk);
        // Read on only when the route asks for more (pull): an unread body stays on the wire.
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      };
      req.on("data", onData);
      req.once("end", () => stop(() => controller.close()));
      req.once("error", (error) => stop(() => controller.error(error)));
    },
    pull() {
      if (open) req.resume();
    },
    cancel() {
      stop(() => undefined);
    },
  });
}
