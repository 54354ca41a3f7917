import { and, desc, eq } from "drizzle-orm";
import { reportNarratives, users } from "../../db/schema";
import type { ReportDocument } from "~/domain/report-document";
import { narrativeText, sameNarrative, type NarrativeText } from "~/domain/report-narrative";
import { db } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";

/** The intermediary's text of a year report, kept in versions: every save is a new row. */

export function latestNarrativeRow(year: number) {
  return db().select().from(reportNarratives).where(eq(reportNarratives.year, year)).orderBy(desc(reportNarratives.version)).limit(1).get();
}

export function narrativeOf(row: typeof reportNarratives.$inferSelect): NonNullable<ReportDocument["narrative"]> {
  return { version: row.version, ...narrativeText(row) };
}

export function latestNarrative(year: number): ReportDocument["narrative"] {
  const row = latestNarrativeRow(year);
  return row ? narrativeOf(row) : null;
}

export function narrativeVersions(year: number) {
  return db()
    .select({ version: reportNarratives.version, createdAt: reportNarratives.createdAt, author: users.name })
    .from(reportNarratives)
    .leftJoin(users, eq(users.id, reportNarratives.createdBy))
    .where(eq(reportNarratives.year, year))
    .orderBy(desc(reportNarratives.version))
    .all();
}

export function narrativeVersion(year: number, version: number): NarrativeText | null {
  const row = db()
    .select()
    .from(reportNarratives)
    .where(and(eq(reportNarratives.year, year), eq(reportNarratives.version, version)))
    .get();
  return row ? narrativeText(row) : null;
}

/** Every save is a new version; saving unchanged text adds none. Returns the version now current. */
export function saveNarrative(year: number, text: NarrativeText, actor: Actor): number {
  return db().transaction((tx) => {
    const current = latestNarrative(year);
    if (current && sameNarrative(narrativeText(current), text)) return current.version;
    const version = (current?.version ?? 0) + 1;
    tx.insert(reportNarratives)
      .values({ year, version, ...text, createdBy: actor.userId, createdAt: new Date().toISOString() })
      .run();
    audit(actor, "report.narrative_saved", { type: "report", id: year }, { version }, tx);
    return version;
  });
}
