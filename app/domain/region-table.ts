// Loading the jeugdregio reference table (CBS JZ codes and the municipalities, CBS GM codes, in each region).
//
// Two inputs go through the same validation, so the first start and an admin upload behave alike:
//
// 1. Our shipped file, db/reference/jeugdregios.csv:
//    region_code,region_name,municipality_code,municipality_name[,certainty]. `certainty` is accepted and ignored here.
//
// 2. A CBS StatLine "Gebieden in Nederland" table (85755NED for 2024, 86059NED for 2025, ...), saved as CSV.
//    Supported layouts, all seen in public scripts that read these tables:
//    a. the dataset download (`85755NED_TypedDataSet_<datum>.csv` / `..._UntypedDataSet_...`): header keys
//       `ID;RegioS;Code_1;Naam_2;SorteringNaam_3;Code_4;Naam_5;...`, where Code_N/Naam_(N+1) are pairs;
//    b. the StatLine table download (`Gebieden_in_Nederland_2023_<datum>.csv`): descriptive headers such as
//       `Regio's;Codes en namen van gemeenten/Code (code);Codes en namen van gemeenten/Naam (naam);
//       Lokaliseringen van gemeenten/Jeugdregio's/Code (code);...` — `;`, UTF-8 with BOM;
//    c. a hand-made or cbsodataR-style file with `,` and plain headers like Gemeentecode/Gemeentenaam,
//       Jeugdzorgregiocode/Jeugdzorgregionaam.
//    Values are quoted and right-padded with spaces ("GM0014    "), so every value is trimmed.
//    The pair numbers move between years (the province pair was Code_26 in 2022 and Code_28 in 2023-2025;
//    the jeugdzorgregio pair was Code_16 in 2016 and 2018), so columns are found by their values, not their
//    position: the municipality pair is the first code column holding GM codes, the region pair the code column
//    holding JZ codes. A code column's name column is derived from its header (Code_N -> Naam_(N+1),
//    ".../Code (code)" -> ".../Naam (naam)", "...code" -> "...naam"); we never pair by adjacency alone.
//    RegioS also holds GM codes but has no name partner, so it is passed over.
//    Not supported: OData v4 "Observations" (long format), and old StatLine exports with title lines above the header.
import { CsvError, parse } from "csv-parse/sync";

export type RegionRow = {
  regionCode: string;
  regionName: string;
  municipalityCode: string;
  municipalityName: string;
};

export type RegionTable = { rows: RegionRow[] };

/** `line` is 1-based with the header on line 1; `message` is Dutch, shown to the admin as is. */
export type TableIssue = { line: number; column?: string; message: string };

export type RegionTableResult = { table: RegionTable } | { issues: TableIssue[] };

const MUNICIPALITY_CODE = /^GM\d{4}$/;
const REGION_CODE = /^JZ\d{2}$/;

type Sheet = { header: string[]; records: { line: number; cells: string[] }[] };

/** Column positions plus the header text to show in issues. */
type Columns = { [K in keyof RegionRow]: { index: number; label: string } };

export function parseCbsGebiedenCsv(text: string): RegionTableResult {
  const sheet = readSheet(text);
  if ("issues" in sheet) return sheet;
  // Columns are recognised by their values, so without rows there is nothing to recognise.
  if (sheet.records.length === 0) return { issues: [{ line: 1, message: "Het bestand bevat geen gemeenten" }] };

  const municipalityPairs = codeColumnPairs(sheet, "GM");
  const regionPairs = codeColumnPairs(sheet, "JZ");
  const issues: TableIssue[] = [];
  const municipality = municipalityPairs[0];
  if (!municipality) issues.push({ line: 1, message: "Geen kolom met gemeentecodes (GM....) gevonden" });
  const region = regionPairs[0];
  if (!region) issues.push({ line: 1, message: "Geen kolom met jeugdregiocodes (JZ..) gevonden" });
  if (regionPairs.length > 1) {
    // Two JZ columns would mean two region indelingen in one file; picking one would be a guess.
    const labels = regionPairs.map((pair) => `'${pair.code.label}'`).join(", ");
    issues.push({ line: 1, message: `Meer dan één kolom met jeugdregiocodes gevonden: ${labels}` });
  }
  if (!municipality || !region || issues.length > 0) return { issues };

  return validate(sheet, {
    municipalityCode: municipality.code,
    municipalityName: municipality.name,
    regionCode: region.code,
    regionName: region.name,
  });
}

const SHIPPED_COLUMNS: { [K in keyof RegionRow]: string } = {
  regionCode: "region_code",
  regionName: "region_name",
  municipalityCode: "municipality_code",
  municipalityName: "municipality_name",
};

