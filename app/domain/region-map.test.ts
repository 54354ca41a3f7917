import { describe, expect, it } from "vitest";
import { mapCells, SHADES, fillOf } from "./region-map";
import { NO_LABELS } from "./report-format";

const regions = ["JZ01", "JZ02", "JZ03", "JZ04", "JZ05"].map((code) => ({ code, name: `Regio ${code}` }));
const cell = (count: number | null) => ({ count, share: null });

describe("the region map's classes", () => {
  it("shades in four equal steps from one to the largest count, white for none", () => {
    const { cells, legend } = mapCells(regions, { JZ01: cell(0), JZ02: cell(1), JZ03: cell(20), JZ04: cell(40), JZ05: cell(11) }, NO_LABELS, new Set(["JZ03"]));
    expect(cells.map((c) => c.mapClass)).toEqual([
      { kind: "shade", step: 0 },
      { kind: "shade", step: 1 },
      { kind: "shade", step: 2 },
      { kind: "shade", step: 4 },
      { kind: "shade", step: 2 },
    ]);
    expect(legend.map((item) => item.label)).toEqual(["geen vragen", "1 tot en met 10", "11 tot en met 20", "21 tot en met 30", "31 tot en met 40"]);
    expect(cells.find((c) => c.code === "JZ03")?.trajectory).toBe(true);
    expect(fillOf({ kind: "shade", step: 4 }, "kaart")).toBe(SHADES[4]);
  });

  it("gives a suppressed region a hatching of its own and says so in the legend, never a shade that tells its size", () => {
    const labels = { threshold: 5, protected: ["signals.byRegion.JZ02"], withheld: [] };
    const { cells, legend } = mapCells(regions, { JZ01: cell(null), JZ02: cell(null), JZ03: cell(30), JZ04: cell(0), JZ05: cell(8) }, labels, new Set());
    expect(cells[0]).toMatchObject({ text: "< 5", mapClass: { kind: "small" } });
    expect(cells[1]).toMatchObject({ text: "afgeschermd", mapClass: { kind: "protected" } });
    expect(legend.map((item) => item.label)).toContain("minder dan 5");
    expect(legend.map((item) => item.label)).toContain("afgeschermd");
    expect(fillOf({ kind: "small" }, "kaart")).toBe("url(#kaart-small)");
  });
});
