import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Browser } from "@playwright/test";

/**
 * Every Playwright worker runs the suite against a server and database of its own, so specs in different workers
 * never see each other's records, sessions, lockouts or second-factor steps. Ports and folders derive from E2E_PORT
 * and the worker's parallel index (0 … workers−1), so parallel checkouts on one machine, each with its own E2E_PORT,
 * never collide:
 *   E2E_PORT + index                     the worker's server (test/.tmp/e2e/w<index>/)
 *   E2E_PORT + 10 + 20·index + offset    servers a test starts itself (sparePort(offset), offset 0–19, one per spec)
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BASE_PORT = Number(process.env.E2E_PORT ?? 3123);
const PARALLEL_INDEX = Number(process.env.TEST_PARALLEL_INDEX ?? 0);

export const WORKER_PORT = BASE_PORT + PARALLEL_INDEX;
export const WORKER_ORIGIN = `http://127.0.0.1:${WORKER_PORT}`;
export const WORKER_DIR = path.join(ROOT, "test/.tmp/e2e", `w${PARALLEL_INDEX}`);

/**
 * A port for a test's own server: beside E2E_PORT and of this worker only. Each spec takes offsets (0–19) no other
 * spec uses, so a server a failed test left behind never blocks another spec's start.
 */
export function sparePort(offset: number): number {
  if (!Number.isInteger(offset) || offset < 0 || offset > 19) throw new Error(`sparePort: offset ${offset} ligt niet tussen 0 en 19.`);
  return BASE_PORT + 10 + 20 * PARALLEL_INDEX + offset;
}

/** The first account of every worker's server, made through the one-time setup page as an operator would. */
export const FIRST_ADMIN = { name: "Ilse Intermediair", email: "ilse@example.org", password: "rode draad begint hier 2026" } as const;

/** The environment the suite's servers run with, as `npm start` would in production. */
export function serverEnv(databasePath: string, port: number): Record<string, string> {
  return {
    DATABASE_PATH: databasePath,
    PORT: String(port),
    HOST: "127.0.0.1",
    // Tests that exercise throttling speak for their own client address, so they lock out no other test.
    TRUSTED_PROXY_HEADER: "x-forwarded-for",
    SECURITY_CONTACT: "mailto:beveiliging@example.org",
    NODE_ENV: "production",
  };
}

export type WorkerApp = { origin: string; databasePath: string; logPath: string; stop: () => Promise<void> };

async function listening(origin: string, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`De testserver stopte bij het starten:\n${fs.readFileSync(logPath, "utf8")}`);
    const healthy = await fetch(`${origin}/healthz`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`De testserver op ${origin} antwoordt niet binnen 60 s.`);
}

/**
 * Starts the built server (`npx remix build && npm run build:server` first) on a fresh database in `dir`; its console
 * goes to server.log there, where the setup link is read and the log check looks. `extraEnv`: settings of the test
 * (TENDERNED_URL of a fake TenderNed).
 */
export async function startServer(dir: string, port: number, extraEnv: Record<string, string> = {}): Promise<WorkerApp> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const databasePath = path.join(dir, "rode-draad.db");
  const logPath = path.join(dir, "server.log");
  const log = fs.openSync(logPath, "a");
  const child = spawn(process.execPath, ["build/server.js"], {
    cwd: ROOT,
    env: { ...process.env, ...serverEnv(databasePath, port), ...extraEnv },
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A worker that dies without its teardown still takes its server along.
  const orphan = () => child.kill("SIGKILL");
  process.once("exit", orphan);
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.off("exit", orphan);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    await listening(origin, child, logPath);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, databasePath, logPath, stop };
}

/** The one-time setup link the server printed on its first start. */
export function setupLinkIn(log: string): string {
  const match = /(\/setup\?token=[A-Za-z0-9_-]+)/.exec(log);
  if (!match?.[1]) throw new Error("De setup-link staat niet in de serverlog.");
  return match[1];
}

/** Creates the first admin through the setup page, in a browser context of its own; the first login enrols the factor. */
export async function createFirstAdmin(browser: Browser, origin: string, log: string, admin: { name: string; email: string; password: string }): Promise<void> {
  const context = await browser.newContext({ baseURL: origin, locale: "nl-NL" });
  try {
    const page = await context.newPage();
    await page.goto(setupLinkIn(log));
    await page.getByLabel("Naam").fill(admin.name);
    await page.getByLabel("E-mailadres").fill(admin.email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(admin.password);
    await page.getByLabel("Herhaal het wachtwoord").fill(admin.password);
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    await expect(page.getByRole("status")).toContainText("Het eerste account is aangemaakt");
  } finally {
    await context.close();
  }
}
