import { getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { attachments, escalations, knowledgeArticles, planVersions, settings, signalMessages, signalNotes, signals, stagedUploads, trajectoryContacts, trajectoryNotes, users } from "./schema";

/**
 * Every column sealed with the data key (AES-GCM, app/utils/crypto.server.ts), with the context its values are bound
 * to: a value copied into another column will not open. This list is the one place that knows them. Sealing and
 * opening (app/models/sealed.server.ts), key rotation, the key check behind the backup check, and the erasure of a
 * signal's text all read it, so a new sealed column added here is rotated and erased without touching them; key
 * rotation still refuses to finish when it finds a sealed-looking value in a column missing here.
 *
 * The contexts are part of the stored data: changing one makes every existing value of its column unreadable.
 */
function sealed<T extends SQLiteTable>(table: T, property: keyof T["$inferSelect"] & string, context: string, where?: string) {
  return { table, property, context, where };
}

export const SEALED_COLUMNS = {
  summary: sealed(signals, "summarySealed", "signal.summary"),
  details: sealed(signals, "detailsSealed", "signal.details"),
  reporterName: sealed(signals, "reporterNameSealed", "signal.reporter_name"),
  reporterOrganisation: sealed(signals, "reporterOrganisationSealed", "signal.reporter_organisation"),
  reporterEmail: sealed(signals, "reporterEmailSealed", "signal.reporter_email"),
  reporterPhone: sealed(signals, "reporterPhoneSealed", "signal.reporter_phone"),
  note: sealed(signalNotes, "bodySealed", "signal.note"),
  message: sealed(signalMessages, "bodySealed", "signal.message"),
  upload: sealed(stagedUploads, "contentSealed", "signal_upload.content"),
  trajectoryNote: sealed(trajectoryNotes, "bodySealed", "trajectory.note"),
  plan: sealed(planVersions, "bodySealed", "trajectory.plan"),
  contactOrganisations: sealed(trajectoryContacts, "organisationsSealed", "trajectory.contact"),
  contactSummary: sealed(trajectoryContacts, "summarySealed", "trajectory.contact"),
  escalation: sealed(escalations, "descriptionSealed", "trajectory.escalation"),
  attachmentName: sealed(attachments, "nameSealed", "attachment.name"),
  attachmentContent: sealed(attachments, "contentSealed", "attachment.content"),
  totpSecret: sealed(users, "totpSecret", "users.totp_secret"),
  knowledgeSensitiveNames: sealed(knowledgeArticles, "sensitiveNamesSealed", "knowledge.sensitive_names"),
  dataKeyCheck: sealed(settings, "value", "settings.data_key_check", "key = 'data_key_check'"),
} as const;

export type SealedColumn = keyof typeof SEALED_COLUMNS;

/** Where a sealed column lives in SQL terms, for the commands that work on raw rows (key rotation). */
export function sqlNameOf(name: SealedColumn): { table: string; column: string; context: string; where?: string } {
  const { table, property, context, where } = SEALED_COLUMNS[name];
  const column = (getTableColumns(table) as Record<string, { name: string }>)[property]!.name;
  return { table: getTableName(table), column, context, where };
}

/** The sealed columns of one table, as drizzle property names: erasure clears them all. */
export function sealedPropertiesOf(table: SQLiteTable): string[] {
  return Object.values(SEALED_COLUMNS)
    .filter((entry) => entry.table === table)
    .map((entry) => entry.property);
}
