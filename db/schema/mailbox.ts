import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { signals } from "./signals";

/**
 * Every mailbox message that became a signal, by a keyed hash of its Message-ID (the id often names the sender's
 * domain or machine; the key stays outside the database). The unique hash is what makes a message one signal even
 * when the process dies between the commit and the move to the processed folder (README, "Decisions").
 */
export const mailboxMessages = sqliteTable("mailbox_messages", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  messageIdHash: text("message_id_hash").notNull().unique(),
  /** Null once the signal is deleted (an undone import never holds mailbox signals, but erasure may remove rows). */
  signalId: integer("signal_id").references(() => signals.id, { onDelete: "set null" }),
  receivedAt: text("received_at").notNull(),
});
