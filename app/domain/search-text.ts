/** Case and accents do not matter: "Privé" finds "prive", "Ozdemir" finds "Özdemir". */
export function normaliseSearchText(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}
