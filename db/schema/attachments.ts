import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { signals } from "./signals";
import { users } from "./users";

/**
 * Files kept with a record (for now: the e-mail a signal came from). Name and bytes are sealed with the data key inside
 * the database, so backup, restore, key rotation and erasure treat them like every other confidential value; the
 * content type is the one the app found in the bytes, never the one the sender claimed. Deleting the signal deletes them.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    signalId: integer("signal_id").references(() => signals.id, { onDelete: "cascade" }),
    nameSealed: text("name_sealed").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    contentSealed: text("content_sealed").notNull(),
    addedAt: text("added_at").notNull(),
    addedBy: integer("added_by").references(() => users.id),
  },
  (t) => [index("attachments_signal_idx").on(t.signalId), check("attachments_owner", sql`${t.signalId} is not null`)],
);
