import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { APIRequestContext } from "@playwright/test";
import { E2E_DIR, expect, test } from "../e2e/support";
import { CONFIDENTIAL } from "./confidential-strings";
import { csrfToken, postForm, submitPortalReport } from "./support";
import { cookieHeader, streamPost } from "./streaming";

/**
 * The portal's limits hold under parallel requests, and keeping them leaves nothing in the database that leads back
 * to a reporter's address. The test server runs with the default limits (10 reports, 10 follow-up messages and 60
 * posts per address per hour).
 */
const SUBMISSIONS_PER_HOUR = 10;
const MESSAGES_PER_HOUR = 10;
const POSTS_PER_HOUR = 60;

const report = (message: string) => ({ requesterType: "provider", regionCode: "JZ38", topic: "other", procurementPhase: "none", contact: "anonymous", message });

function followUp(request: APIRequestContext, token: string, code: string, message: string, address: string) {
  return postForm(request, "/melden/volgen", { code, message }, { csrf: token, headers: { "X-Forwarded-For": address } });
}

/** Every text and blob in every table of the database file, as the server wrote it. */
function everyStoredValue(): string[] {
  const database = new Database(path.join(E2E_DIR, "rode-draad.db"), { readonly: true });
  try {
    const tables = database.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    return tables.flatMap(({ name }) =>
      (database.prepare(`select * from "${name}"`).raw().all() as unknown[][]).flatMap((row) =>
        row.flatMap((value) => (typeof value === "string" ? [value] : Buffer.isBuffer(value) ? [value.toString("hex"), value.toString("base64"), value.toString("utf8")] : [])),
      ),
    );
  } finally {
    database.close();
  }
}

/** What a keyed or unkeyed hash of a value would look like, with every key the server holds. */
function derivationsOf(value: string): string[] {
  const stored = JSON.parse(fs.readFileSync(path.join(E2E_DIR, "secrets.json"), "utf8")) as Record<string, string | string[]>;
  const keys = Object.values(stored).flat().flatMap((k) => [Buffer.from(k, "utf8"), Buffer.from(k, "base64")]);
  const inputs = [value, `rate:${value}`];
  const digests = inputs.flatMap((input) => [
    crypto.createHash("sha256").update(input).digest(),
    ...keys.map((key) => crypto.createHmac("sha256", key).update(input).digest()),
  ]);
  return [value, ...digests.flatMap((d) => [d.toString("hex"), d.toString("base64"), d.toString("base64url")])];
}

test("after a report, a follow-up and a wrong code, nothing in the database is derived from the reporter's address", async ({ request }) => {
  const address = "203.0.113.45";
  const code = await submitPortalReport(request, { message: CONFIDENTIAL.portalMessage }, address);
  const token = await csrfToken(request, "/melden/volgen");
  expect((await followUp(request, token, code, CONFIDENTIAL.portalFollowUp, address)).status()).toBe(200);
  expect((await followUp(request, token, "0000 0000 0000 0000 0000", "", address)).status()).toBe(400);

  const values = everyStoredValue();
  // The scan finds what a key of the server derived from something the reporter sent: the receipt code's HMAC.
  const receiptDerivations = derivationsOf(code.replaceAll(" ", ""));
  expect(receiptDerivations.some((needle) => values.some((value) => value.includes(needle)))).toBe(true);
  const needles = derivationsOf(address);
  const found = needles.filter((needle) => values.some((value) => value.includes(needle)));
  expect(found, "values derived from the reporter's address in the database").toEqual([]);
});

test("30 parallel reports from one address: exactly the hourly limit is accepted, the others get 429 with their text", async ({ request }) => {
  const address = "203.0.113.46";
  const token = await csrfToken(request, "/melden");
  const responses = await Promise.all(
    Array.from({ length: 30 }, (_, i) => postForm(request, "/melden", report(`Parallelle melding nummer ${i}`), { csrf: token, headers: { "X-Forwarded-For": address } })),
  );
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 200)).toHaveLength(SUBMISSIONS_PER_HOUR);
  expect(statuses.filter((s) => s === 429)).toHaveLength(30 - SUBMISSIONS_PER_HOUR);
  for (const [i, response] of responses.entries()) {
    if (response.status() === 429) expect(await response.text()).toContain(`Parallelle melding nummer ${i}`);
  }
});

test("30 parallel follow-up messages from one address: exactly the hourly limit is accepted, the others keep their text", async ({ request }) => {
  const address = "203.0.113.47";
  const codes: string[] = [];
  for (const i of [0, 1, 2]) codes.push(await submitPortalReport(request, { message: `Melding ${i} voor berichten per adres` }, `203.0.113.${50 + i}`));
  const token = await csrfToken(request, "/melden/volgen");
  const responses = await Promise.all(
    Array.from({ length: 30 }, (_, i) => followUp(request, token, codes[i % 3] ?? "", `Parallel bericht per adres ${i}`, address)),
  );
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 200)).toHaveLength(MESSAGES_PER_HOUR);
  expect(statuses.filter((s) => s === 429)).toHaveLength(30 - MESSAGES_PER_HOUR);
  for (const [i, response] of responses.entries()) {
    const html = await response.text();
    if (response.status() === 429) {
      expect(html).toContain("Te veel berichten");
      expect(html).toContain(`Parallel bericht per adres ${i}`);
    }
  }
});

test("30 parallel follow-up messages with one code from 30 addresses: exactly the hourly limit per code is accepted", async ({ request }) => {
  const code = await submitPortalReport(request, { message: "Melding voor berichten per code" }, "203.0.113.60");
  const token = await csrfToken(request, "/melden/volgen");
  const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => followUp(request, token, code, `Parallel bericht per code ${i}`, `203.0.114.${i + 1}`)));
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 200)).toHaveLength(MESSAGES_PER_HOUR);
  expect(statuses.filter((s) => s === 429)).toHaveLength(30 - MESSAGES_PER_HOUR);
  // The conversation holds exactly the accepted messages.
  const view = await (await followUp(request, token, code, "", "203.0.113.61")).text();
  expect(view.split("Parallel bericht per code ").length - 1).toBeGreaterThanOrEqual(MESSAGES_PER_HOUR);
  for (let i = 0; i < 30; i += 1) {
    const accepted = responses[i]?.status() === 200;
    expect(view.includes(`Parallel bericht per code ${i}<`), `message ${i}`).toBe(accepted);
  }
});

test("an address over the hourly number of posts is refused before its body is read", async ({ request }) => {
  const address = "203.0.113.48";
  const token = await csrfToken(request, "/melden");
  // Cheap posts first (a wrong honeypot is refused without storing anything), in parallel like a flood.
  const flood = await Promise.all(
    Array.from({ length: POSTS_PER_HOUR }, () => postForm(request, "/melden", { ...report("Vloed"), website: "http://spam.example" }, { csrf: token, headers: { "X-Forwarded-For": address } })),
  );
  expect(flood.map((r) => r.status()).filter((s) => s !== 400)).toEqual([]);
  const outcome = await streamPost("/melden", {
    headers: { Cookie: await cookieHeader(request), "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": address },
    prefix: `csrf=${encodeURIComponent(token)}&message=`,
    fill: "A",
    total: 64 * 1024 * 1024,
  });
  expect(outcome.status).toBe(429);
  expect(outcome.body).toContain("Te veel");
  expect(outcome.complete).toBe(false);
});
