import type { NarrativeText } from "./report-narrative";
import type { PublishedReport } from "./report-suppression";

/**
 * What a report page shows: the figures, the previous year's for comparison (null when that year has no data), the
 * narrative and, for a publication, its number and date. The intermediary's live view and a frozen publication have
 * the same shape, so one component renders both.
 */
export type ReportDocument = {
  report: PublishedReport;
  previous: PublishedReport | null;
  narrative: (NarrativeText & { version: number }) | null;
  threshold: number;
  showRegions: boolean;
  publication: { version: number; publishedAt: string } | null;
};
