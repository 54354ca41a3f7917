import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { signals } from "./signals";
import { procurementMilestones, trajectories } from "./trajectories";
import { users } from "./users";

/**
 * Files kept with a record: a signal (the e-mail it came from, documents added), a trajectory (its working documents)
 * or a region's procurement milestone (the tender document itself). Exactly one owner per file. Name and bytes are sealed with the data key inside
 * the database, so backup, restore, key rotation and erasure treat them like every other confidential value; the
 * content type is the one the app found in the bytes, never the one the sender claimed. Deleting the owner deletes them.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    signalId: integer("signal_id").references(() => signals.id, { onDelete: "cascade" }),
    trajectoryId: integer("trajectory_id").references(() => trajectories.id, { onDelete: "cascade" }),
    milestoneId: integer("milestone_id").references(() => procurementMilestones.id, { onDelete: "cascade" }),
    nameSealed: text("name_sealed").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    contentSealed: text("content_sealed").notNull(),
    addedAt: text("added_at").notNull(),
    addedBy: integer("added_by").references(() => users.id),
  },
  (t) => [
    index("attachments_signal_idx").on(t.signalId),
    index("attachments_trajectory_idx").on(t.trajectoryId),
    index("attachments_milestone_idx").on(t.milestoneId),
    // Exactly one owner: each of the three tests is 0 or 1 in SQLite.
    check("attachments_owner", sql`(${t.signalId} is not null) + (${t.trajectoryId} is not null) + (${t.milestoneId} is not null) = 1`),
  ],
);
