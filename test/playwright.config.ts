import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "./e2e/browser-flags";
import { WORKER_ORIGIN } from "./e2e/worker-app";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The built app (`npx remix build && npm run build:server` first) runs as `npm start` runs it. Every worker starts a
 * server and database of its own (e2e/fixtures.ts, e2e/worker-app.ts: port E2E_PORT + worker index, folder
 * test/.tmp/e2e/w<index>); this file is loaded again in each worker, where WORKER_ORIGIN is that worker's server.
 * Specs are self-contained (their own users and records), so any spec may run in any worker, in any order.
 * E2E_WORKERS sets the number of workers (default 2: the measured best on 2 cores, see README "Tests").
 */
export default defineConfig({
  testDir: ".",
  testMatch: /(e2e|security)\/.*\.spec\.ts/,
  globalSetup: "./e2e/cli-bundle.global.ts",
  outputDir: path.join(ROOT, "test/.tmp/results"),
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  // Limits for hangs, not measures of speed: on 2 shared cores under load (other work, busy loops) a login with argon2
  // or an axe scan takes several times its usual second. A test that takes longer than this says so (test.slow()).
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: WORKER_ORIGIN,
    locale: "nl-NL",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
});
