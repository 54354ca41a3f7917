/**
 * Dutch notation for report figures, the same on the page, in print and in the PDF: "1.234", "98%", "maart 2021".
 * Intl with a fixed locale, so the server's own locale never changes a published report.
 */

const integer = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const monthName = new Intl.DateTimeFormat("nl-NL", { month: "long", timeZone: "UTC" });

/** A suppressed figure reads as "< k": the reader learns it is small, not how small. */
export function formatCount(count: number | null, threshold: number): string {
  return count === null ? `< ${threshold}` : integer.format(count);
}

/** Shares are whole percents, as in the seed report ("98%"); a suppressed share shows nothing to compute from. */
export function formatShare(share: number | null): string {
  return share === null ? "–" : `${integer.format(Math.round(share * 100))}%`;
}

/**
 * A difference with its sign written out ("+12", "−3", "0"); U+2212 rather than a hyphen so it is not read or broken
 * as a dash. Unknown when either side is suppressed.
 */
export function formatDifference(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return "–";
  const difference = current - previous;
  if (difference === 0) return "0";
  return `${difference > 0 ? "+" : "−"}${integer.format(Math.abs(difference))}`;
}

/** The difference of two shares in whole percentage points: "+3 procentpunt". */
export function formatShareDifference(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return "–";
  const points = Math.round(current * 100) - Math.round(previous * 100);
  return points === 0 ? "0 procentpunt" : `${points > 0 ? "+" : "−"}${integer.format(Math.abs(points))} procentpunt`;
}

/** "2021-03" → "maart 2021". */
export function formatMonth(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return `${monthName.format(new Date(Date.UTC(year!, monthNumber! - 1, 1)))} ${year}`;
}

/** Dutch writes small counts in words in running text ("waarvan één"), numbers otherwise. */
export function countInWords(count: number): string {
  return count === 1 ? "één" : integer.format(count);
}
