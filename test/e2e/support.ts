import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.tmp/e2e");
const ADMIN_FILE = path.join(E2E_DIR, "admin.json");

export type Credentials = { name: string; email: string; password: string };

export function serverLog(): string {
  return fs.readFileSync(path.join(E2E_DIR, "server.log"), "utf8");
}

export function setupLinkFromLog(): string {
  const match = /(\/setup\?token=[A-Za-z0-9_-]+)/.exec(serverLog());
  if (!match?.[1]) throw new Error("De setup-link staat niet in de serverlog.");
  return match[1];
}

export function saveAdmin(credentials: Credentials): void {
  fs.writeFileSync(ADMIN_FILE, JSON.stringify(credentials));
}

export function admin(): Credentials {
  return JSON.parse(fs.readFileSync(ADMIN_FILE, "utf8")) as Credentials;
}

/** Every page must pass axe with the WCAG 2.1 A/AA rules. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Fills and sends the login form; the caller checks the outcome. */
export async function attemptLogin(page: Page, credentials: Pick<Credentials, "email" | "password">): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(credentials.email);
  await page.getByLabel("Wachtwoord").fill(credentials.password);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

/** Logs in and waits until the app has left the login page. */
export async function login(page: Page, credentials: Pick<Credentials, "email" | "password">): Promise<void> {
  await attemptLogin(page, credentials);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

let counter = 0;
/** Unique per test run, so tests never depend on each other's users. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.org`;
}

/** Creates a staff account through the admin pages (as admin) and returns its temporary credentials. */
export async function createStaffUser(
  page: Page,
  input: { name: string; roles: string[]; email?: string },
): Promise<Credentials> {
  const credentials = { name: input.name, email: input.email ?? uniqueEmail("medewerker"), password: "tijdelijk-Wachtwoord-42" };
  await page.goto("/beheer/gebruikers/nieuw");
  await page.getByLabel("Naam").fill(credentials.name);
  await page.getByLabel("E-mailadres").fill(credentials.email);
  for (const role of input.roles) await page.getByLabel(role, { exact: true }).check();
  await page.getByLabel("Tijdelijk wachtwoord").fill(credentials.password);
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByRole("status")).toContainText("Het account is aangemaakt");
  return credentials;
}

/** First login with a temporary password ends on the change-password page; this completes it. */
export async function loginAndChoosePassword(page: Page, credentials: Credentials, newPassword: string): Promise<void> {
  await attemptLogin(page, credentials);
  await expect(page).toHaveURL(/\/wachtwoord$/);
  await page.getByLabel("Huidig wachtwoord").fill(credentials.password);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(newPassword);
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(newPassword);
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("Uw wachtwoord is gewijzigd");
}
