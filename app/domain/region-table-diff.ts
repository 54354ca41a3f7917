import { compareCodes as compare, type RegionRow, type RegionTable } from "./region-table";

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
