import crypto from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loginAttempts } from "../../db/schema";
import { useTempDatabase } from "../../test/unit/temp-database";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { loginAttemptSucceeded, purgeOldLoginAttempts, reserveLoginAttempt, throttledCheck } from "./login-throttle.server";

beforeAll(() => {
  useTempDatabase();
  prepareDatabase();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Fails every reservation it gets, as a wrong password would. */
function fail(email: string, address: string, times: number): void {
  for (let i = 0; i < times; i += 1) expect(reserveLoginAttempt(email, address)).toBeDefined();
}

/** A credential check that takes real asynchronous time, like argon2 on the thread pool. */
function slowCheck<T>(value: T | undefined): () => Promise<T | undefined> {
  return () => new Promise((resolve) => setTimeout(() => resolve(value), 5));
}

describe("login throttling", () => {
  it("locks an account after 5 failures from any addresses, whatever the letter case", () => {
    fail("Doel@Example.org", "203.0.113.1", 4);
    fail("doel@example.org ", "203.0.113.9", 1);
    expect(reserveLoginAttempt("DOEL@example.org", "203.0.113.200")).toBeUndefined();
  });

  it("locks an address after 5 failures on any accounts, also unknown ones", () => {
    for (let i = 0; i < 5; i += 1) fail(`onbekend${i}@example.org`, "203.0.113.50", 1);
    expect(reserveLoginAttempt("iemand-anders@example.org", "203.0.113.50")).toBeUndefined();
    expect(reserveLoginAttempt("iemand-anders@example.org", "203.0.113.51")).toBeDefined();
  });

  it("counts a reserved attempt as a failure until it is settled as passed", () => {
    const ids = [1, 2, 3, 4, 5].map(() => reserveLoginAttempt("open@example.org", "203.0.113.60"));
    expect(reserveLoginAttempt("open@example.org", "203.0.113.61")).toBeUndefined();
    loginAttemptSucceeded(ids[0] as number);
    expect(reserveLoginAttempt("open@example.org", "203.0.113.61")).toBeDefined();
  });

  it("does not count successful logins", async () => {
    for (let i = 0; i < 6; i += 1) {
      expect(await throttledCheck("goed@example.org", "203.0.113.70", slowCheck("ok"))).toEqual({ status: "passed", value: "ok" });
    }
    expect(reserveLoginAttempt("goed@example.org", "203.0.113.70")).toBeDefined();
  });

  it("checks no more than 5 of 50 simultaneous guesses, and refuses the right one in the middle", async () => {
    let checked = 0;
    const guesses = Array.from({ length: 50 }, (_, i) =>
      throttledCheck("parallel@example.org", `198.51.100.${i}`, () => {
        checked += 1;
        return slowCheck(i === 25 ? "right" : undefined)();
      }),
    );
    const outcomes = await Promise.all(guesses);
    expect(checked).toBe(5);
    expect(outcomes.filter((o) => o.status === "failed")).toHaveLength(5);
    expect(outcomes.filter((o) => o.status === "locked")).toHaveLength(45);
    expect(outcomes[25]).toEqual({ status: "locked" });
  });

  it("keeps a check that throws counted as a failure", async () => {
    for (let i = 0; i < 5; i += 1) {
      await expect(throttledCheck("werpt@example.org", "203.0.113.80", () => Promise.reject(new Error("stuk")))).rejects.toThrow();
    }
    expect(reserveLoginAttempt("werpt@example.org", "203.0.113.81")).toBeUndefined();
  });

  it("stores the typed e-mail address only under a secret key, never as a plain hash", () => {
    fail("Getypt.Adres@example.org", "203.0.113.90", 1);
    const keys = db().select({ key: loginAttempts.emailKey }).from(loginAttempts).all().map((r) => r.key);
    const plainHash = crypto.createHash("sha256").update("getypt.adres@example.org").digest("hex");
    expect(keys).not.toContain(plainHash);
    expect(keys.some((k) => k.includes("getypt"))).toBe(false);
    fail("getypt.adres@EXAMPLE.org", "203.0.113.91", 1);
    const again = db().select({ key: loginAttempts.emailKey }).from(loginAttempts).all().map((r) => r.key);
    expect(new Set(again).size).toBe(new Set(keys).size);
  });

  it("keeps no attempt longer than the lock window", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T10:00:00Z"));
    fail("verlopen@example.org", "203.0.113.95", 5);
    expect(reserveLoginAttempt("verlopen@example.org", "203.0.113.96")).toBeUndefined();
    vi.setSystemTime(new Date("2030-01-01T10:15:01Z"));
    purgeOldLoginAttempts();
    expect(db().select().from(loginAttempts).all()).toEqual([]);
    expect(reserveLoginAttempt("verlopen@example.org", "203.0.113.96")).toBeDefined();
  });
});
