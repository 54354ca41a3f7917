import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diffRegionTables } from "./region-table-diff";
import { parseCbsGebiedenCsv, parseShippedRegionCsv, type RegionRow, type RegionTable, type RegionTableResult } from "./region-table";

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), "utf8");

function tableOf(result: RegionTableResult): RegionTable {
  if ("issues" in result) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
  return result.table;
}

describe("diffRegionTables", () => {
  const row = (regionCode: string, regionName: string, municipalityCode: string, municipalityName: string): RegionRow => ({
    regionCode,
    regionName,
    municipalityCode,
    municipalityName,
  });

  const current: RegionTable = {
    rows: [
      row("JZ01", "Groningen", "GM0014", "Groningen"),
      row("JZ01", "Groningen", "GM0037", "Stadskanaal"),
      row("JZ04", "Drenthe", "GM0106", "Assen"),
      row("JZ24", "Haaglanden", "GM0518", "Den Haag"),
      row("JZ42", "Midden-Limburg Oost", "GM0957", "Roermond"),
      row("JZ43", "Midden-Limburg West", "GM0988", "Weert"),
    ],
  };

  it("reports nothing but unchanged counts for the same table", () => {
    expect(diffRegionTables(current, current)).toEqual({
      regionsAdded: [],
      regionsRenamed: [],
      regionsNoLongerPresent: [],
      municipalitiesAdded: [],
      municipalitiesRemoved: [],
      municipalitiesMoved: [],
      municipalitiesRenamed: [],
      unchanged: { regions: 5, municipalities: 6 },
    });
  });

  it("reports moves, renames, additions and removals, sorted by code", () => {
    const incoming: RegionTable = {
      rows: [
        row("JZ44", "Midden-Limburg", "GM0988", "Weert"), // JZ42 and JZ43 merge into a new region
        row("JZ44", "Midden-Limburg", "GM0957", "Roermond"),
        row("JZ24", "Haaglanden", "GM0518", "'s-Gravenhage"), // renamed municipality
        row("JZ04", "Drenthe", "GM0037", "Stadskanaal"), // moved from JZ01
        row("JZ04", "Drenthe", "GM0106", "Assen"),
        row("JZ01", "Groningen en Ommelanden", "GM0014", "Groningen"), // renamed region
        row("JZ04", "Drenthe", "GM1999", "Nieuwe Gemeente"), // added municipality
      ],
    };

    expect(diffRegionTables(current, incoming)).toEqual({
      regionsAdded: [{ code: "JZ44", name: "Midden-Limburg" }],
      regionsRenamed: [{ code: "JZ01", oldName: "Groningen", newName: "Groningen en Ommelanden" }],
      regionsNoLongerPresent: [
        { code: "JZ42", name: "Midden-Limburg Oost" },
        { code: "JZ43", name: "Midden-Limburg West" },
      ],
      municipalitiesAdded: [{ code: "GM1999", name: "Nieuwe Gemeente", regionCode: "JZ04" }],
      municipalitiesRemoved: [],
      municipalitiesMoved: [
        { code: "GM0037", name: "Stadskanaal", fromRegion: "JZ01", toRegion: "JZ04" },
        { code: "GM0957", name: "Roermond", fromRegion: "JZ42", toRegion: "JZ44" },
        { code: "GM0988", name: "Weert", fromRegion: "JZ43", toRegion: "JZ44" },
      ],
      municipalitiesRenamed: [{ code: "GM0518", oldName: "Den Haag", newName: "'s-Gravenhage" }],
      unchanged: { regions: 2, municipalities: 2 },
    });
  });

  it("reports a merger as removed municipalities plus an added one, and a move with a rename in both lists", () => {
    const incoming: RegionTable = {
      rows: [
        row("JZ01", "Groningen", "GM0014", "Groningen"),
        row("JZ04", "Drenthe", "GM0106", "Assen"),
        row("JZ24", "Haaglanden", "GM0518", "Den Haag"),
        row("JZ43", "Midden-Limburg West", "GM0988", "Weert"),
        row("JZ43", "Midden-Limburg West", "GM0957", "Roermond-Stad"),
        row("JZ01", "Groningen", "GM2001", "Stadskanaal-Veendam"),
      ],
    };

    const diff = diffRegionTables(current, incoming);
    expect(diff.municipalitiesRemoved).toEqual([{ code: "GM0037", name: "Stadskanaal", regionCode: "JZ01" }]);
    expect(diff.municipalitiesAdded).toEqual([{ code: "GM2001", name: "Stadskanaal-Veendam", regionCode: "JZ01" }]);
    expect(diff.municipalitiesMoved).toEqual([
      { code: "GM0957", name: "Roermond-Stad", fromRegion: "JZ42", toRegion: "JZ43" },
    ]);
    expect(diff.municipalitiesRenamed).toEqual([{ code: "GM0957", oldName: "Roermond", newName: "Roermond-Stad" }]);
    expect(diff.regionsNoLongerPresent).toEqual([{ code: "JZ42", name: "Midden-Limburg Oost" }]);
    expect(diff.unchanged).toEqual({ regions: 4, municipalities: 4 });
  });

  it("shows what loading a CBS table over the shipped file would change", () => {
    const shipped = tableOf(parseShippedRegionCsv(read("../../db/reference/jeugdregios.csv")));
    const cbs = tableOf(parseCbsGebiedenCsv(read("./__fixtures__/statline-85755NED-keys.csv")));

    const diff = diffRegionTables(shipped, cbs);
    // CBS spells Den Haag as 's-Gravenhage; the fixture holds 6 of the 342 municipalities.
    expect(diff.municipalitiesRenamed).toEqual([{ code: "GM0518", oldName: "Den Haag", newName: "'s-Gravenhage" }]);
    expect(diff.municipalitiesMoved).toEqual([]);
    expect(diff.municipalitiesRemoved).toHaveLength(336);
    expect(diff.regionsNoLongerPresent).toHaveLength(36);
    expect(diff.unchanged).toEqual({ regions: 6, municipalities: 5 });
  });
});
