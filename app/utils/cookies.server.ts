import { createCookie, type CookieOptions } from "@remix-run/node";
import { env } from "./env.server";
import { secrets } from "./keys.server";

/** The session cookie: a random id, of which only the hash is stored (models/session.server.ts). */
export const SESSION_COOKIE = "rd_session";

/** Every cookie of the app: HttpOnly, SameSite=Lax, signed, Secure when COOKIE_SECURE=true. */
export function appCookie(name: string, options: CookieOptions = {}) {
  return createCookie(name, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().COOKIE_SECURE,
    secrets: [secrets().sessionSecret],
    ...options,
  });
}
