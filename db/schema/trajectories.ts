import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ASSOCIATIONS } from "../../app/domain/signal-codes";
import { CONTACT_KINDS, MILESTONE_KINDS, STEP_STATES, STEPS, TRAJECTORY_STATUSES } from "../../app/domain/trajectory-codes";
import { municipalities, regions } from "./reference";
import { importBatches, signals } from "./signals";
import { users } from "./users";

/**
 * A mediation trajectory: one region, one period. Outcomes are columns, so the year report counts them with SQL.
 * `needs_reanalysis` is raised by a new or changed procurement document of the region and cleared by a plan revision
 * or a dismissal with a reason (both in the events).
 */
export const trajectories = sqliteTable(
  "trajectories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ref: text("ref").unique(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    strategicGoal: text("strategic_goal").notNull(),
    providersInvolved: integer("providers_involved").notNull().default(0),
    startedOn: text("started_on").notNull(),
    closedOn: text("closed_on"),
    status: text("status", { enum: TRAJECTORY_STATUSES }).notNull().default("active"),
    closeReason: text("close_reason"),
    needsReanalysis: integer("needs_reanalysis", { mode: "boolean" }).notNull().default(false),
    forcesBundled: integer("forces_bundled", { mode: "boolean" }).notNull().default(false),
    jointVision: integer("joint_vision", { mode: "boolean" }).notNull().default(false),
    cooperativeFormed: integer("cooperative_formed", { mode: "boolean" }).notNull().default(false),
    contractWon: integer("contract_won", { mode: "boolean" }).notNull().default(false),
    contractsAwardedTotal: integer("contracts_awarded_total"),
    visionAdapted: integer("vision_adapted", { mode: "boolean" }).notNull().default(false),
    importBatchId: integer("import_batch_id").references(() => importBatches.id),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("trajectories_region_idx").on(t.regionCode), index("trajectories_period_idx").on(t.startedOn, t.closedOn)],
);

/** Municipalities involved in the trajectory, and (outcome) those where providers were heard on the procurement vision. */
export const trajectoryMunicipalities = sqliteTable(
  "trajectory_municipalities",
  {
    trajectoryId: integer("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    role: text("role", { enum: ["involved", "consulted"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.trajectoryId, t.municipalityCode, t.role] })],
);

export const trajectoryAssociations = sqliteTable(
  "trajectory_associations",
  {
    trajectoryId: integer("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    association: text("association", { enum: ASSOCIATIONS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.trajectoryId, t.association] })],
);

/** Advisers see only the trajectories they are assigned to. */
export const trajectoryAdvisers = sqliteTable(
  "trajectory_advisers",
  {
    trajectoryId: integer("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.trajectoryId, t.userId] })],
);

export const trajectorySignals = sqliteTable(
  "trajectory_signals",
  {
    trajectoryId: integer("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    signalId: integer("signal_id")
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.trajectoryId, t.signalId] }), index("trajectory_signals_signal_idx").on(t.signalId)],
);

export const trajectorySteps = sqliteTable(
  "trajectory_steps",
  {
    trajectoryId: integer("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    step: text("step", { enum: STEPS }).notNull(),
    state: text("state", { enum: STEP_STATES }).notNull().default("open"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.trajectoryId, t.step] })],
);

/** Dated history of a trajectory: step states, plan revisions, re-analysis raised/cleared, closing. Codes only. */
export const trajectoryEvents = sqliteTable(
  "trajectory_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    trajectoryId: integer("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    at: text("at").notNull(),
    userId: integer("user_id").references(() => users.id),
    kind: text("kind").notNull(),
    step: text("step", { enum: STEPS }),
    detail: text("detail"),
  },
  (t) => [index("trajectory_events_idx").on(t.trajectoryId, t.at)],
);

/** Notes per step (advisers add analysis notes to step 2). Sealed: they name providers and municipalities. */
export const trajectoryNotes = sqliteTable(
  "trajectory_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    trajectoryId: integer("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    step: text("step", { enum: STEPS }).notNull(),
    at: text("at").notNull(),
    authorId: integer("author_id").references(() => users.id),
    bodySealed: text("body_sealed").notNull(),
  },
  (t) => [index("trajectory_notes_idx").on(t.trajectoryId, t.step)],
);

/** Plan van aanpak: every revision kept, with date, author and reason. */
export const planVersions = sqliteTable(
  "plan_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    trajectoryId: integer("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    at: text("at").notNull(),
    authorId: integer("author_id").references(() => users.id),
    reason: text("reason").notNull(),
    bodySealed: text("body_sealed").notNull(),
  },
  (t) => [index("plan_versions_idx").on(t.trajectoryId, t.version)],
);

export const trajectoryContacts = sqliteTable("trajectory_contacts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  trajectoryId: integer("trajectory_id")
    .notNull()
    .references(() => trajectories.id, { onDelete: "cascade" }),
  heldOn: text("held_on").notNull(),
  kind: text("kind", { enum: CONTACT_KINDS }).notNull(),
  organisationsSealed: text("organisations_sealed").notNull(),
  summarySealed: text("summary_sealed").notNull(),
  authorId: integer("author_id").references(() => users.id),
});

export const escalations = sqliteTable("escalations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  trajectoryId: integer("trajectory_id")
    .notNull()
    .references(() => trajectories.id, { onDelete: "cascade" }),
  happenedOn: text("happened_on").notNull(),
  legal: integer("legal", { mode: "boolean" }).notNull().default(false),
  council: integer("council", { mode: "boolean" }).notNull().default(false),
  publicity: integer("publicity", { mode: "boolean" }).notNull().default(false),
  descriptionSealed: text("description_sealed"),
  authorId: integer("author_id").references(() => users.id),
});

/** Procurement milestones and documents of a region (step 7), shared by its trajectories. */
export const procurementMilestones = sqliteTable(
  "procurement_milestones",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    kind: text("kind", { enum: MILESTONE_KINDS }).notNull(),
    dueOn: text("due_on").notNull(),
    title: text("title").notNull(),
    reference: text("reference"),
    note: text("note"),
    updatedAt: text("updated_at").notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [index("procurement_milestones_idx").on(t.regionCode, t.dueOn)],
);

/** Lessons learned (step 8), for use in other regions. Written to be shared: no names of providers. */
export const lessons = sqliteTable("lessons", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  trajectoryId: integer("trajectory_id")
    .notNull()
    .references(() => trajectories.id, { onDelete: "cascade" }),
  at: text("at").notNull(),
  authorId: integer("author_id").references(() => users.id),
  text: text("text").notNull(),
});
