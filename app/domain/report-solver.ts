/**
 * A small exact solver for what a reader can deduce from published counts: integer variables with a range, and
 * linear constraints with coefficients +1 and -1 (sums of cells, "this count is at most that one"). It answers one
 * question: is a sum of variables (one cell, or the change of a cell between two versions) fixed to its true value by
 * everything published, or could it also be something else? Bound propagation narrows the ranges; a branching search
 * makes the answer exact, so a "could be something else" is always backed by a whole other solution.
 */

export type Term = { variable: string; coefficient: 1 | -1 };
/** Σ coefficient·variable ≤ constant. An equality is two of these. */
export type AtMost = { terms: readonly Term[]; constant: number };
export type Range = { min: number; max: number };
export type LinearSystem = { ranges: ReadonlyMap<string, Range>; constraints: readonly AtMost[] };

/** A bound for "no upper limit known": large, but far from losing integer precision when dozens are added. */
export const UNBOUNDED = 1_000_000_000;

/**
 * Searches beyond this many nodes give up; the answer is then "could be fixed", the safe side (the cell gets more
 * protection). Tests that check a result as an attacker may search longer.
 */
export const NODE_LIMIT = 2_000;
const QUICK_LIMIT = 64;

export function equal(terms: readonly Term[], constant: number): AtMost[] {
  return [{ terms, constant }, { terms: negated(terms), constant: -constant }];
}

function negated(terms: readonly Term[]): Term[] {
  return terms.map((t) => ({ variable: t.variable, coefficient: t.coefficient === 1 ? -1 : 1 }));
}

/** The system with variables numbered, so the search copies two number arrays per node instead of a map. */
type Compiled = {
  index: Map<string, number>;
  min: Float64Array;
  max: Float64Array;
  constraints: { vars: number[]; signs: number[]; constant: number }[];
  watching: number[][];
};

function compile(system: LinearSystem, extra: readonly AtMost[] = []): Compiled {
  const index = new Map<string, number>();
  const min: number[] = [];
  const max: number[] = [];
  for (const [name, range] of system.ranges) {
    index.set(name, min.length);
    min.push(range.min);
    max.push(range.max);
  }
  const constraints = [...system.constraints, ...extra].map((c) => ({
    vars: c.terms.map((t) => index.get(t.variable)!),
    signs: c.terms.map((t) => t.coefficient),
    constant: c.constant,
  }));
  const watching: number[][] = min.map(() => []);
  constraints.forEach((c, at) => c.vars.forEach((v) => watching[v]!.push(at)));
  return { index, min: Float64Array.from(min), max: Float64Array.from(max), constraints, watching };
}

/** Narrows the ranges until nothing narrows further; false when some constraint cannot hold. */
function propagate(problem: Compiled, min: Float64Array, max: Float64Array): boolean {
  const queue = problem.constraints.map((_, at) => at);
  const queued = new Uint8Array(queue.length).fill(1);
  for (let head = 0; head < queue.length; head += 1) {
    const at = queue[head]!;
    queued[at] = 0;
    const { vars, signs, constant } = problem.constraints[at]!;
    let least = 0;
    for (let i = 0; i < vars.length; i += 1) least += signs[i] === 1 ? min[vars[i]!]! : -max[vars[i]!]!;
    if (least > constant) return false;
    for (let i = 0; i < vars.length; i += 1) {
      const v = vars[i]!;
      const own = signs[i] === 1 ? min[v]! : -max[v]!;
      const room = constant - (least - own);
      let changed = false;
      if (signs[i] === 1 && room < max[v]!) {
        max[v] = room;
        changed = true;
      } else if (signs[i] === -1 && -room > min[v]!) {
        min[v] = -room;
        changed = true;
      }
      if (!changed) continue;
      if (min[v]! > max[v]!) return false;
      least += (signs[i] === 1 ? min[v]! : -max[v]!) - own;
      for (const other of problem.watching[v]!) {
        if (queued[other] === 0) {
          queued[other] = 1;
          queue.push(other);
        }
      }
    }
  }
  return true;
}

/**
 * Depth-first over ranges. With `near` (a known solution), each branch first tries the variable at that solution's
 * value and only then the rest of its range: another solution is usually next to the known one, so it is found
 * after few nodes. Without it, ranges are halved.
 */
function search(problem: Compiled, near?: Float64Array, limit = NODE_LIMIT): boolean | undefined {
  let nodes = 0;
  const step = (min: Float64Array, max: Float64Array): boolean | undefined => {
    nodes += 1;
    if (nodes > limit) return undefined;
    if (!propagate(problem, min, max)) return false;
    let branch = -1;
    let width = Number.POSITIVE_INFINITY;
    for (let v = 0; v < min.length; v += 1) {
      const span = max[v]! - min[v]!;
      if (span > 0 && span < width) {
        branch = v;
        width = span;
      }
    }
    // Every variable fixed and every constraint propagated without conflict: the constraints hold.
    if (branch < 0) return true;
    const low = min[branch]!;
    const high = max[branch]!;
    const known = near?.[branch];
    const parts: [number, number][] = [];
    if (known !== undefined && !Number.isNaN(known)) {
      const at = Math.min(high, Math.max(low, known));
      parts.push([at, at]);
      if (at > low) parts.push([low, at - 1]);
      if (at < high) parts.push([at + 1, high]);
    } else {
      const middle = Math.floor((low + high) / 2);
      parts.push([low, middle], [middle + 1, high]);
    }
    let unknown = false;
    for (const [from, to] of parts) {
      const nextMin = min.slice();
      const nextMax = max.slice();
      nextMin[branch] = from;
      nextMax[branch] = to;
      const found = step(nextMin, nextMax);
      if (found === true) return true;
      if (found === undefined) unknown = true;
    }
    return unknown ? undefined : false;
  };
  return step(problem.min.slice(), problem.max.slice());
}

