import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { CHANNELS, PHASES, REQUESTER_TYPES, TOPICS, TRIGGERS } from "~/domain/signal-codes";
import { parseInboxFilters } from "~/domain/inbox-filters";
import { signalsToCsv, type SignalRecord } from "~/domain/signal-csv";

/**
 * npm run bench -- signals: 100,000 synthetic signals in a temporary database. Prints figures; asserts nothing.
 * Modules that open the database are imported after DATABASE_PATH points at the temporary file.
 */
const COUNT = Number(process.env.BENCH_SIGNALS ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-bench-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");
delete process.env.SESSION_SECRET;
delete process.env.DATA_KEY;

const { prepareDatabase } = await import("~/utils/boot.server");
const { db } = await import("~/utils/db.server");
const { importSignals, referenceLookup } = await import("~/models/signal-import.server");
const { listInbox } = await import("~/models/signal-inbox.server");
const { yearReport } = await import("~/models/report.server");
const { municipalities } = await import("../../db/schema");

prepareDatabase();
referenceLookup();

let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const places = db().select({ code: municipalities.code, regionCode: municipalities.regionCode }).from(municipalities).all();
const words = ["budgetplafond", "consortium", "aanbesteding", "toelatingseisen", "AVG", "declaratie", "wachtlijst", "gemeente", "contract", "zorgaanbieder"];
const records: SignalRecord[] = Array.from({ length: COUNT }, (_, i) => {
  const place = pick(places);
  const year = 2016 + (i % 10);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, "0");
  const day = String(1 + Math.floor(random() * 28)).padStart(2, "0");
  return {
    receivedOn: `${year}-${month}-${day}`,
    channel: pick(CHANNELS),
    requesterType: pick(REQUESTER_TYPES),
    referredBy: "direct",
    regionCode: place.regionCode,
    municipalityCode: random() < 0.5 ? place.code : null,
    association: null,
    topic: pick(TOPICS),
    procurementPhase: pick(PHASES),
    triggers: random() < 0.6 ? [pick(TRIGGERS)] : [],
    procedure: "unknown",
    funding: "unknown",
    segment: null,
    status: "closed",
    summary: `Signaal ${i}: ${pick(words)} en ${pick(words)} in de regio`,
  };
});
const csv = signalsToCsv(records, { includeSummary: true });

function time<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1);
  return `p50 ${at(50)} ms, p95 ${at(95)} ms (${samples.length} runs)`;
}

const imported = time(() => importSignals(csv, "bench.csv", { userId: null, clientAddress: "bench" }));
process.stdout.write(`import: ${imported.value.count} signals in ${(imported.ms / 1000).toFixed(2)} s = ${Math.round(imported.value.count / (imported.ms / 1000))} rows/s (target ≥ 5,000)\n`);

const inboxSamples = Array.from({ length: 200 }, (_, i) => {
  const filters = parseInboxFilters(new URLSearchParams({ topic: pick(TOPICS), year: String(2016 + (i % 10)), page: String(1 + (i % 5)) }));
  return time(() => listInbox(filters)).ms;
});
process.stdout.write(`inbox page, two filters (topic + year): ${percentiles(inboxSamples)} (target p95 < 50 ms)\n`);

const { warmSearchCache } = await import("~/models/signal-inbox.server");
const cold = time(() => listInbox(parseInboxFilters(new URLSearchParams({ q: "budgetplafond", year: "2016" })))).ms;
const warmStarted = performance.now();
const warmed = await warmSearchCache();
process.stdout.write(
  `search cache: first search before the warm-up has run (opens every summary) ${cold.toFixed(0)} ms; warm-up of ${warmed} summaries (runs in slices after start) ${((performance.now() - warmStarted) / 1000).toFixed(2)} s\n`,
);
const searchAll = Array.from({ length: 20 }, () => time(() => listInbox(parseInboxFilters(new URLSearchParams({ q: pick(words) })))).ms);
process.stdout.write(`free-text search, no other filter: ${percentiles(searchAll)} (target p95 < 300 ms)\n`);
const searchYear = Array.from({ length: 50 }, (_, i) => time(() => listInbox(parseInboxFilters(new URLSearchParams({ q: pick(words), year: String(2016 + (i % 10)) })))).ms);
process.stdout.write(`free-text search within one year: ${percentiles(searchYear)}\n`);

const report = Array.from({ length: 20 }, () => time(() => yearReport(2021)).ms);
const raw = db().$client.prepare(
  "select requester_type, topic, procurement_phase, channel, region_code, substr(received_on, 1, 7) as month, count(*) from signals where received_on >= '2021-01-01' and received_on < '2022-01-01' group by 1, 2, 3, 4, 5, 6",
);
const rawSamples = Array.from({ length: 20 }, () => time(() => raw.all()).ms);
process.stdout.write(`report JSON 2021 (${yearReport(2021).signals.total} signals): ${percentiles(report)}; raw SQL GROUP BY: ${percentiles(rawSamples)}\n`);

db().$client.close();
fs.rmSync(dir, { recursive: true, force: true });
