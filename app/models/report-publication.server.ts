import { and, desc, eq, sql } from "drizzle-orm";
import { reportNarratives, reportPublications, signals, trajectories, users } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import { isReportYear, type YearReport } from "~/domain/report";
import type { ReportDocument } from "~/domain/report-document";
import type { NarrativeText } from "~/domain/report-narrative";
import {
  DEFAULT_THRESHOLD,
  isThreshold,
  MAX_THRESHOLD,
  MIN_THRESHOLD,
  suppressReport,
} from "~/domain/report-suppression";
import { db } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { yearReport } from "./report.server";
import { getSetting, setSetting } from "./settings.server";


const THRESHOLD_SETTING = "report.threshold";

export function reportThreshold(): number {
  const stored = Number(getSetting(THRESHOLD_SETTING));
  return isThreshold(stored) ? stored : DEFAULT_THRESHOLD;
}

export function setReportThreshold(threshold: number, actor: Actor): void {
  if (!isThreshold(threshold)) {
    throw new DomainError("REPORT.THRESHOLD", `Kies een drempel van ${MIN_THRESHOLD} tot en met ${MAX_THRESHOLD}.`, "threshold");
  }
  db().transaction((tx) => {
    const previous = reportThreshold();
    setSetting(THRESHOLD_SETTING, String(threshold));
    audit(actor, "report.threshold_changed", null, { from: previous, to: threshold }, tx);
  });
}

function hasData(report: YearReport): boolean {
  return report.signals.total > 0 || report.trajectories.total > 0;
}

/** The previous year's figures, when that year has any (the first year Rode Draad knows has none before it). */
function previousOf(year: number): YearReport | null {
  if (!isReportYear(year - 1)) return null;
  const previous = yearReport(year - 1);
  return hasData(previous) ? previous : null;
}

function latestNarrativeRow(year: number) {
  return db().select().from(reportNarratives).where(eq(reportNarratives.year, year)).orderBy(desc(reportNarratives.version)).limit(1).get();
}

function narrativeOf(row: typeof reportNarratives.$inferSelect): NonNullable<ReportDocument["narrative"]> {
  return { version: row.version, introduction: row.introduction, threads: row.threads, conclusions: row.conclusions };
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
  return row ? { introduction: row.introduction, threads: row.threads, conclusions: row.conclusions } : null;
}

/** Every save is a new version; saving unchanged text adds none. Returns the version now current. */
export function saveNarrative(year: number, text: NarrativeText, actor: Actor): number {
  return db().transaction((tx) => {
    const current = latestNarrative(year);
    if (current && current.introduction === text.introduction && current.threads === text.threads && current.conclusions === text.conclusions) {
      return current.version;
    }
    const version = (current?.version ?? 0) + 1;
    tx.insert(reportNarratives)
      .values({ year, version, ...text, createdBy: actor.userId, createdAt: new Date().toISOString() })
      .run();
    audit(actor, "report.narrative_saved", { type: "report", id: year }, { version }, tx);
    return version;
  });
}

/** The intermediary's working view: every figure, nothing suppressed. */
export function liveReport(year: number): ReportDocument {
  return {
    report: yearReport(year),
    previous: previousOf(year),
    narrative: latestNarrative(year),
    threshold: reportThreshold(),
    showRegions: true,
    publication: null,
  };
}

type FrozenDocument = Omit<ReportDocument, "publication">;

/**
 * Freezes figures (suppressed with the current threshold), comparison and narrative as the year's next version. One
 * transaction, so the figures are those of one moment and the version number cannot be taken twice.
 */
export function publishReport(year: number, options: { showRegions: boolean }, actor: Actor): number {
  return db().transaction((tx) => {
    const threshold = reportThreshold();
    const suppression = { threshold, showRegions: options.showRegions };
    const report = yearReport(year);
    if (!hasData(report)) {
      throw new DomainError("REPORT.EMPTY", `Er zijn voor ${year} geen cijfers om te publiceren.`);
    }
    const previous = previousOf(year);
    const narrative = latestNarrativeRow(year);
    const document: FrozenDocument = {
      report: suppressReport(report, suppression),
      previous: previous ? suppressReport(previous, suppression) : null,
      narrative: narrative ? narrativeOf(narrative) : null,
      threshold,
      showRegions: options.showRegions,
    };
    const last = tx
      .select({ version: sql<number>`max(${reportPublications.version})` })
      .from(reportPublications)
      .where(eq(reportPublications.year, year))
      .get();
    const version = (last?.version ?? 0) + 1;
    tx.insert(reportPublications)
      .values({
        year,
        version,
        threshold,
        showRegions: options.showRegions,
        narrativeId: narrative?.id ?? null,
        document: JSON.stringify(document),
        publishedBy: actor.userId,
        publishedAt: new Date().toISOString(),
      })
      .run();
    audit(actor, "report.published", { type: "report", id: year }, { version, threshold, showRegions: options.showRegions }, tx);
    return version;
  });
}

export function publication(year: number, version?: number): ReportDocument | null {
  const row = db()
    .select()
    .from(reportPublications)
    .where(version === undefined ? eq(reportPublications.year, year) : and(eq(reportPublications.year, year), eq(reportPublications.version, version)))
    .orderBy(desc(reportPublications.version))
    .limit(1)
    .get();
  if (!row) return null;
  const frozen = JSON.parse(row.document) as FrozenDocument;
  return { ...frozen, publication: { version: row.version, publishedAt: row.publishedAt } };
}

export function publications(year?: number) {
  return db()
    .select({ year: reportPublications.year, version: reportPublications.version, publishedAt: reportPublications.publishedAt, threshold: reportPublications.threshold, showRegions: reportPublications.showRegions })
    .from(reportPublications)
    .where(year === undefined ? undefined : eq(reportPublications.year, year))
    .orderBy(desc(reportPublications.year), desc(reportPublications.version))
    .all();
}

/** Years with signals or trajectories, newest first, plus the current year (its report grows during the year). */
export function reportYears(): number[] {
  const rows = db()
    .select({ year: sql<string>`substr(${signals.receivedOn}, 1, 4)` })
    .from(signals)
    .groupBy(sql`1`)
    .union(db().select({ year: sql<string>`substr(${trajectories.startedOn}, 1, 4)` }).from(trajectories).groupBy(sql`1`))
    .all();
  const years = new Set([new Date().getFullYear(), ...rows.map((row) => Number(row.year))]);
  return [...years].filter(Number.isInteger).sort((a, b) => b - a);
}
