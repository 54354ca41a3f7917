import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/** Regions are never deleted: a region that leaves the official table becomes inactive, and past signals keep it. */
export const regions = sqliteTable("regions", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
});

export const municipalities = sqliteTable(
  "municipalities",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** The shipped mapping is derived; rows near a region border stay flagged until an admin or a CBS table confirms them. */
    needsCheck: integer("needs_check", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("municipalities_region_idx").on(t.regionCode)],
);

export const associations = sqliteTable("associations", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

/** An uploaded region table waiting for the admin to look at the preview and apply it. */
export const regionTableUploads = sqliteTable("region_table_uploads", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  uploadedBy: integer("uploaded_by")
    .notNull()
    .references(() => users.id),
  uploadedAt: text("uploaded_at").notNull(),
  fileName: text("file_name").notNull(),
  content: text("content").notNull(),
  appliedAt: text("applied_at"),
});
