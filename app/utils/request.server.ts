import type { AppLoadContext } from "@remix-run/node";
import type { Actor } from "~/domain/actor";
import type { Role } from "~/domain/roles";

/** The client address comes from the server context, resolved once there (honouring TRUSTED_PROXY_HEADER). */
export function actorOf(user: { id: number; roles: readonly Role[] } | null | undefined, context: AppLoadContext): Actor {
  return { userId: user?.id ?? null, clientAddress: context.clientAddress, roles: user?.roles ?? [] };
}

/** Any origin will do: a value that resolves to another origin against this one does so against every origin. */
const PLACEHOLDER_ORIGIN = "http://rode-draad.invalid";

/**
 * Only a path of our own: a crafted ?redirectTo= must not send a user elsewhere after login. The browser drops tabs
 * and newlines and reads a backslash as a slash, so those are refused outright; what is left is resolved as the browser
 * would and must stay on the origin. The answer is the resolved path (percent-encoded, so it always fits a header),
 * and a path that resolves to `//…` is refused too, or it would name a host once sent back as a Location.
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !/^\/(?!\/)/.test(target) || /[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  // A path-relative reference (one slash, then not another) always parses against a valid base.
  const url = new URL(target, PLACEHOLDER_ORIGIN);
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
