import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { associations, municipalities, regions, regionTableUploads } from "../../db/schema";
import { parseCsvRecords } from "~/domain/csv";
import { DomainError } from "~/domain/errors";
import { parseCbsGebiedenCsv, parseShippedRegionCsv, type RegionTable, type TableIssue } from "~/domain/region-table";
import { diffRegionTables, type RegionTableDiff } from "~/domain/region-table-diff";
import { db, type Tx } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";

const REFERENCE_DIR = path.resolve(process.cwd(), "db/reference");

/** The shipped 2024 table (see README): loaded once, into an empty database. */
export function loadShippedReferenceData(): void {
  const database = db();
  if (!database.select({ code: regions.code }).from(regions).limit(1).get()) {
    const text = fs.readFileSync(path.join(REFERENCE_DIR, "jeugdregios.csv"), "utf8");
    const parsed = parseShippedRegionCsv(text);
    if ("issues" in parsed) throw new Error(`db/reference/jeugdregios.csv is ongeldig (regel ${parsed.issues[0]?.line}).`);
    const uncertain = new Set(
      parseCsvRecords(text)
        .filter((r) => r.certainty === "near_border")
        .map((r) => r.municipality_code ?? ""),
    );
    database.transaction((tx) => writeTable(tx, parsed.table, uncertain));
  }
  if (!database.select({ code: associations.code }).from(associations).limit(1).get()) {
    const rows = parseCsvRecords(fs.readFileSync(path.join(REFERENCE_DIR, "associations.csv"), "utf8"));
    database.insert(associations).values(rows.map((r) => ({ code: r.code ?? "", name: r.name ?? "" }))).run();
  }
}

/**
 * The active regions and municipalities for forms. Every form page (and every public report) needs them, and they
 * change only when an admin changes them, so they are kept in memory until then.
 */
let optionsCache: { regions: { code: string; name: string }[]; municipalities: { code: string; name: string; regionCode: string }[] } | undefined;

export function regionAndMunicipalityOptions() {
  optionsCache ??= {
    regions: db().select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.active, true)).orderBy(asc(regions.name)).all(),
    municipalities: db()
      .select({ code: municipalities.code, name: municipalities.name, regionCode: municipalities.regionCode })
      .from(municipalities)
      .where(eq(municipalities.active, true))
      .orderBy(asc(municipalities.name))
      .all(),
  };
  return optionsCache;
}

/** Upserts a whole table: regions and municipalities it names become active, the others inactive (never deleted). */
function writeTable(tx: Tx, table: RegionTable, needsCheck: Set<string> = new Set()): void {
  optionsCache = undefined;
  tx.update(regions).set({ active: false }).run();
  tx.update(municipalities).set({ active: false }).run();
  const regionNames = new Map(table.rows.map((r) => [r.regionCode, r.regionName]));
  for (const [code, name] of regionNames) {
    tx.insert(regions).values({ code, name, active: true }).onConflictDoUpdate({ target: regions.code, set: { name, active: true } }).run();
  }
  for (const row of table.rows) {
    const values = {
      name: row.municipalityName,
      regionCode: row.regionCode,
      active: true,
      needsCheck: needsCheck.has(row.municipalityCode),
    };
    tx.insert(municipalities)
      .values({ code: row.municipalityCode, ...values })
      .onConflictDoUpdate({ target: municipalities.code, set: values })
      .run();
  }
}

export function currentRegionTable(): RegionTable {
  const rows = db()
    .select({
      regionCode: municipalities.regionCode,
      regionName: regions.name,
      municipalityCode: municipalities.code,
      municipalityName: municipalities.name,
    })
    .from(municipalities)
    .innerJoin(regions, eq(regions.code, municipalities.regionCode))
    .where(eq(municipalities.active, true))
    .orderBy(asc(municipalities.regionCode), asc(municipalities.code))
    .all();
  return { rows };
}

export function listRegions() {
  return db()
    .select({
      code: regions.code,
      name: regions.name,
      active: regions.active,
      municipalityCount: sql<number>`count(${municipalities.code})`,
      needsCheckCount: sql<number>`coalesce(sum(${municipalities.needsCheck}), 0)`,
    })
    .from(regions)
    .leftJoin(municipalities, and(eq(municipalities.regionCode, regions.code), eq(municipalities.active, true)))
    .groupBy(regions.code)
    .orderBy(asc(regions.code))
    .all();
}

/** Municipalities near a region border whose region an admin has not yet confirmed ("grensgeval"). */
export function borderMunicipalityCount(): number {
  return (
    db()
      .select({ n: sql<number>`count(*)` })
      .from(municipalities)
      .where(and(eq(municipalities.active, true), eq(municipalities.needsCheck, true)))
      .get()?.n ?? 0
  );
}

