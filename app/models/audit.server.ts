import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { auditLog, users } from "../../db/schema";
import type { Actor } from "~/domain/actor";
import { sha256 } from "~/utils/crypto.server";
import { db, preparedOnce, type Tx } from "~/utils/db.server";
import { noteAuditAppend } from "./audit-anchor.server";

export type { Actor } from "~/domain/actor";

export type AuditAction =
  | "setup.first_account"
  | "auth.login"
  | "auth.login_failed"
  | "auth.login_refused"
  | "auth.logout"
  | "auth.password_changed"
  | "auth.sessions_ended"
  | "auth.notifications_chosen"
  | "auth.second_factor_enrolled"
  | "auth.second_factor_failed"
  | "auth.recovery_code_used"
  | "user.created"
  | "user.updated"
  | "user.disabled"
  | "user.enabled"
  | "user.temporary_password_set"
  | "user.second_factor_reset"
  | "reference.municipality_moved"
  | "reference.table_uploaded"
  | "reference.table_applied"
  | "signal.created"
  | "signal.viewed"
  | "signal.classified"
  | "signal.status_changed"
  | "signal.note_added"
  | "signal.attachment_added"
  | "signal.attachment_downloaded"
  | "trajectory.attachment_added"
  | "trajectory.attachment_downloaded"
  | "milestone.attachment_added"
  | "milestone.attachment_downloaded"
  | "signal.assigned"
  | "signal.exported"
  | "signal.imported"
  | "signal.import_undone"
  | "portal.submitted"
  | "portal.message_received"
  | "portal.reply_sent"
  | "trajectory.created"
  | "trajectory.viewed"
  | "trajectory.signal_linked"
  | "trajectory.signal_unlinked"
  | "trajectory.step_changed"
  | "trajectory.note_added"
  | "trajectory.plan_revised"
  | "trajectory.outcomes_set"
  | "trajectory.closed"
  | "trajectory.reopened"
  | "trajectory.advisers_set"
  | "trajectory.reanalysis_dismissed"
  | "trajectory.escalation_added"
  | "trajectory.contact_added"
  | "trajectory.lesson_added"
  | "trajectory.imported"
  | "retention.anonymised"
  | "report.narrative_saved"
  | "report.published"
  | "report.pdf_downloaded"
  | "report.threshold_changed"
  | "report.colophon_changed"
  | "demo.seeded"
  | "data_subject.searched"
  | "data_subject.exported"
  | "data_subject.erased"
  | "security.data_key_rotated"
  | "procurement.milestone_added"
  | "procurement.milestone_changed"
  | "tenderned.run"
  | "tenderned.imported"
  | "tenderned.assigned"
  | "tenderned.alias_removed"
  | "tenderned.settings_changed"
  | "knowledge.created"
  | "knowledge.saved"
  | "knowledge.published"
  | "knowledge.guard_overridden"
  | "knowledge.withdrawn"
  | "practice.created"
  | "practice.saved"
  | "practice.published"
  | "practice.guard_overridden"
  | "practice.withdrawn"
  | "review.created"
  | "review.saved"
  | "review.published"
  | "review.reassessment_needed"
  | "review.criterion_saved";

/** Codes, ids and counts only. Confidential text never goes here, so the type admits no free text by design of its users. */
export type AuditDetail = Record<string, string | number | boolean | null | string[]>;

export const GENESIS_HASH = "0".repeat(64);

export function chainHash(prevHash: string, entry: readonly unknown[]): string {
  return sha256(`${prevHash}\n${JSON.stringify(entry)}`);
}

const statements = preparedOnce((database) => ({
  lastHash: database.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).prepare(),
  insert: database
    .insert(auditLog)
    .values({
      at: sql.placeholder("at"),
      actorUserId: sql.placeholder("actorUserId"),
      action: sql.placeholder("action"),
      entityType: sql.placeholder("entityType"),
      entityId: sql.placeholder("entityId"),
      clientAddress: sql.placeholder("clientAddress"),
      detail: sql.placeholder("detail"),
      prevHash: sql.placeholder("prevHash"),
      hash: sql.placeholder("hash"),
    })
    .prepare(),
}));

/** The one audit helper. Pass the surrounding transaction so the entry lands with the change it describes, or not at all. */
export function audit(
  actor: Actor,
  action: AuditAction,
  target?: { type: string; id: string | number } | null,
  detail?: AuditDetail,
  // The caller's transaction runs on the app's one connection, where the statements are prepared: they run inside it.
  _tx: Tx | ReturnType<typeof db> = db(),
): void {
  const at = new Date().toISOString();
  const prevHash = statements().lastHash.get()?.hash ?? GENESIS_HASH;
  const row = {
    at,
    actorUserId: actor.userId,
    action,
    entityType: target?.type ?? null,
    entityId: target ? String(target.id) : null,
    clientAddress: actor.clientAddress,
    detail: detail ? JSON.stringify(detail) : null,
  };
  const hash = chainHash(prevHash, [row.at, row.actorUserId, row.action, row.entityType, row.entityId, row.clientAddress, row.detail]);
  statements().insert.run({ ...row, prevHash, hash });
  noteAuditAppend();
}

export type AuditFilters = { action?: string; actor?: number; entityType?: string; entityId?: string; from?: string; to?: string; page: number };

export const AUDIT_PAGE_SIZE = 50;

/** The log as admins and the intermediary browse it, newest first; filters match what the table shows. */
export function browseAudit(filters: AuditFilters) {
  const conditions = [
    filters.action ? sql`${auditLog.action} like ${`${filters.action}%`}` : undefined,
    filters.actor ? eq(auditLog.actorUserId, filters.actor) : undefined,
    filters.entityType ? eq(auditLog.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
    filters.from ? gte(auditLog.at, filters.from) : undefined,
    filters.to ? lt(auditLog.at, `${filters.to}T99`) : undefined,
  ].filter((c): c is NonNullable<typeof c> => c !== undefined);
  const where = and(...conditions);
  const total = db().select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = db()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: users.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      clientAddress: auditLog.clientAddress,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((filters.page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { rows, total };
}

export function auditActors() {
  return db().select({ id: users.id, name: users.name }).from(users).orderBy(users.name).all();
}
