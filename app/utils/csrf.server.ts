import { appCookie } from "./cookies.server";
import { refusal } from "./refusal.server";
import { constantTimeEqual, randomToken } from "./crypto.server";
import { CSRF_FIELD } from "./csrf-field";
import { isSameOriginRequest } from "./origin.server";


function csrfCookie() {
  return appCookie("rd_csrf");
}

async function readToken(request: Request): Promise<string | undefined> {
  const value: unknown = await csrfCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? value : undefined;
}

/**
 * Double-submit token in a signed cookie: every form carries the token, every action compares it with the cookie.
 * The token is renewed at login and logout, so it belongs to one session. Returns the Set-Cookie header when a new
 * token was made.
 */
export async function csrfToken(request: Request): Promise<{ token: string; setCookie?: string }> {
  const existing = await readToken(request);
  if (existing) return { token: existing };
  return freshCsrfToken();
}

export async function freshCsrfToken(): Promise<{ token: string; setCookie: string }> {
  const token = randomToken();
  return { token, setCookie: await csrfCookie().serialize(token) };
}

function refuse(): never {
  throw refusal(403, "Het formulier is verlopen of komt niet van deze site. Laad de pagina opnieuw en probeer het nog eens.", "Forbidden");
}

function sameOrigin(request: Request): boolean {
  return isSameOriginRequest({
    origin: request.headers.get("Origin"),
    secFetchSite: request.headers.get("Sec-Fetch-Site"),
    host: new URL(request.url).host,
  });
}

/** Call first in every action. Throws a 403 response when the origin or the token is wrong (the server checked the origin too). */
export async function requireCsrf(request: Request, formData: FormData): Promise<void> {
  if (!sameOrigin(request)) refuse();
  const sent = formData.get(CSRF_FIELD);
  const expected = await readToken(request);
  if (typeof sent !== "string" || !expected || !constantTimeEqual(sent, expected)) refuse();
}
