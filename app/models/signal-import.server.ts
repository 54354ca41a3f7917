import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { importBatches, municipalities, regions, signalNotes, signals, users } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import { parseSignalSheet, type CsvIssue, type ReferenceLookup, type SignalRecord } from "~/domain/signal-csv";
import { normaliseLabel } from "~/domain/import-sheet";
import { CLASSIFICATION_FIELDS, columnNameOf } from "~/domain/signal-classification";
import { db, type Tx } from "~/utils/db.server";
import { recentMemo } from "~/utils/recent-memo.server";
import { audit, type Actor } from "./audit.server";
import { removeSignals } from "./signal-erasure.server";
import { seal } from "./sealed.server";
import { formatDate } from "~/domain/dates-nl";
import { readUpload, sheetOfUploadText, type UploadSheet } from "~/utils/upload-sheet.server";

/**
 * The region table as the import validation needs it, read once per import. Names are matched as a person types them
 * (any case, accents optional), a region also without its bracketed part ("Friesland" for "Friesland (Fryslân)").
 */
export function referenceLookup(): ReferenceLookup {
  const regionRows = db().select({ code: regions.code, name: regions.name }).from(regions).all();
  const municipalityRows = db().select({ code: municipalities.code, name: municipalities.name, regionCode: municipalities.regionCode }).from(municipalities).all();
  const regionCodes = new Set(regionRows.map((r) => r.code));
  const regionOf = new Map(municipalityRows.map((m) => [m.code, m.regionCode]));
  const byName = { region: new Map<string, string>(), municipality: new Map<string, string>() };
  for (const { code, name } of regionRows) {
    byName.region.set(normaliseLabel(name), code);
    const short = name.replace(/\s*\(.*\)\s*$/, "");
    if (!byName.region.has(normaliseLabel(short))) byName.region.set(normaliseLabel(short), code);
  }
  for (const { code, name } of municipalityRows) byName.municipality.set(normaliseLabel(name), code);
  return {
    regionExists: (code) => regionCodes.has(code),
    regionOfMunicipality: (code) => regionOf.get(code),
    codeOfName: (kind, name) => byName[kind].get(normaliseLabel(name)),
  };
}

export type ImportCheck =
  | { ok: false; issues: CsvIssue[] }
  | { ok: true; records: SignalRecord[]; duplicateOf: { id: number; importedAt: string; rowCount: number } | undefined };

/** The latest import of the same file that is still in place: importing it again would make every signal twice. */
function earlierImportOf(hash: string, tx: Tx | ReturnType<typeof db> = db()) {
  return tx
    .select({ id: importBatches.id, importedAt: importBatches.importedAt, rowCount: importBatches.rowCount })
    .from(importBatches)
    .where(and(eq(importBatches.kind, "signals"), eq(importBatches.fileHash, hash), isNull(importBatches.undoneAt)))
    .orderBy(desc(importBatches.id))
    .get();
}

/** A file as the imports take it: the text of a CSV, or an upload read by readUpload (CSV in any encoding, .xlsx). */
export type ImportSource = string | UploadSheet;

function sheetOf(source: ImportSource): UploadSheet {
  return typeof source === "string" ? sheetOfUploadText(source) : source;
}

/** Validates a file and looks for an earlier import of the same file that is still in place. */
export function checkImport(source: ImportSource): ImportCheck {
  const upload = sheetOf(source);
  if ("issues" in upload) return { ok: false, issues: upload.issues };
  const parsed = parseSignalSheet(upload.sheet, referenceLookup());
  if ("issues" in parsed) return { ok: false, issues: parsed.issues };
  return { ok: true, records: parsed.records, duplicateOf: earlierImportOf(upload.hash) };
}

const STAGED_COLUMNS = [...CLASSIFICATION_FIELDS.map(columnNameOf), "summary_sealed"].join(", ");

/**
 * Step one: every row parsed, validated and sealed into temporary tables of this connection. They live in memory
 * (temp_store) and writing them takes no lock on the database file, so this CPU work never holds up another writer.
 */
function stage(records: readonly SignalRecord[]): void {
  const sqlite = db().$client;
  sqlite.exec(`drop table if exists temp.import_rows; drop table if exists temp.import_triggers;
    create temp table import_rows (n integer primary key, ${STAGED_COLUMNS});
    create temp table import_triggers (n integer not null, "trigger" text not null);`);
  const insertRow = sqlite.prepare(`insert into temp.import_rows (n, ${STAGED_COLUMNS}) values (?, ${CLASSIFICATION_FIELDS.map(() => "?").join(", ")}, ?)`);
  const insertTrigger = sqlite.prepare(`insert into temp.import_triggers (n, "trigger") values (?, ?)`);
  // Sealed first: the first seal of a fresh database writes its key check, which must not happen inside this transaction.
  const summaries = records.map((r) => seal(r.summary, "summary"));
  sqlite
    .transaction(() => {
      records.forEach((r, i) => {
        insertRow.run(i + 1, ...CLASSIFICATION_FIELDS.map((field) => r[field]), summaries[i]);
        for (const trigger of r.triggers) insertTrigger.run(i + 1, trigger);
      });
    })
    .deferred();
}

