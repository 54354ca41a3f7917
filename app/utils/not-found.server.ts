import { DomainError, type ErrorCode } from "~/domain/errors";
import { recordNumber } from "~/domain/url-params";
import { refusal } from "./refusal.server";

/** 404 naming what was asked for ("Dit traject"): the error page says it does not exist (any more). */
export function notFound(what = "Deze pagina"): never {
  throw refusal(404, `${what} bestaat niet (meer).`, "Not Found");
}

/** A record's number from its URL segment, or the 404 naming it: `/kennisbank/abc` is a page that does not exist. */
export function recordOr404(param: string | undefined, what: string): number {
  return recordNumber(param) ?? notFound(what);
}

/** `?versie=N` of a page that keeps versions: undefined when none is asked, a 404 when N is no version number. */
export function versionAsked(request: Request, what = "Deze versie"): number | undefined {
  const asked = new URL(request.url).searchParams.get("versie");
  return asked === null ? undefined : recordOr404(asked, what);
}

/** In a catch: the model's "not found" (`code`) becomes the 404 naming the record; any other error is left to the caller. */
export function notFoundIf(error: unknown, code: ErrorCode, what: string): void {
  if (error instanceof DomainError && error.code === code) notFound(what);
}

/**
 * Runs a page's model call: its "not found" (`code`) becomes the 404 naming the record; other errors go on. Call it
 * inside a loader or action only: in the browser bundle of a route this module is empty.
 */
export function notFoundOn<T>(code: ErrorCode, what: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    notFoundIf(error, code, what);
    throw error;
  }
}
