import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import {
  ASSOCIATIONS,
  CHANNELS,
  FUNDINGS,
  PHASES,
  PROCEDURES,
  REFERRERS,
  REQUESTER_TYPES,
  STATUSES,
  TOPICS,
  TRIGGERS,
} from "../../app/domain/signal-codes";
import { regions, municipalities } from "./reference";
import { users } from "./users";

/** One import of a signals.csv: undone as a whole; the file hash warns before the same file is imported twice. */
export const importBatches = sqliteTable("import_batches", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind", { enum: ["signals", "trajectories"] }).notNull(),
  fileName: text("file_name").notNull(),
  fileHash: text("file_hash").notNull(),
  rowCount: integer("row_count").notNull(),
  importedAt: text("imported_at").notNull(),
  importedBy: integer("imported_by").references(() => users.id),
  undoneAt: text("undone_at"),
});

/**
 * A signal. Classification columns hold DESIGN.md codes in the clear (reports count them); every free text and the
 * reporter's identity are sealed with the data key (`*_sealed`, see crypto.server.ts) and never leave for anyone but
 * the intermediary role. `region_code` is kept as recorded, whatever later happens to the region table.
 */
export const signals = sqliteTable(
  "signals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    receivedOn: text("received_on").notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    requesterType: text("requester_type", { enum: REQUESTER_TYPES }).notNull(),
    referredBy: text("referred_by", { enum: REFERRERS }).notNull(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    association: text("association", { enum: ASSOCIATIONS }),
    topic: text("topic", { enum: TOPICS }).notNull(),
    procurementPhase: text("procurement_phase", { enum: PHASES }).notNull(),
    procedure: text("procedure", { enum: PROCEDURES }).notNull(),
    funding: text("funding", { enum: FUNDINGS }).notNull(),
    segment: text("segment"),
    status: text("status", { enum: STATUSES }).notNull().default("new"),
    assignedTo: integer("assigned_to").references(() => users.id),
    summarySealed: text("summary_sealed"),
    detailsSealed: text("details_sealed"),
    reporterNameSealed: text("reporter_name_sealed"),
    reporterOrganisationSealed: text("reporter_organisation_sealed"),
    reporterEmailSealed: text("reporter_email_sealed"),
    reporterPhoneSealed: text("reporter_phone_sealed"),
    /** A confidential reporter asked for an e-mail when the intermediary answers (the address is reporterEmailSealed). */
    notifyReporter: integer("notify_reporter", { mode: "boolean" }).notNull().default(false),
    importBatchId: integer("import_batch_id").references(() => importBatches.id),
    /** Portal signals: HMAC of the receipt code (key outside the database); the code itself is never stored. */
    receiptHash: text("receipt_hash").unique(),
    /** Set when the retention period removed the reporter's identity and all free text; the classification stays. */
    anonymisedAt: text("anonymised_at"),
    /** The reporter wrote something the intermediary has not opened yet. */
    hasNews: integer("has_news", { mode: "boolean" }).notNull().default(false),
    /**
     * Came in through the mailbox and nobody has classified it yet ("Te classificeren"): its codes are placeholders,
     * so no report figure counts it (models/counted-signals.server.ts) until the intermediary saves a classification.
     */
    awaitingClassification: integer("awaiting_classification", { mode: "boolean" }).notNull().default(false),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index("signals_received_idx").on(t.receivedOn),
    // Covers every column the year report groups by, so its per-dimension counts read the index and never the rows;
    // with the status also the inbox's counts per status tab for a year or month.
    index("signals_report_idx").on(
      t.receivedOn, t.requesterType, t.topic, t.procurementPhase, t.channel, t.regionCode, t.referredBy, t.status, t.awaitingClassification,
    ),
    // The "Te classificeren" filter and the report's "still waiting" count read only the few signals that wait.
    index("signals_awaiting_idx").on(t.receivedOn).where(sql`awaiting_classification = 1`),
    index("signals_status_received_idx").on(t.status, t.receivedOn),
    // With the status, so the inbox counts a region's or a topic's signals per status tab from the index alone.
    index("signals_region_idx").on(t.regionCode, t.receivedOn, t.status),
    index("signals_topic_idx").on(t.topic, t.receivedOn, t.status),
    index("signals_batch_idx").on(t.importBatchId),
    index("signals_assigned_idx").on(t.assignedTo, t.status),
    // The retention check (at every start and daily) reads only closed signals that still hold data, not every signal.
    index("signals_retention_idx").on(t.updatedAt, t.receivedOn).where(sql`status = 'closed' and anonymised_at is null`),
  ],
);

export const signalTriggers = sqliteTable(
  "signal_triggers",
  {
    signalId: integer("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
    trigger: text("trigger", { enum: TRIGGERS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.signalId, t.trigger] }), index("signal_triggers_trigger_idx").on(t.trigger)],
);

/** The dated history of a signal: status changes, classification edits, assignment, notes added. Codes only. */
export const signalEvents = sqliteTable(
  "signal_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    signalId: integer("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
    at: text("at").notNull(),
    userId: integer("user_id").references(() => users.id),
    kind: text("kind", { enum: ["created", "status", "classification", "assignment", "note"] }).notNull(),
    detail: text("detail"),
  },
  (t) => [
    index("signal_events_signal_idx").on(t.signalId, t.at),
    // When a signal was closed, for the retention check: only the changes to "afgerond".
    index("signal_events_closed_idx").on(t.signalId, t.at).where(sql`kind = 'status' and json_extract(detail, '$.to') = 'closed'`),
  ],
);

export const signalNotes = sqliteTable(
  "signal_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    signalId: integer("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
    at: text("at").notNull(),
    authorId: integer("author_id").references(() => users.id),
    bodySealed: text("body_sealed").notNull(),
  },
  (t) => [index("signal_notes_signal_idx").on(t.signalId, t.at)],
);

/**
 * An uploaded CSV (signals or trajectories) waiting for preview and confirmation. Sealed: it can hold summaries.
 * The table name predates trajectory imports.
 */
export const stagedUploads = sqliteTable("signal_uploads", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind", { enum: ["signals", "trajectories", "mail"] }).notNull().default("signals"),
  uploadedBy: integer("uploaded_by")
    .notNull()
    .references(() => users.id),
  uploadedAt: text("uploaded_at").notNull(),
  fileName: text("file_name").notNull(),
  contentSealed: text("content_sealed").notNull(),
});

/** The conversation with a portal reporter, who reads it with the receipt code. Sealed like all signal text. */
export const signalMessages = sqliteTable(
  "signal_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    signalId: integer("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
    at: text("at").notNull(),
    fromReporter: integer("from_reporter", { mode: "boolean" }).notNull(),
    authorId: integer("author_id").references(() => users.id),
    bodySealed: text("body_sealed").notNull(),
  },
  (t) => [index("signal_messages_signal_idx").on(t.signalId, t.at)],
);

/**
 * Every signal whose summary changed or that was deleted, in order, written by triggers (migration 0010) in the
 * transaction of the change, whichever process made it. The server's in-memory search index reads what is new here
 * before every search, so an erasure by a command-line process reaches the running server at once. Ids only.
 */
export const signalTextChanges = sqliteTable("signal_text_changes", {
  seq: integer("seq").primaryKey({ autoIncrement: true }),
  signalId: integer("signal_id").notNull(),
});
