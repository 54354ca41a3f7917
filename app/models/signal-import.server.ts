import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { importBatches, municipalities, regions, signalNotes, signals, signalTriggers, users } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import { fileHash, parseSignalsCsv, type CsvIssue, type ReferenceLookup, type SignalRecord } from "~/domain/signal-csv";
import { TRIGGERS } from "~/domain/signal-codes";
import { db } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { seal, unseal } from "./signal.server";
import { formatDate } from "~/domain/dates-nl";

/** The region table as the CSV validation needs it, read once per import. */
export function referenceLookup(): ReferenceLookup {
  const regionCodes = new Set(db().select({ code: regions.code }).from(regions).all().map((r) => r.code));
  const regionOf = new Map(
    db()
      .select({ code: municipalities.code, regionCode: municipalities.regionCode })
      .from(municipalities)
      .all()
      .map((m) => [m.code, m.regionCode]),
  );
  return { regionExists: (code) => regionCodes.has(code), regionOfMunicipality: (code) => regionOf.get(code) };
}

export type ImportCheck =
  | { ok: false; issues: CsvIssue[] }
  | { ok: true; records: SignalRecord[]; duplicateOf: { id: number; importedAt: string; rowCount: number } | undefined };

/** Validates a file and looks for an earlier import of the same file that is still in place. */
export function checkImport(text: string): ImportCheck {
  const parsed = parseSignalsCsv(text, referenceLookup());
  if ("issues" in parsed) return { ok: false, issues: parsed.issues };
  const duplicateOf = db()
    .select({ id: importBatches.id, importedAt: importBatches.importedAt, rowCount: importBatches.rowCount })
    .from(importBatches)
    .where(and(eq(importBatches.kind, "signals"), eq(importBatches.fileHash, fileHash(text)), isNull(importBatches.undoneAt)))
    .orderBy(desc(importBatches.id))
    .get();
  return { ok: true, records: parsed.records, duplicateOf };
}

/**
 * Imports every row of the file in one transaction, as one batch: all rows or none. A file imported before is refused
 * unless the caller confirms the duplicate.
 */
