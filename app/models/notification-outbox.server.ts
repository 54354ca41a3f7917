import { and, asc, count, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import { notificationOutbox, signals, users } from "../../db/schema";
import { MAX_ATTEMPTS, retryDelayMs } from "~/domain/notification-retry";
import type { OutboxKind } from "~/domain/notification-kinds";
import { db } from "~/utils/db.server";
import { unseal } from "./sealed.server";

export type DueNotification = { id: number; kind: OutboxKind; linkPath: string; attempts: number; address: string | null };

/**
 * The e-mails whose turn it is, oldest first, with the address they go to, looked up now: a disabled account, an
 * erased or anonymised signal, or a reporter without an address gets null, and the sender drops the e-mail.
 */
export function dueNotifications(now: Date, limit = 20): DueNotification[] {
  const rows = db()
    .select({
      id: notificationOutbox.id,
      kind: notificationOutbox.kind,
      linkPath: notificationOutbox.linkPath,
      attempts: notificationOutbox.attempts,
      userEmail: users.email,
      userDisabledAt: users.disabledAt,
      reporterEmailSealed: signals.reporterEmailSealed,
      notifyReporter: signals.notifyReporter,
      anonymisedAt: signals.anonymisedAt,
    })
    .from(notificationOutbox)
    .leftJoin(users, eq(users.id, notificationOutbox.userId))
    .leftJoin(signals, eq(signals.id, notificationOutbox.signalId))
    .where(and(isNull(notificationOutbox.sentAt), isNull(notificationOutbox.failedAt), lte(notificationOutbox.nextAttemptAt, now)))
    .orderBy(asc(notificationOutbox.nextAttemptAt), asc(notificationOutbox.id))
    .limit(limit)
    .all();
  return rows.map((r) => {
    const address =
      r.kind === "reporter_answer"
        ? r.notifyReporter && !r.anonymisedAt
          ? unseal(r.reporterEmailSealed, "reporterEmail")
          : null
        : r.userDisabledAt
          ? null
          : r.userEmail;
    return { id: r.id, kind: r.kind, linkPath: r.linkPath, attempts: r.attempts, address: address || null };
  });
}

/** Written only after the SMTP server accepted the message (README: the crash window between the two). */
export function markSent(id: number, at: Date): void {
  db().update(notificationOutbox).set({ sentAt: at, lastErrorClass: null }).where(eq(notificationOutbox.id, id)).run();
}

/** One more failed attempt: tried again after the back-off, or given up when permanent or out of attempts. */
export function markFailed(id: number, attempts: number, errorClass: string, permanent: boolean, now: Date): void {
  const giveUp = permanent || attempts >= MAX_ATTEMPTS;
  db()
    .update(notificationOutbox)
    .set({
      attempts,
      lastErrorClass: errorClass,
      failedAt: giveUp ? now : null,
      nextAttemptAt: giveUp ? now : new Date(now.getTime() + retryDelayMs(attempts, Math.random())),
    })
    .where(eq(notificationOutbox.id, id))
    .run();
}

/** No address any more: nothing will ever be sent, so it leaves the queue (the status page counts it as failed). */
export function markUndeliverable(id: number, now: Date): void {
  db().update(notificationOutbox).set({ failedAt: now, lastErrorClass: "NO_RECIPIENT" }).where(eq(notificationOutbox.id, id)).run();
}

/** Sent and given-up e-mails are history, not records: kept a month for the status page, then deleted. */
export function pruneOutbox(now: Date): void {
  const before = new Date(now.getTime() - 30 * 24 * 60 * 60_000);
  db()
    .delete(notificationOutbox)
    .where(or(lte(notificationOutbox.sentAt, before), lte(notificationOutbox.failedAt, before)))
    .run();
}

/** What the admin status page shows: counts and the unsent e-mails' kinds, tries and error classes, no addresses. */
export function outboxStatus() {
  const state = sql<string>`case when ${notificationOutbox.sentAt} is not null then 'sent' when ${notificationOutbox.failedAt} is not null then 'failed' else 'queued' end`;
  const counts = db().select({ state, n: count() }).from(notificationOutbox).groupBy(state).all();
  const of = (name: string) => counts.find((c) => c.state === name)?.n ?? 0;
  const pending = db()
    .select({
      id: notificationOutbox.id,
      kind: notificationOutbox.kind,
      createdAt: notificationOutbox.createdAt,
      attempts: notificationOutbox.attempts,
      nextAttemptAt: notificationOutbox.nextAttemptAt,
      failedAt: notificationOutbox.failedAt,
      lastErrorClass: notificationOutbox.lastErrorClass,
    })
    .from(notificationOutbox)
    .where(isNull(notificationOutbox.sentAt))
    .orderBy(desc(notificationOutbox.id))
    .limit(50)
    .all();
  return { queued: of("queued"), sent: of("sent"), failed: of("failed"), pending };
}

export type OutboxStatus = ReturnType<typeof outboxStatus>;
