import { and, eq, gte, isNull, lte } from "drizzle-orm";
import { notificationOutbox, notificationPreferences, procurementMilestones, trajectoryAdvisers, userRoles, users } from "../../db/schema";
import { addDays } from "~/domain/dates";
import { NOTIFICATION_KIND_INFO, NOTIFICATION_KINDS, type NotificationKind } from "~/domain/notification-kinds";
import { can } from "~/domain/permissions";
import type { Role } from "~/domain/roles";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";

/**
 * Enqueueing happens inside the transaction of the change: the e-mail exists exactly when the change does. Without
 * SMTP_URL nothing is enqueued (README, "Decisions": a server without mail builds up no backlog to flood mailboxes
 * with once mail is configured).
 */
export function notificationsEnabled(): boolean {
  return env().SMTP_URL !== undefined;
}

type Recipient = { id: number; roles: Role[] };

/** Active staff who chose this kind, with their roles; the caller narrows by what they may see. */
function subscribers(tx: Tx, kind: NotificationKind): Recipient[] {
  const rows = tx
    .select({ id: users.id, role: userRoles.role })
    .from(notificationPreferences)
    .innerJoin(users, eq(users.id, notificationPreferences.userId))
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(notificationPreferences.kind, kind), isNull(users.disabledAt)))
    .all();
  const byUser = new Map<number, Role[]>();
  for (const row of rows) byUser.set(row.id, [...(byUser.get(row.id) ?? []), row.role]);
  return [...byUser].map(([id, roles]) => ({ id, roles })).filter((u) => can(u.roles, NOTIFICATION_KIND_INFO[kind].capability));
}

function enqueue(tx: Tx, kind: NotificationKind, recipients: number[], linkPath: string, dedupe?: (userId: number) => string): void {
  const at = new Date();
  for (const userId of recipients) {
    tx.insert(notificationOutbox)
      .values({ kind, userId, linkPath, createdAt: at, nextAttemptAt: at, dedupeKey: dedupe?.(userId) ?? null })
      .onConflictDoNothing()
      .run();
  }
}

/** A signal page's news (a new portal signal, a reporter's message): for everyone who chose it and reads signals. */
export function notifySignalNews(tx: Tx, kind: "portal_signal" | "portal_message" | "mailbox_signal", signalId: number): void {
  if (!notificationsEnabled()) return;
  enqueue(tx, kind, subscribers(tx, kind).map((u) => u.id), `/signalen/${signalId}`);
}

/** Only the advisers newly on the trajectory, and only those who chose this. */
export function notifyAdvisersAssigned(tx: Tx, trajectoryId: number, adviserIds: number[]): void {
  if (!notificationsEnabled() || adviserIds.length === 0) return;
  const added = new Set(adviserIds);
  enqueue(tx, "adviser_assigned", subscribers(tx, "adviser_assigned").filter((u) => added.has(u.id)).map((u) => u.id), `/trajecten/${trajectoryId}`);
}

/**
 * Users with an unsent e-mail of this kind about this page: a TenderNed run can add several documents for one region
 * at once, and one unsent "herbeoordeling nodig" per page and user says it.
 */
function stillToBeTold(tx: Tx, kind: NotificationKind, linkPath: string): Set<number | null> {
  return new Set(
    tx
      .select({ id: notificationOutbox.userId })
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.kind, kind), eq(notificationOutbox.linkPath, linkPath), isNull(notificationOutbox.sentAt), isNull(notificationOutbox.failedAt)))
      .all()
      .map((r) => r.id),
  );
}

/** Everyone who chose it and sees the trajectory: all of them with trajectory.readAny, else its assigned advisers. */
export function notifyReanalysis(tx: Tx, trajectoryId: number): void {
  if (!notificationsEnabled()) return;
  const assigned = new Set(
    tx.select({ id: trajectoryAdvisers.userId }).from(trajectoryAdvisers).where(eq(trajectoryAdvisers.trajectoryId, trajectoryId)).all().map((r) => r.id),
  );
  const linkPath = `/trajecten/${trajectoryId}`;
  const waiting = stillToBeTold(tx, "reanalysis", linkPath);
  const recipients = subscribers(tx, "reanalysis").filter((u) => (can(u.roles, "trajectory.readAny") || assigned.has(u.id)) && !waiting.has(u.id));
  enqueue(tx, "reanalysis", recipients.map((u) => u.id), linkPath);
}

/** A review flagged by a new procurement document: everyone who chose it and writes reviews (review.manage). */
export function notifyReviewReassessment(tx: Tx, reviewId: number): void {
  if (!notificationsEnabled()) return;
  const linkPath = `/contracttoetsen/${reviewId}`;
  const waiting = stillToBeTold(tx, "review_reassessment", linkPath);
  enqueue(tx, "review_reassessment", subscribers(tx, "review_reassessment").filter((u) => !waiting.has(u.id)).map((u) => u.id), linkPath);
}

/**
 * The daily digest of `day` (a Dutch date), when milestones fall in the 7 days from it: once per user and day,
 * however often the scheduler asks.
 */
export function notifyMilestoneDigest(day: string): number {
  if (!notificationsEnabled()) return 0;
  return db().transaction((tx) => {
    const upcoming = tx
      .select({ id: procurementMilestones.id })
      .from(procurementMilestones)
      .where(and(gte(procurementMilestones.dueOn, day), lte(procurementMilestones.dueOn, addDays(day, 7))))
      .limit(1)
      .get();
    if (!upcoming) return 0;
    const recipients = subscribers(tx, "milestone_digest").map((u) => u.id);
    enqueue(tx, "milestone_digest", recipients, "/", (userId) => `milestone_digest:${day}:${userId}`);
    return recipients.length;
  });
}

/** The reporter's "laat mij weten als er een antwoord is", on the signal of the answer. */
export function notifyReporter(tx: Tx, signalId: number): void {
  if (!notificationsEnabled()) return;
  const at = new Date();
  tx.insert(notificationOutbox).values({ kind: "reporter_answer", signalId, linkPath: "/melden/volgen", createdAt: at, nextAttemptAt: at }).run();
}

/** The kinds a user may choose (by role) and which of them they chose. */
export function preferencesOf(user: { id: number; roles: readonly Role[] }): { kind: NotificationKind; label: string; chosen: boolean }[] {
  const chosen = new Set(db().select({ kind: notificationPreferences.kind }).from(notificationPreferences).where(eq(notificationPreferences.userId, user.id)).all().map((r) => r.kind));
  return NOTIFICATION_KINDS.filter((kind) => can(user.roles, NOTIFICATION_KIND_INFO[kind].capability)).map((kind) => ({
    kind,
    label: NOTIFICATION_KIND_INFO[kind].label,
    chosen: chosen.has(kind),
  }));
}

/** Replaces the user's choice; kinds their roles may not receive are dropped, not stored. */
export function setPreferences(user: { id: number; roles: readonly Role[] }, kinds: readonly NotificationKind[]): NotificationKind[] {
  const allowed = [...new Set(kinds)].filter((kind) => can(user.roles, NOTIFICATION_KIND_INFO[kind].capability));
  db().transaction((tx) => {
    tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, user.id)).run();
    if (allowed.length) tx.insert(notificationPreferences).values(allowed.map((kind) => ({ userId: user.id, kind }))).run();
  });
  return allowed;
}
