import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { municipalities, regions, signalEvents, signalNotes, signals, signalTriggers, users } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import { assertCan, can } from "~/domain/permissions";
import { CHANNELS, type Channel, type SignalStatus, type Trigger } from "~/domain/signal-codes";
import type { Classification, Confidential } from "~/domain/signal-form";
import { chosenMunicipality } from "~/domain/municipality-choice";
import { classificationOf } from "~/domain/signal-classification";
import { canTransition } from "~/domain/signal-status";
import { db, preparedOnce, type Tx } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { seal, unseal } from "./sealed.server";
import { getSetting, setSetting } from "./settings.server";

function now(): string {
  return new Date().toISOString();
}

/**
 * Where a signal plays: the municipality as typed (a whole name or a GM code, see `chosenMunicipality`) names its
 * region, and must lie in the region when both are given. Inactive municipalities still count, so a signal recorded
 * before a new region table can be edited without losing its municipality.
 */
const placeStatements = preparedOnce((database) => ({
  municipalities: database
    .select({ code: municipalities.code, name: municipalities.name, regionCode: municipalities.regionCode, active: municipalities.active })
    .from(municipalities)
    .prepare(),
  region: database.select({ code: regions.code }).from(regions).where(eq(regions.code, sql.placeholder("code"))).prepare(),
}));

export function resolveRegion(input: { regionCode?: string; municipality?: string | null }): { regionCode: string; municipalityCode: string | null } {
  if (input.municipality) {
    const all = placeStatements().municipalities.all();
    const municipality = chosenMunicipality(input.municipality, all.filter((m) => m.active)) ?? chosenMunicipality(input.municipality, all);
    if (!municipality) throw new DomainError("SIGNAL.UNKNOWN_MUNICIPALITY", "Kies een gemeente uit de lijst (typ de hele naam).", "municipality");
    if (input.regionCode && input.regionCode !== municipality.regionCode) {
      throw new DomainError(
        "SIGNAL.MUNICIPALITY_OUTSIDE_REGION",
        `${municipality.name} ligt niet in deze regio maar in ${municipality.regionCode}.`,
        "municipality",
      );
    }
    return { regionCode: municipality.regionCode, municipalityCode: municipality.code };
  }
  const region = input.regionCode ? placeStatements().region.get({ code: input.regionCode }) : undefined;
  if (!region) throw new DomainError("SIGNAL.UNKNOWN_REGION", "Kies een regio of een gemeente.", "regionCode");
  return { regionCode: region.code, municipalityCode: null };
}

function classificationColumns(input: Classification, place: { regionCode: string; municipalityCode: string | null }) {
  return {
    receivedOn: input.receivedOn,
    channel: input.channel,
    requesterType: input.requesterType,
    referredBy: input.referredBy,
    regionCode: place.regionCode,
    municipalityCode: place.municipalityCode,
    association: input.association ?? null,
    topic: input.topic,
    procurementPhase: input.procurementPhase,
    procedure: input.procedure,
    funding: input.funding,
    segment: input.segment ?? null,
  };
}

function writeTriggers(tx: Tx, signalId: number, triggers: readonly Trigger[]): void {
  tx.delete(signalTriggers).where(eq(signalTriggers.signalId, signalId)).run();
  const unique = [...new Set(triggers)];
  if (unique.length > 0) tx.insert(signalTriggers).values(unique.map((trigger) => ({ signalId, trigger }))).run();
}

function recordEvent(tx: Tx, signalId: number, actor: Actor, kind: (typeof signalEvents.$inferInsert)["kind"], detail?: object): void {
  tx.insert(signalEvents)
    .values({ signalId, at: now(), userId: actor.userId, kind, detail: detail ? JSON.stringify(detail) : null })
    .run();
}

const lastChannelKey = (userId: number) => `intake.last_channel.${userId}`;

/** The channel this user chose on their last intake: whoever logs phone calls all day starts on "Telefoon". */
export function lastIntakeChannel(userId: number): Channel {
  const stored = getSetting(lastChannelKey(userId));
  return CHANNELS.find((channel) => channel === stored) ?? "email";
}

/**
 * `alongside` adds what belongs to the new signal in the same transaction (the e-mail it came from). A signal from
 * the mailbox is created `awaitingClassification`: its codes are placeholders until someone classifies it.
 */
