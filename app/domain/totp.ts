import { HOTP, Secret, TOTP } from "otpauth";

/** RFC 6238 as every authenticator app speaks it by default: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
const TOTP_ALGORITHM = "SHA1";
/** One step either side absorbs clock drift between phone and server without widening the guessing odds much. */
const TOTP_WINDOW = 1;
const ISSUER = "Rode Draad";

export function timeStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** Six digits, whatever spaces the user typed between them; anything else is not a TOTP code. */
export function normaliseTotpCode(input: string): string | undefined {
  const code = input.replace(/\s+/g, "");
  return /^\d{6}$/.test(code) ? code : undefined;
}

function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * The time step a code belongs to when it is valid now (±1 step) and newer than the last accepted step, else
 * undefined. Requiring a newer step makes every code single-use, also within its own window.
 */
export function acceptTotp(input: { secretBase32: string; code: string; nowMs: number; lastStep: number | null }): number | undefined {
  const secret = Secret.fromBase32(input.secretBase32);
  const current = timeStep(input.nowMs);
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step += 1) {
    if (input.lastStep !== null && step <= input.lastStep) continue;
    const expected = HOTP.generate({ secret, counter: step, algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS });
    if (sameCode(expected, input.code)) return step;
  }
  return undefined;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, account: string): string {
  return new TOTP({
    issuer: ISSUER,
    label: account,
    secret: Secret.fromBase32(secretBase32),
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

/** The key as people type it: blocks of four. */
export function groupInBlocks(text: string, size = 4): string {
  return text.match(new RegExp(`.{1,${size}}`, "g"))?.join(" ") ?? "";
}

/** No 0/O, 1/I/L: a code read off paper must not be ambiguous. 31 symbols × 10 positions ≈ 49.5 bits. */
export const RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const RECOVERY_CODE_LENGTH = 10;
export const RECOVERY_CODE_COUNT = 10;

export function formatRecoveryCode(symbols: string): string {
  return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}

/** Case, spaces and dashes do not matter; returns the canonical form or undefined when it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | undefined {
  const symbols = input.toUpperCase().replace(/[\s-]+/g, "");
  if (symbols.length !== RECOVERY_CODE_LENGTH) return undefined;
  if ([...symbols].some((c) => !RECOVERY_ALPHABET.includes(c))) return undefined;
  return formatRecoveryCode(symbols);
}
