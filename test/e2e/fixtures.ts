import fs from "node:fs";
import { test as base } from "@playwright/test";
import { expectCleanServerLog } from "./log-check";
import { createFirstAdmin, FIRST_ADMIN, startServer, WORKER_DIR, WORKER_PORT, type WorkerApp } from "./worker-app";

/** The temporary password createStaffUser gives every account it makes. */
export const TEMPORARY_PASSWORD = "tijdelijk-Wachtwoord-42";

/**
 * The suite's `test`: every worker first starts its own server on a fresh database (worker-app.ts) and creates the
 * first admin through the setup page; the config's baseURL points at it. When the worker ends, the server stops and
 * its log is checked for every secret the worker's tests typed. Specs take `test` from here (or from ./support),
 * never from @playwright/test, or they would run without a server.
 */
export const test = base.extend<object, { workerApp: WorkerApp }>({
  workerApp: [
    async ({ browser }, use) => {
      const app = await startServer(WORKER_DIR, WORKER_PORT);
      try {
        await createFirstAdmin(browser, app.origin, fs.readFileSync(app.logPath, "utf8"), FIRST_ADMIN);
        await use(app);
      } finally {
        await app.stop();
      }
      expectCleanServerLog(fs.readFileSync(app.logPath, "utf8"), [FIRST_ADMIN.password, TEMPORARY_PASSWORD]);
    },
    { scope: "worker", auto: true, timeout: 90_000 },
  ],
});

export { expect } from "@playwright/test";
