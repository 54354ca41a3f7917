import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { performance } from "node:perf_hooks";

/**
 * What the HTTP benchmarks share: the app built as `npm start` builds it, servers started on 127.0.0.1 with their own
 * port and database, and the time from the spawn to the first 200 on /healthz.
 */
export function buildApp(): void {
  const result = spawnSync("npm", ["run", "build"], { encoding: "utf8" });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error("npm run build is mislukt.");
  }
}

export type RunningServer = {
  child: ChildProcess;
  base: string;
  readyMs: number;
  cpuMs: number;
  /** The console so far (its first megabyte), when started with `captureOutput`. */
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * CPU time a process has used so far (user + system, from /proc; NaN elsewhere). On a machine shared with other work
 * the wall-clock time depends on the load; the CPU time does not.
 */
export function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Polls /healthz every 5 ms until it answers 200; the time counts from `since`. */
async function firstHealthy(base: string, child: ChildProcess, since: number, timeoutMs: number): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`De server stopte met code ${child.exitCode}.`);
    try {
      const response = await fetch(`${base}/healthz`);
      await response.arrayBuffer();
      if (response.ok) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${base} antwoordde niet binnen ${timeoutMs} ms.`);
}

/** Starts `node <args>` (by default the built app) and resolves once /healthz answers 200. */
export async function startServer(options: {
  port: number;
  databasePath: string;
  env?: Record<string, string>;
  args?: string[];
  timeoutMs?: number;
  captureOutput?: boolean;
}): Promise<RunningServer> {
  const base = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  // BENCH_CPU_PROF=<dir>: the built app writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, options.args ?? [...profile, "build/server.js"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: options.databasePath, PORT: String(options.port), HOST: "127.0.0.1", ...options.env },
    stdio: options.captureOutput ? ["ignore", "pipe", "pipe"] : "ignore",
  });
  let output = "";
  const capture = (chunk: Buffer) => {
    if (output.length < 1_000_000) output += chunk.toString();
  };
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const readyMs = await firstHealthy(base, child, started, options.timeoutMs ?? 120_000);
  return {
    child,
    base,
    readyMs,
    cpuMs: cpuMsOf(child.pid),
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * Waits until the server has been idle for a second (under 5 % of one core), at most `maxMs`: after a start it opens
 * every summary for search in slices, which would otherwise be measured as part of whatever runs first.
 */
export async function untilIdle(server: RunningServer, maxMs = 300_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = cpuMsOf(server.child.pid);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (cpuMsOf(server.child.pid) - before < 50 || performance.now() - started > maxMs) return performance.now() - started;
  }
}
