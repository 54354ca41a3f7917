import { normaliseSearchText } from "./search-text";

/**
 * The confidentiality guard of the kennisbank: before an article is published its text is compared with what must
 * never reach the public site — the linked signals' reporter names, organisations, e-mail addresses and phone
 * numbers, the municipalities involved, and names the intermediary marks as sensitive. Matching ignores case,
 * accents and punctuation ("Özdemir" is caught as "ozdemir"), e-mail addresses ignore case, and phone numbers are
 * compared by their digits with +31 / 0031 read as 0, so "+31 6 1234 5678" catches "06-12345678".
 */

export type GuardKind = "reporter_name" | "organisation" | "email" | "phone" | "municipality" | "sensitive";

export const GUARD_KIND_LABELS: Record<GuardKind, string> = {
  reporter_name: "Naam van een melder",
  organisation: "Organisatie van een melder",
  email: "E-mailadres van een melder",
  phone: "Telefoonnummer van een melder",
  municipality: "Betrokken gemeente",
  sensitive: "Als gevoelig gemarkeerde naam",
};

export type GuardTerm = { kind: GuardKind; value: string };
export type GuardHit = GuardTerm;

/** Letters and digits only, words separated by one space and padded, so a term matches whole words only. */
function words(text: string): string {
  return ` ${normaliseSearchText(text).replace(/[^\p{L}\p{N}@.]+/gu, " ").replace(/\.(?=\s|$)/g, "").trim()} `;
}

/** Digits of a phone number, the international prefix of the Netherlands read as a leading 0. */
export function phoneDigits(text: string): string {
  // "+31 (0)6 …": the bracketed 0 is the national prefix the international one replaces.
  const typed = text.replace(/\(0\)/g, "").trim();
  const digits = typed.replace(/\D/g, "");
  if (typed.startsWith("+31")) return `0${digits.slice(2)}`;
  if (digits.startsWith("0031")) return `0${digits.slice(4)}`;
  return digits;
}

/** Runs of digits in a text as a phone number may be typed: +, spaces, dashes, dots, slashes and brackets between. */
function phoneNumbersIn(text: string): string[] {
  return (text.match(/\+?[\d(][\d\s().\/-]{6,}\d/g) ?? []).map(phoneDigits);
}

/** A phone number must have this many digits to be looked for: fewer would match years and amounts. */
const MIN_PHONE_DIGITS = 8;
/** Shorter names ("Jo", "A.") would match ordinary words; they are not looked for. */
const MIN_NAME_LENGTH = 3;
/** Parts of a reporter's name looked for on their own: long enough to be a name, not a tussenvoegsel. */
const MIN_NAME_PART = 4;

function matches(term: GuardTerm, text: { words: string; phones: string[] }): boolean {
  if (term.kind === "phone") {
    const wanted = phoneDigits(term.value);
    return wanted.length >= MIN_PHONE_DIGITS && text.phones.some((found) => found.includes(wanted) || (found.length >= MIN_PHONE_DIGITS && wanted.includes(found)));
  }
  const wanted = words(term.value);
  if (wanted.trim().length < MIN_NAME_LENGTH) return false;
  if (text.words.includes(wanted)) return true;
  // A reporter is as recognisable by the surname or first name alone ("mevrouw Zwanenburg"); short parts such as
  // "van" or "de" are left out, they would match any sentence.
  return term.kind === "reporter_name" && wanted.trim().split(" ").some((part) => part.length >= MIN_NAME_PART && text.words.includes(` ${part} `));
}

/** Each term found in the text, once per kind and value (as first given), in the order of the terms. */
export function guardHits(text: string, terms: readonly GuardTerm[]): GuardHit[] {
  const prepared = { words: words(text), phones: phoneNumbersIn(text) };
  const seen = new Set<string>();
  const hits: GuardHit[] = [];
  for (const term of terms) {
    const key = `${term.kind}:${term.kind === "phone" ? phoneDigits(term.value) : words(term.value)}`;
    if (seen.has(key) || !matches(term, prepared)) continue;
    seen.add(key);
    hits.push({ kind: term.kind, value: term.value.trim() });
  }
  return hits;
}
