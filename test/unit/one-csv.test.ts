import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every CSV the app reads or writes goes through app/domain/csv.ts (separators, encodings, quoting, line numbers in
 * Dutch errors). The established libraries stay in the tests, as an independent check of it.
 */
const APP = path.resolve(__dirname, "../../app");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("the CSV plumbing", () => {
  it("lives in app/domain/csv.ts: no other app module imports a CSV library", () => {
    const files = sources(APP);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) => /from\s+"csv-(parse|stringify)/.test(fs.readFileSync(file, "utf8"))).map((file) => path.relative(APP, file));
    expect(offenders).toEqual([]);
  });
});
