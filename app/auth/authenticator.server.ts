import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { findLoginCandidate, type StaffUser } from "~/models/user.server";
import { decoyPasswordHash, verifyPassword } from "~/utils/password.server";

export class InvalidCredentialsError extends Error {}

export const authenticator = new Authenticator<StaffUser>();

authenticator.use(
  new FormStrategy(async ({ form }) => {
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const candidate = findLoginCandidate(email);
    const valid = await verifyPassword(candidate?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!candidate || !valid || candidate.user.disabled) throw new InvalidCredentialsError();
    return candidate.user;
  }),
  "password",
);
