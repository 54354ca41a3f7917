import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadEnv } from "../../app/utils/env.server";

/**
 * What the benchmarks share: a temporary database the app's modules will open (call before they first touch the
 * database; it is handed to them through loadEnv, not process.env), a seeded generator so every run measures the same
 * data, and timing with percentiles.
 */
export function benchDatabase(name: string): { dir: string; databasePath: string; remove: () => void } {
  // BENCH_DIR keeps the database (and its keys) for the next run: seeding a million signals takes minutes.
  const kept = process.env.BENCH_DIR;
  const dir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), `rode-draad-bench-${name}-`));
  if (kept) fs.mkdirSync(kept, { recursive: true });
  const databasePath = path.join(dir, "bench.db");
  loadEnv({ ...process.env, DATABASE_PATH: databasePath, SESSION_SECRET: undefined, DATA_KEY: undefined });
  return { dir, databasePath, remove: kept ? () => undefined : () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function seededRandom(seed: number): { random: () => number; pick: <T>(items: readonly T[]) => T } {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return { random, pick: <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T };
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

export function percentiles(samples: number[]): { p50: number; p95: number; text: string } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return { p50: at(50), p95: at(95), text: `p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms (${samples.length} runs)` };
}
