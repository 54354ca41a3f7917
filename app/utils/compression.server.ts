import { SESSION_COOKIE } from "./cookies.server";

type Headers = Record<string, string | string[] | undefined>;

/**
 * Text responses are compressed, except a logged-in request another site started. Compression makes a response's
 * size tell whether text the attacker chose (a search term in a link) matches text elsewhere in the page (BREACH):
 * that needs the user's session on a request the attacker's page set off. Same-origin requests and addresses the user
 * typed (Sec-Fetch-Site same-origin / none) and every request without a session are compressed; without the header
 * (an old browser, plain HTTP to a non-local host) a logged-in page is not.
 */
export function mayCompress(headers: Headers): boolean {
  const cookies = String(headers.cookie ?? "");
  if (!cookies.split(";").some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`))) return true;
  const site = headers["sec-fetch-site"];
  return site === "same-origin" || site === "none";
}
