import { z } from "zod";
import type { Release } from "./report-disclosure";
import type { FigureLabels } from "./report-format";
import type { PublishedExtra } from "./report-figures";
import type { NarrativeText } from "./report-narrative";
import type { Policy } from "./report-policy";
import type { PublishedReport } from "./report-suppression";

/**
 * Which suppressed cells of a report are hidden to protect another ("afgeschermd") or left out with their whole
 * table; every other suppressed cell counts 1 to k−1 and reads "< k". Paths as in `suppressed`.
 */
export type HiddenCells = { protected: string[]; withheld: string[] };

export type Colophon = { organisation: string; author: string };

export const colophonSchema = z.object({
  organisation: z.string().trim().max(200, "Houd de naam van de organisatie onder 200 tekens.").default(""),
  author: z.string().trim().max(200, "Houd de naam van de auteur onder 200 tekens.").default(""),
});

export const NOTHING_HIDDEN: HiddenCells = { protected: [], withheld: [] };

export function hiddenOf(release: Release): HiddenCells {
  const having = (status: string) => Object.keys(release.statuses).filter((path) => release.statuses[path] === status);
  return { protected: having("protected"), withheld: having("withheld") };
}

/**
 * What a report page shows: the figures, the previous year's for comparison (null when that year has no data), the
 * narrative and, for a publication, its number, date and policy. The intermediary's live view and a frozen
 * publication have the same shape, so one component renders both.
 */
export type ReportDocument = {
  report: PublishedReport;
  previous: PublishedReport | null;
  /** The document's own figures of this year (referrers, steps); null in publications from before they existed. */
  extra: PublishedExtra | null;
  narrative: (NarrativeText & { version: number }) | null;
  threshold: number;
  showRegions: boolean;
  /** Null for the intermediary's working view, which suppresses nothing. */
  policy: Policy | null;
  hidden: { current: HiddenCells; previous: HiddenCells };
  /** Who the cover and colophon name; frozen with a publication, null in those from before. */
  colophon: Colophon | null;
  publication: { version: number; publishedAt: string } | null;
};

/** How to read the suppressed cells of the report itself or of its comparison year. */
export function labelsOf(document: ReportDocument, part: "current" | "previous"): FigureLabels {
  const report = part === "current" ? document.report : document.previous;
  return { threshold: report?.policy?.threshold ?? document.threshold, ...document.hidden[part] };
}
