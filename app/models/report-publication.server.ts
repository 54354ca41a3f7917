import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { reportPublications, signals, trajectories } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import { isReportYear, type YearReport } from "~/domain/report";
import { flatCells } from "~/domain/report-cells";
import type { CellStatus, Release } from "~/domain/report-disclosure";
import { hiddenOf, NOTHING_HIDDEN, type ReportDocument } from "~/domain/report-document";
import type { Policy } from "~/domain/report-policy";
import { REGIONS_WITHHELD, ruleFor, suppressReport, type HideReason, type PublishedReport } from "~/domain/report-suppression";
import { sha256 } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { latestNarrative, latestNarrativeRow, narrativeOf } from "./report-narrative.server";
import { yearFigures, yearReport } from "./report.server";
import { reportColophon, reportThreshold } from "./report-settings.server";
import { yearInTheNetherlands } from "~/domain/dates";

function hasData(report: YearReport): boolean {
  return report.signals.total > 0 || report.trajectories.total > 0;
}

/** The previous year's figures, when that year has any (the first year Rode Draad knows has none before it). */
function previousOf(year: number): YearReport | null {
  if (!isReportYear(year - 1)) return null;
  const previous = yearReport(year - 1);
  return hasData(previous) ? previous : null;
}

/** The intermediary's working view: every figure, nothing suppressed. */
export function liveReport(year: number): ReportDocument {
  const figures = yearFigures(year);
  return {
    report: figures.report,
    extra: figures.extra,
    previous: previousOf(year),
    narrative: latestNarrative(year),
    threshold: reportThreshold(),
    showRegions: true,
    policy: null,
    colophon: reportColophon(),
    hidden: { current: NOTHING_HIDDEN, previous: NOTHING_HIDDEN },
    publication: null,
  };
}

type FrozenDocument = Omit<ReportDocument, "publication">;
type StoredFigures = { current: Release; previous: Release | null };

/**
 * A publication from before the exact figures were kept: its shown cells are known exactly, its suppressed ones
 * only as suppressed. Enough to keep them suppressed and to refuse small changes; not enough to solve with.
 */
function shownRelease(report: PublishedReport, threshold: number, policy: Policy): Release {
  const cells = Object.entries(flatCells(report));
  const statuses: Record<string, CellStatus> = Object.fromEntries(cells.map(([path, value]) => [path, value === null ? "small" : "shown"]));
  const values = Object.fromEntries(cells.filter((entry): entry is [string, number] => entry[1] !== null));
  return { threshold, policy, statuses, values, exact: false };
}

/**
 * Everything published so far about one year's figures, oldest first: that year's own versions and the comparison
 * column of every publication of the year after.
 */
function releasesOf(year: number): Release[] {
  const rows = db()
    .select({
      year: reportPublications.year,
      threshold: reportPublications.threshold,
      policy: reportPublications.policy,
      document: reportPublications.document,
      figures: reportPublications.figures,
    })
    .from(reportPublications)
    .where(inArray(reportPublications.year, [year, year + 1]))
    .orderBy(reportPublications.id)
    .all();
  return rows.flatMap((row) => {
    const own = row.year === year;
    const stored = row.figures ? (JSON.parse(row.figures) as StoredFigures) : null;
    const release = stored ? (own ? stored.current : stored.previous) : null;
    if (release) return [release];
    if (stored) return [];
    const frozen = JSON.parse(row.document) as FrozenDocument;
    const published = own ? frozen.report : frozen.previous;
    return published ? [shownRelease(published, row.threshold, row.policy)] : [];
  });
}

export type PublicationChoice = { policy: Policy; showRegions: boolean };

/**
 * The policy and k a year's next publication must use, when earlier publications fixed them (ruleFor); null while
 * the intermediary may still choose.
 */
export function fixedRule(year: number): { policy: Policy; threshold: number } | null {
  const earlier = releasesOf(year);
  return earlier.length > 0 ? ruleFor(earlier, { policy: earlier[0]!.policy, threshold: earlier[0]!.threshold }) : null;
}

/** A suppressed cell as the preview lists it. */
export type SuppressedCell = { path: string; reason: HideReason; part: "current" | "previous" };

type Draft = { document: FrozenDocument; figures: StoredFigures; narrativeId: number | null; suppressed: SuppressedCell[]; fingerprint: string };

/**
 * What publishing now would freeze: the figures suppressed under the chosen policy against everything published
 * before, the comparison year likewise, the latest narrative. The fingerprint lets a confirmation prove it saw
 * exactly this.
 */
