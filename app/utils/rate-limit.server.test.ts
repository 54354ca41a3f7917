import { describe, expect, it } from "vitest";
import { countedKeys, isLimited, MAX_KEYS, recordHit, sweepRateLimits, take, type Counter } from "./rate-limit.server";

const HOUR = 60 * 60_000;
let n = 0;
/** A counter of its own per test, so tests share no state. */
const counter = (max: number, windowMs = HOUR): Counter => ({ bucket: `test-${(n += 1)}`, key: "203.0.113.9", max, windowMs });

describe("in-memory rate limits", () => {
  it("allows exactly max hits within any window, and more once the oldest hit has left it", () => {
    const c = counter(3);
    expect([0, 1, 2, 3].map((i) => Boolean(take([c], 1_000 + i)))).toEqual([true, true, true, false]);
    expect(isLimited(c, 1_000 + HOUR - 1)).toBe(true);
    expect(take([c], 1_000 + HOUR)).toBeDefined();
    expect(take([c], 1_000 + HOUR)).toBeUndefined();
    expect(take([c], 1_002 + HOUR)).toBeDefined();
  });

  it("takes from every counter or from none", () => {
    const address = counter(5);
    const code = counter(1);
    expect(take([address, code], 0)).toBeDefined();
    expect(take([address, code], 1)).toBeUndefined();
    // The refused attempt did not use up the address's allowance.
    for (let i = 0; i < 4; i += 1) expect(take([address], 2 + i)).toBeDefined();
    expect(take([address], 10)).toBeUndefined();
  });

  it("gives hits back when what they were taken for did not happen", () => {
    const c = counter(1);
    const taken = take([c], 0);
    expect(isLimited(c, 1)).toBe(true);
    taken?.giveBack();
    expect(isLimited(c, 1)).toBe(false);
  });

  it("counts events whatever their outcome with recordHit", () => {
    const c = counter(2, 15 * 60_000);
    recordHit(c, 0);
    recordHit(c, 1);
    expect(isLimited(c, 2)).toBe(true);
    expect(isLimited(c, 15 * 60_000 + 1)).toBe(false);
  });

  it("keeps at most MAX_KEYS keys however many addresses send, and sweeps those whose window passed", () => {
    const bucket = `flood-${(n += 1)}`;
    for (let i = 0; i < MAX_KEYS + 100; i += 1) take([{ bucket, key: `2001:db8::${i.toString(16)}`, max: 1, windowMs: HOUR }], 0);
    expect(countedKeys()).toBeLessThanOrEqual(MAX_KEYS);
    sweepRateLimits(2 * HOUR);
    expect(countedKeys()).toBe(0);
  });
});
