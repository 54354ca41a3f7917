import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { CHANNELS, PHASES, REQUESTER_TYPES, TOPICS, TRIGGERS } from "~/domain/signal-codes";
import { benchDatabase, percentiles, seededRandom, time } from "./measure";

/**
 * npm run bench -- report: the year report over 1,000,000 signals spread over ten years (BENCH_SIGNALS to change),
 * beside the same aggregates written as plain SQL on the same file, and the client JavaScript the report page costs.
 * Prints figures; asserts nothing. The rows go in with plain INSERTs: the report reads no sealed field, and sealing a
 * million summaries would only measure the cipher.
 */
const COUNT = Number(process.env.BENCH_SIGNALS ?? 1_000_000);
const YEAR = 2021;
const database = benchDatabase("report");

const { prepareDatabase } = await import("~/boot.server");
const { db } = await import("~/utils/db.server");
const { yearReport } = await import("~/models/report.server");

prepareDatabase();
const client = db().$client;

const { random, pick } = seededRandom(7);

const regions = client.prepare("select code from regions where active = 1").all() as { code: string }[];
const insertSignal = client.prepare(
  "insert into signals (received_on, channel, requester_type, referred_by, region_code, topic, procurement_phase, procedure, funding, status) values (?, ?, ?, 'direct', ?, ?, ?, 'unknown', 'unknown', 'closed')",
);
const insertTrigger = client.prepare("insert into signal_triggers (signal_id, trigger) values (?, ?)");
const insertTrajectory = client.prepare(
  "insert into trajectories (region_code, strategic_goal, started_on, closed_on, status, forces_bundled, joint_vision, created_at) values (?, 'Positie versterken', ?, ?, 'completed', ?, ?, '2021-01-01T00:00:00Z')",
);
const loadStarted = performance.now();
client.transaction(() => {
  for (let i = 0; i < COUNT; i += 1) {
    const year = 2016 + (i % 10);
    const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
    const { lastInsertRowid } = insertSignal.run(date, pick(CHANNELS), pick(REQUESTER_TYPES), pick(regions).code, pick(TOPICS), pick(PHASES));
    if (random() < 0.6) insertTrigger.run(lastInsertRowid, pick(TRIGGERS));
  }
  for (let i = 0; i < 2_000; i += 1) {
    const year = 2016 + (i % 10);
    insertTrajectory.run(pick(regions).code, `${year}-03-01`, `${year}-11-30`, random() < 0.8 ? 1 : 0, random() < 0.6 ? 1 : 0);
  }
})();
process.stdout.write(`loaded ${COUNT.toLocaleString("nl-NL")} signals over 10 years in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s\n`);

/**
 * The raw SQL aggregate: the year's counts per combination of the grouped columns, the trigger counts and the
 * trajectory counts, as someone would write them straight against SQLite and read them without any mapping. The
 * report runs the same aggregates through drizzle, folds them into every dimension and builds the document; the
 * ratio shows what that costs on top.
 */
const from = `${YEAR}-01-01`;
const to = `${YEAR + 1}-01-01`;
const rawCombinations = client.prepare(
  "select requester_type, topic, procurement_phase, channel, region_code, substr(received_on, 1, 7), count(*) from signals where received_on >= @from and received_on < @to group by 1, 2, 3, 4, 5, 6",
);
const rawTriggers = client.prepare(
  "select t.trigger, count(*) from signal_triggers t join signals s on s.id = t.signal_id where s.received_on >= @from and s.received_on < @to group by 1",
);
const rawTrajectories = client.prepare(`
  select count(*), count(distinct t.region_code), sum(t.forces_bundled), sum(t.joint_vision), sum(t.cooperative_formed),
    sum(t.contract_won), coalesce(sum(t.contracts_awarded_total), 0), sum(t.vision_adapted), count(e.trajectory_id),
    sum(e.legal), sum(e.council), sum(e.publicity),
    (select count(distinct m.municipality_code) from trajectory_municipalities m join trajectories h on h.id = m.trajectory_id
      where m.role = 'consulted' and h.started_on <= @yearEnd and (h.closed_on is null or h.closed_on >= @from))
  from trajectories t
  left join (select trajectory_id, max(legal) legal, max(council) council, max(publicity) publicity from escalations group by 1) e
    on e.trajectory_id = t.id
  where t.started_on <= @yearEnd and (t.closed_on is null or t.closed_on >= @from)`);
const raw = () => {
  rawCombinations.raw().all({ from, to });
  rawTriggers.raw().all({ from, to });
  rawTrajectories.raw().get({ yearEnd: `${YEAR}-12-31`, from });
};

const RUNS = 20;
// One untimed run of each, so every variant starts from the same warm page cache.
yearReport(YEAR);
raw();
const app = percentiles(Array.from({ length: RUNS }, () => time(() => yearReport(YEAR)).ms));
const handWritten = percentiles(Array.from({ length: RUNS }, () => time(raw).ms));
const total = yearReport(YEAR).signals.total;
process.stdout.write(`report JSON ${YEAR} (${total.toLocaleString("nl-NL")} signals that year): ${app.text}\n`);
process.stdout.write(`raw SQL aggregate on the same file: ${handWritten.text}\n`);
process.stdout.write(
  `ratio report / raw SQL at p50: ${(app.p50 / handWritten.p50).toFixed(2)}× (target ≤ 2×); report p95 ${app.p95.toFixed(0)} ms (target < 500 ms)\n`,
);

client.close();
database.remove();

/**
 * Client JavaScript per page from the build manifest: what a browser downloads for the report page beside the inbox,
 * and whether recharts reaches any browser bundle at all (charts are drawn on the server).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const buildDir = path.join(root, "public/build");
const manifestFile = fs.existsSync(buildDir) ? fs.readdirSync(buildDir).find((name) => /^manifest-.*\.js$/.test(name)) : undefined;
if (!manifestFile) {
  process.stdout.write("client JS: no build found (run npm run build first)\n");
} else {
  const text = fs.readFileSync(path.join(buildDir, manifestFile), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as {
    entry: { module: string; imports?: string[] };
    routes: Record<string, { module: string; imports?: string[] }>;
  };
  const size = (url: string) => fs.statSync(path.join(root, "public", url)).size;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const filesOf = (id: string) => {
    const route = manifest.routes[id];
    return new Set([manifest.entry.module, ...(manifest.entry.imports ?? []), ...(manifest.routes.root?.imports ?? []), manifest.routes.root!.module, ...(route ? [route.module, ...(route.imports ?? [])] : [])]);
  };
  for (const id of ["routes/rapportage.$year", "routes/rapportage.$year_.versie.$version", "routes/signalen._index"]) {
    const files = [...filesOf(id)];
    process.stdout.write(`client JS ${id}: ${kb(files.reduce((sum, file) => sum + size(file), 0))} (uncompressed, ${files.length} files)\n`);
  }
  const allJs = fs.readdirSync(buildDir, { recursive: true }).map(String).filter((name) => name.endsWith(".js"));
  const withRecharts = allJs.filter((name) => /recharts|BarChart/.test(fs.readFileSync(path.join(buildDir, name), "utf8")));
  process.stdout.write(`browser bundles containing recharts: ${withRecharts.length === 0 ? "none" : withRecharts.join(", ")}\n`);
}
