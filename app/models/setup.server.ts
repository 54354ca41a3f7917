import { constantTimeEqual, randomToken } from "~/utils/crypto.server";
import { countUsers } from "./user.server";

/**
 * The setup token lives only in this process's memory and is printed once to the console of whoever started the
 * app: nobody else can create the first account, and a restart issues a new one.
 */
let setupToken: string | undefined;

export function needsSetup(): boolean {
  return countUsers() === 0;
}

export function issueSetupToken(): string {
  setupToken = randomToken(24);
  return setupToken;
}

export function isValidSetupToken(candidate: string | null | undefined): boolean {
  return Boolean(setupToken && candidate && needsSetup() && constantTimeEqual(candidate, setupToken));
}

export function retireSetupToken(): void {
  setupToken = undefined;
}
