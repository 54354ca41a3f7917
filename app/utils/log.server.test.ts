import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "./env.server";
import { describeError, describeStartupFailure, log } from "./log.server";
import { SecretsError } from "./secrets.server";

const SECRET = "Mirjam Vlasblom meldt Praktijk De Vuurtoren";

/** Everything the logger writes while `run` runs. */
function captured(run: () => void): string {
  let out = "";
  const grab = (chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(grab);
  vi.spyOn(process.stderr, "write").mockImplementation(grab);
  run();
  vi.restoreAllMocks();
  return out;
}

function thrownAt(make: () => Error): Error {
  try {
    throw make();
  } catch (error) {
    return error as Error;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("describeError", () => {
  it.each([
    ["one line", () => new Error(SECRET)],
    ["a second line", () => new TypeError(`Headers.set: "/\n/${SECRET}" is an invalid header value.`)],
    ["lines that look like stack frames", () => new Error(`x\n    at ${SECRET} (/app/${SECRET}.ts:1:1)\n    at y`)],
    ["a message that ends in a frame", () => new RangeError(`kapot\n    at ${SECRET}`)],
    ["a message changed after it was thrown", () => Object.assign(new Error("eerst"), { message: `later\n    at ${SECRET}` })],
  ])("puts no message text in the line: %s", (_what, make) => {
    const error = thrownAt(make);
    const line = captured(() => log.error("unhandled error", { error: describeError(error) }));
    expect(line).not.toContain("Vlasblom");
    expect(line).not.toContain("kapot");
    expect(line).toMatch(/ERROR unhandled error error=(Error|TypeError|RangeError) /);
  });

  it("names the type and the code location that threw", () => {
    const error = thrownAt(() => new TypeError(`bad\n${SECRET}`));
    expect(describeError(error)).toMatch(/^TypeError at .*log\.server\.test\.ts:\d+:\d+\)?$/);
  });

  it("does not trust a name that carries text", () => {
    const error = thrownAt(() => Object.assign(new Error("x"), { name: SECRET }));
    expect(describeError(error)).not.toContain("Vlasblom");
  });

  it("describes what is not an Error by its type", () => {
    expect(describeError({ message: SECRET })).toBe("object");
    expect(describeError(SECRET)).toBe("string");
  });
});

describe("describeStartupFailure", () => {
  it("gives the operator our own explanations in full, anything else by type and place", () => {
    expect(describeStartupFailure(new ConfigError("Ongeldige configuratie: PORT: Expected number"))).toBe("Ongeldige configuratie: PORT: Expected number");
    expect(describeStartupFailure(new SecretsError("De datasleutel past niet bij deze database."))).toBe("De datasleutel past niet bij deze database.");
    const other = describeStartupFailure(thrownAt(() => new Error(`constraint failed: ${SECRET}`)));
    expect(other).toMatch(/^Error at /);
    expect(other).not.toContain("Vlasblom");
  });
});

describe("exitOnStrayErrors", () => {
  it.each(["throw", "reject"])("logs a stray error (%s) by type and place, then stops the process", (how) => {
    const script = [
      'import { exitOnStrayErrors } from "./app/utils/log.server.ts";',
      "exitOnStrayErrors();",
      how === "throw"
        ? `setTimeout(() => { throw new TypeError(${JSON.stringify(`eerst\n${SECRET}`)}); }, 0);`
        : `void Promise.reject(new TypeError(${JSON.stringify(`eerst\n${SECRET}`)}));`,
    ].join("\n");
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/ERROR uncaught error error=TypeError at /);
    expect(result.stderr + result.stdout).not.toContain("Vlasblom");
    expect(result.stderr).not.toContain("eerst");
  });
});
