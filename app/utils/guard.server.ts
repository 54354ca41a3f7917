import { redirect } from "@remix-run/node";
import { hasAnyRole, type Role } from "~/domain/roles";
import { getUser, type StaffUser } from "~/models/user.server";
import { sessionUserId } from "./session.server";

export const CHANGE_PASSWORD_PATH = "/wachtwoord";

export type SessionUser = StaffUser & { sessionHash: string };

/** The logged-in, enabled user, or undefined. */
export async function currentUser(request: Request): Promise<SessionUser | undefined> {
  const session = await sessionUserId(request);
  if (!session) return undefined;
  const user = getUser(session.userId);
  if (!user || user.disabled) return undefined;
  return { ...user, sessionHash: session.sessionHash };
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

export function forbidden(): never {
  throw new Response("U heeft geen toegang tot deze pagina.", { status: 403, statusText: "Forbidden" });
}

export function notFound(what = "Deze pagina"): never {
  throw new Response(`${what} bestaat niet (meer).`, { status: 404, statusText: "Not Found" });
}

/**
 * The one role guard, first line of every protected loader and action. Not logged in: to the login page.
 * A temporary password must be changed before anything else. Outside the allowed roles: 403.
 */
export async function requireUser(
  request: Request,
  allowed: readonly Role[] | "any",
  options: { passwordChangePage?: boolean } = {},
): Promise<SessionUser> {
  const user = await currentUser(request);
  if (!user) loginRedirect(request);
  if (user.mustChangePassword && !options.passwordChangePage) throw redirect(CHANGE_PASSWORD_PATH);
  if (allowed !== "any" && !hasAnyRole(user.roles, allowed)) forbidden();
  return user;
}
