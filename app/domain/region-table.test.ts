import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  parseCbsGebiedenCsv,
  parseShippedRegionCsv,
  type RegionTable,
  type RegionTableResult,
  type TableIssue,
} from "./region-table";

const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), "utf8");

function tableOf(result: RegionTableResult): RegionTable {
  if ("issues" in result) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
  return result.table;
}

function issuesOf(result: RegionTableResult): TableIssue[] {
  if ("table" in result) throw new Error("expected issues, got a table");
  return result.issues;
}

const find = (table: RegionTable, municipalityCode: string) =>
  table.rows.find((row) => row.municipalityCode === municipalityCode);

describe("parseShippedRegionCsv", () => {
  it("reads the shipped 2024 file: 342 municipalities in 42 regions, no JZ40", () => {
    const table = tableOf(parseShippedRegionCsv(read("../../db/reference/jeugdregios.csv")));

    expect(table.rows).toHaveLength(342);
    const regions = new Set(table.rows.map((row) => row.regionCode));
    expect(regions.size).toBe(42);
    expect(regions.has("JZ40")).toBe(false);
    expect(regions.has("JZ01")).toBe(true);
    expect(regions.has("JZ43")).toBe(true);
    expect(find(table, "GM0014")).toEqual({
      regionCode: "JZ01",
      regionName: "Groningen",
      municipalityCode: "GM0014",
      municipalityName: "Groningen",
    });
    // Westerkwartier is placed in JZ01 by hand (see the reference README).
    expect(find(table, "GM1969")?.regionCode).toBe("JZ01");
    expect(find(table, "GM0363")?.regionName).toBe("Amsterdam-Amstelland");
    // The README's per-region table counts only the `clear` rows; JZ39 has 20 of those plus Son en Breugel.
    expect(table.rows.filter((row) => row.regionCode === "JZ39")).toHaveLength(21);
  });

  it("sorts rows by region, then municipality", () => {
    const table = tableOf(
      parseShippedRegionCsv(
        "region_code,region_name,municipality_code,municipality_name,certainty\n" +
          "JZ02,Friesland (Fryslân),GM0080,Leeuwarden,clear\n" +
          "JZ01,Groningen,GM1969,Westerkwartier,near_border\n" +
          "JZ01,Groningen,GM0014,Groningen,clear\n",
      ),
    );
    expect(table.rows.map((row) => row.municipalityCode)).toEqual(["GM0014", "GM1969", "GM0080"]);
  });

  it("accepts a file without the certainty column and in another column order", () => {
    const table = tableOf(
      parseShippedRegionCsv("municipality_code,municipality_name,region_code,region_name\nGM0014,Groningen,JZ01,Groningen\n"),
    );
    expect(table.rows).toEqual([
      { regionCode: "JZ01", regionName: "Groningen", municipalityCode: "GM0014", municipalityName: "Groningen" },
    ]);
  });

  it("reports a missing column on the header line", () => {
    expect(issuesOf(parseShippedRegionCsv("region_code,region_name,municipality_code\nJZ01,Groningen,GM0014\n"))).toEqual([
      { line: 1, column: "municipality_name", message: "Kolom 'municipality_name' ontbreekt" },
    ]);
  });

  it("reports invalid codes, missing values and duplicates with line and column", () => {
    const text =
      "region_code,region_name,municipality_code,municipality_name,certainty\n" + // line 1
      "JZ01,Groningen,GM0014,Groningen,clear\n" + // line 2
      "JZ4,Drenthe,GM0106,Assen,clear\n" + // line 3
      "JZ01,Groningen,,Stadskanaal,clear\n" + // line 4
      "JZ01,Groningen,GM0014,Groningen,clear\n" + // line 5
      "JZ02,Friesland,GM080,Leeuwarden,clear\n" + // line 6
      "JZ01,Groningen,GM0047,,clear\n"; // line 7
    expect(issuesOf(parseShippedRegionCsv(text))).toEqual([
      { line: 3, column: "region_code", message: "Ongeldige jeugdregiocode 'JZ4'" },
      { line: 4, column: "municipality_code", message: "Gemeentecode ontbreekt" },
      { line: 5, column: "municipality_code", message: "Gemeente GM0014 staat twee keer in het bestand" },
      { line: 6, column: "municipality_code", message: "Ongeldige gemeentecode 'GM080'" },
      { line: 7, column: "municipality_name", message: "Gemeentenaam ontbreekt" },
    ]);
  });

  it("reports a region with two names at the line of the second name", () => {
    const text =
      "region_code,region_name,municipality_code,municipality_name\n" +
      "JZ01,Groningen,GM0014,Groningen\n" +
      "JZ01,Groningen e.o.,GM0037,Stadskanaal\n";
    expect(issuesOf(parseShippedRegionCsv(text))).toEqual([
      { line: 3, column: "region_name", message: "Jeugdregio JZ01 heeft twee namen: 'Groningen' en 'Groningen e.o.'" },
    ]);
  });

  it("counts lines past blank lines and quoted line breaks", () => {
    const text =
      "region_code,region_name,municipality_code,municipality_name\n" +
      "\n" +
      'JZ01,"Groningen",GM0014,Groningen\n' +
      "JZ01,Groningen,GM99,Stadskanaal\n";
    expect(issuesOf(parseShippedRegionCsv(text))).toEqual([
      { line: 4, column: "municipality_code", message: "Ongeldige gemeentecode 'GM99'" },
    ]);
  });

  it("treats an empty file and a header-only file as errors", () => {
    expect(issuesOf(parseShippedRegionCsv(""))).toEqual([{ line: 1, message: "Het bestand is leeg" }]);
    expect(issuesOf(parseShippedRegionCsv("\uFEFF  \n"))).toEqual([{ line: 1, message: "Het bestand is leeg" }]);
    expect(issuesOf(parseShippedRegionCsv("region_code,region_name,municipality_code,municipality_name\n"))).toEqual([
      { line: 1, message: "Het bestand bevat geen gemeenten" },
    ]);
  });

  it("turns a CSV syntax error into a Dutch issue with its line", () => {
    const text = "region_code,region_name,municipality_code,municipality_name\nJZ01,\"Groningen,GM0014,Groningen\n";
    expect(issuesOf(parseShippedRegionCsv(text))).toEqual([
      { line: 2, message: "Een aanhalingsteken wordt niet gesloten" },
    ]);
  });
});

