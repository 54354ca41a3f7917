import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { cliBundleDir } from "./cli-bundle";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Runs a command-line script as `npm run` runs it (from the project root, the same code) but from the bundle of this
 * test run (cli-bundle.ts, made by the runner's global setup), without npx in between, and without blocking the test
 * worker while it runs: a blocked worker cannot answer vitest, which then reports timeouts that are not the test's.
 */
export function runCli(script: string, args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const bundle = path.join(cliBundleDir(process.env.VITEST ? "vitest" : "e2e"), `${path.basename(script, ".ts")}.mjs`);
  if (!fs.existsSync(bundle)) return Promise.reject(new Error(`${bundle} ontbreekt: de global setup van de testrunner bundelt app/cli (cli-bundle.ts).`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The hang limit of a test that starts command-line scripts: each start costs ~1 s of CPU, which
 * took 8 s of wall at load average 18 on this 2-core machine, and a test makes up to ten. A limit, not a measure:
 * a hung script still fails the test.
 */
export const CLI_TEST_LIMIT = 240_000;
