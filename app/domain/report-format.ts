/**
 * Dutch notation for report figures, the same on the page, in print and in the PDF: "1.234", "98%", "maart 2021".
 * Intl with a fixed locale, so the server's own locale never changes a published report.
 */

const integer = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const monthName = new Intl.DateTimeFormat("nl-NL", { month: "long", timeZone: "UTC" });

/**
 * How to read the suppressed cells of one report: the k it was published with and which cells are "afgeschermd"
 * (hidden to protect another, or with their whole table) rather than below k. Paths as in the report JSON.
 */
export type FigureLabels = { threshold: number; protected: readonly string[]; withheld: readonly string[] };

/** The working view: nothing suppressed. */
export const NO_LABELS: FigureLabels = { threshold: 0, protected: [], withheld: [] };

export type ShownFigure = { kind: "count"; count: number } | { kind: "small"; threshold: number } | { kind: "protected" };

export function readFigure(value: number | null, path: string, labels: FigureLabels): ShownFigure {
  if (value !== null) return { kind: "count", count: value };
  return labels.protected.includes(path) || labels.withheld.includes(path) ? { kind: "protected" } : { kind: "small", threshold: labels.threshold };
}

/**
 * A cell as every output writes it: the count, "< k" when it is below k (the reader learns it is small, not how
 * small), or "afgeschermd" when it is hidden to protect another cell — it is not small, so "< k" would be untrue.
 */
export function formatFigure(value: number | null, path: string, labels: FigureLabels): string {
  const figure = readFigure(value, path, labels);
  if (figure.kind === "count") return integer.format(figure.count);
  return figure.kind === "small" ? `< ${figure.threshold}` : "afgeschermd";
}

/** A count known to be shown (a total of the working view, a difference). */
export function formatCount(count: number): string {
  return integer.format(count);
}

/**
 * Shares are whole percents, as in the seed report ("98%"); a suppressed share shows nothing to compute from. A
 * share that rounds to 0% of a count above zero reads "< 1%", so it is not taken for none.
 */
export function formatShare(share: number | null, count?: number | null): string {
  if (share === null) return "–";
  const percent = Math.round(share * 100);
  return percent === 0 && count !== undefined && count !== null && count > 0 ? "< 1%" : `${integer.format(percent)}%`;
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

/** The Dutch month abbreviations as the report's month axis writes them (not Intl's "mrt." or the first letters). */
export const MONTH_ABBREVIATIONS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as const;

/** "2021-03" → "mrt". */
export function formatMonthShort(month: string): string {
  return MONTH_ABBREVIATIONS[Number(month.slice(5, 7)) - 1] ?? month;
}

/**
 * A label broken into lines of at most `width` characters at spaces, so a chart shows it whole; a single word longer
 * than a line keeps its own line rather than being cut.
 */
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
