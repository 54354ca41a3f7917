import { performance } from "node:perf_hooks";
import { TOPICS } from "~/domain/signal-codes";
import { parseInboxFilters } from "~/domain/inbox-filters";
import { signalsToCsv } from "~/domain/signal-csv";
import { benchDatabase, percentiles, seededRandom, time } from "./measure";
import { SUMMARY_WORDS, syntheticSignals } from "./seed";

/**
 * npm run bench -- signals: 100,000 synthetic signals in a temporary database. Prints figures; asserts nothing.
 * Modules that open the database are imported after DATABASE_PATH points at the temporary file.
 */
const COUNT = Number(process.env.BENCH_SIGNALS ?? 100_000);
const database = benchDatabase("signals");

const { prepareDatabase } = await import("~/boot.server");
const { closeDb, db } = await import("~/utils/db.server");
const { importSignals, referenceLookup } = await import("~/models/signal-import.server");
const { listInbox } = await import("~/models/signal-inbox.server");
const { municipalities } = await import("../../db/schema");

prepareDatabase();
referenceLookup();

const { pick } = seededRandom(42);

const places = db().select({ code: municipalities.code, regionCode: municipalities.regionCode }).from(municipalities).all();
const records = [...syntheticSignals(COUNT, places, { status: "closed" })];
const csv = signalsToCsv(records, { includeSummary: true, cells: "exact" });

const imported = time(() => importSignals(csv, "bench.csv", { userId: null, clientAddress: "bench" }));
process.stdout.write(`import: ${imported.value.count} signals in ${(imported.ms / 1000).toFixed(2)} s = ${Math.round(imported.value.count / (imported.ms / 1000))} rows/s (target ≥ 5,000)\n`);

const inboxSamples = Array.from({ length: 200 }, (_, i) => {
  const filters = parseInboxFilters(new URLSearchParams({ topic: pick(TOPICS), year: String(2016 + (i % 10)), page: String(1 + (i % 5)) }));
  return time(() => listInbox(filters)).ms;
});
process.stdout.write(`inbox page, two filters (topic + year): ${percentiles(inboxSamples).text} (target p95 < 50 ms)\n`);

const { warmSearchIndex } = await import("~/models/search-index.server");
const cold = time(() => listInbox(parseInboxFilters(new URLSearchParams({ q: "budgetplafond", year: "2016" })))).ms;
const warmStarted = performance.now();
const warmed = await warmSearchIndex();
process.stdout.write(
  `search cache: first search before the warm-up has run (opens every summary) ${cold.toFixed(0)} ms; warm-up of ${warmed.signals} summaries (runs in slices after start) ${((performance.now() - warmStarted) / 1000).toFixed(2)} s, of which the word index ${warmed.wordIndexSeconds} s (${warmed.wordIndexMB} MB)\n`,
);
const searchAll = Array.from({ length: 20 }, () => time(() => listInbox(parseInboxFilters(new URLSearchParams({ q: pick(SUMMARY_WORDS) })))).ms);
process.stdout.write(`free-text search, no other filter: ${percentiles(searchAll).text} (target p95 < 300 ms)\n`);
const searchYear = Array.from({ length: 50 }, (_, i) => time(() => listInbox(parseInboxFilters(new URLSearchParams({ q: pick(SUMMARY_WORDS), year: String(2016 + (i % 10)) })))).ms);
process.stdout.write(`free-text search within one year: ${percentiles(searchYear).text}\n`);

closeDb();
database.remove();
