import { benchDatabase, percentiles } from "./measure";
import { buildApp, startServer } from "./app-server";
import { seedSignals } from "./seed";

/**
 * npm run bench -- start: from `node` to the first 200 on /healthz, on an existing database of 100,000 signals
 * (BENCH_SIGNALS to change), for the built app as `npm start` runs it, beside the app as it used to run (TypeScript
 * compiled by tsx at start) and a plain node:http + better-sqlite3 server on the same file. The three take turns, so
 * load on the machine hits them alike. Prints figures; asserts nothing.
 */
const COUNT = Number(process.env.BENCH_SIGNALS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const PORT = Number(process.env.BENCH_PORT ?? 3150);
const database = benchDatabase("start");
const { databasePath } = database;

await seedSignals(COUNT);
buildApp();

const variants = [
  { name: "node build/server.js (npm start)", args: ["build/server.js"] },
  { name: "node --import tsx app/server.ts (before)", args: ["--import", "tsx", "app/server.ts"] },
  { name: "plain node:http + better-sqlite3", args: ["test/bench/baselines/plain-healthz.mjs"] },
];
const samples = variants.map(() => [] as number[]);
const cpu = variants.map(() => [] as number[]);
// One unmeasured start of each first: the first start after seeding also migrates nothing but warms the page cache.
for (let round = -1; round < ROUNDS; round += 1) {
  for (const [index, variant] of variants.entries()) {
    const server = await startServer({ port: PORT, databasePath, args: variant.args });
    await server.stop();
    if (round >= 0) {
      samples[index]!.push(server.readyMs);
      cpu[index]!.push(server.cpuMs);
    }
  }
}
process.stdout.write(`start to first /healthz 200, ${COUNT.toLocaleString("nl-NL")} signals, ${ROUNDS} starts each, interleaved:\n`);
const [app, , plain] = samples.map((s) => percentiles(s));
for (const [index, variant] of variants.entries()) {
  process.stdout.write(`  ${variant.name}: ${percentiles(samples[index]!).text}; its own CPU time until then p50 ${percentiles(cpu[index]!).p50.toFixed(0)} ms\n`);
}
process.stdout.write(`  app / plain at p50: ${(app!.p50 / plain!.p50).toFixed(1)}× (target: app < 1000 ms)\n`);
database.remove();
