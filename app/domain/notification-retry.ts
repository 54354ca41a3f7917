/** After this many failed attempts an e-mail is given up (about two days of trying with the schedule below). */
export const MAX_ATTEMPTS = 12;

const FIRST_DELAY_MS = 30_000;
const LONGEST_DELAY_MS = 6 * 60 * 60_000;

/**
 * How long to wait after the n-th failed attempt (n ≥ 1): doubling from 30 s up to 6 h, with up to 10 % jitter (from
 * `random` in [0, 1)) so a recovered server is not met by every e-mail at once.
 */
export function retryDelayMs(failedAttempts: number, random = 0): number {
  const exponent = Math.min(Math.max(failedAttempts, 1) - 1, 30);
  const base = Math.min(FIRST_DELAY_MS * 2 ** exponent, LONGEST_DELAY_MS);
  return Math.round(base * (1 + 0.1 * Math.min(Math.max(random, 0), 0.999)));
}

/**
 * What an error from the SMTP conversation is called on the status page and in the log: a code, never the server's
 * message (a refusal often repeats the recipient's address). 5xx answers are permanent: trying again will not help.
 */
export function errorClassOf(error: unknown): { errorClass: string; permanent: boolean } {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  if (typeof e.responseCode === "number" && e.responseCode >= 400 && e.responseCode < 600) {
    return { errorClass: `SMTP_${e.responseCode}`, permanent: e.responseCode >= 500 };
  }
  if (typeof e.code === "string" && /^[A-Z][A-Z0-9_]{1,30}$/.test(e.code)) return { errorClass: e.code, permanent: false };
  return { errorClass: "UNKNOWN", permanent: false };
}
