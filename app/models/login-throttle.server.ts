import { and, eq, gt, lt, or, sql } from "drizzle-orm";
import { loginAttempts } from "../../db/schema";
import { sha256 } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { normaliseEmail } from "./user.server";

/** Typed e-mail addresses are kept only as a hash: a user who types a password in the e-mail field leaks nothing. */
function emailKey(email: string): string {
  return sha256(normaliseEmail(email));
}

/**
 * Locked while the account or the address has had LOGIN_MAX_FAILURES failed logins within the last
 * LOGIN_LOCK_MINUTES, whether or not the account exists, so the answer reveals nothing about accounts.
 */
export function isLoginLocked(email: string, clientAddress: string): boolean {
  const { LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES } = env();
  const since = new Date(Date.now() - LOGIN_LOCK_MINUTES * 60_000);
  const key = emailKey(email);
  const counts = db()
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
  return (counts?.byEmail ?? 0) >= LOGIN_MAX_FAILURES || (counts?.byAddress ?? 0) >= LOGIN_MAX_FAILURES;
}

export function recordLoginAttempt(email: string, clientAddress: string, succeeded: boolean): void {
  db().insert(loginAttempts).values({ at: new Date(), emailKey: emailKey(email), clientAddress, succeeded }).run();
}

export function purgeOldLoginAttempts(): void {
  db()
    .delete(loginAttempts)
    .where(lt(loginAttempts.at, new Date(Date.now() - 24 * 60 * 60_000)))
    .run();
}
