import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const E2E_DIR = path.join(ROOT, "test/.tmp/e2e");
const PORT = Number(process.env.E2E_PORT ?? 3123);

/**
 * The built app (`npx remix build` first; the server entry is built here, so it is never stale) runs as `npm start`
 * runs it, on a fresh database in test/.tmp/e2e; its console goes to server.log, where the setup test
 * reads the one-time setup link, as an operator would. TRUSTED_PROXY_HEADER lets tests that exercise throttling
 * speak for their own client address without locking out the others.
 */
export default defineConfig({
  testDir: "./e2e",
  outputDir: path.join(ROOT, "test/.tmp/results"),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "nl-NL",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /setup\.spec\.ts/ },
    { name: "app", testMatch: /.*\.spec\.ts/, testIgnore: /setup\.spec\.ts/, dependencies: ["setup"] },
    // The security suite runs against the same server and database; the log check reads the server log once both are done.
    { name: "security", testDir: "./security", testMatch: /.*\.spec\.ts/, testIgnore: /server-log\.spec\.ts/, dependencies: ["setup"] },
    { name: "log-check", testDir: "./security", testMatch: /server-log\.spec\.ts/, dependencies: ["app", "security"] },
  ],
  webServer: {
    command: `npm run build:server && rm -rf "${E2E_DIR}" && mkdir -p "${E2E_DIR}" && exec node build/server.js > "${E2E_DIR}/server.log" 2>&1`,
    cwd: ROOT,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_PATH: path.join(E2E_DIR, "rode-draad.db"),
      PORT: String(PORT),
      HOST: "127.0.0.1",
      TRUSTED_PROXY_HEADER: "x-forwarded-for",
      SECURITY_CONTACT: "mailto:beveiliging@example.org",
      NODE_ENV: "production",
    },
  },
});
