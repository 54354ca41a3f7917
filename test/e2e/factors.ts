import { test, type Cookie } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

/**
 * What this worker knows of each user's second factor, per e-mail address: the TOTP key, the last time step used (the
 * server takes every step once, and one step either side of now) and the session cookie of the last completed login.
 * It lives in the worker's memory: the worker's server is its own, and a new worker starts a new server.
 */
type FactorRecord = { key: string; lastStep: number; session?: Cookie };
const records = new Map<string, FactorRecord>();
const STEP_MS = 30_000;

export function factorOf(email: string): FactorRecord | undefined {
  return records.get(email);
}

export function updateFactor(email: string, change: Partial<FactorRecord>): void {
  records.set(email, { ...records.get(email), ...change } as FactorRecord);
}

/** Every key and session cookie the worker used: the log check looks for them in the server's console. */
export function factorSecrets(): { keys: string[]; sessions: string[] } {
  const all = [...records.values()];
  return { keys: all.flatMap((r) => (r.key ? [r.key] : [])), sessions: all.flatMap((r) => (r.session ? [r.session.value] : [])) };
}

/**
 * A TOTP code the server has not seen for this user: of the current step, else of the next one. Only when both are
 * spent does it wait for the clock, which the suite is built never to need (each test that logs in afresh has a user
 * of its own); should it happen, the test gets the time extra and the console says why.
 */
export async function nextTotpCode(email: string): Promise<string> {
  const record = records.get(email);
  if (!record) throw new Error(`Geen TOTP-sleutel bekend voor ${email}.`);
  const step = Math.max(Math.floor(Date.now() / STEP_MS), record.lastStep + 1);
  const wait = (step - 1) * STEP_MS - Date.now();
  if (wait > 0) {
    console.warn(`${email}: beide TOTP-stappen van nu zijn gebruikt; ${Math.ceil(wait / 1000)} s wachten op de klok.`);
    test.info().setTimeout(test.info().timeout + wait + 1_000);
    await new Promise((resolve) => setTimeout(resolve, wait + 250));
  }
  updateFactor(email, { lastStep: step });
  return new TOTP({ secret: Secret.fromBase32(record.key) }).generate({ timestamp: step * STEP_MS });
}