/** true: a solution exists; false: none; undefined: the search gave up. */
export function feasible(system: LinearSystem): boolean | undefined {
  return search(compile(system));
}

/**
 * Another solution close to a known one: the truth with the target moved by one and at most one other variable
 * moved by one to make up for it. Almost every hidden cell has such a neighbour (a unit moved between two hidden
 * cells of one table), and checking one costs next to nothing next to a search.
 */
function nearbySolution(problem: Compiled, truth: ReadonlyMap<string, number>, target: readonly [number, number][]): boolean {
  const values = new Float64Array(problem.min.length);
  for (const [name, at] of problem.index) values[at] = truth.get(name) ?? Number.NaN;
  const all = Array.from(problem.min, (_, v) => v);
  const holds = (changed: readonly number[]) => {
    for (const v of changed) if (!(values[v]! >= problem.min[v]! && values[v]! <= problem.max[v]!)) return false;
    const seen = new Set<number>();
    for (const v of changed) {
      for (const at of problem.watching[v]!) {
        if (seen.has(at)) continue;
        seen.add(at);
        const c = problem.constraints[at]!;
        let sum = 0;
        for (let i = 0; i < c.vars.length; i += 1) sum += c.signs[i]! * values[c.vars[i]!]!;
        if (!(sum <= c.constant)) return false;
      }
    }
    return true;
  };
  // A "truth" that breaks the system would make any neighbour look like another solution.
  if (!holds(all)) return false;
  const targetValue = () => target.reduce((sum, [v, sign]) => sum + sign * values[v]!, 0);
  const start = targetValue();
  for (const [first] of target) {
    const neighbours = new Set<number>([-1]);
    for (const at of problem.watching[first]!) for (const v of problem.constraints[at]!.vars) if (v !== first) neighbours.add(v);
    for (const delta of [1, -1]) {
      for (const other of neighbours) {
        for (const back of other < 0 ? [0] : [-delta, delta]) {
          values[first] = values[first]! + delta;
          if (other >= 0) values[other] = values[other]! + back;
          const ok = targetValue() !== start && holds(other >= 0 ? [first, other] : [first]);
          values[first] = values[first]! - delta;
          if (other >= 0) values[other] = values[other]! - back;
          if (ok) return true;
        }
      }
    }
  }
  return false;
}

/**
 * The part of the system the target depends on: the variables reachable from it through constraints over variables
 * that are not fixed, with those constraints. The rest has a solution (the system holds the truth) whatever the
 * target does, so only this part needs a search.
 */
function componentOf(problem: Compiled, target: readonly number[]): LinearSystem {
  const reached = new Set<number>(target);
  const constraints = new Set<number>();
  const queue = [...target];
  for (let head = 0; head < queue.length; head += 1) {
    for (const at of problem.watching[queue[head]!]!) {
      if (constraints.has(at)) continue;
      constraints.add(at);
      for (const v of problem.constraints[at]!.vars) {
        if (reached.has(v)) continue;
        reached.add(v);
        if (problem.min[v]! < problem.max[v]!) queue.push(v);
      }
    }
  }
  const names = [...problem.index.keys()];
  const ranges = new Map([...reached].map((v) => [names[v]!, { min: problem.min[v]!, max: problem.max[v]! }] as const));
  const kept = [...constraints].map((at) => {
    const c = problem.constraints[at]!;
    return { terms: c.vars.map((v, i) => ({ variable: names[v]!, coefficient: c.signs[i] === 1 ? (1 as const) : (-1 as const) })), constant: c.constant };
  });
  return { ranges, constraints: kept };
}

/**
 * Whether Σ terms can only be `value` in every solution of the system, which must hold the truth (the caller's
 * figures satisfy it). `truth` lets most answers come from a neighbouring solution without a search. Unknown counts
 * as fixed: the caller then protects the cell further, which is never wrong, only cautious.
 */
export function isFixed(
  system: LinearSystem,
  terms: readonly Term[],
  value: number,
  truth?: ReadonlyMap<string, number>,
  limit = NODE_LIMIT,
): boolean {
  const whole = compile(system);
  const target = terms.map((t): [number, number] => [whole.index.get(t.variable)!, t.coefficient]);
  if (truth && nearbySolution(whole, truth, target)) return false;
  const part = componentOf(whole, target.map(([v]) => v));
  const sides = [{ terms, constant: value - 1 }, { terms: negated(terms), constant: -(value + 1) }].map((extra) => {
    const problem = compile(part, [extra]);
    const near = truth ? Float64Array.from(problem.index.keys(), (name) => truth.get(name) ?? Number.NaN) : undefined;
    return { problem, near };
  });
  // Usually one side has a solution close by and the other has none; a short look at both before a full search of
  // either spares proving the empty side first.
  for (const budget of [QUICK_LIMIT, limit]) {
    for (const { problem, near } of sides) if (search(problem, near, budget) === true) return false;
  }
  return true;
}
