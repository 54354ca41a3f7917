import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkStored, submitReports } from "./portal-load";

/**
 * npm run bench -- portal: throughput of the public form against the built app on 127.0.0.1, then durability: the
 * server is killed with SIGKILL in the middle of a second run, and every submission that got its receipt code must be
 * in the database afterwards. The portal's limits are raised for the run (PORTAL_SUBMISSIONS_PER_HOUR,
 * PORTAL_POSTS_PER_HOUR); nothing else is changed. Prints figures; asserts nothing.
 */
const PORT = Number(process.env.BENCH_PORT ?? 3150);
const BASE = `http://127.0.0.1:${PORT}`;
const RECEIPT_KEY = crypto.randomBytes(32);

if (!fs.existsSync("build/index.js")) spawnSync("npx", ["remix", "build"], { stdio: "inherit" });

async function startServer(databasePath: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["--import", "tsx", "app/server.ts"], {
    env: {
      ...process.env,
      DATABASE_PATH: databasePath,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      RECEIPT_KEY: RECEIPT_KEY.toString("base64"),
      PORTAL_SUBMISSIONS_PER_HOUR: "100000000",
      PORTAL_POSTS_PER_HOUR: "100000000",
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("De server start niet.");
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-portal-bench-"));

const firstDb = path.join(dir, "throughput.db");
const first = await startServer(firstDb);
const run = await submitReports(BASE, { seconds: 10 });
first.kill("SIGTERM");
await new Promise((r) => first.once("exit", r));
const firstCheck = checkStored(firstDb, run.codes, RECEIPT_KEY);
process.stdout.write(
  `throughput: ${run.codes.length} submissions in 10 s = ${(run.codes.length / 10).toFixed(0)} submissions/s ` +
    `(latency p50 ${run.result.latency.p50} ms, p97.5 ${run.result.latency.p97_5} ms; non-2xx ${run.result.non2xx}, errors ${run.result.errors}) (target ≥ 200/s)\n`,
);
process.stdout.write(`  stored: ${run.codes.length - firstCheck.missing.length} of ${run.codes.length} acknowledged submissions; integrity_check: ${firstCheck.integrity}\n`);

const secondDb = path.join(dir, "kill.db");
const second = await startServer(secondDb);
const killed = await submitReports(BASE, {
  seconds: 6,
  kill: {
    afterMs: 3000,
    kill: () => {
      const exited = new Promise((r) => second.once("exit", r));
      second.kill("SIGKILL");
      return exited;
    },
  },
});
const secondCheck = checkStored(secondDb, killed.codes, RECEIPT_KEY);
process.stdout.write(
  `kill -9 after 3 s of load: ${killed.codes.length} submissions acknowledged before the kill; ` +
    `${killed.codes.length - secondCheck.missing.length} in the database after it (lost: ${secondCheck.missing.length}, target 0); integrity_check: ${secondCheck.integrity}\n`,
);
fs.rmSync(dir, { recursive: true, force: true });
