import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Length rules, shared by browser and server; the server also refuses common passwords (password.server.ts). */
export const newPasswordField = z
  .string({ required_error: "Vul een wachtwoord in." })
  .min(PASSWORD_MIN_LENGTH, `Gebruik minstens ${PASSWORD_MIN_LENGTH} tekens.`)
  .max(PASSWORD_MAX_LENGTH, `Gebruik hoogstens ${PASSWORD_MAX_LENGTH} tekens.`);

/** A password that only repeats one character or is the e-mail address is as weak as a common one. */
export function obviousPasswordProblem(password: string, email?: string): string | undefined {
  if (new Set(password).size <= 2) return "Dit wachtwoord is te eenvoudig: gebruik meer verschillende tekens.";
  // Short local parts ("a@…") would match nearly every password, so only names of some length count.
  const localPart = email?.split("@")[0]?.toLowerCase() ?? "";
  if (localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    return "Het wachtwoord mag uw e-mailadres niet bevatten.";
  }
  return undefined;
}