export function createSignal(
  input: Classification & Confidential,
  actor: Actor,
  alongside?: (tx: Tx, signalId: number) => void,
  options: { awaitingClassification?: boolean } = {},
): number {
  const place = resolveRegion(input);
  return db().transaction((tx) => {
    const row = tx
      .insert(signals)
      .values({
        ...classificationColumns(input, place),
        status: "new",
        awaitingClassification: options.awaitingClassification ?? false,
        summarySealed: seal(input.summary, "summary"),
        detailsSealed: seal(input.details, "details"),
        reporterNameSealed: seal(input.reporterName, "reporterName"),
        reporterOrganisationSealed: seal(input.reporterOrganisation, "reporterOrganisation"),
        reporterEmailSealed: seal(input.reporterEmail, "reporterEmail"),
        reporterPhoneSealed: seal(input.reporterPhone, "reporterPhone"),
        createdBy: actor.userId,
      })
      .returning({ id: signals.id })
      .get();
    writeTriggers(tx, row.id, input.triggers);
    if (actor.userId !== null) setSetting(lastChannelKey(actor.userId), input.channel, tx);
    recordEvent(tx, row.id, actor, "created");
    audit(actor, "signal.created", { type: "signal", id: row.id }, { channel: input.channel }, tx);
    alongside?.(tx, row.id);
    return row.id;
  });
}

function requireSignalRow(id: number) {
  const row = db().select().from(signals).where(eq(signals.id, id)).get();
  if (!row) throw new DomainError("SIGNAL.NOT_FOUND", "Dit signaal bestaat niet.");
  return row;
}

/** The triggers a signal names, in no particular order (classificationOf puts them in order). */
export function triggersOf(signalId: number): Trigger[] {
  return db()
    .select({ trigger: signalTriggers.trigger })
    .from(signalTriggers)
    .where(eq(signalTriggers.signalId, signalId))
    .all()
    .map((t) => t.trigger);
}

/**
 * Opens the signal with its confidential text; every opening is audited, so call it only to show the detail page.
 * Refuses an actor without signal.read; the reporter's identity comes only with signal.readIdentity.
 */
export function openSignal(id: number, actor: Actor) {
  assertCan(actor, "signal.read");
  const readsIdentity = can(actor.roles ?? [], "signal.readIdentity");
  const row = requireSignalRow(id);
  const notes = db()
    .select({ id: signalNotes.id, at: signalNotes.at, author: users.name, bodySealed: signalNotes.bodySealed })
    .from(signalNotes)
    .leftJoin(users, eq(users.id, signalNotes.authorId))
    .where(eq(signalNotes.signalId, id))
    .orderBy(desc(signalNotes.at))
    .all()
    .map(({ bodySealed, ...note }) => ({ ...note, body: unseal(bodySealed, "note") ?? "" }));
  const history = db()
    .select({ id: signalEvents.id, at: signalEvents.at, kind: signalEvents.kind, detail: signalEvents.detail, user: users.name })
    .from(signalEvents)
    .leftJoin(users, eq(users.id, signalEvents.userId))
    .where(eq(signalEvents.signalId, id))
    .orderBy(desc(signalEvents.id))
    .all()
    .map((event) => ({ ...event, detail: event.detail ? (JSON.parse(event.detail) as Record<string, unknown>) : {} }));
  if (row.hasNews) db().update(signals).set({ hasNews: false }).where(eq(signals.id, id)).run();
  audit(actor, "signal.viewed", { type: "signal", id });
  return {
    id: row.id,
    ...classificationOf(row, triggersOf(id)),
    assignedTo: row.assignedTo,
    createdAt: row.createdAt,
    fromPortal: row.receiptHash !== null,
    hadNews: row.hasNews,
    awaitingClassification: row.awaitingClassification,
    confidential: {
      summary: unseal(row.summarySealed, "summary"),
      details: unseal(row.detailsSealed, "details"),
      reporterName: readsIdentity ? unseal(row.reporterNameSealed, "reporterName") : null,
      reporterOrganisation: readsIdentity ? unseal(row.reporterOrganisationSealed, "reporterOrganisation") : null,
      reporterEmail: readsIdentity ? unseal(row.reporterEmailSealed, "reporterEmail") : null,
      reporterPhone: readsIdentity ? unseal(row.reporterPhoneSealed, "reporterPhone") : null,
    },
    notes,
    history,
  };
}

export type SignalDetail = ReturnType<typeof openSignal>;

