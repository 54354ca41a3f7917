import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, TEMPORARY_PASSWORD } from "./fixtures";
import { factorOf, nextTotpCode, updateFactor } from "./factors";
import { recordSecret } from "./log-check";
import { FIRST_ADMIN, setupLinkIn, WORKER_DIR } from "./worker-app";

export { expect, test } from "./fixtures";
export { nextTotpCode } from "./factors";
export { recordedSecrets, recordSecret } from "./log-check";
export { createFirstAdmin, FIRST_ADMIN, serverEnv, setupLinkIn, sparePort, startServer, WORKER_ORIGIN, type WorkerApp } from "./worker-app";

/** This worker's folder: its server's database (rode-draad.db), keys (secrets.json) and console (server.log). */
export const E2E_DIR = WORKER_DIR;

export type Credentials = { name: string; email: string; password: string };

export function serverLog(): string {
  return fs.readFileSync(path.join(E2E_DIR, "server.log"), "utf8");
}

export function setupLinkFromLog(): string {
  return setupLinkIn(serverLog());
}

/** The first admin of this worker's server (roles beheerder + intermediair, made by the worker fixture). */
export function admin(): Credentials {
  return { ...FIRST_ADMIN };
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

export function totpKeyOf(email: string): string | undefined {
  return factorOf(email)?.key;
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
  const session = factorOf(email)?.session;
  if (!session) return false;
  await page.context().addCookies([session]);
  await page.goto("/login");
  return new URL(page.url()).pathname !== "/login";
}

/**
 * Logs in and waits until the app has left the login pages: types the TOTP code on the code page and enrols on the
 * enrolment page when the role requires it. Because the server takes every TOTP step only once, a login normally
 * reuses the user's last session while it lives (a logout or reset ends it); `fresh` forces a new session, for tests
 * about logging in or about separate sessions. Such tests use a user of their own (readyStaffUser), whose steps are
 * all still free: the worker's admin logs in afresh only when its session has ended, so no test waits on the clock.
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
  const credentials = { name: input.name, email: input.email ?? uniqueEmail("medewerker"), password: TEMPORARY_PASSWORD };
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
 * A staff account of the test's own, ready for an ordinary login: made by this worker's admin (in a context of its
 * own), with the password chosen and the second factor enrolled where the role needs it. A test about logging in or
 * out uses one, so it neither ends the admin session the other tests resume nor waits for a TOTP step the admin used.
 */
export async function readyStaffUser(
  browser: Browser,
  input: { name: string; roles: string[]; firstLoginIn?: Page },
): Promise<Credentials & { recoveryCodes: string[] }> {
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await login(adminPage, admin());
  const created = await createStaffUser(adminPage, input);
  await adminContext.close();
  const password = `${input.name.split(" ")[0]} kiest een eigen wachtwoord 2026`;
  recordSecret(password);
  // The first login may stay logged in, in the test's own tab: one session without spending another TOTP step.
  const own = input.firstLoginIn ? undefined : await browser.newContext();
  const recoveryCodes = await loginAndChoosePassword(input.firstLoginIn ?? (await own!.newPage()), created, password);
  await own?.close();
  return { ...created, password, recoveryCodes };
}

/**
 * Empties this tab's cookie jar, so the next user logs in here without ending the session of the one before (a
 * logout would end the worker admin's session, which the other tests resume).
 */
export async function asAnotherUser(page: Page): Promise<void> {
  await page.context().clearCookies();
  await page.goto("/");
}

/**
 * Starts the built app as `npm start` does (without the build step), on its own port and database, and collects its
 * console. Resolves when it listens or exits.
 */
export async function startApp(env: Record<string, string>): Promise<{ pid: number | undefined; output: () => string; exitCode: Promise<number | null>; stop: () => Promise<void> }> {
  let output = "";
  const child = spawn(process.execPath, ["build/server.js"], { env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
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
