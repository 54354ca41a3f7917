/**
 * Counters for the portal's limits, kept in this process only. They never reach the database, so no copy of the file
 * can link a report to the address it came from (a counter written in the same millisecond as a signal could, and a
 * keyed hash of an IPv4 address falls to 2³² guesses once the key is known). The price: limits start again from zero
 * when the server restarts.
 *
 * Each counter keeps the times of its hits within the window (a sliding log), so `max` holds at any moment, and
 * checking and counting happen in one synchronous call: parallel requests cannot slip in between.
 */
export type Counter = { bucket: string; key: string; max: number; windowMs: number };

/** Far more addresses than are plausibly active in an hour; beyond it the least recently added key goes first. */
export const MAX_KEYS = 50_000;

const hits = new Map<string, { windowMs: number; times: number[] }>();

const idOf = (counter: Counter) => `${counter.bucket}\u0000${counter.key}`;

function recent(id: string, now: number): number[] {
  const entry = hits.get(id);
  if (!entry) return [];
  const from = now - entry.windowMs;
  if (entry.times[0] !== undefined && entry.times[0] <= from) entry.times = entry.times.filter((t) => t > from);
  if (entry.times.length === 0) hits.delete(id);
  return entry.times;
}

/** Drops counters whose window has passed; run now and then so addresses that stopped sending leave memory. */
export function sweepRateLimits(now = Date.now()): void {
  for (const id of hits.keys()) recent(id, now);
}

/** Counts one hit without asking: for events that count whatever their outcome, such as a wrong receipt code. */
export function recordHit(counter: Counter, now = Date.now()): void {
  const id = idOf(counter);
  const entry = hits.get(id);
  if (entry) {
    entry.times.push(now);
    return;
  }
  if (hits.size >= MAX_KEYS) sweepRateLimits(now);
  for (const oldest of hits.keys()) {
    if (hits.size < MAX_KEYS) break;
    hits.delete(oldest);
  }
  hits.set(id, { windowMs: counter.windowMs, times: [now] });
}

/** True when the counter used up its `max` within the last window. */
export function isLimited(counter: Counter, now = Date.now()): boolean {
  return recent(idOf(counter), now).length >= counter.max;
}

/**
 * Takes one hit from every counter, or none when any of them is used up (undefined). `giveBack` returns the hits when
 * what they were taken for did not happen after all (the report could not be stored).
 */
export function take(counters: Counter[], now = Date.now()): { giveBack: () => void } | undefined {
  if (counters.some((counter) => isLimited(counter, now))) return undefined;
  for (const counter of counters) recordHit(counter, now);
  return {
    giveBack: () => {
      for (const counter of counters) {
        const times = hits.get(idOf(counter))?.times;
        const at = times?.lastIndexOf(now) ?? -1;
        if (times && at >= 0) times.splice(at, 1);
      }
    },
  };
}

/** How many keys are counted now; for the test of the memory bound. */
export function countedKeys(): number {
  return hits.size;
}
