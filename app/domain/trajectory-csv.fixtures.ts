import type { CsvIssue, ReferenceLookup } from "./signal-csv";
import { parseTrajectoriesCsv, TRAJECTORY_CSV_COLUMNS, type TrajectoryCsvColumn, type TrajectoryCsvResult, type TrajectoryRecord } from "./trajectory-csv";

// JZ01 Groningen with GM0014 Groningen and GM0037 Stadskanaal, JZ02 Friesland with GM0080 Leeuwarden.
export const MUNICIPALITIES: Record<string, string> = { GM0014: "JZ01", GM0037: "JZ01", GM0080: "JZ02" };
export const reference: ReferenceLookup = {
  regionExists: (code) => ["JZ01", "JZ02", "JZ03"].includes(code),
  regionOfMunicipality: (code) => MUNICIPALITIES[code],
};
export const TODAY = "2022-06-30";
export const HEADER = TRAJECTORY_CSV_COLUMNS.join(",");

export const read = (text: string) => parseTrajectoriesCsv(text, reference, { today: TODAY });

export function recordsOf(result: TrajectoryCsvResult): TrajectoryRecord[] {
  if ("issues" in result) throw new Error(`unexpected issues: ${JSON.stringify(result.issues, null, 2)}`);
  return result.records;
}

export function issuesOf(result: TrajectoryCsvResult): CsvIssue[] {
  if ("records" in result) throw new Error("expected issues, got records");
  return result.issues;
}

export type Cells = Partial<Record<TrajectoryCsvColumn, string>>;

/** A valid row with all 12 columns; `change` replaces cells by column name. Each call gets its own ref. */
export let refs = 0;
export function row(change: Cells = {}): string {
  refs += 1;
  const cells: Record<TrajectoryCsvColumn, string> = {
    ref: `T-${refs}`,
    region_code: "JZ01",
    started_on: "2021-11-01",
    closed_on: "2022-03-31",
    status: "completed",
    outcomes: "forces_bundled;cooperative_formed",
    escalation_types: "council",
    municipalities_consulted: "GM0014;GM0037",
    contract_won: "true",
    contracts_awarded_total: "15",
    providers_involved: "23",
    strategic_goal: "Behoud van de vrijgevestigden in de regio",
    ...change,
  };
  return TRAJECTORY_CSV_COLUMNS.map((column) => cells[column]).join(",");
}

export const FULL_RECORD: Omit<TrajectoryRecord, "ref"> = {
  regionCode: "JZ01",
  startedOn: "2021-11-01",
  closedOn: "2022-03-31",
  status: "completed",
  outcomes: ["forces_bundled", "cooperative_formed"],
  escalationTypes: ["council"],
  municipalitiesConsulted: ["GM0014", "GM0037"],
  contractWon: true,
  contractsAwardedTotal: 15,
  providersInvolved: 23,
  strategicGoal: "Behoud van de vrijgevestigden in de regio",
};
