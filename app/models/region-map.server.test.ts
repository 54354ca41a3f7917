import { describe, expect, it } from "vitest";
import { regionMapGeometry } from "./region-map.server";

describe("the region map's geometry", () => {
  it("draws the 42 youth-care regions of 2024 (JZ01–JZ43 without JZ40) inside the map", () => {
    const geometry = regionMapGeometry();
    const codes = geometry.regions.map((region) => region.code);
    expect(codes).toHaveLength(42);
    expect(new Set(codes).size).toBe(42);
    expect(codes).not.toContain("JZ40");
    expect(codes).toContain("JZ43");
    for (const region of geometry.regions) {
      expect(region.d).toMatch(/^M[\d.,-]+/);
      const [x, y] = region.centre;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(geometry.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(geometry.height);
    }
    // Groningen lies north of Zuid-Limburg: the projection is the right way up.
    const centre = (code: string) => geometry.regions.find((region) => region.code === code)!.centre;
    expect(centre("JZ01")[1]).toBeLessThan(centre("JZ41")[1]);
  });
});
