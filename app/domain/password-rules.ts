import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Length rules, shared by browser and server; the server also refuses common passwords (password.server.ts). */
export const newPasswordField = z
  .string({ required_error: "Vul een wachtwoord in." })
  .min(PASSWORD_MIN_LENGTH, `Gebruik minstens ${PASSWORD_MIN_LENGTH} tekens.`)
  .max(PASSWORD_MAX_LENGTH, `Gebruik hoogstens ${PASSWORD_MAX_LENGTH} tekens.`);

/** Whose password it is: the message speaks to the owner ("uw"), or to an admin setting one for someone else. */
export type PasswordOwner = "own" | "someone-else";

/** A password that only repeats one character or contains the e-mail's name part is as weak as a common one. */
export function obviousPasswordProblem(password: string, email?: string, owner: PasswordOwner = "own"): string | undefined {
  if (new Set(password).size <= 2) return "Dit wachtwoord is te eenvoudig: gebruik meer verschillende tekens.";
  // Short local parts ("a@…") would match nearly every password, so only names of some length count.
  const localPart = email?.split("@")[0]?.toLowerCase() ?? "";
  if (localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    return `Het wachtwoord mag het deel van ${owner === "own" ? "uw" : "het"} e-mailadres vóór de @ niet bevatten.`;
  }
  return undefined;
}
