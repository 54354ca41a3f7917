import { data, redirect } from "@remix-run/node";
import { can, type Capability } from "~/domain/permissions";
import { hasAnyRole, type Role } from "~/domain/roles";
import { getUser, type StaffUser } from "~/models/user.server";
import { sessionUserId } from "./session.server";

export const CHANGE_PASSWORD_PATH = "/wachtwoord";
export const SECOND_FACTOR_CODE_PATH = "/login/code";
export const SECOND_FACTOR_ENROL_PATH = "/account/tweede-stap";

/** Roles that open confidential content or other accounts may not rely on a password alone. */
const SECOND_FACTOR_ROLES: readonly Role[] = ["intermediary", "admin"];

export type SessionUser = StaffUser & { sessionHash: string };

async function sessionState(request: Request): Promise<{ user: SessionUser; pending: boolean } | undefined> {
  const session = await sessionUserId(request);
  if (!session) return undefined;
  const user = getUser(session.userId);
  if (!user || user.disabled) return undefined;
  return { user: { ...user, sessionHash: session.sessionHash }, pending: session.secondFactorPending };
}

/** The logged-in, enabled user, or undefined; a session still waiting for its second factor does not count. */
export async function currentUser(request: Request): Promise<SessionUser | undefined> {
  const state = await sessionState(request);
  return state && !state.pending ? state.user : undefined;
}

/** The user whose password was accepted and who still owes the second factor, or undefined. */
export async function pendingSecondFactorUser(request: Request): Promise<SessionUser | undefined> {
  const state = await sessionState(request);
  return state?.pending ? state.user : undefined;
}

export function needsSecondFactorEnrolment(user: StaffUser): boolean {
  return !user.secondFactor && hasAnyRole(user.roles, SECOND_FACTOR_ROLES);
}

/** Where a user goes once logged in: what they must do first, else where they wanted to go. */
export function landingPath(user: StaffUser, wanted = "/"): string {
  if (user.mustChangePassword) return CHANGE_PASSWORD_PATH;
  if (needsSecondFactorEnrolment(user)) return SECOND_FACTOR_ENROL_PATH;
  return wanted;
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

/** 403 with the error page's own text: a refusal by role says nothing about what is behind it. */
export function forbidden(): never {
  throw data(null, { status: 403, statusText: "Forbidden" });
}

/**
 * The one role guard, first line of every protected loader and action. Not logged in: to the login page; second
 * factor still owed: to the code page. A temporary password must be changed before anything else, then a required
 * second factor set up. Without the capability (domain/permissions.ts): 403. "any" lets in every staff member.
 */
export async function requireUser(
  request: Request,
  capability: Capability | "any",
  options: { passwordChangePage?: boolean; enrolmentPage?: boolean } = {},
): Promise<SessionUser> {
  const state = await sessionState(request);
  if (!state) loginRedirect(request);
  if (state.pending) throw redirect(SECOND_FACTOR_CODE_PATH);
  const { user } = state;
  if (user.mustChangePassword && !options.passwordChangePage) throw redirect(CHANGE_PASSWORD_PATH);
  if (needsSecondFactorEnrolment(user) && !options.passwordChangePage && !options.enrolmentPage) {
    throw redirect(SECOND_FACTOR_ENROL_PATH);
  }
  if (capability !== "any" && !can(user.roles, capability)) forbidden();
  return user;
}
