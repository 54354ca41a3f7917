import { CHANNELS, PHASES, REQUESTER_TYPES, STATUSES, TOPICS, TRIGGERS } from "~/domain/signal-codes";
import type { SignalRecord } from "~/domain/signal-csv";
import { seededRandom } from "./measure";

/**
 * Synthetic signals for the benchmarks: ten years, every code at random, a summary of a few words, statuses spread as
 * in a running practice (most closed, a few new). The same records on every run. Call after `prepareDatabase()` and
 * pass the municipalities, so every region/municipality pair exists.
 */
export const SUMMARY_WORDS = ["budgetplafond", "consortium", "aanbesteding", "toelatingseisen", "AVG", "declaratie", "wachtlijst", "gemeente", "contract", "zorgaanbieder"];

const STATUS_WEIGHTS: [(typeof STATUSES)[number], number][] = [
  ["new", 0.05],
  ["in_progress", 0.05],
  ["answered", 0.05],
  ["in_trajectory", 0.02],
  ["closed", 0.83],
];

export function* syntheticSignals(
  count: number,
  places: readonly { code: string; regionCode: string }[],
  options: { seed?: number; status?: (typeof STATUSES)[number] } = {},
): Generator<SignalRecord> {
  const { random, pick } = seededRandom(options.seed ?? 42);
  const status = () => {
    let draw = random();
    for (const [value, weight] of STATUS_WEIGHTS) if ((draw -= weight) < 0) return value;
    return "closed";
  };
  for (let i = 0; i < count; i += 1) {
    const place = pick(places);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, "0");
    const day = String(1 + Math.floor(random() * 28)).padStart(2, "0");
    yield {
      receivedOn: `${2016 + (i % 10)}-${month}-${day}`,
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
      status: options.status ?? status(),
      summary: `Signaal ${i}: ${pick(SUMMARY_WORDS)} en ${pick(SUMMARY_WORDS)} in de regio`,
    };
  }
}

/**
 * Writes `count` synthetic signals straight into the tables of the app's database, in one transaction: the columns an
 * import writes, the summaries sealed with the data key (search and the inbox open real ciphertext) and the triggers.
 * Plain INSERTs rather than the CSV import, so a million rows take a minute instead of a parse of a 150 MB file.
 * Migrates first; the app's modules are imported here, after the caller has pointed DATABASE_PATH at its file.
 */
export async function seedSignals(count: number, options: { seed?: number } = {}): Promise<void> {
  const { prepareDatabase } = await import("~/boot.server");
  const { closeDb, db } = await import("~/utils/db.server");
  const { seal } = await import("~/models/sealed.server");
  prepareDatabase();
  const client = db().$client;
  // A database kept with BENCH_DIR that has the signals already (the same seed gives the same rows).
  if ((client.prepare("select count(*) from signals").pluck().get() as number) === count) return closeDb();
  const places = client.prepare("select code, region_code as regionCode from municipalities").all() as { code: string; regionCode: string }[];
  const insertSignal = client.prepare(
    `insert into signals (received_on, channel, requester_type, referred_by, region_code, municipality_code, topic, procurement_phase,
       procedure, funding, status, summary_sealed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTrigger = client.prepare("insert into signal_triggers (signal_id, trigger) values (?, ?)");
  seal("sleutelcontrole", "summary"); // the first seal of a fresh database writes its key check: not inside the transaction
  client.transaction(() => {
    for (const r of syntheticSignals(count, places, options)) {
      const { lastInsertRowid } = insertSignal.run(
        r.receivedOn, r.channel, r.requesterType, r.referredBy, r.regionCode, r.municipalityCode, r.topic, r.procurementPhase,
        r.procedure, r.funding, r.status, seal(r.summary, "summary"),
      );
      for (const trigger of r.triggers) insertTrigger.run(lastInsertRowid, trigger);
    }
  })();
  closeDb();
}
