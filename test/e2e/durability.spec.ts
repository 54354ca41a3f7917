import crypto from "node:crypto";
import path from "node:path";
import { checkStored, submitReports } from "../bench/portal-load";
import { expect, sparePort, startApp, tempDir, test } from "./support";

const PORT = sparePort(5);
const BASE = `http://127.0.0.1:${PORT}`;

test("a server killed with SIGKILL while reports come in loses none it acknowledged, and the file stays intact", async ({ page }) => {
  // Two server starts and a few seconds of load on a 2-core machine that also runs the rest of the suite.
  test.setTimeout(90_000);
  const receiptKey = crypto.randomBytes(32);
  const databasePath = path.join(tempDir(), "rode-draad.db");
  const env = {
    DATABASE_PATH: databasePath,
    PORT: String(PORT),
    NODE_ENV: "production",
    RECEIPT_KEY: receiptKey.toString("base64"),
    // Every request comes from this one address.
    PORTAL_SUBMISSIONS_PER_HOUR: "100000000",
    PORTAL_POSTS_PER_HOUR: "100000000",
  };

  const app = await startApp(env);
  const pid = app.pid;
  if (!pid) throw new Error("De server heeft geen proces-id.");
  const load = await submitReports(BASE, {
    seconds: 20,
    kill: {
      afterMs: 2_500,
      // Some reports must be in before the kill, however slowly this machine answers them.
      afterCodes: 11,
      kill: () => {
        process.kill(pid, "SIGKILL");
        return app.exitCode;
      },
    },
  });
  // No exit code: the process ended by the signal, in the middle of the load, not by finishing it.
  expect(await app.exitCode).toBeNull();
  expect(load.codes.length, "reports acknowledged before the kill").toBeGreaterThan(10);

  const restarted = await startApp(env);
  await page.goto(`${BASE}/melden/volgen`);
  await page.getByLabel("Ontvangstcode").fill(load.codes.at(-1) ?? "");
  await page.getByRole("button", { name: "Bekijk mijn melding" }).click();
  await expect(page.getByText("Status: Ontvangen")).toBeVisible();
  await restarted.stop();

  const { missing, integrity } = checkStored(databasePath, load.codes, receiptKey);
  expect(missing, `acknowledged reports missing of ${load.codes.length}`).toEqual([]);
  expect(integrity).toBe("ok");
});
