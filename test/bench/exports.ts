import fs from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { benchDatabase } from "./measure";
import { buildApp, cpuMsOf, startServer, untilIdle, type RunningServer } from "./app-server";
import { seedSignals } from "./seed";
import { intermediarySession } from "./staff-session";

/**
 * npm run bench -- exports: the signals export of 1,000,000 signals (BENCH_SIGNALS) over HTTP from the built app,
 * logged in, as CSV (without and with the summary, which is then opened row by row) and as .xlsx, beside a plain
 * better-sqlite3 → csv-stringify → node:http server on the same file (test/bench/baselines/plain-export.mjs). For each:
 * the time to the last byte, the server's RSS growth over its RSS before, and the slowest GET /healthz answered
 * meanwhile (one every 20 ms, on the same server): what the event loop was held for. Uncompressed (no
 * Accept-Encoding), so the figures measure the export, not gzip. Prints figures; asserts nothing.
 */
const COUNT = Number(process.env.BENCH_SIGNALS ?? 1_000_000);
const PORT = Number(process.env.BENCH_PORT ?? 3150);
/** BENCH_EXPORTS=csv or xlsx: the baseline and that format only (a million rows of every format take a quarter of an hour). */
const ONLY = process.env.BENCH_EXPORTS;
const database = benchDatabase("exports");
const { databasePath } = database;

function rssMb(pid: number | undefined): number {
  const line = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(line?.[1] ?? Number.NaN) / 1024;
}

function download(url: string, cookie: string): Promise<{ bytes: number; lines: number; status: number; firstByteMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { cookie }, agent: false }, (response) => {
        let bytes = 0;
        let lines = 0;
        let firstByteMs = Number.NaN;
        response.on("data", (chunk: Buffer) => {
          if (bytes === 0) firstByteMs = performance.now() - started;
          bytes += chunk.length;
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
        });
        response.on("end", () => resolve({ bytes, lines, status: response.statusCode ?? 0, firstByteMs }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

async function measure(server: RunningServer, path: string, cookie = "") {
  const before = rssMb(server.child.pid);
  let peak = before;
  let slowest = 0;
  let probes = 0;
  let running = true;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.child.pid))), 50);
  const prober = (async () => {
    while (running) {
      const started = performance.now();
      // A probe that fails counts as its wait (a server that holds its event loop may drop the connection).
      await download(`${server.base}/healthz`, "").catch(() => undefined);
      slowest = Math.max(slowest, performance.now() - started);
      probes += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const cpuBefore = cpuMsOf(server.child.pid);
  const started = performance.now();
  const result = path ? await download(`${server.base}${path}`, cookie) : await new Promise((resolve) => setTimeout(resolve, 2000)).then(() => ({ bytes: 0, lines: 0, status: 200, firstByteMs: 0 }));
  const ms = performance.now() - started;
  const cpuMs = cpuMsOf(server.child.pid) - cpuBefore;
  running = false;
  await prober;
  clearInterval(sampler);
  return { ...result, ms, cpuMs, growthMb: peak - before, before, slowest, probes };
}

function line(name: string, m: Awaited<ReturnType<typeof measure>>, baseline?: { ms: number; cpuMs: number }) {
  const ratio = baseline ? ` = ${(m.ms / baseline.ms).toFixed(2)}× the plain stream (CPU ${(m.cpuMs / baseline.cpuMs).toFixed(2)}×)` : "";
  process.stdout.write(
    `  ${name}: ${(m.ms / 1000).toFixed(1)} s, server CPU ${(m.cpuMs / 1000).toFixed(1)} s${ratio}; ${(m.bytes / 1e6).toFixed(0)} MB, ${m.lines.toLocaleString("nl-NL")} lines, first byte ${m.firstByteMs.toFixed(0)} ms; ` +
      `RSS +${m.growthMb.toFixed(0)} MB (from ${m.before.toFixed(0)} MB); slowest /healthz meanwhile ${m.slowest.toFixed(0)} ms (${m.probes} probes)` +
      `${m.status === 200 ? "" : ` STATUS ${m.status}`}\n`,
  );
}

const seedStarted = performance.now();
await seedSignals(COUNT);
process.stdout.write(`seeded ${COUNT.toLocaleString("nl-NL")} signals in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s\n`);
buildApp();

const app = await startServer({ port: PORT, databasePath, captureOutput: true });
// The console reaches us through a pipe, possibly after the first /healthz answer.
for (let wait = 0; wait < 100 && !app.output().includes("Rode Draad draait op"); wait += 1) await new Promise((resolve) => setTimeout(resolve, 20));
const cookie = await intermediarySession(app.base, app.output(), process.env.BENCH_DIR);
const settledMs = await untilIdle(app);
process.stdout.write(`server idle ${(settledMs / 1000).toFixed(0)} s after login (the search warm-up done)\n`);
const plain = await startServer({ port: PORT + 1, databasePath, args: ["test/bench/baselines/plain-export.mjs"] });

process.stdout.write(`signals export, ${COUNT.toLocaleString("nl-NL")} signals, uncompressed, targets: RSS growth < 150 MB, ≤ 1.5× the plain stream, /healthz < 100 ms:\n`);
line("app idle, no export (the machine's noise)", await measure(app, ""));
const baseline = await measure(plain, "/export");
line("plain better-sqlite3 → csv-stringify → http (baseline, no summary)", baseline);
if (!ONLY || ONLY === "csv") {
  line("app CSV, no summary", await measure(app, "/signalen/export?format=csv", cookie), baseline);
  line("app CSV with summary (decrypted per row)", await measure(app, "/signalen/export?format=csv&summary=yes", cookie), baseline);
}
if (!ONLY || ONLY === "xlsx") {
  // exceljs is loaded with the first Excel export after a start (not at start: it would slow every start).
  line("first .xlsx after start, one month (loads exceljs)", await measure(app, "/signalen/export?format=xlsx&month=2016-01", cookie));
  line("app .xlsx, no summary", await measure(app, "/signalen/export?format=xlsx", cookie), baseline);
}
await plain.stop();
await app.stop();
database.remove();
