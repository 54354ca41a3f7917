import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Runs a command-line script as `npm run` runs it (node with the tsx loader, from the project root), without npx in
 * between, and without blocking the test worker while it runs: a blocked worker cannot answer vitest, which then
 * reports timeouts that are not the test's.
 */
export function runCli(script: string, args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The hang limit of a test that starts command-line scripts: each start of node with tsx costs ~0.9 s of CPU, which
 * took 8 s of wall at load average 18 on this 2-core machine, and a test makes up to ten. A limit, not a measure:
 * a hung script still fails the test.
 */
export const CLI_TEST_LIMIT = 240_000;