describe("parseCbsGebiedenCsv", () => {
  it("reads a dataset download with OData keys, padded values and unrelated region pairs", () => {
    // Hand-made in the 85755NED layout: BOM, ';', CRLF, quoted values padded to 10/50 characters,
    // COROP before and RES and provinces after the jeugdregio pair (Code_6/Naam_7).
    const table = tableOf(parseCbsGebiedenCsv(read("./__fixtures__/statline-85755NED-keys.csv")));

    expect(table.rows).toHaveLength(6);
    expect(table.rows.map((row) => row.regionCode)).toEqual(["JZ01", "JZ02", "JZ04", "JZ11", "JZ13", "JZ24"]);
    expect(find(table, "GM0518")).toEqual({
      regionCode: "JZ24",
      regionName: "Haaglanden",
      municipalityCode: "GM0518",
      municipalityName: "'s-Gravenhage",
    });
    expect(find(table, "GM0080")?.regionName).toBe("Friesland (Fryslân)");
  });

  it("reads a StatLine table download with descriptive headers", () => {
    const table = tableOf(parseCbsGebiedenCsv(read("./__fixtures__/statline-gebieden-labels.csv")));

    expect(table.rows).toEqual([
      { regionCode: "JZ01", regionName: "Groningen", municipalityCode: "GM0014", municipalityName: "Groningen" },
      { regionCode: "JZ02", regionName: "Friesland (Fryslân)", municipalityCode: "GM0080", municipalityName: "Leeuwarden" },
      { regionCode: "JZ04", regionName: "Drenthe", municipalityCode: "GM0106", municipalityName: "Assen" },
      { regionCode: "JZ13", regionName: "Amsterdam-Amstelland", municipalityCode: "GM0363", municipalityName: "Amsterdam" },
    ]);
  });

  it("finds the jeugdregio pair at another column number, comma-separated", () => {
    // 2016/2018 tables had the pair at Code_16/Naam_17; Code_14 holds GGD regions here.
    const text =
      "ID,RegioS,Code_1,Naam_2,SorteringNaam_3,Code_14,Naam_15,Code_16,Naam_17\n" +
      '0,"GM1680  ","GM1680    ","Aa en Hunze     ","Aa en Hunze     ","GG0706    ","GGD Drenthe     ","JZ04      ","Drenthe         "\n';
    expect(tableOf(parseCbsGebiedenCsv(text)).rows).toEqual([
      { regionCode: "JZ04", regionName: "Drenthe", municipalityCode: "GM1680", municipalityName: "Aa en Hunze" },
    ]);
  });

  it("accepts plain descriptive headers", () => {
    const text = "Gemeentecode;Gemeentenaam;Jeugdzorgregiocode;Jeugdzorgregionaam\nGM0014;Groningen;JZ01;Groningen\n";
    expect(tableOf(parseCbsGebiedenCsv(text)).rows).toEqual([
      { regionCode: "JZ01", regionName: "Groningen", municipalityCode: "GM0014", municipalityName: "Groningen" },
    ]);
  });

  it("reports a table without a jeugdregio column", () => {
    const text = '"ID";"RegioS";"Code_1";"Naam_2";"Code_4";"Naam_5"\n0;"GM0014  ";"GM0014    ";"Groningen ";"CR03 ";"Overig Groningen"\n';
    expect(issuesOf(parseCbsGebiedenCsv(text))).toEqual([
      { line: 1, message: "Geen kolom met jeugdregiocodes (JZ..) gevonden" },
    ]);
  });

  it("does not pair a JZ column by position when its name column is missing", () => {
    const text = "Code_1;Naam_2;Code_6;Omschrijving_7\nGM0014;Groningen;JZ01;Groningen\n";
    expect(issuesOf(parseCbsGebiedenCsv(text))).toEqual([
      { line: 1, message: "Geen kolom met jeugdregiocodes (JZ..) gevonden" },
    ]);
  });

  it("reports a table without municipality codes, such as our own shipped format", () => {
    const issues = issuesOf(parseCbsGebiedenCsv(read("../../db/reference/jeugdregios.csv")));
    expect(issues).toContainEqual({ line: 1, message: "Geen kolom met gemeentecodes (GM....) gevonden" });
  });

  it("reports bad values with the CBS column name and the file line", () => {
    const text =
      '"ID";"RegioS";"Code_1";"Naam_2";"Code_6";"Naam_7"\n' +
      '0;"GM0014  ";"GM0014    ";"Groningen     ";"JZ01      ";"Groningen     "\n' +
      '1;"GM0106  ";"GM0106    ";"Assen         ";"JZ4       ";"Drenthe       "\n' +
      '2;"GM0014  ";"GM0014    ";"Groningen     ";"JZ01      ";"Groningen     "\n' +
      '3;"        ";"          ";"Zonder code   ";"JZ01      ";"Groningen     "\n' +
      '4;"GM0080  ";"GM0080    ";"Leeuwarden    ";"          ";"              "\n';
    expect(issuesOf(parseCbsGebiedenCsv(text))).toEqual([
      { line: 3, column: "Code_6", message: "Ongeldige jeugdregiocode 'JZ4'" },
      { line: 4, column: "Code_1", message: "Gemeente GM0014 staat twee keer in het bestand" },
      { line: 5, column: "Code_1", message: "Gemeentecode ontbreekt" },
      { line: 6, column: "Code_6", message: "Jeugdregiocode ontbreekt" },
      { line: 6, column: "Naam_7", message: "Naam van de jeugdregio ontbreekt" },
    ]);
  });

  it("treats an empty file and a file without municipalities as errors", () => {
    expect(issuesOf(parseCbsGebiedenCsv(""))).toEqual([{ line: 1, message: "Het bestand is leeg" }]);
    expect(issuesOf(parseCbsGebiedenCsv('"ID";"RegioS";"Code_1";"Naam_2";"Code_6";"Naam_7"\n'))).toEqual([
      { line: 1, message: "Het bestand bevat geen gemeenten" },
    ]);
  });
});
