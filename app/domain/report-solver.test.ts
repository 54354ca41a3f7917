import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { equal, feasible, isFixed, type LinearSystem, type Term } from "./report-solver";

/** Every assignment of small ranges, tried one by one: slow, obviously right, and independent of the solver. */
function solutions(system: LinearSystem): Map<string, number>[] {
  const variables = [...system.ranges.keys()];
  const found: Map<string, number>[] = [];
  const holds = (values: Map<string, number>) =>
    system.constraints.every((c) => c.terms.reduce((sum, t) => sum + t.coefficient * values.get(t.variable)!, 0) <= c.constant);
  const walk = (index: number, values: Map<string, number>) => {
    if (index === variables.length) {
      if (holds(values)) found.push(new Map(values));
      return;
    }
    const range = system.ranges.get(variables[index]!)!;
    for (let value = range.min; value <= range.max; value += 1) {
      values.set(variables[index]!, value);
      walk(index + 1, values);
    }
  };
  walk(0, new Map());
  return found;
}

const NAMES = ["a", "b", "c", "d"];

const term = fc.record({ variable: fc.constantFrom(...NAMES), coefficient: fc.constantFrom<1 | -1>(1, -1) });
const constraint = fc
  .record({ terms: fc.array(term, { minLength: 1, maxLength: 4 }), constant: fc.integer({ min: -6, max: 12 }), equality: fc.boolean() })
  .map(({ terms, constant, equality }) => (equality ? equal(terms, constant) : [{ terms, constant }]));
const system = fc
  .record({
    ranges: fc.tuple(...NAMES.map(() => fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 })))),
    constraints: fc.array(constraint, { maxLength: 4 }),
  })
  .map(({ ranges, constraints }): LinearSystem => ({
    ranges: new Map(NAMES.map((name, index) => [name, { min: ranges[index]![0], max: ranges[index]![0] + ranges[index]![1] }])),
    constraints: constraints.flat(),
  }));

describe("the disclosure solver", () => {
  it("finds a solution exactly when one exists", () => {
    fc.assert(
      fc.property(system, (s) => {
        expect(feasible(s)).toBe(solutions(s).length > 0);
      }),
      { numRuns: 400 },
    );
  });

  it("calls a sum fixed exactly when every solution gives it the same value", () => {
    fc.assert(
      fc.property(system, fc.array(term, { minLength: 1, maxLength: 2 }), (s, terms: Term[]) => {
        const all = solutions(s);
        fc.pre(all.length > 0);
        const values = new Set(all.map((values) => terms.reduce((sum, t) => sum + t.coefficient * values.get(t.variable)!, 0)));
        const truth = [...values][0]!;
        expect(isFixed(s, terms, truth)).toBe(values.size === 1);
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same answer when it may start from a known solution", () => {
    fc.assert(
      fc.property(system, fc.array(term, { minLength: 1, maxLength: 2 }), fc.nat(), (s, terms: Term[], pick) => {
        const all = solutions(s);
        fc.pre(all.length > 0);
        const known = all[pick % all.length]!;
        const valueOf = (values: Map<string, number>) => terms.reduce((sum, t) => sum + t.coefficient * values.get(t.variable)!, 0);
        const others = all.filter((values) => valueOf(values) !== valueOf(known));
        expect(isFixed(s, terms, valueOf(known), known)).toBe(others.length === 0);
      }),
      { numRuns: 400 },
    );
  });

  it("sees through a tender-related subtotal: 24 = 12 + 10 + x fixes x at 2", () => {
    const ranges = new Map([
      ["upcoming", { min: 12, max: 12 }],
      ["running", { min: 10, max: 10 }],
      ["contracting", { min: 1, max: 4 }],
      ["tenderRelated", { min: 24, max: 24 }],
    ]);
    const sum = equal(
      [
        { variable: "tenderRelated", coefficient: 1 },
        { variable: "upcoming", coefficient: -1 },
        { variable: "running", coefficient: -1 },
        { variable: "contracting", coefficient: -1 },
      ],
      0,
    );
    expect(isFixed({ ranges, constraints: sum }, [{ variable: "contracting", coefficient: 1 }], 2)).toBe(true);
    ranges.set("running", { min: 5, max: 1_000 });
    expect(isFixed({ ranges, constraints: sum }, [{ variable: "contracting", coefficient: 1 }], 2)).toBe(false);
  });
});