function draft(year: number, choice: PublicationChoice): Draft {
  const live = yearFigures(year);
  if (!hasData(live.report)) throw new DomainError("REPORT.EMPTY", `Er zijn voor ${year} geen cijfers om te publiceren.`);
  // The first year Rode Draad knows has none before it (previousOf).
  const beforeFigures = isReportYear(year - 1) ? yearFigures(year - 1) : null;
  const before = beforeFigures && hasData(beforeFigures.report) ? beforeFigures : null;
  const chosen = { policy: choice.policy, threshold: reportThreshold() };
  const earlier = releasesOf(year);
  const rule = ruleFor(earlier, chosen);
  const current = suppressReport(live, { ...rule, showRegions: choice.showRegions, earlier });
  const earlierPrevious = releasesOf(year - 1);
  const previous = before ? suppressReport(before, { ...ruleFor(earlierPrevious, chosen), showRegions: choice.showRegions, earlier: earlierPrevious }) : null;
  const threshold = rule.threshold;
  const narrative = latestNarrativeRow(year);
  const document: FrozenDocument = {
    report: current.report,
    previous: previous?.report ?? null,
    extra: current.extra,
    narrative: narrative ? narrativeOf(narrative) : null,
    threshold,
    showRegions: choice.showRegions,
    policy: rule.policy,
    colophon: reportColophon(),
    hidden: { current: hiddenOf(current.release), previous: previous ? hiddenOf(previous.release) : NOTHING_HIDDEN },
  };
  const listed = (reasons: Record<string, HideReason>, part: SuppressedCell["part"]) =>
    Object.entries(reasons)
      .filter(([path, reason]) => reason !== "regions" || path === REGIONS_WITHHELD)
      .map(([path, reason]) => ({ path, reason, part }));
  const regionsLeftOut: SuppressedCell[] = choice.showRegions ? [] : [{ path: REGIONS_WITHHELD, reason: "regions", part: "current" }];
  return {
    document,
    figures: { current: current.release, previous: previous?.release ?? null },
    narrativeId: narrative?.id ?? null,
    suppressed: [...regionsLeftOut, ...listed(current.reasons, "current"), ...(previous ? listed(previous.reasons, "previous") : [])],
    fingerprint: sha256(JSON.stringify(document)),
  };
}

/** Exactly what readers would get, with the list of suppressed cells, before anything is published. */
export function previewPublication(year: number, choice: PublicationChoice) {
  const { document, suppressed, fingerprint } = draft(year, choice);
  const preview: ReportDocument = { ...document, publication: null };
  return { document: preview, suppressed, fingerprint, nextVersion: nextVersion(year) };
}

function nextVersion(year: number): number {
  const last = db()
    .select({ version: sql<number>`max(${reportPublications.version})` })
    .from(reportPublications)
    .where(eq(reportPublications.year, year))
    .get();
  return (last?.version ?? 0) + 1;
}

/**
 * Freezes the draft as the year's next version. One transaction, so the figures are those of one moment and the
 * version number cannot be taken twice; with a fingerprint, only when nothing changed since the preview.
 */
export function publishReport(year: number, choice: PublicationChoice & { fingerprint?: string }, actor: Actor): number {
  return db().transaction((tx) => {
    const { document, figures, narrativeId, fingerprint } = draft(year, choice);
    if (choice.fingerprint !== undefined && choice.fingerprint !== fingerprint) {
      throw new DomainError("REPORT.CHANGED", "De cijfers of de tekst zijn veranderd sinds het voorbeeld. Bekijk het voorbeeld opnieuw voordat u publiceert.");
    }
    const version = nextVersion(year);
    tx.insert(reportPublications)
      .values({
        year,
        version,
        threshold: document.threshold,
        showRegions: choice.showRegions,
        policy: document.policy ?? choice.policy,
        narrativeId,
        document: JSON.stringify(document),
        figures: JSON.stringify(figures),
        publishedBy: actor.userId,
        publishedAt: new Date().toISOString(),
      })
      .run();
    const detail = { version, threshold: document.threshold, showRegions: choice.showRegions, policy: document.policy };
    audit(actor, "report.published", { type: "report", id: year }, detail, tx);
    return version;
  });
}

export function publication(year: number, version?: number): ReportDocument | null {
  const row = db()
    .select({ version: reportPublications.version, publishedAt: reportPublications.publishedAt, policy: reportPublications.policy, document: reportPublications.document })
    .from(reportPublications)
    .where(version === undefined ? eq(reportPublications.year, year) : and(eq(reportPublications.year, year), eq(reportPublications.version, version)))
    .orderBy(desc(reportPublications.version))
    .limit(1)
    .get();
  if (!row) return null;
  // Publications from before the policy choice carry neither policy nor the protected cells; theirs read "< k".
  const frozen = JSON.parse(row.document) as Partial<FrozenDocument> & Pick<FrozenDocument, "report" | "previous" | "narrative" | "threshold" | "showRegions">;
  return {
    ...frozen,
    policy: frozen.policy ?? row.policy,
    extra: frozen.extra ?? null,
    colophon: frozen.colophon ?? null,
    hidden: frozen.hidden ?? { current: NOTHING_HIDDEN, previous: NOTHING_HIDDEN },
    publication: { version: row.version, publishedAt: row.publishedAt },
  };
}

export function publications(year?: number) {
  return db()
    .select({
      year: reportPublications.year,
      version: reportPublications.version,
      publishedAt: reportPublications.publishedAt,
      threshold: reportPublications.threshold,
      showRegions: reportPublications.showRegions,
      policy: reportPublications.policy,
    })
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
  const years = new Set([yearInTheNetherlands(), ...rows.map((row) => Number(row.year))]);
  return [...years].filter(Number.isInteger).sort((a, b) => b - a);
}
