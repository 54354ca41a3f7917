import { and, eq, inArray, isNull } from "drizzle-orm";
import { municipalities, procurementMilestones, regions, tendernedAliases, tendernedMilestones, tendernedPublications } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import { authorityIndex, authorityKey, DEFAULT_YOUTH_CARE, isYouthCare, matchAuthority, milestonesOf, type AuthorityIndex, type YouthCareSettings } from "~/domain/tenderned-match";
import { publicationContent, type Publication } from "~/domain/tenderned-rows";
import { db, type Tx } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { writeMilestone } from "./procurement.server";
import { getSetting, setSetting } from "./settings.server";

const CPV_SETTING = "tenderned.cpv_codes";
const WORDS_SETTING = "tenderned.words";

export function youthCareSettings(): YouthCareSettings {
  const read = (key: string, fallback: string[]) => {
    const value = getSetting(key);
    return value === undefined ? fallback : (JSON.parse(value) as string[]);
  };
  return { cpvCodes: read(CPV_SETTING, DEFAULT_YOUTH_CARE.cpvCodes), words: read(WORDS_SETTING, DEFAULT_YOUTH_CARE.words) };
}

/** Applies to notices read from now on; notices already read keep their verdict until they change. */
export function saveYouthCareSettings(settings: YouthCareSettings, actor: Actor): void {
  db().transaction((tx) => {
    setSetting(CPV_SETTING, JSON.stringify(settings.cpvCodes.map((c) => c.replace(/-\d$/, ""))), tx);
    setSetting(WORDS_SETTING, JSON.stringify(settings.words), tx);
    audit(actor, "tenderned.settings_changed", null, { cpvCodes: settings.cpvCodes.length, words: settings.words.length }, tx);
  });
}

function currentAuthorities(tx: Tx): AuthorityIndex {
  return authorityIndex(
    tx.select({ code: municipalities.code, name: municipalities.name, regionCode: municipalities.regionCode }).from(municipalities).where(eq(municipalities.active, true)).all(),
    tx.select({ nameKey: tendernedAliases.nameKey, regionCode: tendernedAliases.regionCode }).from(tendernedAliases).all(),
  );
}

/** The contents already stored for these notices: a notice whose content is equal needs no detail and no write. */
export function storedContents(ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db().select({ id: tendernedPublications.publicatieId, content: tendernedPublications.content }).from(tendernedPublications).where(inArray(tendernedPublications.publicatieId, [...ids])).all();
  return new Map(rows.map((r) => [r.id, r.content]));
}

export type StoreCounts = { read: number; youthCare: number; matched: number; unassigned: number; milestonesChanged: number };

const MAX_NOTE = 2000;

/**
 * Each milestone of a matched notice, through the same path as one made by hand (writeMilestone): a new or changed
 * one raises "herbeoordeling nodig" on the region's running trajectories. Keyed on the procurement and the kind, so a
 * rectification moves the deadline of its announcement instead of adding a second one.
 */
function placeInRegion(tx: Tx, p: Publication, regionCode: string, actor: Actor): number {
  let changed = 0;
  for (const spec of milestonesOf(p)) {
    const values = { regionCode, kind: spec.kind, dueOn: spec.dueOn, title: p.title, reference: p.link ?? `TenderNed ${p.publicatieId}`, note: p.description.slice(0, MAX_NOTE) || undefined };
    const link = tx
      .select({ milestoneId: tendernedMilestones.milestoneId, dueOn: procurementMilestones.dueOn, title: procurementMilestones.title, reference: procurementMilestones.reference, note: procurementMilestones.note })
      .from(tendernedMilestones)
      .innerJoin(procurementMilestones, eq(procurementMilestones.id, tendernedMilestones.milestoneId))
      .where(and(eq(tendernedMilestones.procurementKey, p.procurementKey), eq(tendernedMilestones.regionCode, regionCode), eq(tendernedMilestones.kind, spec.kind)))
      .get();
    if (link && link.dueOn === values.dueOn && link.title === values.title && link.reference === values.reference && link.note === (values.note ?? null)) continue;
    const { id } = writeMilestone(tx, { ...values, id: link?.milestoneId }, actor);
    if (!link) tx.insert(tendernedMilestones).values({ procurementKey: p.procurementKey, regionCode, kind: spec.kind, milestoneId: id }).run();
    changed++;
  }
  return changed;
}

