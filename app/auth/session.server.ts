import { endSession, liveSession, moveSession, startSession, type LiveSession } from "~/models/session.server";
import { appCookie, SESSION_COOKIE } from "~/utils/cookies.server";

function sessionCookie() {
  return appCookie(SESSION_COOKIE);
}

async function readSessionId(request: Request): Promise<string | undefined> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : undefined;
}

/**
 * Starts a new session (a fresh id at every login) and returns its Set-Cookie header. With `secondFactorPending` the
 * password was right but the second factor is still to come: such a session opens only the code page.
 */
export async function createSession(userId: number, meta: { clientAddress: string; userAgent: string | null }, options: { secondFactorPending?: boolean } = {}) {
  return sessionCookie().serialize(startSession(userId, meta, options));
}

/**
 * Moves a session to a fresh id (the old row is gone) and clears a pending second factor, keeping its lifetime. Done
 * whenever the session gains rights (second factor passed, roles changed), so an id seen before that opens nothing.
 */
export async function renewSession(sessionHash: string): Promise<string> {
  return sessionCookie().serialize(moveSession(sessionHash));
}

/** The live session this request's cookie names, or undefined. */
export async function sessionUserId(request: Request): Promise<LiveSession | undefined> {
  const id = await readSessionId(request);
  return id ? liveSession(id) : undefined;
}

/** Ends the session on the server and returns the Set-Cookie header that clears it in the browser. */
export async function destroySession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) endSession(id);
  return sessionCookie().serialize("", { maxAge: 0 });
}
