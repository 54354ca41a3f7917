import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `npm test`: builds the app once, then runs the type check, vitest and Playwright at the same time. Run one after
 * another they left the cores half idle: tsc is one thread, vitest's two forks wait on their child processes and the
 * e2e workers on their servers, browsers and deliberate lock waits (README "Tests", decision "The suite's parts run at
 * once"). Every line is prefixed with its part; all parts run to the end, so one run shows every failure, and the
 * wall time of each part is printed at the end. Exit code 0 only when every part passed.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

type Part = { name: string; command: string; args: string[]; env?: Record<string, string> };
type Outcome = { name: string; seconds: number; code: number | null };

const BUILD: Part = { name: "build", command: "npm", args: ["run", "--silent", "build"] };
const PARTS: Part[] = [
  { name: "tsc", command: bin("tsc"), args: ["--noEmit"] },
  { name: "vitest", command: bin("vitest"), args: ["run", "--config", "test/vitest.config.ts"] },
  { name: "e2e", command: bin("playwright"), args: ["test", "--config", "test/playwright.config.ts"], env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" } },
];

function prefixLines(name: string, write: (text: string) => void): (chunk: Buffer) => void {
  let rest = "";
  return (chunk) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) write(`[${name}] ${line}\n`);
  };
}

function run(part: Part): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(part.command, part.args, { cwd: ROOT, env: { ...process.env, ...part.env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", prefixLines(part.name, (text) => process.stdout.write(text)));
    child.stderr.on("data", prefixLines(part.name, (text) => process.stderr.write(text)));
    const done = (code: number | null) => resolve({ name: part.name, seconds: (Date.now() - started) / 1000, code });
    child.on("error", (error) => {
      process.stderr.write(`[${part.name}] ${error.message}\n`);
      done(null);
    });
    child.on("close", done);
  });
}

function minutes(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, "0")}`;
}

const started = Date.now();
const build = await run(BUILD);
const outcomes = [build, ...(build.code === 0 ? await Promise.all(PARTS.map(run)) : [])];
const total = (Date.now() - started) / 1000;
process.stdout.write("\n");
for (const outcome of outcomes) process.stdout.write(`${outcome.name.padEnd(7)} ${minutes(outcome.seconds).padStart(6)}  ${outcome.code === 0 ? "ok" : `failed (exit ${outcome.code})`}\n`);
process.stdout.write(`${"total".padEnd(7)} ${minutes(total).padStart(6)}\n`);
process.exit(outcomes.every((outcome) => outcome.code === 0) ? 0 : 1);
