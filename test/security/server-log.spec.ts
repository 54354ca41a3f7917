import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { admin, E2E_DIR, serverLog } from "../e2e/support";
import { CONFIDENTIAL_STRINGS } from "./confidential-strings";
import { recordedSecrets } from "./support";

/** Runs after the app and security projects: what the whole run typed must not be in the server's console. */
type FactorRecord = { key: string; session?: { value: string } };

function sessionIdsAndKeys(): string[] {
  const file = path.join(E2E_DIR, "second-factor.json");
  if (!fs.existsSync(file)) return [];
  const records = Object.values(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, FactorRecord>);
  return records.flatMap((r) => {
    const cookie = r.session?.value ? decodeURIComponent(r.session.value) : undefined;
    // A signed cookie is base64(JSON value) + "." + signature: the id itself is inside.
    const id = cookie ? (JSON.parse(Buffer.from(cookie.split(".")[0] ?? "", "base64").toString("utf8")) as string) : undefined;
    return [r.key, cookie, id].filter((v): v is string => Boolean(v));
  });
}

test("the server log holds none of the confidential test strings, receipt codes, session ids, keys or passwords", () => {
  const log = serverLog();
  expect(log.length).toBeGreaterThan(0);
  const secrets = [...CONFIDENTIAL_STRINGS, ...recordedSecrets(), ...sessionIdsAndKeys(), admin().password, "tijdelijk-Wachtwoord-42"];
  expect(CONFIDENTIAL_STRINGS.length).toBeGreaterThan(0);
  expect(recordedSecrets().length, "the security suite recorded its receipt codes and passwords").toBeGreaterThan(0);
  for (const secret of secrets) expect(log, "a secret in the server log").not.toContain(secret);
  // Receipt codes of every suite, in any grouping: 20 digits.
  expect(log).not.toMatch(/(?<!\d)(\d[ -]?){19}\d(?!\d)/);
  expect(log.toLowerCase()).not.toContain("rd_session=");
});
