// One row of a signals import (CSV or .xlsx) read into a record, or its issues. The rules per cell are those of
// DESIGN.md's signals.csv; a person's file may also use the Dutch labels the app shows instead of the codes, and
// Dutch dates (15-03-2025) instead of ISO ones.
import {
  ASSOCIATION_LABELS,
  ASSOCIATIONS,
  CHANNEL_LABELS,
  CHANNELS,
  FUNDING_LABELS,
  FUNDINGS,
  PHASE_LABELS,
  PHASES,
  PROCEDURE_LABELS,
  PROCEDURES,
  REFERRER_LABELS,
  REFERRERS,
  REQUESTER_TYPE_LABELS,
  REQUESTER_TYPES,
  STATUS_LABELS,
  STATUSES,
  TOPIC_LABELS,
  TOPICS,
  TRIGGER_LABELS,
  TRIGGERS,
  type Trigger,
} from "./signal-codes";
import { readImportDate } from "./dates";
import { codeOf, municipalityProblem, referenceCode, type Header, type RankedIssue, type ReferenceLookup, type Row } from "./import-sheet";
import type { SignalCsvColumn, SignalRecord } from "./signal-csv";
import { restoreCell } from "./spreadsheet-cell";

/** Same limit as the intake form (signal-form.ts), counted the same way (UTF-16 units), so the two agree. */
export const MAX_SUMMARY_LENGTH = 2000;
export const MAX_SEGMENT_LENGTH = 40;
const SEGMENT_CODE = /^[a-z0-9_]+$/;

export function readSignalRow(
  row: Row,
  header: Header<SignalCsvColumn>,
  width: number,
  reference: ReferenceLookup,
  today: string,
  issues: RankedIssue[],
): SignalRecord | undefined {
  if (row.cells.length !== width) {
    // Usually an unquoted separator in a text: every cell after it has shifted, so checking them would only mislead.
    issues.push({ line: row.line, rank: -1, message: `Deze regel heeft ${row.cells.length} velden, de kopregel ${width}` });
    return undefined;
  }

  const before = issues.length;
  const columns = header.index;
  const report = (column: SignalCsvColumn, message: string) =>
    issues.push({ line: row.line, column: header.names[column] ?? column, rank: columns[column] ?? -1, message });
  /** The cell as written; "" when the column is not in the file. */
  const raw = (column: SignalCsvColumn): string => {
    const position = columns[column];
    return position === undefined ? "" : (row.cells[position] ?? "");
  };
  // Surrounding spaces are a typing accident, not a different code.
  const value = (column: SignalCsvColumn): string => raw(column).trim();
  const required = (column: SignalCsvColumn): string | undefined => {
    const text = value(column);
    if (text === "") report(column, "Verplicht veld is leeg");
    return text === "" ? undefined : text;
  };
  const unknownCode = (column: SignalCsvColumn, text: string, codes: readonly string[]) =>
    report(column, `Onbekende code '${text}' — kies uit: ${codes.join(", ")}`);
  const requiredCode = <Code extends string>(column: SignalCsvColumn, codes: readonly Code[], labels: Record<Code, string>): Code | undefined => {
    const text = required(column);
    if (text === undefined) return undefined;
    const code = codeOf(text, codes, labels);
    if (code === undefined) unknownCode(column, text, codes);
    return code;
  };
  const optionalCode = <Code extends string, Default extends Code | null>(
    column: SignalCsvColumn,
    codes: readonly Code[],
    labels: Record<Code, string>,
    fallback: Default,
  ): Code | Default => {
    const text = value(column);
    if (text === "") return fallback;
    const code = codeOf(text, codes, labels);
    if (code === undefined) unknownCode(column, text, codes);
    return code ?? fallback;
  };

  const receivedOnText = required("received_on");
  let receivedOn: string | undefined;
  if (receivedOnText !== undefined) {
    const read = readImportDate(receivedOnText, { kind: "past", today });
    if ("date" in read) receivedOn = read.date;
    else report("received_on", read.problem);
  }
  const channel = optionalCode("channel", CHANNELS, CHANNEL_LABELS, "other");
  const requesterType = requiredCode("requester_type", REQUESTER_TYPES, REQUESTER_TYPE_LABELS);
  const referredBy = optionalCode("referred_by", REFERRERS, REFERRER_LABELS, "other");

  const regionText = required("region_code");
  const regionCode = regionText === undefined ? undefined : referenceCode(regionText, "region", reference);
  const regionKnown = regionCode !== undefined && reference.regionExists(regionCode);
  if (regionCode !== undefined && !regionKnown) report("region_code", `Onbekende regio '${regionCode}'`);

  const municipalityText = value("municipality_code") === "" ? "" : referenceCode(value("municipality_code"), "municipality", reference);
  let municipalityCode: string | null = null;
  if (municipalityText !== "") {
    const problem = municipalityProblem(municipalityText, regionKnown ? regionCode : undefined, reference);
    if (problem === undefined) municipalityCode = municipalityText;
    else report("municipality_code", problem);
  }

  const association = optionalCode("association", ASSOCIATIONS, ASSOCIATION_LABELS, null);
  const topic = requiredCode("topic", TOPICS, TOPIC_LABELS);
  const procurementPhase = requiredCode("procurement_phase", PHASES, PHASE_LABELS);

  // First-seen order is kept (not the DESIGN.md order), so an export imports back to the very same array.
  const triggers: Trigger[] = [];
  for (const part of value("triggers").split(";")) {
    const text = part.trim();
    if (text === "") continue;
    const trigger = codeOf(text, TRIGGERS, TRIGGER_LABELS);
    if (trigger === undefined) unknownCode("triggers", text, TRIGGERS);
    else if (!triggers.includes(trigger)) triggers.push(trigger);
  }

  const procedure = optionalCode("procedure", PROCEDURES, PROCEDURE_LABELS, "unknown");
  const funding = optionalCode("funding", FUNDINGS, FUNDING_LABELS, "unknown");

  const segmentText = value("segment");
  let segment: string | null = null;
  if (segmentText !== "") {
    if (!SEGMENT_CODE.test(segmentText)) {
      report("segment", `Segment '${segmentText}' mag alleen kleine letters, cijfers en _ bevatten`);
    } else if (segmentText.length > MAX_SEGMENT_LENGTH) {
      report("segment", `Segment is ${segmentText.length} tekens lang; hoogstens ${MAX_SEGMENT_LENGTH} toegestaan`);
    } else {
      segment = segmentText;
    }
  }

  const status = optionalCode("status", STATUSES, STATUS_LABELS, "new");

  // The summary is free text: kept exactly as written (spaces and line breaks included), so it survives a round trip;
  // from a file for people without the quote our Excel export put before formula-like text.
  const summaryText = header.forPeople ? restoreCell(raw("summary")) : raw("summary");
  let summary: string | null = null;
  if (summaryText.trim() !== "") {
    if (summaryText.length > MAX_SUMMARY_LENGTH) {
      report("summary", `Samenvatting is ${summaryText.length} tekens lang; hoogstens ${MAX_SUMMARY_LENGTH.toLocaleString("nl-NL")} toegestaan`);
    } else {
      summary = summaryText;
    }
  }

  if (
    issues.length > before ||
    receivedOn === undefined ||
    requesterType === undefined ||
    regionCode === undefined ||
    topic === undefined ||
    procurementPhase === undefined
  ) {
    return undefined;
  }
  return {
    receivedOn,
    channel,
    requesterType,
    referredBy,
    regionCode,
    municipalityCode,
    association,
    topic,
    procurementPhase,
    triggers,
    procedure,
    funding,
    segment,
    status,
    summary,
  };
}
