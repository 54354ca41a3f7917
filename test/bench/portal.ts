import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";

/**
 * npm run bench -- portal: throughput of the public form against the built app on 127.0.0.1, then durability: the
 * server is killed with SIGKILL in the middle of a second run, and every submission that got its receipt code must be
 * in the database afterwards. The submission limit is raised for the run (PORTAL_SUBMISSIONS_PER_HOUR); nothing else
 * is changed. Prints figures; asserts nothing.
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

async function formSession(): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${BASE}/melden`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const token = /name="csrf" value="([^"]+)"/.exec(await response.text())?.[1] ?? "";
  return { cookie, token };
}

function body(token: string): string {
  return new URLSearchParams({
    csrf: token,
    requesterType: "provider",
    regionCode: "JZ14",
    topic: "contract_change",
    procurementPhase: "running_contract",
    message: "Benchmarkmelding: het budgetplafond is halverwege het jaar bereikt en de gemeente neemt geen nieuwe cliënten meer aan.",
    contact: "anonymous",
  }).toString();
}

async function drive(seconds: number, onKill?: { afterMs: number; server: ChildProcess }) {
  const { cookie, token } = await formSession();
  const codes: string[] = [];
  if (onKill) setTimeout(() => onKill.server.kill("SIGKILL"), onKill.afterMs);
  const result = await autocannon({
    url: `${BASE}/melden`,
    connections: 10,
    duration: seconds,
    requests: [
      {
        method: "POST",
        headers: { cookie, origin: BASE, "content-type": "application/x-www-form-urlencoded" },
        body: body(token),
        onResponse: (status: number, responseBody: string) => {
          const code = /data-testid="receipt-code">([\d ]+)</.exec(responseBody)?.[1];
          if (status === 200 && code) codes.push(code.replaceAll(" ", ""));
        },
      },
    ],
  });
  return { result, codes };
}

function stored(databasePath: string, codes: string[]): { found: number; integrity: string } {
  const database = new Database(databasePath);
  try {
    const lookup = database.prepare("select 1 from signals where receipt_hash = ?");
    const found = codes.filter((code) => lookup.get(crypto.createHmac("sha256", RECEIPT_KEY).update(code).digest("hex"))).length;
    const integrity = (database.pragma("integrity_check") as { integrity_check: string }[])[0]?.integrity_check ?? "?";
    return { found, integrity };
  } finally {
    database.close();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-portal-bench-"));

const firstDb = path.join(dir, "throughput.db");
const first = await startServer(firstDb);
const run = await drive(10);
first.kill("SIGTERM");
await new Promise((r) => first.once("exit", r));
const firstCheck = stored(firstDb, run.codes);
process.stdout.write(
  `throughput: ${run.codes.length} submissions in 10 s = ${(run.codes.length / 10).toFixed(0)} submissions/s ` +
    `(latency p50 ${run.result.latency.p50} ms, p97.5 ${run.result.latency.p97_5} ms; non-2xx ${run.result.non2xx}, errors ${run.result.errors}) (target ≥ 200/s)\n`,
);
process.stdout.write(`  stored: ${firstCheck.found} of ${run.codes.length} acknowledged submissions; integrity_check: ${firstCheck.integrity}\n`);

const secondDb = path.join(dir, "kill.db");
const second = await startServer(secondDb);
const killed = await drive(6, { afterMs: 3000, server: second });
const secondCheck = stored(secondDb, killed.codes);
process.stdout.write(
  `kill -9 after 3 s of load: ${killed.codes.length} submissions acknowledged before the kill; ` +
    `${secondCheck.found} in the database after it (lost: ${killed.codes.length - secondCheck.found}, target 0); integrity_check: ${secondCheck.integrity}\n`,
);
fs.rmSync(dir, { recursive: true, force: true });