export function parseShippedRegionCsv(text: string): RegionTableResult {
  const sheet = readSheet(text);
  if ("issues" in sheet) return sheet;

  const normalized = sheet.header.map((h) => h.toLowerCase());
  const issues: TableIssue[] = [];
  const column = (name: string) => {
    const index = normalized.indexOf(name);
    if (index < 0) issues.push({ line: 1, column: name, message: `Kolom '${name}' ontbreekt` });
    return { index, label: name };
  };
  const columns: Columns = {
    regionCode: column(SHIPPED_COLUMNS.regionCode),
    regionName: column(SHIPPED_COLUMNS.regionName),
    municipalityCode: column(SHIPPED_COLUMNS.municipalityCode),
    municipalityName: column(SHIPPED_COLUMNS.municipalityName),
  };
  if (issues.length > 0) return { issues };
  return validate(sheet, columns);
}

function readSheet(text: string): Sheet | { issues: TableIssue[] } {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return { issues: [{ line: 1, message: "Het bestand is leeg" }] };

  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  // StatLine writes ';', cbsodataR and our own file ','; whichever the header uses more is the delimiter.
  const delimiter = count(firstLine, ";") > count(firstLine, ",") ? ";" : ",";

  const lines: number[] = [];
  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        lines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === "number" ? error.lines : 1;
    return { issues: [{ line, message: csvErrorMessage(error) }] };
  }

  const [header = [], ...rest] = records.map((cells) => cells.map((cell) => cell.trim()));
  return {
    header,
    records: rest
      .map((cells, i) => ({ line: lines[i + 1] ?? i + 2, cells }))
      .filter((record) => record.cells.some((cell) => cell !== "")),
  };
}

