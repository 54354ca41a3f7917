import { useMatches } from "@remix-run/react";

/**
 * A route whose page works as plain HTML (the public portal and information pages) exports `handle = WITHOUT_SCRIPTS`:
 * its page is sent without the app's JavaScript and without loader data, so a reporter's browser loads only HTML and
 * CSS, and the page is exactly what a browser without JavaScript gets.
 */
export const WITHOUT_SCRIPTS = { scripts: false } as const;

export function usePageScripts(): boolean {
  return useMatches().every((match) => (match.handle as { scripts?: boolean } | undefined)?.scripts !== false);
}
