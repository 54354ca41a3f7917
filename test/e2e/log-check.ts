import { expect } from "@playwright/test";
import { CONFIDENTIAL_STRINGS } from "../security/confidential-strings";
import { factorSecrets } from "./factors";

/** Secrets that only exist at run time (receipt codes, passwords), kept by this worker for the check of its server's log. */
const typed: string[] = [];

export function recordSecret(value: string): void {
  typed.push(value);
}

export function recordedSecrets(): string[] {
  return [...typed];
}

/** A signed cookie is base64(JSON value) + "." + signature: the session id itself is inside. */
function cookieAndId(value: string): string[] {
  const cookie = decodeURIComponent(value);
  const id = JSON.parse(Buffer.from(cookie.split(".")[0] ?? "", "base64").toString("utf8")) as unknown;
  return typeof id === "string" ? [cookie, id] : [cookie];
}

/**
 * Run when a worker's server has stopped, over everything its tests sent it: no confidential test string, receipt
 * code, session id, TOTP key or password may be in its console.
 */
export function expectCleanServerLog(log: string, passwords: readonly string[]): void {
  expect(log.length, "the server wrote its console").toBeGreaterThan(0);
  const { keys, sessions } = factorSecrets();
  const secrets = [...CONFIDENTIAL_STRINGS, ...typed, ...keys, ...sessions.flatMap(cookieAndId), ...passwords];
  for (const secret of secrets) expect(log, "a secret in the server log").not.toContain(secret);
  // Receipt codes of every suite, in any grouping: 20 digits.
  expect(log).not.toMatch(/(?<!\d)(\d[ -]?){19}\d(?!\d)/);
  expect(log.toLowerCase()).not.toContain("rd_session=");
}
