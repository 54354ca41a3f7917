/**
 * Is this state-changing request from one of our own pages? Browsers name the page's origin in `Origin`; with
 * `Referrer-Policy: no-referrer` Chromium sends `Origin: null` for plain form posts, and then `Sec-Fetch-Site`
 * (sent by every current browser) tells whether the form was on this site.
 */
export function isSameOriginRequest(headers: { origin: string | null; secFetchSite: string | null; host: string | null }): boolean {
  const { origin, secFetchSite, host } = headers;
  if (origin && origin !== "null") {
    try {
      return host !== null && new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return secFetchSite === "same-origin";
}
