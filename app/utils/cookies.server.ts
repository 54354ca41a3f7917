import { createCookie, type CookieOptions } from "@remix-run/node";
import { env } from "./env.server";
import { secrets } from "./keys.server";

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
