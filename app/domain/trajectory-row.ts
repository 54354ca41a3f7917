// One row of a trajectories import (CSV or .xlsx) read into a record, or its issues; the rules are listed at the top
// of trajectory-csv.ts. Codes may also be given as the Dutch labels the app shows, dates as 15-03-2025.
import { readImportDate } from "./dates";
import { codeOf, municipalityProblem, referenceCode, splitList, type Header, type RankedIssue, type ReferenceLookup, type Row } from "./import-sheet";
import {
  ESCALATION_LABELS,
  ESCALATION_TYPES,
  OUTCOME_LABELS,
  OUTCOMES,
  TRAJECTORY_STATUS_LABELS,
  TRAJECTORY_STATUSES,
  type TrajectoryStatus,
} from "./trajectory-codes";
import type { TrajectoryCsvColumn, TrajectoryRecord } from "./trajectory-csv";

/** What Excel and people write for true and false: Dutch Excel saves TRUE as WAAR. */
const TRUE_WORDS = ["true", "waar", "ja"];
const FALSE_WORDS = ["false", "onwaar", "nee"];

export const MAX_REF_LENGTH = 40;
/** As the trajectory form (trajectory-form.ts), so a goal typed in the app also imports. */
export const MAX_STRATEGIC_GOAL_LENGTH = 2000;
/** Far above any real number of providers or contracts in one region; a larger number is a pasted date or postcode. */
export const MAX_CSV_COUNT = 10_000;

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const DIGITS = /^\d+$/;

