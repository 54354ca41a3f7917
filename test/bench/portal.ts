import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildApp, cpuMsOf, startServer, type RunningServer } from "./app-server";
import { checkStored, reportBody, submitReports } from "./portal-load";

/**
 * npm run bench -- portal: throughput of the public form against the built app on 127.0.0.1, interleaved in rounds
 * with two floors measured the same way: the app's own GET /healthz through the same server (a bare Remix resource
 * route: the framework's floor) and a minimal Express + better-sqlite3 server doing one durable insert per POST (WAL,
 * synchronous=FULL: the machine's floor for one durable write per request). Taking turns, load hits all three alike.
 * Then durability: the server is killed with SIGKILL in the middle of a second run, and every submission that got its
 * receipt code must be in the database afterwards. The portal's limits are raised for the run
 * (PORTAL_SUBMISSIONS_PER_HOUR, PORTAL_POSTS_PER_HOUR); nothing else is changed. Prints figures; asserts nothing.
 */
const PORT = Number(process.env.BENCH_PORT ?? 3150);
const BASE = `http://127.0.0.1:${PORT}`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const RECEIPT_KEY = crypto.randomBytes(32);

buildApp();

function startApp(databasePath: string) {
  const env = { RECEIPT_KEY: RECEIPT_KEY.toString("base64"), PORTAL_SUBMISSIONS_PER_HOUR: "100000000", PORTAL_POSTS_PER_HOUR: "100000000" };
  return startServer({ port: PORT, databasePath, env });
}

/** autocannon with the portal's 10 connections; the result and the server's CPU time meanwhile. */
async function hammer(server: RunningServer, options: autocannon.Options): Promise<{ result: autocannon.Result; cpuMs: number }> {
  const before = cpuMsOf(server.child.pid);
  const result = await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ connections: 10, duration: SECONDS, ...options }, (error, done) => (error ? reject(error) : resolve(done))),
  );
  return { result, cpuMs: cpuMsOf(server.child.pid) - before };
}

type Tally = { requests: number; non2xx: number; errors: number; cpuMs: number; p50: number[]; p975: number[] };
const tally = (): Tally => ({ requests: 0, non2xx: 0, errors: 0, cpuMs: 0, p50: [], p975: [] });
function add(into: Tally, { result, cpuMs }: { result: autocannon.Result; cpuMs: number }, requests = result.requests.total) {
  into.requests += requests;
  into.non2xx += result.non2xx;
  into.errors += result.errors;
  into.cpuMs += cpuMs;
  into.p50.push(result.latency.p50);
  into.p975.push(result.latency.p97_5);
}
const perSecond = (t: Tally) => t.requests / (ROUNDS * SECONDS);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const describe = (t: Tally) =>
  `${perSecond(t).toFixed(0)}/s (server CPU ${(t.cpuMs / Math.max(1, t.requests)).toFixed(2)} ms per request; latency p50 ${median(t.p50)} ms, ` +
  `p97.5 ${median(t.p975)} ms, medians of the rounds; non-2xx ${t.non2xx}, errors ${t.errors})`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-portal-bench-"));

const firstDb = path.join(dir, "throughput.db");
const app = await startApp(firstDb);
const plain = await startServer({ port: PORT + 1, databasePath: path.join(dir, "plain.db"), args: ["test/bench/baselines/plain-portal.mjs"] });
const portal = tally();
const healthz = tally();
const floor = tally();
const codes: string[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const submitted = await submitReports(BASE, { seconds: SECONDS, cpuOf: app });
  codes.push(...submitted.codes);
  add(portal, submitted, submitted.codes.length);
  add(healthz, await hammer(app, { url: `${BASE}/healthz` }));
  const body = reportBody("-");
  add(floor, await hammer(plain, { url: `${plain.base}/melden`, method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }));
}
await plain.stop();
await app.stop();
const firstCheck = checkStored(firstDb, codes, RECEIPT_KEY);
const ratio = (a: Tally, b: Tally) => `${((100 * perSecond(a)) / perSecond(b)).toFixed(0)} %`;
process.stdout.write(`throughput, ${ROUNDS} rounds of ${SECONDS} s each, taking turns, 10 connections (load: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}):\n`);
process.stdout.write(`  POST /melden (receipt shown): ${describe(portal)}\n`);
process.stdout.write(`  GET /healthz, same server:    ${describe(healthz)}\n`);
process.stdout.write(`  Express + one durable insert: ${describe(floor)}\n`);
process.stdout.write(`  portal / healthz: ${ratio(portal, healthz)} (target ≥ 50 %); portal / Express insert: ${ratio(portal, floor)}\n`);
process.stdout.write(`  stored: ${codes.length - firstCheck.missing.length} of ${codes.length} acknowledged submissions; integrity_check: ${firstCheck.integrity}\n`);

const secondDb = path.join(dir, "kill.db");
const second = await startApp(secondDb);
const killed = await submitReports(BASE, {
  seconds: 6,
  kill: {
    afterMs: 3000,
    kill: () => {
      const exited = new Promise((r) => second.child.once("exit", r));
      second.child.kill("SIGKILL");
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
