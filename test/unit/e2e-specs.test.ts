import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PLAYWRIGHT_DISABLED_FEATURES } from "../e2e/browser-flags";

/**
 * The Playwright specs run against a server per worker, which the suite's own `test` (test/e2e/fixtures.ts) starts.
 * A spec that takes `test` from @playwright/test would run without one, or against another spec's records by chance.
 */
const ROOT = path.resolve(__dirname, "../..");
const specs = ["test/e2e", "test/security"].flatMap((dir) =>
  fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith(".spec.ts")).map((f) => path.join(dir, f)),
);

describe("the Playwright specs", () => {
  it("are there to check", () => {
    expect(specs.length).toBeGreaterThan(10);
  });

  it.each(specs)("%s takes test and expect from the suite's fixtures, not from @playwright/test", (spec) => {
    const source = fs.readFileSync(path.join(ROOT, spec), "utf8");
    const fromPlaywright = [...source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+"@playwright\/test"/g)]
      .filter((m) => !m[1])
      .flatMap((m) => (m[2] ?? "").split(",").map((name) => name.trim()))
      .filter((name) => name === "test" || name === "expect");
    expect(fromPlaywright).toEqual([]);
  });

  it.each(specs)("%s starts its own servers on ports of its worker (sparePort), never on a fixed one", (spec) => {
    const source = fs.readFileSync(path.join(ROOT, spec), "utf8");
    expect(source).not.toMatch(/E2E_PORT|PORT:\s*"\d+"|127\.0\.0\.1:\d{4}/);
  });

  it("give every spare port offset to one spec only, so two specs' servers never meet on a port", () => {
    const owners = new Map<number, Set<string>>();
    for (const spec of specs) {
      for (const [, offset] of fs.readFileSync(path.join(ROOT, spec), "utf8").matchAll(/sparePort\((\d+)\)/g)) {
        owners.set(Number(offset), (owners.get(Number(offset)) ?? new Set()).add(spec));
      }
    }
    expect([...owners].filter(([, users]) => users.size > 1).map(([offset, users]) => `${offset}: ${[...users].join(", ")}`)).toEqual([]);
  });
});

describe("the suite's Chromium flags", () => {
  // Chromium keeps only the last --disable-features, so ours must repeat every feature Playwright itself disables.
  it("still disable every feature the installed Playwright disables", () => {
    const source = fs.readFileSync(path.join(ROOT, "node_modules/playwright-core/lib/coreBundle.js"), "utf8");
    const list = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(source)?.[1];
    expect(list, "Playwright's list of disabled features was not found").toBeDefined();
    const theirs = [...(list ?? "").matchAll(/^\s*"([^"]+)",?$/gm)].map((m) => m[1]);
    expect(theirs.length).toBeGreaterThan(5);
    expect(theirs.filter((feature) => !PLAYWRIGHT_DISABLED_FEATURES.includes(feature!))).toEqual([]);
  });
});
