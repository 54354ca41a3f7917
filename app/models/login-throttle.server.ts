import crypto from "node:crypto";
import { and, eq, gt, lt, or, sql } from "drizzle-orm";
import { loginAttempts } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { secrets } from "./keys.server";
import { normaliseEmail } from "./user.server";

/**
 * Typed e-mail addresses are kept only as an HMAC under a key outside the database: a user who types a password into
 * the e-mail field leaves nothing a copied database file could crack. Rows live no longer than the lock window.
 */
function emailKey(email: string): string {
  return crypto.createHmac("sha256", secrets().sessionSecret).update(`login:${normaliseEmail(email)}`).digest("hex");
}

function windowStart(): Date {
  return new Date(Date.now() - env().LOGIN_LOCK_MINUTES * 60_000);
}

/**
 * Reserves one attempt for this account and address, or returns undefined while either has had LOGIN_MAX_FAILURES
 * failures within LOGIN_LOCK_MINUTES (whether or not the account exists, so the answer reveals nothing). The
 * reservation counts as a failure from this moment on, before the slow check runs: however many requests arrive at
 * once, no more than the limit get checked. Count and insert share one write transaction, so another process
 * writing to the same file cannot slip in between.
 */
export function reserveLoginAttempt(email: string, clientAddress: string): number | undefined {
  const { LOGIN_MAX_FAILURES } = env();
  const key = emailKey(email);
  const since = windowStart();
  return db().transaction(
    (tx) => {
      tx.delete(loginAttempts).where(lt(loginAttempts.at, since)).run();
      const counts = tx
        .select({
          byEmail: sql<number>`coalesce(sum(${loginAttempts.emailKey} = ${key}), 0)`,
          byAddress: sql<number>`coalesce(sum(${loginAttempts.clientAddress} = ${clientAddress}), 0)`,
        })
        .from(loginAttempts)
        .where(
          and(
            eq(loginAttempts.succeeded, false),
            gt(loginAttempts.at, since),
            or(eq(loginAttempts.emailKey, key), eq(loginAttempts.clientAddress, clientAddress)),
          ),
        )
        .get();
      if ((counts?.byEmail ?? 0) >= LOGIN_MAX_FAILURES || (counts?.byAddress ?? 0) >= LOGIN_MAX_FAILURES) return undefined;
      return tx
        .insert(loginAttempts)
        .values({ at: new Date(), emailKey: key, clientAddress, succeeded: false })
        .returning({ id: loginAttempts.id })
        .get().id;
    },
    { behavior: "immediate" },
  );
}

/** A reserved attempt that passed no longer counts against the account or the address. */
export function loginAttemptSucceeded(attemptId: number): void {
  db().update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId)).run();
}

/** The one answer to a locked account or address, the same whether the account exists or not. */
export function loginLockedMessage(): string {
  return `Te veel mislukte inlogpogingen. Inloggen is ${env().LOGIN_LOCK_MINUTES} minuten geblokkeerd; probeer het daarna opnieuw.`;
}

/** Thrown where a locked check sits inside a model (the current password before a change); the route answers 429. */
export class LoginLockedError extends DomainError {
  constructor() {
    super("AUTH.LOCKED", loginLockedMessage());
    this.name = "LoginLockedError";
  }
}

export type AttemptOutcome<T> = { status: "locked" } | { status: "failed" } | { status: "passed"; value: T };

/**
 * The one way to check a credential that guards a login (password, second-factor code, the current password before a
 * change): reserve, check, settle. `check` returns undefined for a wrong credential; a check that throws stays
 * counted as a failure.
 */
export async function throttledCheck<T>(email: string, clientAddress: string, check: () => Promise<T | undefined>): Promise<AttemptOutcome<T>> {
  const attemptId = reserveLoginAttempt(email, clientAddress);
  if (attemptId === undefined) return { status: "locked" };
  const value = await check();
  if (value === undefined) return { status: "failed" };
  loginAttemptSucceeded(attemptId);
  return { status: "passed", value };
}

/** At start-up: what the lock window no longer needs (the same happens at every reservation). */
export function purgeOldLoginAttempts(): void {
  db().delete(loginAttempts).where(lt(loginAttempts.at, windowStart())).run();
}
