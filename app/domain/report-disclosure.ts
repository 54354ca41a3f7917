import { groupOf, holds, isTotal, relationsOf, type CellValues } from "./report-cells";
import { isSensitive, type Policy } from "./report-policy";
import { equal, isFixed as fixedIn, UNBOUNDED, type AtMost, type LinearSystem, type Range, type Term } from "./report-solver";

/**
 * The reader as attacker. Everything published about one year's figures — every version of its report and every
 * later report that compares with it — is put into one system of constraints; a suppressed cell is safe only when
 * that system still allows it another value. What a reader knows of each cell:
 * - shown: its value; "< k" (small): 1 to k−1 (zero is published as 0); "afgeschermd" (protected): k or more, since
 *   only cells that could have been shown are hidden to protect another; withheld (a whole table left out): nothing;
 * - the relations between cells (report-cells.ts), where the true figures satisfy them;
 * - between two versions of the same year, for each table whose counts only grew (new signals, nothing reclassified
 *   or removed): that no cell went down. A reader cannot know that, but may assume it and then be right.
 */

export type CellStatus = "shown" | "small" | "protected" | "withheld";

/**
 * One published set of a year's figures: the status of every cell as readers got it and, when `exact`, the true
 * figures of that moment (kept with the publication, for staff only). Releases from before the figures were kept
 * have only their shown values; they still count for the version rules, but not in the system.
 */
export type Release = {
  threshold: number;
  /** The policy it was published under: which of its cells were protected when below k. */
  policy: Policy;
  statuses: Readonly<Record<string, CellStatus>>;
  values: CellValues;
  exact: boolean;
  /**
   * Whether region names were left out of it by choice (not by suppression). Later versions may show them when
   * allowed; a table suppression withheld stays withheld. Absent in releases from before it was recorded.
   */
  regionsLeftOut?: boolean;
};

export type Problem = { release: number; path: string; kind: "cell" | "difference" };

export const isHidden = (status: CellStatus | undefined) => status !== undefined && status !== "shown";

function rangeOf(status: CellStatus, value: number, threshold: number): Range {
  if (status === "shown") return { min: value, max: value };
  if (status === "small") return { min: 1, max: threshold - 1 };
  if (status === "protected") return { min: threshold, max: UNBOUNDED };
  return { min: 0, max: UNBOUNDED };
}

/** The name of one cell of one release in the system. */
export const variable = (release: number, path: string) => `${release}|${path}`;

/** Per table, whether no cell went down from the earlier to the later release. */
function grewIn(earlier: CellValues, later: CellValues, group: string): boolean {
  return Object.keys(earlier).every((path) => groupOf(path) !== group || (later[path] ?? 0) >= earlier[path]!);
}

export type Audit = {
  system: LinearSystem;
  /** The true figures of every exact release: one solution of the system, which spares most searches. */
  truth: Map<string, number>;
  growth: (earlier: number, later: number, path: string) => boolean;
  /** The variable of one cell of one release: one of an unchanged table is the earlier release's. */
  name: (release: number, path: string) => string;
};

/** Whether a table has the very same counts in both releases. */
function sameIn(earlier: CellValues, later: CellValues, group: string): boolean {
  const paths = (values: CellValues) => Object.keys(values).filter((path) => groupOf(path) === group);
  const before = paths(earlier);
  return before.length === paths(later).length && before.every((path) => later[path] === earlier[path]);
}

function intersect(a: Range, b: Range): Range | null {
  const range = { min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) };
  return range.min <= range.max ? range : null;
}

/**
 * A table with the very same counts in a later release is, to the attacker, the same unknowns as in the earlier one,
 * known as well as either release tells (a cell one shows is known in both; one withheld in the later adds nothing):
 * the reader may assume it did not change and then be right, exactly as with counts that only grew. Giving the
 * attacker that equality only lets them know more, so it never makes a release look safer than it is. Without it,
 * a version that repeats the figures of the one before (republished for a changed narrative or colophon) doubled
 * the unknowns, every hidden cell tied to its twin by "no cell went down"; the search for another solution then ran
 * out of budget, an unsettled search counts as worked out, and every table was withheld.
 */
