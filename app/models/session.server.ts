import { and, eq, lt, ne, or, sql } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { randomToken, sha256 } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const MINUTE = 60_000;

export type LiveSession = { userId: number; sessionHash: string; secondFactorPending: boolean };

/**
 * A new session row; the id it returns goes into the cookie and only its hash is stored. With `secondFactorPending`
 * the password was right but the second factor is still to come: such a session opens only the code page.
 */
export function startSession(userId: number, meta: { clientAddress: string; userAgent: string | null }, options: { secondFactorPending?: boolean } = {}): string {
  const id = randomToken();
  const now = Date.now();
  db()
    .insert(sessions)
    .values({
      idHash: sha256(id),
      userId,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + env().SESSION_MAX_HOURS * 60 * MINUTE),
      clientAddress: meta.clientAddress,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      secondFactorPending: options.secondFactorPending ?? false,
    })
    .run();
  return id;
}

/** The session under a fresh id (the old row is gone), its pending second factor cleared, its lifetime kept. */
export function moveSession(sessionHash: string): string {
  const id = randomToken();
  db().transaction((tx) => {
    const row = tx.select().from(sessions).where(eq(sessions.idHash, sessionHash)).get();
    if (!row) return;
    tx.delete(sessions).where(eq(sessions.idHash, sessionHash)).run();
    tx.insert(sessions).values({ ...row, idHash: sha256(id), lastSeenAt: new Date(), secondFactorPending: false }).run();
  });
  return id;
}

/**
 * The session of this id while it lives, or undefined. A session ends after SESSION_IDLE_MINUTES without a request or
 * SESSION_MAX_HOURS after login, whichever comes first; an ended session is removed on sight.
 */
export function liveSession(id: string): LiveSession | undefined {
  const idHash = sha256(id);
  const row = db().select().from(sessions).where(eq(sessions.idHash, idHash)).get();
  if (!row) return undefined;
  const now = Date.now();
  const idleLimit = env().SESSION_IDLE_MINUTES * MINUTE;
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + idleLimit <= now) {
    db().delete(sessions).where(eq(sessions.idHash, idHash)).run();
    return undefined;
  }
  // Touching at most once a minute, or every tenth of a shorter idle limit, keeps reads cheap: an active session
  // loses at most that much of its idle time, never the whole of it.
  if (now - row.lastSeenAt.getTime() > Math.min(MINUTE, idleLimit / 10)) {
    db().update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.idHash, idHash)).run();
  }
  return { userId: row.userId, sessionHash: idHash, secondFactorPending: row.secondFactorPending };
}

export function endSession(id: string): void {
  db().delete(sessions).where(eq(sessions.idHash, sha256(id))).run();
}

export function endSessionsOfUser(userId: number, exceptSessionHash?: string): void {
  db()
    .delete(sessions)
    .where(exceptSessionHash ? and(eq(sessions.userId, userId), ne(sessions.idHash, exceptSessionHash)) : eq(sessions.userId, userId))
    .run();
}

export function purgeExpiredSessions(): void {
  const now = Date.now();
  db()
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date(now)), lt(sessions.lastSeenAt, new Date(now - env().SESSION_IDLE_MINUTES * MINUTE))))
    .run();
}

/** The user's live sessions, newest first; `current` marks the one making this request. */
export function sessionsOf(userId: number, currentHash?: string) {
  const idleLimit = env().SESSION_IDLE_MINUTES * MINUTE;
  const now = Date.now();
  return db()
    .select()
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all()
    .filter((s) => s.expiresAt.getTime() > now && s.lastSeenAt.getTime() + idleLimit > now)
    .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
    .map((s) => ({
      id: s.idHash.slice(0, 16),
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      clientAddress: s.clientAddress,
      userAgent: s.userAgent,
      current: s.idHash === currentHash,
    }));
}

/** Ends one of the user's own sessions, named by the prefix `sessionsOf` shows; another user's session is never matched. */
export function endOwnSession(userId: number, idPrefix: string): boolean {
  if (!/^[0-9a-f]{16}$/.test(idPrefix)) return false;
  const result = db()
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), sql`substr(${sessions.idHash}, 1, 16) = ${idPrefix}`))
    .run();
  return result.changes > 0;
}
