import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { prepareDatabase } from "~/utils/boot.server";
import { isLoginLocked, recordLoginAttempt } from "./login-throttle.server";

beforeAll(() => {
  useTempDatabase();
  prepareDatabase();
});

describe("login throttling", () => {
  it("locks an account after 5 failures from any addresses, whatever the letter case", () => {
    for (let i = 0; i < 4; i += 1) recordLoginAttempt("Doel@Example.org", `203.0.113.${i}`, false);
    expect(isLoginLocked("doel@example.org", "203.0.113.200")).toBe(false);
    recordLoginAttempt("doel@example.org ", "203.0.113.9", false);
    expect(isLoginLocked("DOEL@example.org", "203.0.113.200")).toBe(true);
  });

  it("locks an address after 5 failures on any accounts, also unknown ones", () => {
    for (let i = 0; i < 5; i += 1) recordLoginAttempt(`onbekend${i}@example.org`, "203.0.113.50", false);
    expect(isLoginLocked("iemand-anders@example.org", "203.0.113.50")).toBe(true);
    expect(isLoginLocked("iemand-anders@example.org", "203.0.113.51")).toBe(false);
  });

  it("does not count successful logins", () => {
    for (let i = 0; i < 6; i += 1) recordLoginAttempt("goed@example.org", "203.0.113.70", true);
    expect(isLoginLocked("goed@example.org", "203.0.113.70")).toBe(false);
  });
});
