import { DomainError } from "./errors";
import type { YearReport } from "./report";
import type { PublishedExtra, ReportFigures } from "./report-figures";
import { cellValues, groupOf, holds, isTotal, REGION_PREFIX, relationsOf } from "./report-cells";
import { findProblem, isHidden, type CellStatus, type Release } from "./report-disclosure";
import { isSensitive, type Policy } from "./report-policy";

/**
 * Small-cell suppression for reports that leave the intermediary (DESIGN.md: a suppressed cell is null, its path is
 * listed in `suppressed`, and the JSON names the policy). The steps, each only ever hiding more:
 * 1. primary: a cell the policy protects that counts 1 to k−1 ("< k"); zero is shown as 0 (a count of nobody);
 * 2. versions: a cell hidden in an earlier publication of the same figures stays hidden, and a cell that would show a
 *    change of 1 to k−1 against an earlier publication is hidden ("afgeschermd"), so two versions cannot be
 *    subtracted to see what the few signals added or moved in between were;
 * 3. complementary: while the reader as attacker (report-disclosure.ts) can still work out a hidden cell or such a
 *    change — from totals, tender-related, the other cells, all earlier versions — the smallest shown cell it is
 *    worked out from is hidden too ("afgeschermd"); where no cell can be, the whole table is withheld.
 * Totals stay unless they are below k themselves (every share is read against them), or, as the very last resort,
 * when nothing smaller protects a cell.
 */

export type PublishedCell = { count: number | null; share: number | null };
type Cells = Record<string, PublishedCell>;

export type PublishedReport = {
  year: number;
  signals: {
    total: number | null;
    tenderRelated: PublishedCell;
    byRequesterType: Cells;
    byTopic: Cells;
    byPhase: Cells;
    byTrigger: Cells;
    byChannel: Cells;
    byRegion: Cells;
    byMonth: { month: string; count: number | null }[];
  };
  trajectories: {
    total: number | null;
    regions: number | null;
    outcomes: Record<keyof YearReport["trajectories"]["outcomes"], number | null>;
    escalationTypes: Record<keyof YearReport["trajectories"]["escalationTypes"], number | null>;
  };
  suppressed: string[];
  /** Only in a publication: the policy and threshold it was suppressed under. */
  policy?: { name: Policy; threshold: number };
};

/** The path of a withheld dimension as a whole (region names without the intermediary's consent). */
export const REGIONS_WITHHELD = "signals.byRegion";

/** Why a cell is hidden, for the intermediary's preview; readers see only "< k" or "afgeschermd". */
export type HideReason = "small" | "version" | "secondary" | "table" | "regions";

export type SuppressionOptions = {
  policy: Policy;
  threshold: number;
  showRegions: boolean;
  /** Earlier publications of the same year's figures, oldest first. */
  earlier: readonly Release[];
};

/**
 * The policy and k a year's figures are published under. The first publication that shows them — the year's own
 * report, or the comparison column of the next year's — fixes both for every later one: a stricter rule could not
 * take back what an earlier version already showed (the same cell, unchanged, would simply be read there), and a
 * looser one would give away what the earlier version hid.
 */
export function ruleFor(earlier: readonly Release[], chosen: { policy: Policy; threshold: number }): { policy: Policy; threshold: number } {
  const first = earlier[0];
  return first ? { policy: first.policy, threshold: first.threshold } : chosen;
}

export type Suppression = { report: PublishedReport; extra: PublishedExtra; release: Release; reasons: Record<string, HideReason> };

