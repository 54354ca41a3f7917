import { performance } from "node:perf_hooks";
import { addDays, todayInTheNetherlands } from "../../app/domain/dates";
import { startFakeTenderNed } from "../tenderned/fake-server";
import { fakeRow, type FakeDay } from "../tenderned/fixtures";
import { benchDatabase, seededRandom } from "./measure";

/**
 * npm run bench -- tenderned: the monitor's first run against a fake TenderNed on 127.0.0.1 with 30 days × 150
 * publications (BENCH_TENDERNED_PER_DAY), then the same 30 days again (--since: nothing changed, so no detail requests
 * and no writes), beside the floor of the same run: fetching and parsing every list page without the monitor.
 * BENCH_TENDERNED_LATENCY_MS delays every answer, as the way to the real TenderNed does.
 * Prints figures; asserts nothing.
 */
const PER_DAY = Number(process.env.BENCH_TENDERNED_PER_DAY ?? 150);
const DAYS = 30;
const database = benchDatabase("tenderned");
const { prepareDatabase } = await import("../../app/boot.server");
const { runMonitor } = await import("../../app/models/tenderned-run.server");
const { tendernedClient, PAGE_SIZE } = await import("../../app/utils/tenderned-client.server");
const { createTrajectory } = await import("../../app/models/trajectory.server");
prepareDatabase();

const { random, pick } = seededRandom(17);
const municipalities = ["Gemeente Zeist", "gemeente Utrecht", "Gemeente Amersfoort", "Gemeente Tilburg", "Gemeente Groningen", "gemeente Dordrecht", "Gemeente Leiden"];
const bodies = ["Serviceorganisatie Jeugd ZHZ", "OZJT", "Samenwerkende gemeenten Noord-Veluwe"];
const today = todayInTheNetherlands();
const days = new Map<string, FakeDay>();
const cpv = new Map<string, string[]>();
let id = 100_000;
for (let back = DAYS; back >= 1; back--) {
  const day = addDays(today, -back);
  const rows = Array.from({ length: PER_DAY }, () => {
    id++;
    const kind = random();
    const youthByWords = kind < 0.05;
    const youthByCpv = kind >= 0.05 && kind < 0.1;
    cpv.set(String(id), [youthByCpv ? "85312000-9" : "45233141-9"]);
    return fakeRow({
      id: String(id),
      day,
      type: pick(["AAO", "AAO", "MAC", "VOP", "REC", "AGO"] as const),
      name: youthByWords ? `Jeugdhulp perceel ${id}` : `Opdracht ${id}`,
      authority: random() < 0.8 ? pick(municipalities) : youthByWords ? pick(bodies) : `Waterschap ${id % 11}`,
      description: youthByWords ? "Inkoop jeugdzorg" : "Werken en diensten",
      closing: addDays(day, 30 + (id % 20)),
      kenmerk: `K${id % 2000}`,
    });
  });
  days.set(day, { rows });
}
const LATENCY_MS = Number(process.env.BENCH_TENDERNED_LATENCY_MS ?? 0);
const fake = await startFakeTenderNed({ days, cpv, latencyMs: LATENCY_MS });
for (const region of ["JZ23", "JZ25", "JZ35"]) {
  createTrajectory({ regionCode: region, municipalities: [], associations: [], providersInvolved: 5, strategicGoal: "Bench", startedOn: "2026-01-05" }, { userId: null, clientAddress: "bench" });
}

// The floor: the same list pages fetched and parsed, nothing stored, no details.
let floorRequests = 0;
const floorStarted = performance.now();
for (const day of days.keys()) {
  for (let page = 0; page * PAGE_SIZE < PER_DAY; page++) {
    const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE), publicatieDatumVanaf: day, publicatieDatumTot: day });
    await (await fetch(`${fake.url}/publicaties?${query}`)).json();
    floorRequests++;
  }
}
const floorMs = performance.now() - floorStarted;

const actor = { userId: null, clientAddress: "bench" };
async function timedRun(since?: string) {
  const client = tendernedClient({ baseUrl: fake.url, backoffMs: 1 });
  const started = performance.now();
  const summary = await runMonitor({ client, trigger: "cli", actor, since });
  return { ms: performance.now() - started, summary };
}
const first = await timedRun();
fake.tick();
const second = await timedRun(addDays(today, -DAYS));

const line = (name: string, r: Awaited<ReturnType<typeof timedRun>>) =>
  `  ${name}: ${(r.ms / 1000).toFixed(2)} s, ${r.summary.requests} requests, ${r.summary.read} read, ${r.summary.youthCare} youth care new/changed, ${r.summary.matched} matched, ${r.summary.unassigned} to assign, ${r.summary.milestonesChanged} milestones written (${r.summary.status})\n`;
process.stdout.write(`TenderNed monitor, fake TenderNed on 127.0.0.1, ${DAYS} days × ${PER_DAY} publications (+ today, empty), ${LATENCY_MS} ms latency per answer:\n`);
process.stdout.write(`  floor, list pages only: ${(floorMs / 1000).toFixed(2)} s, ${floorRequests} requests\n`);
process.stdout.write(line("first run", first));
process.stdout.write(line("second run, same days (idempotent)", second));
await fake.close();
database.remove();
