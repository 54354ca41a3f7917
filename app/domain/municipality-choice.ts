import { normaliseSearchText } from "./search-text";

export type MunicipalityOption = { code: string; name: string; regionCode: string };

function key(text: string): string {
  return normaliseSearchText(text).replace(/\s+/g, " ").trim();
}

/**
 * The municipality a typed text names: only a whole name (case, accents and repeated spaces ignored) or a CBS code
 * counts. A partial name never does, so typing "Ze" on the way to "Zeist" chooses nothing (and certainly not
 * Zevenaar). Undefined when nothing or more than one matches.
 */
export function chosenMunicipality<M extends MunicipalityOption>(typed: string | undefined, municipalities: readonly M[]): M | undefined {
  const wanted = key(typed ?? "");
  if (wanted === "") return undefined;
  const byCode = municipalities.find((m) => m.code.toLowerCase() === wanted);
  if (byCode) return byCode;
  const matches = municipalities.filter((m) => key(m.name) === wanted);
  return matches.length === 1 ? matches[0] : undefined;
}