function csvErrorMessage(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "Een aanhalingsteken wordt niet gesloten";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "Na een sluitend aanhalingsteken staat nog tekst in hetzelfde veld";
    default:
      return "Het bestand is geen leesbaar CSV-bestand";
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The name column that belongs to a code column, by the header conventions listed at the top of this file. */
function nameHeaderFor(codeHeader: string): string | undefined {
  const header = codeHeader.toLowerCase();
  const numbered = /^code_(\d+)$/.exec(header);
  if (numbered) return `naam_${Number(numbered[1]) + 1}`;
  const statline = /^(.*)code \(code\)$/.exec(header);
  if (statline) return `${statline[1]}naam (naam)`;
  const plain = /^(.*)code$/.exec(header);
  if (plain) return `${plain[1]}naam`;
  return undefined;
}

type ColumnPair = { code: { index: number; label: string }; name: { index: number; label: string } };

/** Code columns (with a name partner) where at least half the filled values start with `prefix`. */
function codeColumnPairs(sheet: Sheet, prefix: "GM" | "JZ"): ColumnPair[] {
  const normalized = sheet.header.map((h) => h.toLowerCase());
  const pairs: ColumnPair[] = [];
  sheet.header.forEach((label, index) => {
    const nameHeader = nameHeaderFor(label);
    const nameIndex = nameHeader === undefined ? -1 : normalized.indexOf(nameHeader);
    if (nameIndex < 0) return;
    const values = sheet.records.map((record) => record.cells[index] ?? "").filter((value) => value !== "");
    const matching = values.filter((value) => value.toUpperCase().startsWith(prefix)).length;
    // Half, not all: a column with one typo ("ZJ04") should still be found, so the typo gets its own issue.
    if (values.length > 0 && matching * 2 >= values.length) {
      pairs.push({ code: { index, label }, name: { index: nameIndex, label: sheet.header[nameIndex] ?? "" } });
    }
  });
  return pairs;
}

function validate(sheet: Sheet, columns: Columns): RegionTableResult {
  const issues: TableIssue[] = [];
  const rows: RegionRow[] = [];
  const seenMunicipalities = new Set<string>();
  const regionNames = new Map<string, string>();

  for (const { line, cells } of sheet.records) {
    const issue = (key: keyof RegionRow, message: string) =>
      issues.push({ line, column: columns[key].label, message });
    const value = (key: keyof RegionRow) => cells[columns[key].index] ?? "";
    const row: RegionRow = {
      regionCode: value("regionCode"),
      regionName: value("regionName"),
      municipalityCode: value("municipalityCode"),
      municipalityName: value("municipalityName"),
    };
    const before = issues.length;

    if (row.municipalityCode === "") issue("municipalityCode", "Gemeentecode ontbreekt");
    else if (!MUNICIPALITY_CODE.test(row.municipalityCode)) {
      issue("municipalityCode", `Ongeldige gemeentecode '${row.municipalityCode}'`);
    } else if (seenMunicipalities.has(row.municipalityCode)) {
      issue("municipalityCode", `Gemeente ${row.municipalityCode} staat twee keer in het bestand`);
    }
    if (row.municipalityName === "") issue("municipalityName", "Gemeentenaam ontbreekt");

    if (row.regionCode === "") issue("regionCode", "Jeugdregiocode ontbreekt");
    else if (!REGION_CODE.test(row.regionCode)) issue("regionCode", `Ongeldige jeugdregiocode '${row.regionCode}'`);
    if (row.regionName === "") issue("regionName", "Naam van de jeugdregio ontbreekt");

    const knownName = regionNames.get(row.regionCode);
    if (row.regionName !== "" && knownName !== undefined && knownName !== row.regionName) {
      issue("regionName", `Jeugdregio ${row.regionCode} heeft twee namen: '${knownName}' en '${row.regionName}'`);
    }

    seenMunicipalities.add(row.municipalityCode);
    if (row.regionName !== "" && knownName === undefined) regionNames.set(row.regionCode, row.regionName);
    if (issues.length === before) rows.push(row);
  }

  if (issues.length > 0) return { issues };
  if (rows.length === 0) return { issues: [{ line: 1, message: "Het bestand bevat geen gemeenten" }] };
  rows.sort((a, b) => compare(a.regionCode, b.regionCode) || compare(a.municipalityCode, b.municipalityCode));
  return { table: { rows } };
}

export type RegionTableDiff = {
  regionsAdded: { code: string; name: string }[];
  regionsRenamed: { code: string; oldName: string; newName: string }[];
  /**
   * Regions in the current table that the incoming table lacks. Applying the table does not delete them:
   * past signals keep pointing at them, so they are only marked inactive.
   */
  regionsNoLongerPresent: { code: string; name: string }[];
  municipalitiesAdded: { code: string; name: string; regionCode: string }[];
  /** Like regions, these are marked inactive rather than deleted (usually merged into a new municipality). */
  municipalitiesRemoved: { code: string; name: string; regionCode: string }[];
  /** `name` is the incoming name; a municipality can be both moved and renamed. */
  municipalitiesMoved: { code: string; name: string; fromRegion: string; toRegion: string }[];
  municipalitiesRenamed: { code: string; oldName: string; newName: string }[];
  /** Regions present in both with the same name; municipalities with the same name and region. */
  unchanged: { regions: number; municipalities: number };
};

/** What applying `incoming` would change in `current`. Every list is sorted by code. */
export function diffRegionTables(current: RegionTable, incoming: RegionTable): RegionTableDiff {
  const diff: RegionTableDiff = {
    regionsAdded: [],
    regionsRenamed: [],
    regionsNoLongerPresent: [],
    municipalitiesAdded: [],
    municipalitiesRemoved: [],
    municipalitiesMoved: [],
    municipalitiesRenamed: [],
    unchanged: { regions: 0, municipalities: 0 },
  };

  const oldRegions = regionsOf(current);
  const newRegions = regionsOf(incoming);
  for (const [code, name] of newRegions) {
    const oldName = oldRegions.get(code);
    if (oldName === undefined) diff.regionsAdded.push({ code, name });
    else if (oldName !== name) diff.regionsRenamed.push({ code, oldName, newName: name });
    else diff.unchanged.regions++;
  }
  for (const [code, name] of oldRegions) {
    if (!newRegions.has(code)) diff.regionsNoLongerPresent.push({ code, name });
  }

  const oldMunicipalities = municipalitiesOf(current);
  const newMunicipalities = municipalitiesOf(incoming);
  for (const [code, row] of newMunicipalities) {
    const old = oldMunicipalities.get(code);
    if (!old) {
      diff.municipalitiesAdded.push({ code, name: row.municipalityName, regionCode: row.regionCode });
      continue;
    }
    const moved = old.regionCode !== row.regionCode;
    const renamed = old.municipalityName !== row.municipalityName;
    if (moved) {
      diff.municipalitiesMoved.push({
        code,
        name: row.municipalityName,
        fromRegion: old.regionCode,
        toRegion: row.regionCode,
      });
    }
    if (renamed) {
      diff.municipalitiesRenamed.push({ code, oldName: old.municipalityName, newName: row.municipalityName });
    }
    if (!moved && !renamed) diff.unchanged.municipalities++;
  }
  for (const [code, row] of oldMunicipalities) {
    if (!newMunicipalities.has(code)) {
      diff.municipalitiesRemoved.push({ code, name: row.municipalityName, regionCode: row.regionCode });
    }
  }

  const byCode = (a: { code: string }, b: { code: string }) => compare(a.code, b.code);
  diff.regionsAdded.sort(byCode);
  diff.regionsRenamed.sort(byCode);
  diff.regionsNoLongerPresent.sort(byCode);
  diff.municipalitiesAdded.sort(byCode);
  diff.municipalitiesRemoved.sort(byCode);
  diff.municipalitiesMoved.sort(byCode);
  diff.municipalitiesRenamed.sort(byCode);
  return diff;
}

/** Tables from the database are not re-validated, so the first name seen for a region wins. */
function regionsOf(table: RegionTable): Map<string, string> {
  const regions = new Map<string, string>();
  for (const row of table.rows) if (!regions.has(row.regionCode)) regions.set(row.regionCode, row.regionName);
  return regions;
}

function municipalitiesOf(table: RegionTable): Map<string, RegionRow> {
  return new Map(table.rows.map((row) => [row.municipalityCode, row]));
}

/** Codes are fixed-width ASCII, so plain comparison sorts them the same everywhere (no locale involved). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
