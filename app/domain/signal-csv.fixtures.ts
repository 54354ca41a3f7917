import { parseSignalsCsv, SIGNAL_CSV_COLUMNS, type CsvIssue, type ReferenceLookup, type SignalCsvResult, type SignalRecord } from "./signal-csv";

// JZ01 Groningen with GM0014 Groningen, JZ02 Friesland with GM0080 Leeuwarden; JZ03 has no municipalities here.
export const MUNICIPALITIES: Record<string, string> = { GM0014: "JZ01", GM0080: "JZ02" };
export const reference: ReferenceLookup = {
  regionExists: (code) => ["JZ01", "JZ02", "JZ03"].includes(code),
  regionOfMunicipality: (code) => MUNICIPALITIES[code],
};
export const TODAY = "2022-06-30";
export const HEADER = SIGNAL_CSV_COLUMNS.join(",");

export const read = (text: string) => parseSignalsCsv(text, reference, { today: TODAY });

export function recordsOf(result: SignalCsvResult): SignalRecord[] {
  if ("issues" in result) throw new Error(`unexpected issues: ${JSON.stringify(result.issues, null, 2)}`);
  return result.records;
}

export function issuesOf(result: SignalCsvResult): CsvIssue[] {
  if ("records" in result) throw new Error("expected issues, got records");
  return result.issues;
}

/** A valid row with all 15 columns; `change` replaces cells by column name. */
export function row(change: Partial<Record<(typeof SIGNAL_CSV_COLUMNS)[number], string>> = {}): string {
  const cells: Record<(typeof SIGNAL_CSV_COLUMNS)[number], string> = {
    received_on: "2021-03-15",
    channel: "email",
    requester_type: "provider",
    referred_by: "direct",
    region_code: "JZ01",
    municipality_code: "GM0014",
    association: "LVVP",
    topic: "strategy_advice",
    procurement_phase: "upcoming_tender",
    triggers: "provider_reduction;admin_burden",
    procedure: "tender",
    funding: "output",
    segment: "ambulant",
    status: "answered",
    summary: "Aanbesteding met minder aanbieders",
    ...change,
  };
  return SIGNAL_CSV_COLUMNS.map((column) => cells[column]).join(",");
}

export const FULL_RECORD: SignalRecord = {
  receivedOn: "2021-03-15",
  channel: "email",
  requesterType: "provider",
  referredBy: "direct",
  regionCode: "JZ01",
  municipalityCode: "GM0014",
  association: "LVVP",
  topic: "strategy_advice",
  procurementPhase: "upcoming_tender",
  triggers: ["provider_reduction", "admin_burden"],
  procedure: "tender",
  funding: "output",
  segment: "ambulant",
  status: "answered",
  summary: "Aanbesteding met minder aanbieders",
};

export const DEFAULTS = {
  channel: "other",
  referredBy: "other",
  municipalityCode: null,
  association: null,
  triggers: [],
  procedure: "unknown",
  funding: "unknown",
  segment: null,
  status: "new",
  summary: null,
} as const;
