import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Cookie, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

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

/**
 * What the tests know of each user's second factor, per e-mail address: the TOTP key, the last time step used (the
 * server takes every step once), and the session cookie of the last completed login.
 */
type FactorRecord = { key: string; lastStep: number; session?: Cookie };
const FACTORS_FILE = path.join(E2E_DIR, "second-factor.json");
const STEP_MS = 30_000;

function factors(): Record<string, FactorRecord> {
  return fs.existsSync(FACTORS_FILE) ? (JSON.parse(fs.readFileSync(FACTORS_FILE, "utf8")) as Record<string, FactorRecord>) : {};
}

function updateFactor(email: string, change: Partial<FactorRecord>): void {
  const all = factors();
  const record = { ...all[email], ...change } as FactorRecord;
  fs.writeFileSync(FACTORS_FILE, JSON.stringify({ ...all, [email]: record }));
}

export function totpKeyOf(email: string): string | undefined {
  return factors()[email]?.key;
}

/**
 * A TOTP code the server has not seen for this user: of the current step, else of the next one (the server allows
 * one step ahead); only when both are spent does it wait for the clock, and then the test gets that time extra.
 */
export async function nextTotpCode(email: string): Promise<string> {
  const record = factors()[email];
  if (!record) throw new Error(`Geen TOTP-sleutel bekend voor ${email}.`);
  const step = Math.max(Math.floor(Date.now() / STEP_MS), record.lastStep + 1);
  const wait = (step - 1) * STEP_MS - Date.now();
  if (wait > 0) {
    test.info().setTimeout(test.info().timeout + wait + 1_000);
    await new Promise((resolve) => setTimeout(resolve, wait + 250));
  }
  updateFactor(email, { lastStep: step });
  return new TOTP({ secret: Secret.fromBase32(record.key) }).generate({ timestamp: step * STEP_MS });
}

/** On the code page after the password: types the next code (or the given recovery code) and sends it. */
export async function enterSecondFactorCode(page: Page, email: string, code?: string): Promise<void> {
  await page.getByLabel("Code", { exact: true }).fill(code ?? (await nextTotpCode(email)));
  await page.getByRole("button", { name: "Doorgaan" }).click();
}

/** On the enrolment page: reads the key shown as text, confirms a first code, and returns the recovery codes. */
export async function enrolSecondFactor(page: Page, email: string): Promise<string[]> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tweestapsverificatie instellen");
  const key = (await page.getByTestId("totp-key").innerText()).replace(/\s+/g, "");
  updateFactor(email, { key, lastStep: 0 });
  await page.getByLabel("Code van zes cijfers").fill(await nextTotpCode(email));
  await page.getByRole("button", { name: "Code controleren" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bewaar uw herstelcodes");
  const codes = await page.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts();
  await page.getByRole("link", { name: "Ik heb de codes bewaard" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  return codes;
}

async function rememberSession(page: Page, email: string): Promise<void> {
  const session = (await page.context().cookies()).find((c) => c.name === "rd_session");
  if (session) updateFactor(email, { session });
}

/** Puts the user's last session into this browser; true when the server still takes it. */
async function resumeSession(page: Page, email: string): Promise<boolean> {
  const session = factors()[email]?.session;
  if (!session) return false;
  await page.context().addCookies([session]);
  await page.goto("/login");
  return new URL(page.url()).pathname !== "/login";
}

/**
 * Logs in and waits until the app has left the login pages: types the TOTP code on the code page and enrols on the
 * enrolment page when the role requires it. Because the server takes every TOTP step only once, a login normally
 * reuses the user's last session while it lives (a logout or reset ends it); `fresh` forces a new session, for tests
 * about logging in or about separate sessions.
 */
export async function login(page: Page, credentials: Pick<Credentials, "email" | "password">, options: { fresh?: boolean } = {}): Promise<void> {
  if (!options.fresh && (await resumeSession(page, credentials.email))) return;
  await attemptLogin(page, credentials);
  await page.waitForURL((url) => url.pathname !== "/login");
  if (new URL(page.url()).pathname === "/login/code") {
    await enterSecondFactorCode(page, credentials.email);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  }
  if (new URL(page.url()).pathname === "/account/tweede-stap") await enrolSecondFactor(page, credentials.email);
  // A fresh session belongs to its test; the shared one stays what later logins resume.
  if (!options.fresh) await rememberSession(page, credentials.email);
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

/**
 * First login with a temporary password ends on the change-password page; this completes it, and returns the recovery
 * codes when the role needed a second factor (empty otherwise).
 */
export async function loginAndChoosePassword(page: Page, credentials: Credentials, newPassword: string): Promise<string[]> {
  await attemptLogin(page, credentials);
  await expect(page).toHaveURL(/\/wachtwoord$/);
  await page.getByLabel("Huidig wachtwoord").fill(credentials.password);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(newPassword);
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(newPassword);
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("Uw wachtwoord is gewijzigd");
  return new URL(page.url()).pathname === "/account/tweede-stap" ? enrolSecondFactor(page, credentials.email) : [];
}

/**
 * Starts the built app as `npm start` does (without the build step), on its own port and database, and collects its
 * console. Resolves when it listens or exits.
 */
export async function startApp(env: Record<string, string>): Promise<{ pid: number | undefined; output: () => string; exitCode: Promise<number | null>; stop: () => Promise<void> }> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "app/server.ts"], { env: { ...process.env, HOST: "127.0.0.1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = new Promise<number | null>((resolve) => child.on("exit", resolve));
  await Promise.race([
    exitCode,
    expect.poll(() => output, { timeout: 30_000 }).toContain("Rode Draad draait op"),
  ]);
  return {
    pid: child.pid,
    output: () => output,
    exitCode,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exitCode;
    },
  };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-start-"));
}
