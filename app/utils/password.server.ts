import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { obviousPasswordProblem, type PasswordOwner } from "~/domain/password-rules";

/** argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane). */
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const common = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));

/** Catches "Password1234!" too: the common word with digits and signs appended is no stronger. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, "");
  return common.has(lower) || (stem.length >= 4 && common.has(stem));
}

export function passwordProblem(password: string, email?: string, owner: PasswordOwner = "own"): string | undefined {
  if (isCommonPassword(password)) return "Dit wachtwoord staat op een lijst van veelgebruikte wachtwoorden. Kies een ander.";
  return obviousPasswordProblem(password, email, owner);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when an account does not exist keeps the response time the same as for a wrong password. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-never-valid");
  return decoyHash;
}