export function getRegion(code: string) {
  const region = db().select().from(regions).where(eq(regions.code, code)).get();
  if (!region) return undefined;
  const members = db()
    .select()
    .from(municipalities)
    .where(and(eq(municipalities.regionCode, code), eq(municipalities.active, true)))
    .orderBy(asc(municipalities.name))
    .all();
  return { ...region, municipalities: members };
}

export function listAssociations() {
  return db().select().from(associations).orderBy(asc(associations.code)).all();
}

/** Moves one municipality; signals recorded earlier keep the region they were recorded with. */
export function moveMunicipality(municipalityCode: string, toRegionCode: string, actor: Actor): void {
  const municipality = db().select().from(municipalities).where(eq(municipalities.code, municipalityCode)).get();
  if (!municipality) throw new DomainError("REFERENCE.MUNICIPALITY_NOT_FOUND", "Deze gemeente bestaat niet.");
  const target = db().select().from(regions).where(and(eq(regions.code, toRegionCode), eq(regions.active, true))).get();
  if (!target) throw new DomainError("REFERENCE.REGION_NOT_FOUND", "Kies een bestaande, actieve regio.", "regionCode");
  if (target.code === municipality.regionCode) {
    throw new DomainError("REFERENCE.SAME_REGION", "De gemeente hoort al bij deze regio.", "regionCode");
  }
  optionsCache = undefined;
  db().transaction((tx) => {
    tx.update(municipalities).set({ regionCode: target.code, needsCheck: false }).where(eq(municipalities.code, municipalityCode)).run();
    audit(actor, "reference.municipality_moved", { type: "municipality", id: municipalityCode }, {
      from: municipality.regionCode,
      to: target.code,
    }, tx);
  });
}

export type StagedTable =
  | { id: number; fileName: string; uploadedAt: string; applied: boolean; issues: TableIssue[] }
  | { id: number; fileName: string; uploadedAt: string; applied: boolean; diff: RegionTableDiff; table: RegionTable };

function parseUpload(content: string) {
  // Our own shipped layout is recognised by its header; anything else is read as a CBS "Gebieden in Nederland" table.
  return /^\uFEFF?region_code\s*,/i.test(content) ? parseShippedRegionCsv(content) : parseCbsGebiedenCsv(content);
}

/** Keeps an uploaded table for the preview; nothing changes until the admin applies it. */
export function stageRegionTable(fileName: string, content: string, actor: Actor & { userId: number }): number {
  return db().transaction((tx) => {
    const row = tx
      .insert(regionTableUploads)
      .values({ uploadedBy: actor.userId, uploadedAt: new Date().toISOString(), fileName: fileName.slice(0, 200), content })
      .returning({ id: regionTableUploads.id })
      .get();
    audit(actor, "reference.table_uploaded", { type: "region_table_upload", id: row.id }, undefined, tx);
    return row.id;
  });
}

export function previewStagedTable(id: number): StagedTable | undefined {
  const upload = db().select().from(regionTableUploads).where(eq(regionTableUploads.id, id)).get();
  if (!upload) return undefined;
  const base = { id, fileName: upload.fileName, uploadedAt: upload.uploadedAt, applied: upload.appliedAt !== null };
  const parsed = parseUpload(upload.content);
  if ("issues" in parsed) return { ...base, issues: parsed.issues };
  return { ...base, table: parsed.table, diff: diffRegionTables(currentRegionTable(), parsed.table) };
}

/** Applies a previewed table in one transaction, audited with the counts of what changed. */
export function applyStagedTable(id: number, actor: Actor): RegionTableDiff {
  const staged = previewStagedTable(id);
  if (!staged) throw new DomainError("REFERENCE.UPLOAD_NOT_FOUND", "Deze upload bestaat niet.");
  if (staged.applied) throw new DomainError("REFERENCE.ALREADY_APPLIED", "Deze tabel is al toegepast.");
  if ("issues" in staged) throw new DomainError("REFERENCE.INVALID_TABLE", "Deze tabel bevat fouten en kan niet worden toegepast.");
  db().transaction((tx) => {
    writeTable(tx, staged.table);
    tx.update(regionTableUploads)
      .set({ appliedAt: new Date().toISOString() })
      .where(and(eq(regionTableUploads.id, id), isNull(regionTableUploads.appliedAt)))
      .run();
    audit(actor, "reference.table_applied", { type: "region_table_upload", id }, {
      regionsAdded: staged.diff.regionsAdded.length,
      regionsInactive: staged.diff.regionsNoLongerPresent.length,
      municipalitiesMoved: staged.diff.municipalitiesMoved.length,
      municipalitiesAdded: staged.diff.municipalitiesAdded.length,
      municipalitiesRemoved: staged.diff.municipalitiesRemoved.length,
    }, tx);
  });
  return staged.diff;
}

/** Every region's name by code, former regions included: old reports still name the regions of their year. */
export function regionNames(): Record<string, string> {
  return Object.fromEntries(db().select({ code: regions.code, name: regions.name }).from(regions).all().map((r) => [r.code, r.name]));
}
