import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RATINGS, ratingsFromForm, scoreOf, scoreStep, sortOverview, type Rating } from "./contract-review";

const ratings = fc.array(fc.constantFrom<Rating>(...RATINGS), { maxLength: 30 });

describe("scoreOf", () => {
  it("scores the known criteria only: 2, 1, 0 points out of 2 each", () => {
    expect(scoreOf(["accessible", "partly", "obstructive", "unknown"])).toEqual({ percent: 50, known: 3, unknown: 1 });
    expect(scoreOf(["accessible", "accessible"])).toEqual({ percent: 100, known: 2, unknown: 0 });
    expect(scoreOf(["unknown"])).toEqual({ percent: null, known: 0, unknown: 1 });
    expect(scoreOf([])).toEqual({ percent: null, known: 0, unknown: 0 });
  });

  it("is a percentage between 0 and 100 and counts every criterion once", () => {
    fc.assert(
      fc.property(ratings, (list) => {
        const score = scoreOf(list);
        expect(score.known + score.unknown).toBe(list.length);
        if (score.percent !== null) expect(score.percent).toBeGreaterThanOrEqual(0), expect(score.percent).toBeLessThanOrEqual(100);
        expect(score.percent === null).toBe(score.known === 0);
      }),
    );
  });

  it("does not depend on the order of the criteria, and an unknown changes only the count of unknowns", () => {
    fc.assert(
      fc.property(ratings, fc.integer(), (list, seed) => {
        const shuffled = [...list].sort((a, b) => ((a.charCodeAt(0) * seed) % 7) - ((b.charCodeAt(0) * seed) % 7));
        expect(scoreOf(shuffled)).toEqual(scoreOf(list));
        const more = scoreOf([...list, "unknown"]);
        expect(more.percent).toBe(scoreOf(list).percent);
        expect(more.unknown).toBe(scoreOf(list).unknown + 1);
      }),
    );
  });

  it("never falls when one criterion gets better", () => {
    const better: Record<Rating, Rating | null> = { obstructive: "partly", partly: "accessible", accessible: null, unknown: null };
    fc.assert(
      fc.property(ratings, fc.nat(), (list, at) => {
        if (list.length === 0) return;
        const index = at % list.length;
        const up = better[list[index]!];
        if (!up) return;
        const improved = list.map((r, i) => (i === index ? up : r));
        expect(scoreOf(improved).percent!).toBeGreaterThanOrEqual(scoreOf(list).percent!);
      }),
    );
  });

  it("shades from 0 (no score) to 4 (least accessible)", () => {
    expect([null, 100, 75, 74, 50, 49, 25, 24, 0].map(scoreStep)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });
});

describe("ratingsFromForm", () => {
  it("reads each criterion's fields and takes anything else as unknown", () => {
    expect(ratingsFromForm({ r_a: "partly", n_a: " kort ", s_a: "bestek p. 3", r_b: "drop table" }, ["a", "b"])).toEqual([
      { code: "a", rating: "partly", note: "kort", source: "bestek p. 3" },
      { code: "b", rating: "unknown", note: "", source: "" },
    ]);
  });
});

describe("sortOverview", () => {
  const row = (regionName: string, percent: number | null, unknown: number, omvang: Rating, createdAt: string) => ({
    regionName,
    createdAt,
    score: { percent, unknown },
    ratings: [{ code: "omvang", rating: omvang }],
  });
  const rows = [row("Zuid", 80, 0, "accessible", "2026-03-01"), row("Amstelland", null, 9, "unknown", "2026-01-01"), row("Midden", 20, 2, "obstructive", "2026-02-01")];
  const names = (key: string) => sortOverview(rows, key).map((r) => r.regionName);

  it("sorts by region, score (no score last), unknowns, date or one criterion", () => {
    expect(names("regio")).toEqual(["Amstelland", "Midden", "Zuid"]);
    expect(names("score")).toEqual(["Midden", "Zuid", "Amstelland"]);
    expect(names("onbekend")).toEqual(["Amstelland", "Midden", "Zuid"]);
    expect(names("datum")).toEqual(["Zuid", "Midden", "Amstelland"]);
    expect(names("omvang")).toEqual(["Midden", "Amstelland", "Zuid"]);
  });

  it("keeps every row whatever the key", () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        expect(sortOverview(rows, key)).toHaveLength(rows.length);
      }),
    );
  });
});