/**
 * Records which classification fields changed (names only: values can be read in the signal itself). Saving the
 * classification of a mailbox signal, changed or not, is what takes it out of "Te classificeren" (and into the figures).
 */
export function updateClassification(id: number, input: Classification, actor: Actor): void {
  const before = requireSignalRow(id);
  const columns = classificationColumns(input, resolveRegion(input));
  const beforeTriggers = triggersOf(id).sort();
  const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((key) => columns[key] !== before[key]);
  if (beforeTriggers.join() !== [...new Set(input.triggers)].sort().join()) changed.push("triggers" as never);
  if (before.awaitingClassification) changed.push("awaitingClassification" as never);
  if (changed.length === 0) return;
  db().transaction((tx) => {
    tx.update(signals).set({ ...columns, awaitingClassification: false, updatedAt: now() }).where(eq(signals.id, id)).run();
    writeTriggers(tx, id, input.triggers);
    recordEvent(tx, id, actor, "classification", { fields: changed });
    audit(actor, "signal.classified", { type: "signal", id }, { fields: changed }, tx);
  });
}

/** The region a signal was recorded with (to start a trajectory from it); no confidential text. */
export function signalRegion(id: number): string | undefined {
  return db().select({ regionCode: signals.regionCode }).from(signals).where(eq(signals.id, id)).get()?.regionCode;
}

export function changeStatus(id: number, to: SignalStatus, actor: Actor): void {
  const before = requireSignalRow(id);
  if (!canTransition(before.status, to)) {
    throw new DomainError("SIGNAL.STATUS_NOT_ALLOWED", "Deze statuswijziging is niet mogelijk vanuit de huidige status.");
  }
  db().transaction((tx) => writeStatus(tx, id, before.status, to, actor));
}

/** The status change itself, inside the caller's transaction (which has checked that it is allowed). */
export function writeStatus(tx: Tx, id: number, from: SignalStatus, to: SignalStatus, actor: Actor): void {
  tx.update(signals).set({ status: to, updatedAt: now() }).where(eq(signals.id, id)).run();
  recordEvent(tx, id, actor, "status", { from, to });
  audit(actor, "signal.status_changed", { type: "signal", id }, { from, to }, tx);
}

/**
 * Adds a note unless it repeats one: `after` is the newest note id the form was shown with, so the same text by the
 * same author saved after that is a second send of the same form (a double click, a resent request), not a new note.
 * Checked inside the write transaction, so parallel sends add it once. Returns whether a note was added.
 */
export function addNote(id: number, body: string, actor: Actor, after?: number): boolean {
  requireSignalRow(id);
  return db().transaction((tx) => {
    if (after !== undefined) {
      const newer = tx
        .select({ bodySealed: signalNotes.bodySealed })
        .from(signalNotes)
        .where(and(eq(signalNotes.signalId, id), gt(signalNotes.id, after), actor.userId === null ? isNull(signalNotes.authorId) : eq(signalNotes.authorId, actor.userId)))
        .all();
      if (newer.some((note) => unseal(note.bodySealed, "note") === body)) return false;
    }
    tx.insert(signalNotes).values({ signalId: id, at: now(), authorId: actor.userId, bodySealed: seal(body, "note") ?? "" }).run();
    recordEvent(tx, id, actor, "note");
    audit(actor, "signal.note_added", { type: "signal", id }, undefined, tx);
    return true;
  });
}

export function assignSignal(id: number, assignedTo: number | null, actor: Actor): void {
  const before = requireSignalRow(id);
  if (assignedTo !== null && !assignableStaff().some((u) => u.id === assignedTo)) {
    throw new DomainError("SIGNAL.ASSIGNEE_NOT_ALLOWED", "Kies een actieve intermediair.", "assignedTo");
  }
  if (before.assignedTo === assignedTo) return;
  db().transaction((tx) => {
    tx.update(signals).set({ assignedTo, updatedAt: now() }).where(eq(signals.id, id)).run();
    recordEvent(tx, id, actor, "assignment", { to: assignedTo });
    audit(actor, "signal.assigned", { type: "signal", id }, { to: assignedTo }, tx);
  });
}

/** Only intermediaries may hold a signal: nobody else may read it. */
export function assignableStaff() {
  return db()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(sql`${users.disabledAt} is null`, sql`exists (select 1 from user_roles r where r.user_id = ${users.id} and r.role = 'intermediary')`))
    .orderBy(asc(users.name))
    .all();
}