function dropStaged(): void {
  db().$client.exec("drop table if exists temp.import_rows; drop table if exists temp.import_triggers;");
}

const previews = recentMemo<number, Promise<ImportCheck>>({ size: 4, ttlMs: 10 * 60_000 });

/**
 * The check behind the preview of a staged upload, made once and reused while the intermediary pages through it (a
 * file at the upload limit takes seconds). Confirming the import checks the file again against the database as it is.
 */
export function previewCheck(uploadId: number, bytes: Uint8Array): Promise<ImportCheck> {
  return previews(uploadId, async () => checkImport(await readUpload(bytes)));
}

/**
 * Imports every row of the file as one batch, all rows or none, in two steps: the rows are staged (parsed, validated,
 * sealed) without any lock, then published in one transaction that holds the write lock for set-based inserts only
 * (about 1 s per 100,000 rows here), which the server's requests wait out instead of failing. The duplicate check
 * runs again inside that transaction: two imports of one file at once cannot both pass it.
 */
export function importSignals(
  source: ImportSource,
  fileName: string,
  actor: Actor,
  options: { allowDuplicate: boolean } = { allowDuplicate: false },
): { batchId: number; count: number } {
  const upload = sheetOf(source);
  const check = checkImport(upload);
  if (!check.ok || "issues" in upload) throw new DomainError("IMPORT.INVALID", `Het bestand bevat ${check.ok ? 0 : check.issues.length} fouten; er is niets geïmporteerd.`);
  const hash = upload.hash;
  const refuseDuplicate = (earlier: ReturnType<typeof earlierImportOf>) => {
    if (!earlier || options.allowDuplicate) return;
    throw new DomainError(
      "IMPORT.DUPLICATE",
      `Dit bestand is al geïmporteerd op ${formatDate(earlier.importedAt)} (${earlier.rowCount} signalen). Nogmaals importeren maakt dubbele signalen.`,
    );
  };
  refuseDuplicate(check.duplicateOf);
  const at = new Date().toISOString();
  const sqlite = db().$client;
  try {
    stage(check.records);
    return db().transaction((tx) => {
      refuseDuplicate(earlierImportOf(hash, tx));
      const batch = tx
        .insert(importBatches)
        .values({ kind: "signals", fileName: fileName.slice(0, 200), fileHash: hash, rowCount: check.records.length, importedAt: at, importedBy: actor.userId })
        .returning({ id: importBatches.id })
        .get();
      // Ids follow on from the highest ever given (AUTOINCREMENT), so staged row n becomes signal base + n.
      const base = (sqlite.prepare("select coalesce((select seq from sqlite_sequence where name = 'signals'), 0) as seq").get() as { seq: number }).seq;
      sqlite
        .prepare(
          `insert into signals (id, ${STAGED_COLUMNS}, import_batch_id, created_by, created_at, updated_at)
           select ? + n, ${STAGED_COLUMNS}, ?, ?, ?, ? from temp.import_rows order by n`,
        )
        .run(base, batch.id, actor.userId, at, at);
      sqlite.prepare(`insert or ignore into signal_triggers (signal_id, "trigger") select ? + n, "trigger" from temp.import_triggers`).run(base);
      sqlite
        .prepare("insert into signal_events (signal_id, at, user_id, kind, detail) select ? + n, ?, ?, 'created', ? from temp.import_rows order by n")
        .run(base, at, actor.userId, JSON.stringify({ batch: batch.id }));
      audit(actor, "signal.imported", { type: "import_batch", id: batch.id }, { count: check.records.length }, tx);
      return { batchId: batch.id, count: check.records.length };
    });
  } finally {
    dropStaged();
  }
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
  // A published batch never gains signals, so its ids can be read before the transaction.
  const ids = db().select({ id: signals.id }).from(signals).where(eq(signals.importBatchId, batchId)).all().map((r) => r.id);
  removeSignals(ids, (tx) => {
    // Checked again under the write lock: two undos at once remove the batch once.
    if (tx.select({ undoneAt: importBatches.undoneAt }).from(importBatches).where(eq(importBatches.id, batchId)).get()?.undoneAt) {
      throw new DomainError("IMPORT.ALREADY_UNDONE", "Deze import is al ongedaan gemaakt.");
    }
    tx.update(importBatches).set({ undoneAt: new Date().toISOString() }).where(eq(importBatches.id, batchId)).run();
    audit(actor, "signal.import_undone", { type: "import_batch", id: batchId }, { count: ids.length }, tx);
  });
  return ids.length;
}