/** Stores notices (new or changed; unchanged ones are skipped) and places the youth-care ones in their region. */
export function storePublications(tx: Tx, publications: readonly Publication[], settings: YouthCareSettings, actor: Actor): StoreCounts {
  const counts: StoreCounts = { read: publications.length, youthCare: 0, matched: 0, unassigned: 0, milestonesChanged: 0 };
  const authorities = currentAuthorities(tx);
  const at = new Date().toISOString();
  for (const p of publications) {
    const content = publicationContent(p);
    const stored = tx.select({ content: tendernedPublications.content }).from(tendernedPublications).where(eq(tendernedPublications.publicatieId, p.publicatieId)).get();
    if (stored?.content === content) continue;
    const youthCare = isYouthCare(p, settings);
    const region = youthCare ? matchAuthority(p.authority, authorities) : null;
    const values = {
      procurementKey: p.procurementKey,
      publishedOn: p.publishedOn,
      typeCode: p.typeCode,
      typeLabel: p.typeLabel,
      title: p.title,
      authority: p.authority,
      description: p.description,
      closingOn: p.closingOn,
      link: p.link,
      cpvCodes: p.cpvCodes.join(" "),
      content,
      youthCare,
      regionCode: region?.regionCode ?? null,
      updatedAt: at,
    };
    tx.insert(tendernedPublications).values({ publicatieId: p.publicatieId, firstSeenAt: at, ...values }).onConflictDoUpdate({ target: tendernedPublications.publicatieId, set: values }).run();
    if (!youthCare) continue;
    counts.youthCare++;
    if (!region) {
      counts.unassigned++;
      continue;
    }
    counts.matched++;
    counts.milestonesChanged += placeInRegion(tx, p, region.regionCode, actor);
  }
  return counts;
}

function asPublication(row: typeof tendernedPublications.$inferSelect): Publication {
  return { ...row, procedureCode: null, cpvCodes: row.cpvCodes ? row.cpvCodes.split(" ") : [] };
}

/**
 * One click on "nog toe te wijzen": the authority's name becomes an alias of the region, so its later notices match by
 * themselves, and every waiting youth-care notice of that authority is placed in the region now.
 */
export function assignAuthority(input: { authority: string; regionCode: string }, actor: Actor): { publications: number; milestonesChanged: number } {
  const nameKey = authorityKey(input.authority);
  if (!nameKey) throw new DomainError("TENDERNED.NO_AUTHORITY", "Deze publicatie noemt geen aanbestedende dienst.");
  return db().transaction((tx) => {
    if (!tx.select({ code: regions.code }).from(regions).where(eq(regions.code, input.regionCode)).get()) {
      throw new DomainError("PROCUREMENT.UNKNOWN_REGION", "Deze regio bestaat niet.", "regionCode");
    }
    tx.insert(tendernedAliases)
      .values({ nameKey, name: input.authority, regionCode: input.regionCode, createdBy: actor.userId, createdAt: new Date().toISOString() })
      .onConflictDoUpdate({ target: tendernedAliases.nameKey, set: { regionCode: input.regionCode, name: input.authority } })
      .run();
    const waiting = tx
      .select()
      .from(tendernedPublications)
      .where(and(eq(tendernedPublications.youthCare, true), isNull(tendernedPublications.regionCode)))
      .all()
      .filter((row) => authorityKey(row.authority) === nameKey);
    let milestonesChanged = 0;
    for (const row of waiting) {
      tx.update(tendernedPublications).set({ regionCode: input.regionCode }).where(eq(tendernedPublications.publicatieId, row.publicatieId)).run();
      milestonesChanged += placeInRegion(tx, asPublication(row), input.regionCode, actor);
    }
    audit(actor, "tenderned.assigned", { type: "region", id: input.regionCode }, { publications: waiting.length, milestones: milestonesChanged }, tx);
    return { publications: waiting.length, milestonesChanged };
  });
}

/** Later publications of the body wait in "nog toe te wijzen" again; milestones it already placed stay where they are. */
export function removeAlias(nameKey: string, actor: Actor): void {
  db().transaction((tx) => {
    const removed = tx.delete(tendernedAliases).where(eq(tendernedAliases.nameKey, nameKey)).returning({ regionCode: tendernedAliases.regionCode }).get();
    if (!removed) throw new DomainError("TENDERNED.NO_AUTHORITY", "Deze aanbestedende dienst heeft geen vaste regio (meer).");
    audit(actor, "tenderned.alias_removed", { type: "region", id: removed.regionCode }, undefined, tx);
  });
}

export function aliases() {
  return db()
    .select({ nameKey: tendernedAliases.nameKey, name: tendernedAliases.name, regionCode: tendernedAliases.regionCode, regionName: regions.name })
    .from(tendernedAliases)
    .innerJoin(regions, eq(regions.code, tendernedAliases.regionCode))
    .orderBy(tendernedAliases.name)
    .all();
}
