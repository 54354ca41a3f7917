import fs from "node:fs";
import path from "node:path";
import { expect, sparePort, startApp, tempDir, test } from "../e2e/support";
import { runCli } from "../unit/run-cli";

/**
 * Restore and key rotation replace what a running server works on, so they refuse while a server holds the database,
 * whatever address it listens on; once it is gone (stopped, or killed without a chance to clean up) they work.
 */
const SERVER_PORT = sparePort(10);
const OTHER_PORT = sparePort(11);
const STILL_IN_USE = "Rode Draad gebruikt deze database nog";

const started: Awaited<ReturnType<typeof startApp>>[] = [];
test.afterEach(async () => {
  for (const server of started.splice(0)) await server.stop();
});

test("restore and rotate-key refuse while a server on another port holds the database, and work after kill -9", async () => {
  test.setTimeout(180_000);
  const dir = tempDir();
  const databasePath = path.join(dir, "rode-draad.db");
  const serverEnv = { DATABASE_PATH: databasePath, PORT: String(SERVER_PORT), NODE_ENV: "production" };
  // The commands are told of OTHER_PORT, where nothing listens: only the database can tell them a server runs.
  const cliEnv = { ...process.env, DATABASE_PATH: databasePath, PORT: String(OTHER_PORT), SESSION_SECRET: "", DATA_KEY: "", RECEIPT_KEY: "", NEW_DATA_KEY: "" };
  // As the vitest CLI tests start them (test/unit/run-cli.ts): node with the tsx loader, no npx, the worker not blocked.
  const cli = (script: string, args: string[] = []) => runCli(script, args, cliEnv);

  const app = await startApp(serverEnv);
  started.push(app);
  expect(app.output()).toContain("Rode Draad draait op");
  const copy = path.join(dir, "kopie.db");
  expect((await cli("app/cli/backup.ts", [copy])).stderr).toBe("");
  const secretsBefore = fs.readFileSync(path.join(dir, "secrets.json"), "utf8");

  const restore = await cli("app/cli/restore.ts", [copy]);
  expect(restore.code).toBe(1);
  expect(restore.stderr).toContain(STILL_IN_USE);
  expect(fs.readdirSync(dir).filter((name) => name.includes("voor-herstel"))).toEqual([]);

  const rotate = await cli("app/cli/rotate-key.ts");
  expect(rotate.code).toBe(1);
  expect(rotate.stderr).toContain(STILL_IN_USE);
  expect(fs.readFileSync(path.join(dir, "secrets.json"), "utf8")).toBe(secretsBefore);

  // A second server on the same file, on another port, is refused too.
  const second = await startApp({ ...serverEnv, PORT: String(OTHER_PORT) });
  started.push(second);
  expect(await second.exitCode).toBe(1);
  expect(second.output()).toContain(STILL_IN_USE);
  expect((await fetch(`http://127.0.0.1:${SERVER_PORT}/healthz`)).status).toBe(200);

  if (!app.pid) throw new Error("De server heeft geen proces-id.");
  process.kill(app.pid, "SIGKILL");
  expect(await app.exitCode).toBeNull();

  const restored = await cli("app/cli/restore.ts", [copy]);
  expect(restored.stderr).toBe("");
  expect(restored.stdout).toContain("Hersteld uit");
  const rotated = await cli("app/cli/rotate-key.ts");
  expect(rotated.stderr).toBe("");
  expect(rotated.stdout).toContain("opnieuw versleuteld");

  // And a server starts again on the restored, re-keyed file.
  started.push(await startApp(serverEnv));
  expect((await fetch(`http://127.0.0.1:${SERVER_PORT}/healthz`)).status).toBe(200);
});
