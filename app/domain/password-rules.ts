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
  if (email && password.toLowerCase().includes(email.toLowerCase().split("@")[0] ?? "\u0000")) {
    return "Het wachtwoord mag uw e-mailadres niet bevatten.";
  }
  return undefined;
}
