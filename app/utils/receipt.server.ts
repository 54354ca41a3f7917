import crypto from "node:crypto";
import { secrets } from "./keys.server";

/**
 * Receipt codes of the public form: 20 decimal digits from the system's CSPRNG, log2(10^20) ≈ 66.4 bits (OWASP ASVS
 * asks at least 64; GlobaLeaks' 16 digits give 53). Digits, so they can be read out over the phone and typed anywhere.
 */
export const RECEIPT_DIGITS = 20;

export function newReceiptCode(): string {
  return Array.from({ length: RECEIPT_DIGITS }, () => crypto.randomInt(0, 10)).join("");
}

/** `1234 5678 9012 3456 7890`: groups of four are easier to copy and to read out. */
export function formatReceiptCode(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** Spaces and dashes typed with the code are ignored; anything else makes it no code at all. */
export function normaliseReceiptCode(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, "");
  return new RegExp(`^\\d{${RECEIPT_DIGITS}}$`).test(digits) ? digits : undefined;
}

/** Only this keyed hash is stored; without the key (kept outside the database) a stolen database reveals no codes. */
export function receiptHash(digits: string, key: Buffer = secrets().receiptKey): string {
  return crypto.createHmac("sha256", key).update(digits, "utf8").digest("hex");
}
