import { db, type Tx } from "./db.server";

/**
 * Group commit: writes that arrive in the same turn of the event loop share one transaction, and so one fsync
 * (synchronous=FULL makes every commit wait for the disk: about 5 ms here, far more than the writes themselves).
 * Each write runs in its own savepoint, so one that fails is undone alone and the others still commit. A promise
 * resolves only after the commit that holds its write, so what a caller acknowledges is on disk.
 */
type Pending = { work: (tx: Tx) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

let queue: Pending[] = [];

export function commitGrouped<T>(work: (tx: Tx) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (queue.length === 1) setImmediate(commitQueued);
  });
}

function commitQueued(): void {
  const batch = queue;
  queue = [];
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    db().transaction((tx) => {
      const [only] = batch;
      // Alone, a write that fails undoes the whole transaction (caught below): no savepoint needed.
      if (only && batch.length === 1) {
        outcomes.push({ ok: true, value: only.work(tx) });
        return;
      }
      for (const item of batch) {
        try {
          outcomes.push({ ok: true, value: tx.transaction((savepoint) => item.work(savepoint)) });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
    });
  } catch (error) {
    for (const item of batch) item.reject(error);
    return;
  }
  batch.forEach((item, i) => {
    const outcome = outcomes[i];
    if (outcome?.ok) item.resolve(outcome.value);
    else item.reject(outcome?.error);
  });
}
