/**
 * The running footer of the printed report, for CSS `@page` margin boxes (Chromium prints them): the title and
 * version on the left, "pagina n van N" on the right, nothing on the cover. The footer text is made only of the year
 * and version numbers, never of anything a person typed, and is escaped for a CSS string all the same.
 */
/** Who published it comes first, as on the cover: a page printed or forwarded on its own still says whose report it is. */
export function runningFooter(year: number, version: number | null, organisation = ""): string {
  const title = version === null ? `Rode draden ${year} · werkversie` : `Rode draden ${year} · versie ${version}`;
  return organisation.trim() === "" ? title : `${organisation.trim()} · ${title}`;
}

function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

export function pageRules(footer: string): string {
  return [
    `@page { @bottom-left { content: ${cssString(footer)}; font-size: 9pt; color: #000; } @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-size: 9pt; color: #000; } }`,
    `@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }`,
  ].join("\n");
}
