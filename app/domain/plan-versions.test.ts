import { describe, expect, it } from "vitest";
import { compareVersions, countLines, MAX_COMPARED_CHANGES, MAX_PLAN_LINES, type Comparison } from "./plan-versions";

function partsOf(comparison: Comparison) {
  if (comparison.kind !== "lines") throw new Error(`expected a line comparison, got ${comparison.kind}`);
  return comparison.parts;
}

describe("compareVersions", () => {
  const v1 = ["Doel: inkoopvisie met ruimte voor vrijgevestigden", "1. Situatieschets", "2. Gesprek met de regio", ""].join("\n");
  const v2 = [
    "Doel: inkoopvisie met ruimte voor vrijgevestigden",
    "1. Situatieschets",
    "2. Gesprek met de regio en de wethouder",
    "3. Reactie op de nota van inlichtingen",
    "",
  ].join("\n");

  it("marks every line as same, added or removed", () => {
    expect(partsOf(compareVersions(v1, v2))).toEqual([
      { kind: "same", text: "Doel: inkoopvisie met ruimte voor vrijgevestigden" },
      { kind: "same", text: "1. Situatieschets" },
      { kind: "removed", text: "2. Gesprek met de regio" },
      { kind: "added", text: "2. Gesprek met de regio en de wethouder" },
      { kind: "added", text: "3. Reactie op de nota van inlichtingen" },
    ]);
  });

  it("shows an unchanged version as all same", () => {
    const parts = partsOf(compareVersions(v1, v1));
    expect(parts.every((p) => p.kind === "same")).toBe(true);
    expect(parts).toHaveLength(3);
  });

  it("ignores Windows line endings and a missing final newline", () => {
    expect(partsOf(compareVersions(v1, v1.replace(/\n/g, "\r\n").trimEnd())).every((p) => p.kind === "same")).toBe(true);
  });

  it("keeps blank lines and handles an empty first version", () => {
    expect(partsOf(compareVersions("", "a\n\nb"))).toEqual([
      { kind: "added", text: "a" },
      { kind: "added", text: "" },
      { kind: "added", text: "b" },
    ]);
    expect(partsOf(compareVersions("a\nb", ""))).toEqual([
      { kind: "removed", text: "a" },
      { kind: "removed", text: "b" },
    ]);
  });
});

describe("compareVersions on input meant to stall it", () => {
  const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join("\n");

  it("does not start on versions longer than the plan limit (the review's two plans of 25,000 one-character lines)", () => {
    const older = lines(25_000, (i) => (i % 2 ? "a" : "b"));
    const newer = lines(25_000, (i) => (i % 3 ? "a" : "b"));
    expect(compareVersions(older, newer)).toEqual({ kind: "too-large", reason: "lines", limit: MAX_PLAN_LINES });
    expect(compareVersions(older, "kort")).toEqual({ kind: "too-large", reason: "lines", limit: MAX_PLAN_LINES });
  });

  it("stops once more lines differ than the comparison may count, however long that would take", () => {
    const older = lines(MAX_PLAN_LINES, (i) => `oud ${i}`);
    const newer = lines(MAX_PLAN_LINES, (i) => `nieuw ${i}`);
    expect(compareVersions(older, newer)).toEqual({ kind: "too-large", reason: "changes", limit: MAX_COMPARED_CHANGES });
    const repeated = lines(MAX_PLAN_LINES, () => "a");
    const sprinkled = lines(MAX_PLAN_LINES, (i) => (i % 3 ? "a" : "b"));
    expect(compareVersions(repeated, sprinkled)).toEqual({ kind: "too-large", reason: "changes", limit: MAX_COMPARED_CHANGES });
  });

  it("still compares the largest allowed plans when few lines changed", () => {
    const older = lines(MAX_PLAN_LINES, (i) => `regel ${i}`);
    const newer = older.replace("regel 1000\n", "regel 1000 herzien\n");
    const parts = partsOf(compareVersions(older, newer));
    expect(parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "removed", text: "regel 1000" },
      { kind: "added", text: "regel 1000 herzien" },
    ]);
  });
});

describe("countLines", () => {
  it("counts lines as a textarea shows them, whatever the line endings", () => {
    expect(countLines("")).toBe(1);
    expect(countLines("a")).toBe(1);
    expect(countLines("a\nb\r\nc\rd")).toBe(4);
    expect(countLines("a\n")).toBe(2);
  });
});