export function suppressReport(figures: ReportFigures, options: SuppressionOptions): Suppression {
  const k = options.threshold;
  const values = cellValues(figures);
  const paths = Object.keys(values);
  const statuses: Record<string, CellStatus> = Object.fromEntries(paths.map((path) => [path, "shown"]));
  const reasons: Record<string, HideReason> = {};
  const sensitive = (path: string) => isSensitive(path, options.policy);
  const hide = (path: string, reason: HideReason): boolean => {
    if (statuses[path] !== "shown" || values[path] === 0) return false;
    statuses[path] = values[path]! < k ? "small" : "protected";
    reasons[path] = reason;
    return true;
  };
  const withhold = (group: string, reason: HideReason): boolean => {
    let changed = false;
    for (const path of paths) {
      if (groupOf(path) !== group || statuses[path] === "withheld") continue;
      statuses[path] = "withheld";
      reasons[path] = reason;
      changed = true;
    }
    return changed;
  };

  if (!options.showRegions) withhold("signals.byRegion", "regions");
  for (const path of paths) if (sensitive(path) && values[path]! < k) hide(path, "small");
  for (const earlier of options.earlier) {
    for (const path of paths) {
      // A table an earlier version withheld stays withheld, totals and national counts alike: shown now, it would
      // give the reader what that version kept back (and with the same figures, the same problem again).
      if (earlier.statuses[path] === "withheld" && !(path.startsWith(REGION_PREFIX) && earlier.regionsLeftOut !== false)) {
        if (statuses[path] !== "withheld") {
          statuses[path] = "withheld";
          reasons[path] = "version";
        }
        continue;
      }
      if (!sensitive(path) || isTotal(path)) continue;
      // An exact release lists every cell it had (a missing one is a code new since, counted 0 then); an older
      // release lists only what it published, so a cell it does not list is one it withheld.
      if (!earlier.exact && !(path in earlier.statuses)) continue;
      const before = earlier.statuses[path] ?? "shown";
      const change = Math.abs(values[path]! - (earlier.values[path] ?? 0));
      if (before === "small" || before === "protected" || (before === "shown" && change >= 1 && change < k)) hide(path, "version");
    }
  }

  const relations = relationsOf(values).filter((relation) => holds(relation, values));
  const neighbours = (path: string) => [
    ...new Set(relations.filter((r) => r.terms.some(([p]) => p === path)).flatMap((r) => r.terms.map(([p]) => p))),
  ];
  const release: Release = { threshold: k, policy: options.policy, statuses, values, exact: true, regionsLeftOut: !options.showRegions };
  const safe = new Set<string>();
  for (let round = 0; ; round += 1) {
    const problem = findProblem([...options.earlier, release], safe);
    if (!problem) break;
    const candidate = [problem.path, ...neighbours(problem.path)]
      .filter((path) => statuses[path] === "shown" && sensitive(path) && !isTotal(path) && values[path]! > 0)
      .sort((a, b) => values[a]! - values[b]! || a.localeCompare(b))[0];
    const changed = candidate !== undefined ? hide(candidate, "secondary") : withholdAround(problem.path);
    if (!changed || round > paths.length * 2) {
      throw new DomainError("REPORT.UNSAFE", "Deze cijfers zijn niet veilig te publiceren: een afgeschermd aantal blijft terug te rekenen.");
    }
  }
  return { report: publishedOf(figures.report, statuses, options), extra: publishedExtra(figures, statuses), release, reasons };

  /**
   * The table of the problem first; when that is withheld already, the tables related to it, and so on outwards (the
   * total last of all): withholding everything the current release would add always leaves the reader no more than
   * the earlier releases gave.
   */
  function withholdAround(path: string): boolean {
    let groups = new Set([groupOf(path)]);
    for (;;) {
      let changed = false;
      for (const group of groups) changed = withhold(group, "table") || changed;
      if (changed) return true;
      const wider = new Set(groups);
      for (const relation of relations) {
        if (relation.terms.some(([p]) => groups.has(groupOf(p)))) for (const [p] of relation.terms) wider.add(groupOf(p));
      }
      if (wider.size === groups.size) return false;
      groups = wider;
    }
  }
}

const HIDDEN: PublishedCell = { count: null, share: null };

