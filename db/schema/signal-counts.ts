import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { CHANNELS, PHASES, REQUESTER_TYPES, STATUSES, TOPICS } from "../../app/domain/signal-codes";

/**
 * How many signals there are per status and per combination of the inbox's coarse filters (year, topic, phase,
 * requester, channel): the status tabs read a few thousand rows here instead of counting up to a million signals.
 * Kept by SQLite triggers on `signals` (migration 0012), so every write by any connection (the server, an import from
 * the command line) changes it in its own transaction; nothing in the app writes it.
 */
export const signalCounts = sqliteTable(
  "signal_counts",
  {
    status: text("status", { enum: STATUSES }).notNull(),
    year: text("year").notNull(),
    topic: text("topic", { enum: TOPICS }).notNull(),
    procurementPhase: text("procurement_phase", { enum: PHASES }).notNull(),
    requesterType: text("requester_type", { enum: REQUESTER_TYPES }).notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.year, t.topic, t.procurementPhase, t.requesterType, t.channel] })],
);
