import { formatFigure, readFigure, type FigureLabels } from "./report-format";
import type { PublishedCell } from "./report-suppression";

/**
 * The region map's data, apart from drawing: each region's shade for its number of signals, in five steps of grey
 * that stay apart in black-and-white print, and the legend that names them. Suppressed regions get a hatching of
 * their own ("< k", "afgeschermd"), so the map never shows more than the table beside it.
 */

export type MapRegion = { code: string; name: string; d: string; centre: [number, number] };
export type MapGeometry = { width: number; height: number; regions: MapRegion[] };

export const SHADES = ["#ffffff", "#d9d9d9", "#a6a6a6", "#6e6e6e", "#2b2b2b"] as const;

export type MapClass = { kind: "shade"; step: number } | { kind: "small" } | { kind: "protected" };
export type LegendItem = { mapClass: MapClass; label: string };

export type MapCell = { code: string; name: string; count: number | null; text: string; mapClass: MapClass; trajectory: boolean };

/** Four equal steps from 1 to the largest count (step 0 is none), so the legend reads as whole ranges. */
function stepsFor(largest: number): number[] {
  const size = Math.max(1, Math.ceil(largest / 4));
  return [1, 1 + size, 1 + 2 * size, 1 + 3 * size];
}

export function mapCells(
  regions: readonly { code: string; name: string }[],
  cells: Readonly<Record<string, PublishedCell>>,
  labels: FigureLabels,
  withTrajectory: ReadonlySet<string>,
): { cells: MapCell[]; legend: LegendItem[] } {
  // A region missing from the cells had none; one present with null is suppressed and must not read as none.
  const countOf = (code: string) => (cells[code] ? cells[code].count : 0);
  const counts = regions.map((region) => countOf(region.code));
  const largest = Math.max(0, ...counts.filter((count): count is number => count !== null));
  const starts = stepsFor(largest);
  const stepOf = (count: number) => (count === 0 ? 0 : starts.filter((start) => count >= start).length);
  const mapped = regions.map((region): MapCell => {
    const count = countOf(region.code);
    const path = `signals.byRegion.${region.code}`;
    const figure = readFigure(count, path, labels);
    const mapClass: MapClass = figure.kind === "count" ? { kind: "shade", step: stepOf(figure.count) } : { kind: figure.kind };
    return { code: region.code, name: region.name, count, text: formatFigure(count, path, labels), mapClass, trajectory: withTrajectory.has(region.code) };
  });
  const legend: LegendItem[] = [{ mapClass: { kind: "shade", step: 0 }, label: "geen vragen" }];
  starts.forEach((start, index) => {
    const end = index < 3 ? starts[index + 1]! - 1 : largest;
    if (start > largest) return;
    legend.push({ mapClass: { kind: "shade", step: index + 1 }, label: start === end ? `${start}` : `${start} tot en met ${end}` });
  });
  if (mapped.some((cell) => cell.mapClass.kind === "small")) legend.push({ mapClass: { kind: "small" }, label: `minder dan ${labels.threshold}` });
  if (mapped.some((cell) => cell.mapClass.kind === "protected")) legend.push({ mapClass: { kind: "protected" }, label: "afgeschermd" });
  return { cells: mapped, legend };
}

/** The fill of a class: a grey, or the pattern of a suppressed region (defined in the map's own defs). */
export function fillOf(mapClass: MapClass, id: string): string {
  if (mapClass.kind === "shade") return SHADES[mapClass.step] ?? SHADES[0];
  return `url(#${id}-${mapClass.kind})`;
}
