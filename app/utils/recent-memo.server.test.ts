import { describe, expect, it } from "vitest";
import { recentMemo } from "./recent-memo.server";

describe("recentMemo", () => {
  it("computes once per key within the time limit, again after it, and keeps only the most recent keys", () => {
    const memo = recentMemo<number, string>({ size: 2, ttlMs: 1_000 });
    const calls: number[] = [];
    const compute = (key: number) => () => {
      calls.push(key);
      return `waarde ${key}`;
    };
    expect(memo(1, compute(1), 0)).toBe("waarde 1");
    expect(memo(1, compute(1), 999)).toBe("waarde 1");
    expect(calls).toEqual([1]);
    expect(memo(1, compute(1), 1_000)).toBe("waarde 1");
    expect(calls).toEqual([1, 1]);
    memo(2, compute(2), 1_000);
    memo(3, compute(3), 1_000);
    memo(2, compute(2), 1_001);
    expect(calls).toEqual([1, 1, 2, 3]);
    memo(1, compute(1), 1_001);
    expect(calls).toEqual([1, 1, 2, 3, 1]);
  });
});
