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
import { detectSeparator, parseCsv } from "./csv";

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
  if (text.replace(/^\uFEFF/, "").trim() === "") return { issues: [{ line: 1, message: "Het bestand is leeg" }] };
  // StatLine writes ';', cbsodataR and our own file ','; the header says which.
  const parsed = parseCsv(text, detectSeparator(text));
  if ("issue" in parsed) return { issues: [parsed.issue] };
  const [header, ...rest] = parsed.rows.map((row) => ({ line: row.line, cells: row.cells.map((cell) => cell.trim()) }));
  return { header: header?.cells ?? [], records: rest };
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
  rows.sort((a, b) => compareCodes(a.regionCode, b.regionCode) || compareCodes(a.municipalityCode, b.municipalityCode));
  return { table: { rows } };
}

/** Codes in code-point order (JZ01 < JZ02, GM0014 < GM0034): the same order on every machine, whatever its locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
