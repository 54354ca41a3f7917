import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { CLI_TEST_LIMIT } from "../../test/unit/run-cli";

const PROCESSES = 4;
/** The race is not lost every time, so each process takes part in several first starts, each in a folder of its own. */
const ROUNDS = 5;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-first-start-"));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A process of a new installation: says it is ready, and for each round spins until that round's go file appears (so
 * all of them ask for their keys within the same moment), then loads the secrets as the server and every command does,
 * and prints the keys it got.
 */
const SCRIPT = `
import fs from "node:fs";
import path from "node:path";
import { loadSecrets } from ${JSON.stringify(path.resolve(import.meta.dirname, "secrets.server.ts"))};
const [dir, rounds] = process.argv.slice(2);
process.stdout.write("ready\\n");
for (let round = 0; round < Number(rounds); round++) {
  while (!fs.existsSync(path.join(dir, "go-" + round))) {}
  const secrets = loadSecrets({ databaseFile: path.join(dir, "r" + round, "rode-draad.sqlite"), mayGenerate: true, environment: {} });
  process.stdout.write(secrets.dataKey.toString("base64") + " " + secrets.sessionSecret + "\\n");
}
`;

/** A child whose output lines can be awaited: line 0 is "ready", line 1 + r the keys of round r. */
function start(script: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["--import", "tsx", script, dir, String(ROUNDS)]);
  let stdout = "";
  let stderr = "";
  let failed: Error | undefined;
  const lines = () => stdout.split("\n").slice(0, -1);
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.on("close", (code) => {
    if (code !== 0) failed = new Error(`exit ${code}: ${stderr}`);
  });
  const linesAtLeast = async (count: number): Promise<string[]> => {
    while (lines().length < count) {
      if (failed) throw failed;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return lines();
  };
  return { linesAtLeast };
}

it(
  "gives processes that start a new installation at the same moment one and the same set of keys, the one in secrets.json",
  async () => {
    const script = path.join(dir, "load-secrets.ts");
    fs.writeFileSync(script, SCRIPT);
    const processes = Array.from({ length: PROCESSES }, () => start(script));
    await Promise.all(processes.map((p) => p.linesAtLeast(1)));
    for (let round = 0; round < ROUNDS; round++) {
      fs.writeFileSync(path.join(dir, `go-${round}`), "");
      await Promise.all(processes.map((p) => p.linesAtLeast(round + 2)));
    }
    const keys = await Promise.all(processes.map(async (p) => (await p.linesAtLeast(ROUNDS + 1)).slice(1)));

    for (let round = 0; round < ROUNDS; round++) {
      const folder = path.join(dir, `r${round}`);
      const stored = JSON.parse(fs.readFileSync(path.join(folder, "secrets.json"), "utf8")) as { dataKey: string; sessionSecret: string };
      expect(keys.map((perProcess) => perProcess[round])).toEqual(Array.from({ length: PROCESSES }, () => `${stored.dataKey} ${stored.sessionSecret}`));
      expect(fs.readdirSync(folder)).toEqual(["secrets.json"]);
    }
  },
  CLI_TEST_LIMIT,
);
