import type { MilestoneKind } from "./trajectory-codes";
import type { Publication } from "./tenderned-rows";

export type YouthCareSettings = { cpvCodes: string[]; words: string[] };

/** Defaults an admin can change on the monitor's page. */
export const DEFAULT_YOUTH_CARE: YouthCareSettings = {
  cpvCodes: ["85311300", "85312000", "85121270", "85323000"],
  words: ["jeugd", "jeugdhulp", "jeugdzorg", "jeugdwet"],
};

/**
 * CPV codes are a hierarchy written with trailing zeros: 85310000 is the group of every 8531xxxx code, 85000000 the
 * whole health and social services family. A setting therefore matches every code below it.
 */
export function cpvMatches(setting: string, code: string): boolean {
  const prefix = setting.replace(/0+$/, "");
  return prefix.length >= 2 && code.startsWith(prefix);
}

function plain(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** A word matches at the start of a word of the name or description ("jeugd" finds "Jeugdhulp", not "sportjeugd"). */
export function wordsMatch(words: readonly string[], text: string): boolean {
  const haystack = plain(text);
  return words.some((w) => {
    const needle = plain(w.trim());
    if (!needle) return false;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
      if (at === 0 || !/[\p{L}\p{N}]/u.test(haystack[at - 1]!)) return true;
    }
    return false;
  });
}

export function matchesByWords(p: Pick<Publication, "title" | "description">, settings: YouthCareSettings): boolean {
  return wordsMatch(settings.words, `${p.title}\n${p.description}`);
}

export function isYouthCare(p: Pick<Publication, "title" | "description" | "cpvCodes">, settings: YouthCareSettings): boolean {
  return matchesByWords(p, settings) || p.cpvCodes.some((code) => settings.cpvCodes.some((s) => cpvMatches(s, code)));
}

/** A settings list typed in a textarea: one entry a line or comma-separated, trimmed, without doubles. */
export function parseSettingList(text: string): string[] {
  return [...new Set(text.split(/[\n,;]/).map((s) => s.trim()).filter(Boolean))];
}

export function cpvSettingProblem(codes: readonly string[]): string | undefined {
  const wrong = codes.find((c) => !/^\d{8}$/.test(c.replace(/-\d$/, "")));
  return wrong ? `"${wrong}" is geen CPV-code van 8 cijfers.` : undefined;
}

/**
 * TenderNed's notice types as the region's procurement milestones. The deadline of an announcement (and a new one in
 * a rectification) is a milestone of its own, so it shows in the 30-day list on its day.
 */
const KIND_OF_TYPE: Record<string, MilestoneKind> = {
  MAC: "market_consultation",
  VOP: "procurement_strategy",
  AAO: "tender_published",
  RVO: "clarifications",
  REC: "clarifications",
  AGO: "award",
};

export type MilestoneSpec = { kind: MilestoneKind; dueOn: string };

export function milestonesOf(p: Pick<Publication, "typeCode" | "publishedOn" | "closingOn">): MilestoneSpec[] {
  const kind = KIND_OF_TYPE[p.typeCode];
  if (!kind) return [];
  const specs: MilestoneSpec[] = [{ kind, dueOn: p.publishedOn }];
  if (p.closingOn && (kind === "tender_published" || kind === "clarifications")) specs.push({ kind: "submission_deadline", dueOn: p.closingOn });
  return specs;
}

/** A contracting authority's name as compared: case, accents, punctuation and spacing do not count. */
export function authorityKey(name: string): string {
  return plain(name)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const MUNICIPALITY_PREFIX = /^(gemeente|gemeentebestuur|college van burgemeester en wethouders( van)?( de gemeente)?) /;

export type AuthorityIndex = { municipalities: ReadonlyMap<string, { code: string; regionCode: string }>; aliases: ReadonlyMap<string, string> };

export function authorityIndex(
  municipalities: readonly { code: string; name: string; regionCode: string }[],
  aliases: readonly { nameKey: string; regionCode: string }[],
): AuthorityIndex {
  return {
    municipalities: new Map(municipalities.map((m) => [authorityKey(m.name), { code: m.code, regionCode: m.regionCode }])),
    aliases: new Map(aliases.map((a) => [a.nameKey, a.regionCode])),
  };
}

export type AuthorityMatch = { regionCode: string; via: "alias" } | { regionCode: string; via: "municipality"; municipalityCode: string };

/** An alias an admin stored wins over a municipality's name (a "Gemeente X" acting for its whole region). */
export function matchAuthority(name: string, index: AuthorityIndex): AuthorityMatch | null {
  const key = authorityKey(name);
  if (!key) return null;
  const alias = index.aliases.get(key);
  if (alias) return { regionCode: alias, via: "alias" };
  const municipality = index.municipalities.get(key.replace(MUNICIPALITY_PREFIX, ""));
  return municipality ? { regionCode: municipality.regionCode, via: "municipality", municipalityCode: municipality.code } : null;
}
