import type { ExtraFigures, PublishedExtra, ReportFigures } from "./report-figures";
import type { PublishedReport } from "./report-suppression";
import { TENDER_PHASES } from "./signal-codes";

/**
 * A year report as the flat list of figures a reader gets, each under the path it has in the report JSON
 * ("signals.byTopic.gdpr"), with the relations between them that anyone can know: the cells of a dimension add up to
 * the total, tender-related is the sum of the first three phases, a trigger or an outcome counts at most all
 * signals or trajectories, a cooperative's won contract needs the cooperative, every escalation has a type. These
 * relations are what a reader could combine published figures with, so suppression is decided over all of them.
 */

export type CellValues = Readonly<Record<string, number>>;
/** Σ sign·cell (≤ or =) constant, over paths. */
export type Relation = { terms: readonly (readonly [path: string, sign: 1 | -1])[]; constant: number; equality: boolean };

/** Dimensions whose cells each count every signal once, so they add up to the total. */
const PARTITIONS = ["byRequesterType", "byTopic", "byPhase", "byChannel", "byRegion", "byMonth", "byReferrer"] as const;

export const SIGNALS_TOTAL = "signals.total";
export const TRAJECTORIES_TOTAL = "trajectories.total";
export const TENDER_RELATED = "signals.tenderRelated";
export const REGION_PREFIX = "signals.byRegion.";

/**
 * Every figure of a report under its path; a suppressed one (null) stays null. The document's own figures go under
 * "signals.byReferrer.*" and "trajectories.steps.*", paths the report JSON does not use.
 */
export function flatCells(report: PublishedReport, extra?: PublishedExtra | ExtraFigures | null): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  const s = report.signals;
  values[SIGNALS_TOTAL] = s.total;
  values[TENDER_RELATED] = s.tenderRelated.count;
  for (const dimension of ["byRequesterType", "byTopic", "byPhase", "byTrigger", "byChannel", "byRegion"] as const) {
    for (const [code, cell] of Object.entries(s[dimension])) values[`signals.${dimension}.${code}`] = cell.count;
  }
  for (const month of s.byMonth) values[`signals.byMonth.${month.month}`] = month.count;
  const t = report.trajectories;
  values[TRAJECTORIES_TOTAL] = t.total;
  values["trajectories.regions"] = t.regions;
  for (const [key, count] of Object.entries(t.outcomes)) values[`trajectories.outcomes.${key}`] = count;
  for (const [key, count] of Object.entries(t.escalationTypes)) values[`trajectories.escalationTypes.${key}`] = count;
  if (extra) {
    for (const [code, cell] of Object.entries(extra.byReferrer)) values[`signals.byReferrer.${code}`] = cell.count;
    for (const [step, count] of Object.entries(extra.steps)) values[`trajectories.steps.${step}`] = count;
  }
  return values;
}

export function cellValues(figures: ReportFigures): Record<string, number> {
  return Object.fromEntries(Object.entries(flatCells(figures.report, figures.extra)).map(([path, value]) => [path, value ?? 0]));
}

const under = (values: CellValues, prefix: string) => Object.keys(values).filter((path) => path.startsWith(prefix));

/** The relations among the figures present in `values`. */
export function relationsOf(values: CellValues): Relation[] {
  const relations: Relation[] = [];
  const sum = (total: string, parts: string[]) =>
    relations.push({ terms: [...parts.map((p) => [p, 1] as const), [total, -1] as const], constant: 0, equality: true });
  const atMost = (small: string, large: string) => relations.push({ terms: [[small, 1], [large, -1]], constant: 0, equality: false });

  for (const dimension of PARTITIONS) sum(SIGNALS_TOTAL, under(values, `signals.${dimension}.`));
  sum(TENDER_RELATED, TENDER_PHASES.map((phase) => `signals.byPhase.${phase}`));
  for (const trigger of under(values, "signals.byTrigger.")) atMost(trigger, SIGNALS_TOTAL);

  const outcome = (key: string) => `trajectories.outcomes.${key}`;
  for (const key of ["forces_bundled", "joint_vision", "cooperative_formed", "vision_adapted", "escalated"]) atMost(outcome(key), TRAJECTORIES_TOTAL);
  atMost("trajectories.regions", TRAJECTORIES_TOTAL);
  for (const step of under(values, "trajectories.steps.")) atMost(step, TRAJECTORIES_TOTAL);
  atMost(outcome("contract_won"), outcome("cooperative_formed"));
  const types = under(values, "trajectories.escalationTypes.");
  for (const path of types) atMost(path, outcome("escalated"));
  // An escalation is recorded with at least one type (the form and the import both require one).
  relations.push({ terms: [[outcome("escalated"), 1], ...types.map((p) => [p, -1] as const)], constant: 0, equality: false });
  return relations.filter((relation) => relation.terms.every(([path]) => path in values));
}

/** Whether the true figures satisfy a relation; one that does not (odd data) tells a reader nothing true. */
export function holds(relation: Relation, values: CellValues): boolean {
  const sum = relation.terms.reduce((total, [path, sign]) => total + sign * values[path]!, 0);
  return relation.equality ? sum === relation.constant : sum <= relation.constant;
}

/**
 * The table a figure belongs to: what is withheld as a whole when no smaller step protects a cell, and what the
 * growth of counts between two versions is judged by. Tender-related belongs with the phases it sums.
 */
export function groupOf(path: string): string {
  if (path === TENDER_RELATED) return "signals.byPhase";
  if (path.startsWith("trajectories.steps.")) return "trajectories.steps";
  if (path.startsWith("trajectories.")) return "trajectories";
  const parts = path.split(".");
  return parts.length > 2 ? `${parts[0]}.${parts[1]}` : path;
}

/** Totals are what every share is read against; they are hidden only when they are themselves below k. */
export function isTotal(path: string): boolean {
  return path === SIGNALS_TOTAL || path === TRAJECTORIES_TOTAL;
}
