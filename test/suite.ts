import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `npm test`: the type check, vitest and the build at the same time, then Playwright against the build. Run one after
 * another the first three left a core idle (tsc is one thread, vitest's two forks often wait on their child
 * processes); Playwright runs alone, because with all four at once on a loaded machine the command-line tests of
 * vitest and the heaviest e2e specs ran into their limits (README "Tests", decision "npm test runs its short parts at
 * once"). Every line is prefixed with its part; Playwright runs even when tsc or vitest failed, so one run shows
 * every failure; the wall time of each part is printed at the end. Exit code 0 only when every part passed.
 * tsc keeps what it learnt in test/.tmp (ignored by git): a second run checks only what changed (37 s of CPU → 8 s
 * measured here); a fresh clone, without that file, checks everything.
 * CI keeps only the end of what a run prints, where Playwright's lines come last: so the last lines of every failed
 * part are printed once more just above the summary, and a vitest or tsc failure is readable there too.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

type Part = { name: string; command: string; args: string[]; env?: Record<string, string> };
type Outcome = { name: string; seconds: number; code: number | null; tail: string[] };

const TAIL_LINES = 120;

const FIRST: Part[] = [
  { name: "build", command: "npm", args: ["run", "--silent", "build"] },
  { name: "tsc", command: bin("tsc"), args: ["--noEmit", "--incremental", "--tsBuildInfoFile", "test/.tmp/tsc.tsbuildinfo"] },
  { name: "vitest", command: bin("vitest"), args: ["run", "--config", "test/vitest.config.ts"] },
];
const E2E: Part = { name: "e2e", command: bin("playwright"), args: ["test", "--config", "test/playwright.config.ts"], env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" } };

function prefixLines(name: string, write: (text: string) => void, tail: string[]): (chunk: Buffer) => void {
  let rest = "";
  return (chunk) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      const prefixed = `[${name}] ${line}\n`;
      write(prefixed);
      tail.push(prefixed);
      if (tail.length > TAIL_LINES) tail.shift();
    }
  };
}

function run(part: Part): Promise<Outcome> {
  const started = Date.now();
  const tail: string[] = [];
  return new Promise((resolve) => {
    const child = spawn(part.command, part.args, { cwd: ROOT, env: { ...process.env, ...part.env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", prefixLines(part.name, (text) => process.stdout.write(text), tail));
    child.stderr.on("data", prefixLines(part.name, (text) => process.stderr.write(text), tail));
    const done = (code: number | null) => resolve({ name: part.name, seconds: (Date.now() - started) / 1000, code, tail });
    child.on("error", (error) => {
      process.stderr.write(`[${part.name}] ${error.message}\n`);
      done(null);
    });
    child.on("close", done);
  });
}

function minutes(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

const started = Date.now();
const first = await Promise.all(FIRST.map(run));
const built = first[0]?.code === 0;
const outcomes = [...first, ...(built ? [await run(E2E)] : [])];
const total = (Date.now() - started) / 1000;
for (const failed of outcomes.filter((outcome) => outcome.code !== 0)) {
  process.stdout.write(`\n--- the last ${failed.tail.length} lines of ${failed.name}, which failed ---\n${failed.tail.join("")}`);
}
process.stdout.write("\n");
for (const outcome of outcomes) process.stdout.write(`${outcome.name.padEnd(7)} ${minutes(outcome.seconds).padStart(6)}  ${outcome.code === 0 ? "ok" : `failed (exit ${outcome.code})`}\n`);
process.stdout.write(`${"total".padEnd(7)} ${minutes(total).padStart(6)}\n`);
process.exit(outcomes.every((outcome) => outcome.code === 0) ? 0 : 1);