export function attackerSystem(releases: readonly Release[]): Audit {
  const ranges = new Map<string, Range>();
  const truth = new Map<string, number>();
  const constraints: AtMost[] = [];
  const names = new Map<string, string>();
  const seen = new Set<string>();
  const name = (release: number, path: string) => names.get(variable(release, path)) ?? variable(release, path);
  const unchanged = new Map<string, boolean>();
  const same = (earlier: number, later: number, path: string) => {
    const key = `${earlier}|${later}|${groupOf(path)}`;
    if (!unchanged.has(key)) unchanged.set(key, sameIn(releases[earlier]!.values, releases[later]!.values, groupOf(path)));
    return unchanged.get(key)!;
  };
  releases.forEach((release, index) => {
    if (!release.exact) return;
    for (const [path, value] of Object.entries(release.values)) {
      const range = rangeOf(release.statuses[path] ?? "shown", value, release.threshold);
      const twin = releases.findIndex((other, at) => at < index && other.exact && same(at, index, path));
      const shared = twin >= 0 ? name(twin, path) : null;
      const both = shared ? intersect(ranges.get(shared)!, range) : null;
      if (shared && both) {
        names.set(variable(index, path), shared);
        ranges.set(shared, both);
        continue;
      }
      ranges.set(variable(index, path), range);
      truth.set(variable(index, path), value);
    }
    for (const relation of relationsOf(release.values)) {
      if (!holds(relation, release.values)) continue;
      if (relation.terms.every(([path]) => !isHidden(release.statuses[path]))) continue;
      const terms: Term[] = relation.terms.map(([path, sign]) => ({ variable: name(index, path), coefficient: sign }));
      // An unchanged table published alike gives the very relation an earlier release gave.
      const key = JSON.stringify([terms, relation.constant, relation.equality]);
      if (seen.has(key)) continue;
      seen.add(key);
      if (relation.equality) constraints.push(...equal(terms, relation.constant));
      else constraints.push({ terms, constant: relation.constant });
    }
  });
  const grew = new Map<string, boolean>();
  const growth = (earlier: number, later: number, path: string) => {
    const key = `${earlier}|${later}|${groupOf(path)}`;
    if (!grew.has(key)) grew.set(key, grewIn(releases[earlier]!.values, releases[later]!.values, groupOf(path)));
    return grew.get(key)!;
  };
  releases.forEach((later, j) => {
    releases.slice(0, j).forEach((earlier, i) => {
      if (!earlier.exact || !later.exact) return;
      for (const path of Object.keys(earlier.values)) {
        if (!(path in later.values) || !growth(i, j, path) || name(i, path) === name(j, path)) continue;
        if (!isHidden(earlier.statuses[path]) && !isHidden(later.statuses[path])) continue;
        constraints.push({ terms: [{ variable: name(i, path), coefficient: 1 }, { variable: name(j, path), coefficient: -1 }], constant: 0 });
      }
    });
  });
  return { system: { ranges, constraints }, truth, growth, name };
}

/**
 * Whether another release shows this cell with this very value: working it out then tells a reader only that it did
 * not change (a version without region names after one with them, for instance), nothing that was not published.
 */
export function shownElsewhere(releases: readonly Release[], index: number, path: string, value: number): boolean {
  return releases.some((other, at) => at !== index && other.statuses[path] === "shown" && other.values[path] === value);
}

/**
 * The first thing a reader could work out that they must not: a suppressed non-zero cell of any release fixed to its
 * value, or, between two releases, the change of a cell the later one's policy protects when it is 1 to k−1 and fixed
 * (it would tell what the few signals added or moved in between were). A change of a total only tells how many came
 * in between, not which, so totals are not judged. Both shown is judged only for the last release, the one being
 * decided: earlier pairs were judged when they were published. Null when there is none.
 */
export function findProblem(releases: readonly Release[], safe: Set<string> = new Set()): Problem | null {
  const { system, truth, growth, name } = attackerSystem(releases);
  // Hiding more only ever lets a reader know less, so what was safe stays safe while the releases stay the same.
  const isFixed = (key: string, terms: Term[], value: number) => {
    if (safe.has(key)) return false;
    const fixed = fixedIn(system, terms, value, truth);
    if (!fixed) safe.add(key);
    return fixed;
  };
  const one = (release: number, path: string): Term[] => [{ variable: name(release, path), coefficient: 1 }];
  for (const [index, release] of releases.entries()) {
    if (!release.exact) continue;
    for (const [path, value] of Object.entries(release.values)) {
      if (value > 0 && isHidden(release.statuses[path]) && !shownElsewhere(releases, index, path, value) && isFixed(`${index}|${path}`, one(index, path), value)) return { release: index, path, kind: "cell" };
    }
  }
  for (let j = releases.length - 1; j >= 0; j -= 1) {
    const later = releases[j]!;
    for (let i = 0; i < j; i += 1) {
      const earlier = releases[i]!;
      if (!earlier.exact || !later.exact) continue;
      for (const path of Object.keys(later.values)) {
        const change = later.values[path]! - (earlier.values[path] ?? 0);
        if (!isSensitive(path, later.policy) || isTotal(path) || Math.abs(change) < 1 || Math.abs(change) >= later.threshold) continue;
        const bothShown = !isHidden(earlier.statuses[path] ?? "shown") && !isHidden(later.statuses[path]);
        if (bothShown) {
          if (j === releases.length - 1) return { release: j, path, kind: "difference" };
          continue;
        }
        if (!(path in earlier.values) || !growth(i, j, path)) continue;
        const terms = [...one(j, path), { variable: name(i, path), coefficient: -1 as const }];
        if (isFixed(`${i}>${j}|${path}`, terms, change)) return { release: j, path, kind: "difference" };
      }
    }
  }
  return null;
}