export function importSignals(
  text: string,
  fileName: string,
  actor: Actor,
  options: { allowDuplicate: boolean } = { allowDuplicate: false },
): { batchId: number; count: number } {
  const check = checkImport(text);
  if (!check.ok) throw new DomainError("IMPORT.INVALID", `Het bestand bevat ${check.issues.length} fouten; er is niets geïmporteerd.`);
  if (check.duplicateOf && !options.allowDuplicate) {
    throw new DomainError(
      "IMPORT.DUPLICATE",
      `Dit bestand is al geïmporteerd op ${formatDate(check.duplicateOf.importedAt)} (${check.duplicateOf.rowCount} signalen). Nogmaals importeren maakt dubbele signalen.`,
    );
  }
  const at = new Date().toISOString();
  const sqlite = db().$client;
  // Prepared statements: an import of 100,000 rows spends its time here, not in building queries.
  const insertSignal = sqlite.prepare(
    `insert into signals (received_on, channel, requester_type, referred_by, region_code, municipality_code, association, topic,
       procurement_phase, procedure, funding, segment, status, summary_sealed, import_batch_id, created_by, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTrigger = sqlite.prepare("insert or ignore into signal_triggers (signal_id, trigger) values (?, ?)");
  const insertEvent = sqlite.prepare("insert into signal_events (signal_id, at, user_id, kind, detail) values (?, ?, ?, 'created', ?)");
  return db().transaction((tx) => {
    const batch = tx
      .insert(importBatches)
      .values({ kind: "signals", fileName: fileName.slice(0, 200), fileHash: fileHash(text), rowCount: check.records.length, importedAt: at, importedBy: actor.userId })
      .returning({ id: importBatches.id })
      .get();
    const eventDetail = JSON.stringify({ batch: batch.id });
    for (const r of check.records) {
      const signalId = insertSignal.run(
        r.receivedOn, r.channel, r.requesterType, r.referredBy, r.regionCode, r.municipalityCode, r.association, r.topic,
        r.procurementPhase, r.procedure, r.funding, r.segment, r.status, seal(r.summary, "summary"), batch.id, actor.userId, at, at,
      ).lastInsertRowid;
      for (const trigger of r.triggers) insertTrigger.run(signalId, trigger);
      insertEvent.run(signalId, at, actor.userId, eventDetail);
    }
    audit(actor, "signal.imported", { type: "import_batch", id: batch.id }, { count: check.records.length }, tx);
    return { batchId: batch.id, count: check.records.length };
  });
}

export function listImportBatches() {
  return db()
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      rowCount: importBatches.rowCount,
      importedAt: importBatches.importedAt,
      importedBy: users.name,
      undoneAt: importBatches.undoneAt,
    })
    .from(importBatches)
    .leftJoin(users, eq(users.id, importBatches.importedBy))
    .where(eq(importBatches.kind, "signals"))
    .orderBy(desc(importBatches.id))
    .all();
}

/** Signals of a batch that someone worked on since the import: undoing the batch would throw that work away. */
export function editedSinceImport(batchId: number): number {
  return (
    db()
      .select({ n: sql<number>`count(*)` })
      .from(signals)
      .where(
        and(
          eq(signals.importBatchId, batchId),
          sql`(${signals.updatedAt} > ${signals.createdAt} or exists (select 1 from ${signalNotes} n where n.signal_id = ${signals.id}) or ${signals.assignedTo} is not null)`,
        ),
      )
      .get()?.n ?? 0
  );
}

/** Removes every signal of the batch in one transaction; the batch itself stays, marked as undone, for the record. */
export function undoImportBatch(batchId: number, actor: Actor): number {
  const batch = db().select().from(importBatches).where(eq(importBatches.id, batchId)).get();
  if (!batch || batch.kind !== "signals") throw new DomainError("IMPORT.NOT_FOUND", "Deze import bestaat niet.");
  if (batch.undoneAt) throw new DomainError("IMPORT.ALREADY_UNDONE", "Deze import is al ongedaan gemaakt.");
  return db().transaction((tx) => {
    const ids = tx.select({ id: signals.id }).from(signals).where(eq(signals.importBatchId, batchId)).all().map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) tx.delete(signals).where(inArray(signals.id, ids.slice(i, i + 500))).run();
    tx.update(importBatches).set({ undoneAt: new Date().toISOString() }).where(eq(importBatches.id, batchId)).run();
    audit(actor, "signal.import_undone", { type: "import_batch", id: batchId }, { count: ids.length }, tx);
    return ids.length;
  });
}

/** The rows behind an export, in the order of `ids`; the summary is opened only when the export includes it. */
export function exportRecords(ids: number[], includeSummary: boolean): SignalRecord[] {
  const records = new Map<number, SignalRecord>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const triggerRows = db().select().from(signalTriggers).where(inArray(signalTriggers.signalId, chunk)).all();
    for (const row of db().select().from(signals).where(inArray(signals.id, chunk)).all()) {
      records.set(row.id, {
        receivedOn: row.receivedOn,
        channel: row.channel,
        requesterType: row.requesterType,
        referredBy: row.referredBy,
        regionCode: row.regionCode,
        municipalityCode: row.municipalityCode,
        association: row.association,
        topic: row.topic,
        procurementPhase: row.procurementPhase,
        triggers: triggerRows
          .filter((t) => t.signalId === row.id)
          .map((t) => t.trigger)
          .sort((a, b) => TRIGGERS.indexOf(a) - TRIGGERS.indexOf(b)),
        procedure: row.procedure,
        funding: row.funding,
        segment: row.segment,
        status: row.status,
        summary: includeSummary ? unseal(row.summarySealed, "summary") : null,
      });
    }
  }
  return ids.flatMap((id) => records.get(id) ?? []);
}
