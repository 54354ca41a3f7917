import { and, asc, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { regions, tendernedPublications, trajectories } from "../../db/schema";
import { can } from "~/domain/permissions";
import { authorityKey } from "~/domain/tenderned-match";
import { PROCUREMENT_PAGE_SIZE, type ProcurementFilters } from "~/domain/tenderned-filters";
import { db } from "~/utils/db.server";
import { assignedTo } from "./trajectory-list.server";
import type { Viewer } from "./trajectory.server";

/** The regions whose publications the viewer reads: all (and the unassigned) for the intermediary, else their own. */
function visibleTo(viewer: Viewer): SQL | undefined {
  if (can(viewer.roles, "procurement.readAny")) return undefined;
  if (!can(viewer.roles, "procurement.readOwn")) return sql`0`;
  const own = db().selectDistinct({ code: trajectories.regionCode }).from(trajectories).where(assignedTo(viewer)).all();
  return own.length ? inArray(tendernedPublications.regionCode, own.map((r) => r.code)) : sql`0`;
}

/** Youth-care publications for page "Aanbestedingen", newest first. */
export function listProcurements(filters: ProcurementFilters, viewer: Viewer) {
  const where = and(
    eq(tendernedPublications.youthCare, true),
    visibleTo(viewer),
    filters.van ? gte(tendernedPublications.publishedOn, filters.van) : undefined,
    filters.tot ? lte(tendernedPublications.publishedOn, filters.tot) : undefined,
    filters.soort ? eq(tendernedPublications.typeCode, filters.soort) : undefined,
    filters.regio ? eq(tendernedPublications.regionCode, filters.regio) : undefined,
    filters.sluitVanaf ? gte(tendernedPublications.closingOn, filters.sluitVanaf) : undefined,
  );
  const total = db().select({ n: sql<number>`count(*)` }).from(tendernedPublications).where(where).get()?.n ?? 0;
  const rows = db()
    .select({
      id: tendernedPublications.publicatieId,
      publishedOn: tendernedPublications.publishedOn,
      typeCode: tendernedPublications.typeCode,
      typeLabel: tendernedPublications.typeLabel,
      title: tendernedPublications.title,
      authority: tendernedPublications.authority,
      closingOn: tendernedPublications.closingOn,
      link: tendernedPublications.link,
      regionCode: tendernedPublications.regionCode,
      regionName: regions.name,
    })
    .from(tendernedPublications)
    .leftJoin(regions, eq(regions.code, tendernedPublications.regionCode))
    .where(where)
    .orderBy(desc(tendernedPublications.publishedOn), desc(tendernedPublications.publicatieId))
    .limit(PROCUREMENT_PAGE_SIZE)
    .offset((filters.page - 1) * PROCUREMENT_PAGE_SIZE)
    .all();
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / PROCUREMENT_PAGE_SIZE)) };
}

/** The regions the viewer's filter offers. */
export function procurementRegionOptions(viewer: Viewer) {
  const where = visibleTo(viewer);
  return db()
    .selectDistinct({ code: regions.code, name: regions.name })
    .from(tendernedPublications)
    .innerJoin(regions, eq(regions.code, tendernedPublications.regionCode))
    .where(and(eq(tendernedPublications.youthCare, true), where))
    .orderBy(asc(regions.name))
    .all();
}

/** "Nog toe te wijzen": youth-care publications of authorities no municipality name or alias matched, per authority. */
export function waitingAuthorities() {
  const rows = db()
    .select({ authority: tendernedPublications.authority, title: tendernedPublications.title, publishedOn: tendernedPublications.publishedOn, link: tendernedPublications.link })
    .from(tendernedPublications)
    .where(and(eq(tendernedPublications.youthCare, true), isNull(tendernedPublications.regionCode)))
    .orderBy(desc(tendernedPublications.publishedOn))
    .all();
  const groups = new Map<string, { authority: string; count: number; latest: (typeof rows)[number] }>();
  for (const row of rows) {
    const key = authorityKey(row.authority);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { authority: row.authority, count: 1, latest: row });
  }
  return [...groups.values()];
}
