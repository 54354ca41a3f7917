import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { NOTIFICATION_KINDS } from "../../app/domain/notification-kinds";
import { signals } from "./signals";
import { users } from "./users";

/** Which notifications a staff member chose on "Mijn account": a row per kind they get (none by default). */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * The durable outbox (README, "Decisions"): a row is written in the transaction of the change it reports and holds no
 * address and no text. The address is looked up when it is sent: a staff member's account, or the reporter's sealed
 * address on the signal, so erasure and retention also stop e-mails not yet sent.
 */
export const notificationOutbox = sqliteTable(
  "notification_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: [...NOTIFICATION_KINDS, "reporter_answer"] }).notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    signalId: integer("signal_id").references(() => signals.id, { onDelete: "cascade" }),
    /** The page behind the login the e-mail links to, e.g. /signalen/12. */
    linkPath: text("link_path").notNull(),
    /** One e-mail per key at most (the daily digest: one per user and day, however often the scheduler runs). */
    dedupeKey: text("dedupe_key").unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    /** Given up: too many attempts, a permanent refusal, or no address any more. */
    failedAt: integer("failed_at", { mode: "timestamp_ms" }),
    /** A class such as ECONNREFUSED or SMTP_550, never the server's text (which may name the address). */
    lastErrorClass: text("last_error_class"),
  },
  (t) => [index("notification_outbox_due_idx").on(t.nextAttemptAt).where(sql`sent_at is null and failed_at is null`)],
);
