import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyChange, changeArbitrary, reportOf, signalArbitrary, trajectoryArbitrary, type Change, type RandomYear } from "./__fixtures__/report-random";
import { cellValues, flatCells, isTotal } from "./report-cells";
import { attackerSystem, isHidden, shownElsewhere, type CellStatus, type Release } from "./report-disclosure";
import { hiddenOf, type HiddenCells } from "./report-document";
import type { PublishedExtra } from "./report-figures";
import { isSensitive, POLICIES, type Policy } from "./report-policy";
import { isFixed } from "./report-solver";
import { REGIONS_WITHHELD, ruleFor, suppressReport, type PublishedReport } from "./report-suppression";

/**
 * For all yearly data and every sequence of publications of it: no published cell the policy protects is below k,
 * no suppressed cell can be worked out from everything published in all versions together (solved as an attacker
 * would, with an exact search) — unless another version shows that very value for it —, no change between versions
 * gives away a few signals, the labels tell the truth, and every shown figure is the live figure.
 */

/** `republish`: the figures did not change since the version before (only the narrative or the colophon did). */
type Step = { change: Change; onlyAdd: boolean; republish: boolean; policy: Policy; showRegions: boolean; threshold: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  change: changeArbitrary,
  onlyAdd: fc.boolean(),
  republish: fc.boolean(),
  policy: fc.constantFrom(...POLICIES),
  showRegions: fc.boolean(),
  threshold: fc.integer({ min: 3, max: 6 }),
});

const yearArbitrary: fc.Arbitrary<RandomYear> = fc.record({
  signals: fc.array(signalArbitrary, { maxLength: 45 }),
  trajectories: fc.array(trajectoryArbitrary, { maxLength: 9 }),
});

/**
 * The attacker starts from the true figures (one solution) and may search far longer than publishing does: an
 * alternative it finds is a real other solution, so a cell it cannot pin is truly not pinned.
 */
const ATTACKER_BUDGET = 100_000;

type Published = { report: PublishedReport; extra: PublishedExtra; hidden: HiddenCells; truth: Record<string, number>; step: Step };

/** What a reader gets of one publication, turned back into cells: the JSON's values and nulls, and the labels. */
function readerView(published: Published): Release {
  const flat = flatCells(published.report, published.extra);
  const statuses: Record<string, CellStatus> = {};
  for (const path of Object.keys(published.truth)) {
    if (!(path in flat)) {
      expect(path.startsWith(`${REGIONS_WITHHELD}.`) && published.report.suppressed.includes(REGIONS_WITHHELD)).toBe(true);
      statuses[path] = "withheld";
    } else if (flat[path] !== null) statuses[path] = "shown";
    else if (published.hidden.withheld.includes(path)) statuses[path] = "withheld";
    else statuses[path] = published.hidden.protected.includes(path) ? "protected" : "small";
  }
  return { threshold: published.step.threshold, policy: published.step.policy, statuses, values: published.truth, exact: true };
}

function checkOne(published: Published, view: Release): void {
  const { threshold: k, policy } = published.step;
  const flat = flatCells(published.report, published.extra);
  const listed = new Set(published.report.suppressed);
  for (const [path, value] of Object.entries(published.truth)) {
    const status = view.statuses[path]!;
    if (status === "shown") {
      expect(flat[path], `${path} as published`).toBe(value);
      if (isSensitive(path, policy)) expect(value === 0 || value >= k, `${path} = ${value} below k = ${k}`).toBe(true);
    } else if (path in flatCells(published.report)) {
      // The document's own figures are not in the JSON, so only the JSON's cells are listed.
      expect(listed.has(path) || listed.has(REGIONS_WITHHELD), `${path} listed as suppressed`).toBe(true);
    }
    if (status === "small") expect(value >= 1 && value < k, `${path} = ${value} labelled < ${k}`).toBe(true);
    if (status === "protected") expect(value, `${path} labelled afgeschermd`).toBeGreaterThanOrEqual(k);
  }
  expect(published.report.policy).toEqual({ name: policy, threshold: k });
}

function checkAttacker(views: Release[], steps: Step[]): void {
  const { system, truth, growth, name } = attackerSystem(views);
  views.forEach((view, index) => {
    for (const [path, value] of Object.entries(view.values)) {
      if (value > 0 && isHidden(view.statuses[path]) && !shownElsewhere(views, index, path, value)) {
        expect(isFixed(system, [{ variable: name(index, path), coefficient: 1 }], value, truth, ATTACKER_BUDGET), `${path} of version ${index + 1} worked out`).toBe(false);
      }
    }
  });
  views.forEach((later, j) => {
    views.slice(0, j).forEach((earlier, i) => {
      const k = steps[j]!.threshold;
      for (const [path, value] of Object.entries(later.values)) {
        const change = value - (earlier.values[path] ?? 0);
        if (!isSensitive(path, steps[j]!.policy) || isTotal(path) || Math.abs(change) < 1 || Math.abs(change) >= k) continue;
        const shownBoth = !isHidden(earlier.statuses[path] ?? "shown") && !isHidden(later.statuses[path]);
        expect(shownBoth, `${path} changes by ${change} between versions ${i + 1} and ${j + 1}, both shown`).toBe(false);
        if (!(path in earlier.values) || !growth(i, j, path)) continue;
        const terms = [{ variable: name(j, path), coefficient: 1 as const }, { variable: name(i, path), coefficient: -1 as const }];
        expect(isFixed(system, terms, change, truth, ATTACKER_BUDGET), `change of ${path} between versions ${i + 1} and ${j + 1} worked out`).toBe(false);
      }
    });
  });
}

describe("suppression, for all yearly data and sequences of publications", () => {
  it("publishes no cell below k, nothing that can be worked out, and only live figures", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(yearArbitrary, fc.array(stepArbitrary, { minLength: 1, maxLength: 4 }), async (start, steps) => {
        // Between runs the worker answers vitest: 150 runs in one synchronous stretch take over a minute on a busy
        // machine, and vitest then reports its own call to the worker as timed out.
        await new Promise((resolve) => setImmediate(resolve));
        let records = start;
        const releases: Release[] = [];
        const published: Published[] = [];
        for (const step of steps) {
          records = published.length === 0 || step.republish ? records : applyChange(records, step.change, step.onlyAdd);
          const live = reportOf(records);
          const rule = ruleFor(releases, step);
          const result = suppressReport(live, { ...rule, showRegions: step.showRegions, earlier: releases });
          const before = published.at(-1);
          if (before && step.republish && (before.step.showRegions === step.showRegions || !step.showRegions)) {
            // Nothing new to hide from: the earlier pattern stands, nothing is withheld or hidden besides it (but
            // the region names, when this version may not show them).
            const outside = (statuses: Readonly<Record<string, CellStatus>>) =>
              Object.fromEntries(Object.entries(statuses).filter(([path]) => step.showRegions || !path.startsWith(`${REGIONS_WITHHELD}.`)));
            expect(outside(result.release.statuses), "republished unchanged figures").toEqual(outside(releases.at(-1)!.statuses));
          }
          releases.push(result.release);
          published.push({ report: result.report, extra: result.extra, hidden: hiddenOf(result.release), truth: cellValues(live), step: { ...step, ...rule } });
        }
        const views = published.map(readerView);
        published.forEach((p, index) => checkOne(p, views[index]!));
        checkAttacker(views, published.map((p) => p.step));
      }),
      { numRuns: 150 },
    );
  });
});