/** The document's own figures as readers get them: like the report JSON, without a list (they are not in it). */
function publishedExtra(figures: ReportFigures, statuses: Readonly<Record<string, CellStatus>>): PublishedExtra {
  const shown = (path: string) => !isHidden(statuses[path]);
  const totalShown = shown("signals.total");
  return {
    byReferrer: Object.fromEntries(
      Object.entries(figures.extra.byReferrer).map(([code, cell]) => {
        const path = `signals.byReferrer.${code}`;
        return [code, shown(path) ? { count: cell.count, share: totalShown ? cell.share : null } : HIDDEN];
      }),
    ),
    steps: Object.fromEntries(Object.entries(figures.extra.steps).map(([step, count]) => [step, shown(`trajectories.steps.${step}`) ? count : null])),
  };
}

/** The report JSON readers get: shown cells as counted, every other one null and its path listed. */
function publishedOf(report: YearReport, statuses: Readonly<Record<string, CellStatus>>, options: SuppressionOptions): PublishedReport {
  const suppressed: string[] = [];
  const shown = (path: string) => {
    if (!isHidden(statuses[path])) return true;
    if (!(options.showRegions === false && path.startsWith(`${REGIONS_WITHHELD}.`))) suppressed.push(path);
    return false;
  };
  const count = (path: string, value: number) => (shown(path) ? value : null);
  // A share is count/total: with the total hidden, a share would give the total back, so none is shown.
  const totalShown = !isHidden(statuses["signals.total"]);
  const cell = (path: string, value: { count: number; share: number }): PublishedCell => {
    if (!shown(path)) return HIDDEN;
    if (totalShown) return value;
    suppressed.push(`${path}.share`);
    return { count: value.count, share: null };
  };
  const cells = (dimension: string, from: Record<string, { count: number; share: number }>): Cells =>
    Object.fromEntries(Object.entries(from).map(([code, value]) => [code, cell(`signals.${dimension}.${code}`, value)]));

  const s = report.signals;
  const t = report.trajectories;
  const signals: PublishedReport["signals"] = {
    total: count("signals.total", s.total),
    tenderRelated: cell("signals.tenderRelated", s.tenderRelated),
    byRequesterType: cells("byRequesterType", s.byRequesterType),
    byTopic: cells("byTopic", s.byTopic),
    byPhase: cells("byPhase", s.byPhase),
    byTrigger: cells("byTrigger", s.byTrigger),
    byChannel: cells("byChannel", s.byChannel),
    byRegion: cells("byRegion", s.byRegion),
    byMonth: s.byMonth.map((m) => ({ month: m.month, count: count(`signals.byMonth.${m.month}`, m.count) })),
  };
  if (!options.showRegions) {
    signals.byRegion = {};
    suppressed.push(REGIONS_WITHHELD);
  }
  const outcome = (key: keyof typeof t.outcomes) => count(`trajectories.outcomes.${key}`, t.outcomes[key]);
  const type = (key: keyof typeof t.escalationTypes) => count(`trajectories.escalationTypes.${key}`, t.escalationTypes[key]);
  const trajectories: PublishedReport["trajectories"] = {
    total: count("trajectories.total", t.total),
    regions: count("trajectories.regions", t.regions),
    outcomes: {
      forces_bundled: outcome("forces_bundled"),
      joint_vision: outcome("joint_vision"),
      cooperative_formed: outcome("cooperative_formed"),
      contract_won: outcome("contract_won"),
      contracts_awarded_total: outcome("contracts_awarded_total"),
      municipalities_consulted: outcome("municipalities_consulted"),
      vision_adapted: outcome("vision_adapted"),
      escalated: outcome("escalated"),
    },
    escalationTypes: { legal: type("legal"), council: type("council"), publicity: type("publicity") },
  };
  return { year: report.year, signals, trajectories, suppressed, policy: { name: options.policy, threshold: options.threshold } };
}
