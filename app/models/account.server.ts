import { DomainError } from "~/domain/errors";
import type { PasswordOwner } from "~/domain/password-rules";
import type { Role } from "~/domain/roles";
import { db } from "~/utils/db.server";
import { hashPassword, passwordProblem, verifyPassword } from "~/utils/password.server";
import { endSessionsOfUser } from "./session.server";
import { audit, type Actor } from "./audit.server";
import { LoginLockedError, throttledCheck } from "./login-throttle.server";
import {
  countOtherActiveAdmins,
  countUsers,
  emailTaken,
  getPasswordHash,
  getUser,
  insertUser,
  setRoles,
  updateUserRow,
} from "./user.server";

function assertPasswordAcceptable(password: string, email: string, field = "password", owner: PasswordOwner = "own"): void {
  const problem = passwordProblem(password, email, owner);
  if (problem) throw new DomainError("ACCOUNT.WEAK_PASSWORD", problem, field);
}

function assertEmailFree(email: string, exceptUserId?: number): void {
  if (emailTaken(email, exceptUserId)) {
    throw new DomainError("ACCOUNT.EMAIL_TAKEN", "Er is al een account met dit e-mailadres.", "email");
  }
}

function assertAdminRemains(userId: number, tx: Parameters<typeof countOtherActiveAdmins>[1]): void {
  if (countOtherActiveAdmins(userId, tx) === 0) {
    throw new DomainError("ACCOUNT.LAST_ADMIN", "Dit is de laatste actieve beheerder: die kan niet worden uitgeschakeld of de rol beheerder verliezen.");
  }
}

/** Only while no account exists: the setup token proves the person starting the app is the operator. */
export async function createFirstAccount(input: { email: string; name: string; password: string }, actor: Actor) {
  assertPasswordAcceptable(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return db().transaction((tx) => {
    if (countUsers() > 0) throw new DomainError("SETUP.DONE", "Er bestaat al een account. Log in.");
    const id = insertUser(tx, { ...input, roles: ["admin", "intermediary"], passwordHash, mustChangePassword: false });
    audit({ ...actor, userId: id }, "setup.first_account", { type: "user", id }, { roles: ["admin", "intermediary"] }, tx);
    return id;
  });
}

export async function createStaffUser(
  input: { email: string; name: string; roles: Role[]; temporaryPassword: string },
  actor: Actor,
): Promise<number> {
  assertEmailFree(input.email);
  assertPasswordAcceptable(input.temporaryPassword, input.email, "temporaryPassword", "someone-else");
  const passwordHash = await hashPassword(input.temporaryPassword);
  return db().transaction((tx) => {
    const id = insertUser(tx, { ...input, passwordHash, mustChangePassword: true });
    audit(actor, "user.created", { type: "user", id }, { roles: input.roles }, tx);
    return id;
  });
}

/** Returns whether the roles changed, so a user who changed their own can be moved to a fresh session id. */
export function updateStaffUser(userId: number, input: { email: string; name: string; roles: Role[] }, actor: Actor): boolean {
  const before = getUser(userId);
  if (!before) throw new DomainError("ACCOUNT.NOT_FOUND", "Dit account bestaat niet.");
  assertEmailFree(input.email, userId);
  const rolesChanged = before.roles.join() !== [...input.roles].sort().join();
  db().transaction((tx) => {
    if (before.roles.includes("admin") && !input.roles.includes("admin") && !before.disabled) assertAdminRemains(userId, tx);
    updateUserRow(tx, userId, { name: input.name.trim(), email: input.email.trim().toLowerCase() });
    setRoles(tx, userId, input.roles);
    audit(actor, "user.updated", { type: "user", id: userId }, { roles: input.roles, rolesChanged }, tx);
  });
  // New rights take effect with a new login, so a session never carries roles it was not opened with.
  if (rolesChanged && actor.userId !== userId) endSessionsOfUser(userId);
  return rolesChanged;
}

export function setUserDisabled(userId: number, disabled: boolean, actor: Actor): void {
  const user = getUser(userId);
  if (!user) throw new DomainError("ACCOUNT.NOT_FOUND", "Dit account bestaat niet.");
  if (disabled && userId === actor.userId) {
    throw new DomainError("ACCOUNT.SELF_DISABLE", "U kunt uw eigen account niet uitschakelen.");
  }
  db().transaction((tx) => {
    if (disabled && user.roles.includes("admin")) assertAdminRemains(userId, tx);
    updateUserRow(tx, userId, { disabledAt: disabled ? new Date().toISOString() : null });
    audit(actor, disabled ? "user.disabled" : "user.enabled", { type: "user", id: userId }, undefined, tx);
  });
  if (disabled) endSessionsOfUser(userId);
}

export async function setTemporaryPassword(userId: number, temporaryPassword: string, actor: Actor): Promise<void> {
  const user = getUser(userId);
  if (!user) throw new DomainError("ACCOUNT.NOT_FOUND", "Dit account bestaat niet.");
  assertPasswordAcceptable(temporaryPassword, user.email, "temporaryPassword", "someone-else");
  const passwordHash = await hashPassword(temporaryPassword);
  db().transaction((tx) => {
    updateUserRow(tx, userId, { passwordHash, mustChangePassword: true });
    audit(actor, "user.temporary_password_set", { type: "user", id: userId }, undefined, tx);
  });
  endSessionsOfUser(userId);
}

/** Ends the user's other sessions: whoever knew the old password is logged out everywhere else. */
export async function changeOwnPassword(
  user: { id: number; email: string; sessionHash: string },
  input: { currentPassword: string; newPassword: string },
  actor: Actor,
): Promise<void> {
  const currentHash = getPasswordHash(user.id);
  // The current password is a credential like the one at login: guessing it here counts towards the same lockout.
  const outcome = await throttledCheck(user.email, actor.clientAddress, async () =>
    currentHash && (await verifyPassword(currentHash, input.currentPassword)) ? true : undefined,
  );
  if (outcome.status !== "passed") {
    const target = { type: "user", id: user.id };
    if (outcome.status === "locked") {
      audit(actor, "auth.login_refused", target, { check: "current_password" });
      throw new LoginLockedError();
    }
    audit(actor, "auth.login_failed", target, { check: "current_password" });
    throw new DomainError("ACCOUNT.WRONG_PASSWORD", "Het huidige wachtwoord klopt niet.", "currentPassword");
  }
  if (input.currentPassword === input.newPassword) {
    throw new DomainError("ACCOUNT.SAME_PASSWORD", "Kies een ander wachtwoord dan het huidige.", "newPassword");
  }
  assertPasswordAcceptable(input.newPassword, user.email, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  db().transaction((tx) => {
    updateUserRow(tx, user.id, { passwordHash, mustChangePassword: false });
    audit(actor, "auth.password_changed", { type: "user", id: user.id }, undefined, tx);
  });
  endSessionsOfUser(user.id, user.sessionHash);
}
