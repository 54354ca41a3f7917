import type { Role } from "~/domain/roles";

/**
 * The demo logins. The passwords are published on purpose (they are printed and in the README): a demo database holds
 * invented data only, and must never be used for real work.
 */
export const DEMO_ACCOUNTS: readonly { email: string; name: string; roles: Role[]; password: string; what: string }[] = [
  { email: "demo@rode-draad.example", name: "Demo Intermediair", roles: ["intermediary"], password: "Bemiddelen-in-2021!", what: "intermediair" },
  { email: "lezer@rode-draad.example", name: "Demo Lezer", roles: ["reader"], password: "Rapport-inzien-2021!", what: "lezer" },
];

/** What the console shows after seeding and when the demo starts. */
export function demoLoginText(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.what.padEnd(12)} ${a.email}  wachtwoord: ${a.password}`);
  return [
    "Demo-accounts (verzonnen gegevens, niet voor echt werk):",
    ...lines,
    "Als intermediair: bij de eerste keer stelt u de tweede stap in met een authenticator-app.",
  ].join("\n");
}