export function readTrajectoryRow(
  row: Row,
  header: Header<TrajectoryCsvColumn>,
  width: number,
  reference: ReferenceLookup,
  today: string,
  firstLineOfRef: Map<string, number>,
  issues: RankedIssue[],
): TrajectoryRecord | undefined {
  if (row.cells.length !== width) {
    // Usually an unquoted comma in the strategic goal: every cell after it has shifted, so checking them would mislead.
    issues.push({ line: row.line, rank: -1, message: `Deze regel heeft ${row.cells.length} velden, de kopregel ${width}` });
    return undefined;
  }

  const before = issues.length;
  const columns = header.index;
  const report = (column: TrajectoryCsvColumn, message: string) =>
    issues.push({ line: row.line, column: header.names[column] ?? column, rank: columns[column] ?? -1, message });
  /** The cell, trimmed; "" when the column is not in the file. */
  const value = (column: TrajectoryCsvColumn): string => {
    const position = columns[column];
    return position === undefined ? "" : (row.cells[position] ?? "").trim();
  };
  const required = (column: TrajectoryCsvColumn): string | undefined => {
    const text = value(column);
    if (text === "") report(column, "Verplicht veld is leeg");
    return text === "" ? undefined : text;
  };
  const unknownCode = (column: TrajectoryCsvColumn, text: string, codes: readonly string[]) =>
    report(column, `Onbekende code '${text}' — kies uit: ${codes.join(", ")}`);
  const date = (column: TrajectoryCsvColumn, text: string | undefined): string | undefined => {
    if (text === undefined || text === "") return undefined;
    const read = readImportDate(text, { kind: "past", today });
    if ("problem" in read) report(column, read.problem);
    return "date" in read ? read.date : undefined;
  };
  const codeList = <Code extends string>(column: TrajectoryCsvColumn, codes: readonly Code[], labels: Record<Code, string>): Code[] => {
    const found: Code[] = [];
    for (const part of splitList(value(column))) {
      const code = codeOf(part, codes, labels);
      if (code === undefined) unknownCode(column, part, codes);
      else if (!found.includes(code)) found.push(code);
    }
    return found;
  };
  const count = (column: TrajectoryCsvColumn): number | null => {
    const text = value(column);
    if (text === "") return null;
    if (!DIGITS.test(text)) {
      report(column, `'${text}' is geen geheel getal van 0 of meer (alleen cijfers)`);
      return null;
    }
    const number = Number(text);
    if (number > MAX_CSV_COUNT) {
      report(column, `${text} is te groot; hoogstens ${MAX_CSV_COUNT.toLocaleString("nl-NL")} toegestaan`);
      return null;
    }
    return number;
  };

  const ref = required("ref");
  if (ref !== undefined) {
    const firstLine = firstLineOfRef.get(ref);
    if (CONTROL_CHARACTER.test(ref)) {
      report("ref", "Ref mag geen regeleinden of andere stuurtekens bevatten");
    } else if (ref.length > MAX_REF_LENGTH) {
      report("ref", `Ref is ${ref.length} tekens lang; hoogstens ${MAX_REF_LENGTH} toegestaan`);
    } else if (firstLine !== undefined) {
      report("ref", `Ref '${ref}' komt al voor op regel ${firstLine}`);
    } else {
      firstLineOfRef.set(ref, row.line);
    }
  }

  const regionText = required("region_code");
  const regionCode = regionText === undefined ? undefined : referenceCode(regionText, "region", reference);
  const regionKnown = regionCode !== undefined && reference.regionExists(regionCode);
  if (regionCode !== undefined && !regionKnown) report("region_code", `Onbekende regio '${regionCode}'`);

  const startedOn = date("started_on", required("started_on"));
  const closedOn = date("closed_on", value("closed_on"));
  if (startedOn !== undefined && closedOn !== undefined && closedOn < startedOn) {
    report("closed_on", `Einddatum ${closedOn} ligt vóór de begindatum ${startedOn}`);
  }

  const statusText = required("status");
  let status: TrajectoryStatus | undefined;
  if (statusText !== undefined) {
    status = codeOf(statusText, TRAJECTORY_STATUSES, TRAJECTORY_STATUS_LABELS);
    if (status === undefined) unknownCode("status", statusText, TRAJECTORY_STATUSES);
  }
  // Only when closed_on is empty or a valid date: a malformed date has been reported already.
  const closedOnText = value("closed_on");
  if (status === "active" && closedOn !== undefined) {
    report("closed_on", "Een lopend traject (status active) heeft geen einddatum; laat closed_on leeg of kies completed of stopped");
  } else if (status !== undefined && status !== "active" && closedOnText === "") {
    report("closed_on", `Verplicht bij status ${status}: de datum waarop het traject eindigde`);
  }

  const beforeOutcomes = issues.length;
  const outcomes = codeList("outcomes", OUTCOMES, OUTCOME_LABELS);
  const outcomesReadable = issues.length === beforeOutcomes;
  const escalationTypes = codeList("escalation_types", ESCALATION_TYPES, ESCALATION_LABELS);

  const municipalitiesConsulted: string[] = [];
  for (const part of splitList(value("municipalities_consulted"))) {
    const code = referenceCode(part, "municipality", reference);
    const problem = municipalityProblem(code, regionKnown ? regionCode : undefined, reference);
    if (problem !== undefined) report("municipalities_consulted", problem);
    else if (!municipalitiesConsulted.includes(code)) municipalitiesConsulted.push(code);
  }

  const contractWonText = value("contract_won");
  const contractWonLower = contractWonText.toLowerCase();
  const contractWon = TRUE_WORDS.includes(contractWonLower);
  if (contractWonText !== "" && !contractWon && !FALSE_WORDS.includes(contractWonLower)) {
    report("contract_won", `Vul true of false in (leeg betekent false), niet '${contractWonText}'`);
  }
  const contractsAwardedTotal = count("contracts_awarded_total");
  const providersInvolved = count("providers_involved") ?? 0;

  // With a mistyped outcome, whether a cooperative was meant is unknown: only that outcome is reported.
  const cooperative = !outcomesReadable || outcomes.includes("cooperative_formed");
  if (contractWon && !cooperative) {
    report("contract_won", "Een gewonnen contract hoort bij een opgerichte coöperatie: zet cooperative_formed in outcomes");
  }
  if (contractsAwardedTotal !== null && !cooperative) {
    report(
      "contracts_awarded_total",
      "Het aantal gegunde contracten hoort bij een opgerichte coöperatie: zet cooperative_formed in outcomes of laat dit veld leeg",
    );
  }
  // A malformed number has been reported already, so only an empty cell or a 0 is reported here.
  if (contractWon && (value("contracts_awarded_total") === "" || contractsAwardedTotal === 0)) {
    report("contracts_awarded_total", "Bij een gewonnen contract: vul in hoeveel contracten er in totaal zijn gegund (1 of meer)");
  }

  const strategicGoal = required("strategic_goal");
  if (strategicGoal !== undefined && strategicGoal.length > MAX_STRATEGIC_GOAL_LENGTH) {
    report(
      "strategic_goal",
      `Strategisch doel is ${strategicGoal.length} tekens lang; hoogstens ${MAX_STRATEGIC_GOAL_LENGTH.toLocaleString("nl-NL")} toegestaan`,
    );
  }

  if (
    issues.length > before ||
    ref === undefined ||
    regionCode === undefined ||
    startedOn === undefined ||
    status === undefined ||
    strategicGoal === undefined
  ) {
    return undefined;
  }
  return {
    ref,
    regionCode,
    startedOn,
    closedOn: closedOn ?? null,
    status,
    outcomes,
    escalationTypes,
    municipalitiesConsulted,
    contractWon,
    contractsAwardedTotal,
    providersInvolved,
    strategicGoal,
  };
}

