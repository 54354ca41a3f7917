import { describe, expect, it } from "vitest";
import { decodeText } from "./csv";
import { MAX_CSV_ISSUES, type CsvIssue, type ReferenceLookup } from "./signal-csv";
import {
  MAX_STRATEGIC_GOAL_LENGTH,
  MAX_TRAJECTORY_ROWS,
  parseTrajectoriesCsv,
  TRAJECTORY_CSV_COLUMNS,
  type TrajectoryCsvColumn,
  type TrajectoryCsvResult,
  type TrajectoryRecord,
} from "./trajectory-csv";

// JZ01 Groningen with GM0014 Groningen and GM0037 Stadskanaal, JZ02 Friesland with GM0080 Leeuwarden.
const MUNICIPALITIES: Record<string, string> = { GM0014: "JZ01", GM0037: "JZ01", GM0080: "JZ02" };
const reference: ReferenceLookup = {
  regionExists: (code) => ["JZ01", "JZ02", "JZ03"].includes(code),
  regionOfMunicipality: (code) => MUNICIPALITIES[code],
};
const TODAY = "2022-06-30";
const HEADER = TRAJECTORY_CSV_COLUMNS.join(",");

const read = (text: string) => parseTrajectoriesCsv(text, reference, { today: TODAY });

function recordsOf(result: TrajectoryCsvResult): TrajectoryRecord[] {
  if ("issues" in result) throw new Error(`unexpected issues: ${JSON.stringify(result.issues, null, 2)}`);
  return result.records;
}

function issuesOf(result: TrajectoryCsvResult): CsvIssue[] {
  if ("records" in result) throw new Error("expected issues, got records");
  return result.issues;
}

type Cells = Partial<Record<TrajectoryCsvColumn, string>>;

/** A valid row with all 12 columns; `change` replaces cells by column name. Each call gets its own ref. */
let refs = 0;
function row(change: Cells = {}): string {
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

const FULL_RECORD: Omit<TrajectoryRecord, "ref"> = {
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

describe("parseTrajectoriesCsv: valid files", () => {
  it("reads a file with all columns", () => {
    const text =
      `${HEADER}\n` +
      `${row({ ref: "GR-2021" })}\n` +
      "FR-2021,JZ02,2021-12-01,,active,,,,,,,Eén gezamenlijke visie\n";
    expect(recordsOf(read(text))).toEqual([
      { ref: "GR-2021", ...FULL_RECORD },
      {
        ref: "FR-2021",
        regionCode: "JZ02",
        startedOn: "2021-12-01",
        closedOn: null,
        status: "active",
        outcomes: [],
        escalationTypes: [],
        municipalitiesConsulted: [],
        contractWon: false,
        contractsAwardedTotal: null,
        providersInvolved: 0,
        strategicGoal: "Eén gezamenlijke visie",
      },
    ]);
  });

  it("keeps the key order of TrajectoryRecord", () => {
    const [record] = recordsOf(read(`${HEADER}\n${row()}\n`));
    expect(Object.keys(record ?? {})).toEqual([
      "ref",
      "regionCode",
      "startedOn",
      "closedOn",
      "status",
      "outcomes",
      "escalationTypes",
      "municipalitiesConsulted",
      "contractWon",
      "contractsAwardedTotal",
      "providersInvolved",
      "strategicGoal",
    ]);
  });

  it("reads a file with only the required columns, in another order", () => {
    const text = "strategic_goal,status,started_on,region_code,ref\n\"Doel, met komma\",active,2021-11-15,JZ03,X1\n";
    expect(recordsOf(read(text))).toEqual([
      {
        ref: "X1",
        regionCode: "JZ03",
        startedOn: "2021-11-15",
        closedOn: null,
        status: "active",
        outcomes: [],
        escalationTypes: [],
        municipalitiesConsulted: [],
        contractWon: false,
        contractsAwardedTotal: null,
        providersInvolved: 0,
        strategicGoal: "Doel, met komma",
      },
    ]);
  });

  it("splits multi-valued cells on ';', trims, ignores empty parts, collapses duplicates, keeps first-seen order", () => {
    const text =
      `${HEADER}\n` +
      `${row({
        outcomes: " vision_adapted ;; cooperative_formed;joint_vision;vision_adapted; ",
        escalation_types: "publicity;legal;publicity",
        municipalities_consulted: "GM0037 ; GM0014;GM0037;",
      })}\n`;
    const [record] = recordsOf(read(text));
    expect(record?.outcomes).toEqual(["vision_adapted", "cooperative_formed", "joint_vision"]);
    expect(record?.escalationTypes).toEqual(["publicity", "legal"]);
    expect(record?.municipalitiesConsulted).toEqual(["GM0037", "GM0014"]);
  });

  it("reads contract_won as true/false in any letter case, empty as false", () => {
    const text =
      `${HEADER}\n` +
      `${row({ contract_won: "TRUE", region_code: "JZ01" })}\n` +
      `${row({ contract_won: "False", region_code: "JZ02", municipalities_consulted: "" })}\n` +
      `${row({ contract_won: "", region_code: "JZ03", municipalities_consulted: "" })}\n` +
      `${row({ contract_won: " true ", region_code: "JZ01", started_on: "2022-04-01", closed_on: "2022-05-01" })}\n`;
    expect(recordsOf(read(text)).map((r) => r.contractWon)).toEqual([true, false, false, true]);
  });

  it("reads numbers: 0, leading zeros and the maximum; empty providers_involved is 0, empty total is null", () => {
    const text =
      `${HEADER}\n` +
      `${row({ contract_won: "false", contracts_awarded_total: "0", providers_involved: "0" })}\n` +
      `${row({ contracts_awarded_total: "007", providers_involved: "10000", region_code: "JZ02", municipalities_consulted: "" })}\n` +
      `${row({ contract_won: "", contracts_awarded_total: "", providers_involved: "", region_code: "JZ03", municipalities_consulted: "" })}\n`;
    expect(recordsOf(read(text)).map((r) => [r.contractsAwardedTotal, r.providersInvolved])).toEqual([
      [0, 0],
      [7, 10000],
      [null, 0],
    ]);
  });

  it("trims ref, codes and the strategic goal; keeps line breaks inside the goal", () => {
    const text = `${HEADER}\n${row({ ref: "  T 1 ", status: " completed", strategic_goal: '"  Eerste regel\nTweede regel  "' })}\n`;
    const [record] = recordsOf(read(text));
    expect(record?.ref).toBe("T 1");
    expect(record?.status).toBe("completed");
    expect(record?.strategicGoal).toBe("Eerste regel\nTweede regel");
  });

  it("accepts closed_on equal to started_on, and today", () => {
    const text = `${HEADER}\n${row({ started_on: "2022-06-30", closed_on: "2022-06-30", status: "stopped" })}\n`;
    const [record] = recordsOf(read(text));
    expect(record?.closedOn).toBe("2022-06-30");
    expect(record?.status).toBe("stopped");
  });

  it("strips a BOM, reads CRLF, skips blank lines and rows of empty cells", () => {
    const text = `\uFEFF${HEADER}\r\n\r\n${row({ ref: "A" })}\r\n,,,,,,,,,,,\r\n${row({ ref: "B", region_code: "JZ02", municipalities_consulted: "GM0080" })}\r\n`;
    expect(recordsOf(read(text)).map((r) => r.ref)).toEqual(["A", "B"]);
  });

  it("lets one trajectory start in a region on the day the previous one closed, and regions run side by side", () => {
    const text =
      `${HEADER}\n` +
      `${row({ ref: "A", started_on: "2021-01-01", closed_on: "2021-06-30" })}\n` +
      `${row({ ref: "B", started_on: "2021-06-30", closed_on: "", status: "active" })}\n` +
      `${row({ ref: "C", region_code: "JZ02", municipalities_consulted: "GM0080", started_on: "2021-03-01" })}\n`;
    expect(recordsOf(read(text)).map((r) => r.ref)).toEqual(["A", "B", "C"]);
  });

  it("uses today's date when no date is given", () => {
    const text = `${HEADER}\n${row()}\n${row({ started_on: "2999-01-01", closed_on: "", status: "active" })}\n`;
    expect(issuesOf(parseTrajectoriesCsv(text, reference))).toEqual([
      { line: 3, column: "started_on", message: "Datum 2999-01-01 ligt in de toekomst" },
    ]);
  });
});

describe("parseTrajectoriesCsv: rules per cell", () => {
  const cases: { name: string; change: Cells; issues: Omit<CsvIssue, "line">[] }[] = [
    { name: "empty ref", change: { ref: " " }, issues: [{ column: "ref", message: "Verplicht veld is leeg" }] },
    {
      name: "ref of 41 characters",
      change: { ref: "R".repeat(41) },
      issues: [{ column: "ref", message: "Ref is 41 tekens lang; hoogstens 40 toegestaan" }],
    },
    {
      name: "ref with a line break",
      change: { ref: '"T\n1"' },
      issues: [{ column: "ref", message: "Ref mag geen regeleinden of andere stuurtekens bevatten" }],
    },
    {
      name: "empty region_code",
      change: { region_code: "", municipalities_consulted: "" },
      issues: [{ column: "region_code", message: "Verplicht veld is leeg" }],
    },
    { name: "unknown region_code", change: { region_code: "JZ99" }, issues: [{ column: "region_code", message: "Onbekende regio 'JZ99'" }] },
    { name: "empty started_on", change: { started_on: "" }, issues: [{ column: "started_on", message: "Verplicht veld is leeg" }] },
    {
      name: "started_on in American order",
      change: { started_on: "11-30-2021" },
      issues: [{ column: "started_on", message: "Maand 30 bestaat niet" }],
    },
    {
      name: "started_on that does not exist",
      change: { started_on: "2021-02-29" },
      issues: [{ column: "started_on", message: "29 februari 2021 bestaat niet" }],
    },
    {
      name: "started_on in the future",
      change: { started_on: "2022-07-01", closed_on: "", status: "active" },
      issues: [{ column: "started_on", message: "Datum 2022-07-01 ligt in de toekomst" }],
    },
    {
      name: "closed_on that does not exist",
      change: { closed_on: "2022-04-31" },
      issues: [{ column: "closed_on", message: "31 april 2022 bestaat niet" }],
    },
    {
      name: "started_on in year 0000",
      change: { started_on: "0000-01-01" },
      issues: [{ column: "started_on", message: "Datum 0000-01-01 ligt vóór 2000; zo'n oude datum kent Rode Draad niet" }],
    },
    {
      name: "started_on before 2000",
      change: { started_on: "1900-01-01" },
      issues: [{ column: "started_on", message: "Datum 1900-01-01 ligt vóór 2000; zo'n oude datum kent Rode Draad niet" }],
    },
    {
      name: "closed_on in the future",
      change: { closed_on: "2022-07-01" },
      issues: [{ column: "closed_on", message: "Datum 2022-07-01 ligt in de toekomst" }],
    },
    {
      name: "closed_on before started_on",
      change: { closed_on: "2021-10-31" },
      issues: [{ column: "closed_on", message: "Einddatum 2021-10-31 ligt vóór de begindatum 2021-11-01" }],
    },
    { name: "empty status", change: { status: "" }, issues: [{ column: "status", message: "Verplicht veld is leeg" }] },
    {
      name: "unknown status (case-sensitive)",
      change: { status: "Completed" },
      issues: [{ column: "status", message: "Onbekende code 'Completed' — kies uit: active, completed, stopped" }],
    },
    {
      name: "status active with closed_on",
      change: { status: "active" },
      issues: [
        {
          column: "closed_on",
          message: "Een lopend traject (status active) heeft geen einddatum; laat closed_on leeg of kies completed of stopped",
        },
      ],
    },
    {
      name: "status completed without closed_on",
      change: { closed_on: "" },
      issues: [{ column: "closed_on", message: "Verplicht bij status completed: de datum waarop het traject eindigde" }],
    },
    {
      name: "status stopped without closed_on",
      change: { closed_on: " ", status: "stopped" },
      issues: [{ column: "closed_on", message: "Verplicht bij status stopped: de datum waarop het traject eindigde" }],
    },
    {
      name: "unknown outcome",
      change: { outcomes: "forces_bundled;cooperative_formed;contract_won" },
      issues: [
        {
          column: "outcomes",
          message: "Onbekende code 'contract_won' — kies uit: forces_bundled, joint_vision, cooperative_formed, vision_adapted",
        },
      ],
    },
    {
      name: "outcomes separated by commas in a quoted cell",
      change: { outcomes: '"forces_bundled,cooperative_formed"' },
      issues: [
        {
          column: "outcomes",
          message:
            "Onbekende code 'forces_bundled,cooperative_formed' — kies uit: forces_bundled, joint_vision, cooperative_formed, vision_adapted",
        },
      ],
    },
    {
      name: "unknown escalation type",
      change: { escalation_types: "council;press" },
      issues: [{ column: "escalation_types", message: "Onbekende code 'press' — kies uit: legal, council, publicity" }],
    },
    {
      name: "malformed municipality",
      change: { municipalities_consulted: "GM0014;0037" },
      issues: [{ column: "municipalities_consulted", message: "Ongeldige gemeentecode '0037' — gebruik de vorm GM0000" }],
    },
    {
      name: "unknown municipality",
      change: { municipalities_consulted: "GM9999" },
      issues: [{ column: "municipalities_consulted", message: "Onbekende gemeente 'GM9999'" }],
    },
    {
      name: "municipality outside the region",
      change: { municipalities_consulted: "GM0014;GM0080" },
      issues: [{ column: "municipalities_consulted", message: "Gemeente GM0080 ligt niet in regio JZ01 maar in JZ02" }],
    },
    {
      name: "contract_won as 'misschien'",
      change: { contract_won: "misschien" },
      issues: [{ column: "contract_won", message: "Vul true of false in (leeg betekent false), niet 'misschien'" }],
    },
    {
      name: "contract_won as 1",
      change: { contract_won: "1" },
      issues: [{ column: "contract_won", message: "Vul true of false in (leeg betekent false), niet '1'" }],
    },
    {
      name: "negative total",
      change: { contracts_awarded_total: "-3" },
      issues: [{ column: "contracts_awarded_total", message: "'-3' is geen geheel getal van 0 of meer (alleen cijfers)" }],
    },
    {
      name: "decimal number",
      change: { providers_involved: '"2,5"' },
      issues: [{ column: "providers_involved", message: "'2,5' is geen geheel getal van 0 of meer (alleen cijfers)" }],
    },
    {
      name: "number with a plus sign",
      change: { providers_involved: "+4" },
      issues: [{ column: "providers_involved", message: "'+4' is geen geheel getal van 0 of meer (alleen cijfers)" }],
    },
    {
      name: "number in scientific notation",
      change: { providers_involved: "1e3" },
      issues: [{ column: "providers_involved", message: "'1e3' is geen geheel getal van 0 of meer (alleen cijfers)" }],
    },
    {
      name: "number too large",
      change: { providers_involved: "10001" },
      issues: [{ column: "providers_involved", message: "10001 is te groot; hoogstens 10.000 toegestaan" }],
    },
    {
      name: "won contract without a cooperative",
      change: { outcomes: "forces_bundled" },
      issues: [
        { column: "contract_won", message: "Een gewonnen contract hoort bij een opgerichte coöperatie: zet cooperative_formed in outcomes" },
        {
          column: "contracts_awarded_total",
          message:
            "Het aantal gegunde contracten hoort bij een opgerichte coöperatie: zet cooperative_formed in outcomes of laat dit veld leeg",
        },
      ],
    },
    {
      name: "contracts awarded without a cooperative",
      change: { outcomes: "joint_vision", contract_won: "false" },
      issues: [
        {
          column: "contracts_awarded_total",
          message:
            "Het aantal gegunde contracten hoort bij een opgerichte coöperatie: zet cooperative_formed in outcomes of laat dit veld leeg",
        },
      ],
    },
    {
      name: "won contract without a total",
      change: { contracts_awarded_total: "" },
      issues: [
        {
          column: "contracts_awarded_total",
          message: "Bij een gewonnen contract: vul in hoeveel contracten er in totaal zijn gegund (1 of meer)",
        },
      ],
    },
    {
      name: "won contract of 0 awarded",
      change: { contracts_awarded_total: "0" },
      issues: [
        {
          column: "contracts_awarded_total",
          message: "Bij een gewonnen contract: vul in hoeveel contracten er in totaal zijn gegund (1 of meer)",
        },
      ],
    },
    {
      name: "empty strategic_goal",
      change: { strategic_goal: "   " },
      issues: [{ column: "strategic_goal", message: "Verplicht veld is leeg" }],
    },
    {
      name: "strategic_goal of 2,001 characters",
      change: { strategic_goal: "x".repeat(2001) },
      issues: [{ column: "strategic_goal", message: "Strategisch doel is 2001 tekens lang; hoogstens 2.000 toegestaan" }],
    },
  ];

  for (const { name, change, issues } of cases) {
    it(`reports ${name} on its line and column`, () => {
      const text = `${HEADER}\n${row()}\n${row(change)}\n${row({ region_code: "JZ02", municipalities_consulted: "GM0080" })}\n`;
      expect(issuesOf(read(text))).toEqual(issues.map((issue) => ({ line: 3, ...issue })));
    });
  }

  it("accepts the longest ref and strategic goal", () => {
    const [record] = recordsOf(read(`${HEADER}\n${row({ ref: "R".repeat(40), strategic_goal: "y".repeat(MAX_STRATEGIC_GOAL_LENGTH) })}\n`));
    expect(record?.ref).toHaveLength(40);
    expect(record?.strategicGoal).toHaveLength(MAX_STRATEGIC_GOAL_LENGTH);
  });

  it("reports a malformed total once, not also as a missing total", () => {
    expect(issuesOf(read(`${HEADER}\n${row({ contracts_awarded_total: "vijftien" })}\n`))).toEqual([
      { line: 2, column: "contracts_awarded_total", message: "'vijftien' is geen geheel getal van 0 of meer (alleen cijfers)" },
    ]);
  });

  it("reports a malformed closed_on once, not also against the status", () => {
    expect(issuesOf(read(`${HEADER}\n${row({ closed_on: "2022-3-31", status: "active" })}\n`))).toEqual([
      { line: 2, column: "closed_on", message: "Datum '2022-3-31' moet de vorm DD-MM-JJJJ of JJJJ-MM-DD hebben" },
    ]);
  });

  it("reports only the region when the region is unknown, not the municipalities against it", () => {
    expect(issuesOf(read(`${HEADER}\n${row({ region_code: "JZ99", municipalities_consulted: "GM0014;GM0080" })}\n`))).toEqual([
      { line: 2, column: "region_code", message: "Onbekende regio 'JZ99'" },
    ]);
  });

  it("reports every bad municipality of a cell, in the order written", () => {
    expect(issuesOf(read(`${HEADER}\n${row({ municipalities_consulted: "GM0080;GM0014;GM14" })}\n`))).toEqual([
      { line: 2, column: "municipalities_consulted", message: "Gemeente GM0080 ligt niet in regio JZ01 maar in JZ02" },
      { line: 2, column: "municipalities_consulted", message: "Ongeldige gemeentecode 'GM14' — gebruik de vorm GM0000" },
    ]);
  });
});

describe("parseTrajectoriesCsv: across rows", () => {
  it("reports a ref used twice on every later line, naming the first", () => {
    const text =
      `${HEADER}\n` +
      `${row({ ref: "GR" })}\n` +
      `${row({ ref: "FR", region_code: "JZ02", municipalities_consulted: "GM0080" })}\n` +
      `${row({ ref: "GR", region_code: "JZ03", municipalities_consulted: "" })}\n` +
      `${row({ ref: "gr", region_code: "JZ03", municipalities_consulted: "", started_on: "2022-04-01", closed_on: "2022-05-01" })}\n` +
      `${row({ ref: " GR ", region_code: "JZ03", municipalities_consulted: "", started_on: "2022-05-01", closed_on: "2022-06-01" })}\n`;
    expect(issuesOf(read(text))).toEqual([
      { line: 4, column: "ref", message: "Ref 'GR' komt al voor op regel 2" },
      { line: 6, column: "ref", message: "Ref 'GR' komt al voor op regel 2" },
    ]);
  });

  it("reports a trajectory whose period overlaps an earlier one in the same region", () => {
    const text =
      `${HEADER}\n` +
      `${row({ ref: "A", started_on: "2021-01-01", closed_on: "2021-06-30" })}\n` +
      `${row({ ref: "B", started_on: "2021-06-29", closed_on: "2021-12-31" })}\n` +
      `${row({ ref: "C", started_on: "2022-01-10", closed_on: "", status: "active" })}\n` +
      `${row({ ref: "D", started_on: "2020-01-01", closed_on: "" , status: "active" })}\n`;
    expect(issuesOf(read(text))).toEqual([
      {
        line: 3,
        column: "started_on",
        message:
          "Regio JZ01 heeft in deze periode al een traject: ref 'A' op regel 2 (2021-01-01 t/m 2021-06-30); per regio loopt één traject tegelijk",
      },
      {
        line: 5,
        column: "started_on",
        message:
          "Regio JZ01 heeft in deze periode al een traject: ref 'A' op regel 2 (2021-01-01 t/m 2021-06-30); per regio loopt één traject tegelijk",
      },
    ]);
  });

  it("checks the periods of a file with the most rows allowed, and refuses one row more before checking any", () => {
    const day = (i: number) => new Date(Date.UTC(2010, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    // Back to back in one region: every row is compared with every earlier one, the most work a file can ask for.
    const rows = Array.from({ length: MAX_TRAJECTORY_ROWS + 1 }, (_, i) => row({ started_on: day(i), closed_on: day(i + 1) }));
    expect(recordsOf(read([HEADER, ...rows.slice(0, MAX_TRAJECTORY_ROWS)].join("\n")))).toHaveLength(MAX_TRAJECTORY_ROWS);
    expect(issuesOf(read([HEADER, ...rows].join("\n")))).toEqual([
      { line: 1, message: "Het bestand bevat 2.001 trajecten; per bestand kunnen er hoogstens 2.000. Splits het bestand" },
    ]);
  });

  it("names a running trajectory's period as 'sinds'", () => {
    const text =
      `${HEADER}\n` +
      `${row({ ref: "A", started_on: "2021-01-01", closed_on: "", status: "active" })}\n` +
      `${row({ ref: "B", started_on: "2022-01-01", closed_on: "2022-02-01" })}\n`;
    expect(issuesOf(read(text))).toEqual([
      {
        line: 3,
        column: "started_on",
        message: "Regio JZ01 heeft in deze periode al een traject: ref 'A' op regel 2 (sinds 2021-01-01); per regio loopt één traject tegelijk",
      },
    ]);
  });

  it("collects every issue of every row, sorted by line and then by column position in the file", () => {
    const text =
      "strategic_goal,status,closed_on,started_on,region_code,ref,outcomes\n" +
      ",done,,2021-13-01,JZ01,A,x\n" +
      "Doel,active,,2021-01-01,JZ99,,\n";
    expect(issuesOf(read(text)).map(({ line, column }) => `${line}:${column}`)).toEqual([
      "2:strategic_goal",
      "2:status",
      "2:started_on",
      "2:outcomes",
      "3:region_code",
      "3:ref",
    ]);
  });

  it("reports a row with too few or too many cells once, without checking its cells", () => {
    const text = `${HEADER}\n${row({ strategic_goal: "Visie, missie" })}\nX,JZ01\n${row({ ref: "" })}\n`;
    expect(issuesOf(read(text))).toEqual([
      { line: 2, message: "Deze regel heeft 13 velden, de kopregel 12" },
      { line: 3, message: "Deze regel heeft 2 velden, de kopregel 12" },
      { line: 4, column: "ref", message: "Verplicht veld is leeg" },
    ]);
  });

  it("counts lines of multi-line cells", () => {
    const text =
      `${HEADER}\n` + // line 1
      `${row({ strategic_goal: '"Een\n\ndoel"' })}\n` + // lines 2-4
      `${row({ status: "klaar", region_code: "JZ02", municipalities_consulted: "GM0080" })}\n`; // line 5
    expect(issuesOf(read(text))).toEqual([
      { line: 5, column: "status", message: "Onbekende code 'klaar' — kies uit: active, completed, stopped" },
    ]);
  });

  it("caps the list at MAX_CSV_ISSUES", () => {
    const rows = Array.from({ length: 300 }, () => row({ status: "x", outcomes: "y;cooperative_formed" }));
    const issues = issuesOf(read(`${HEADER}\n${rows.join("\n")}\n`));
    expect(issues).toHaveLength(MAX_CSV_ISSUES);
    expect(issues[499]).toEqual({ line: 251, message: "Nog 101 andere problemen, vanaf regel 251, worden niet getoond" });
  });
});

describe("parseTrajectoriesCsv: the file and its header", () => {
  it("treats an empty file and a file with only a header as errors", () => {
    const none = [{ line: 1, message: "Het bestand bevat geen trajecten" }];
    expect(issuesOf(read(""))).toEqual(none);
    expect(issuesOf(read(`${HEADER}\r\n`))).toEqual(none);
    expect(issuesOf(read(`${HEADER}\n,,,,,,,,,,,\n`))).toEqual(none);
  });

  it("reports unknown columns, with a hint for a wrong letter case", () => {
    const text = `${HEADER},Notes,Ref\n${row()},x,y\n`;
    expect(issuesOf(read(text))).toEqual([
      { line: 1, column: "Notes", message: "Onbekende kolom 'Notes'" },
      { line: 1, column: "Ref", message: "Onbekende kolom 'Ref' — bedoelt u 'ref'?" },
    ]);
  });

  it("reports a signals.csv column as unknown", () => {
    const text = `${HEADER},topic\n${row()},gdpr\n`;
    expect(issuesOf(read(text))).toEqual([{ line: 1, column: "topic", message: "Onbekende kolom 'topic'" }]);
  });

  it("reports missing required columns after the others, in the order of the design, and duplicates", () => {
    const text = "region_code,started_on,closed_on,closed_on\nJZ01,2021-01-01,,\n";
    expect(issuesOf(read(text))).toEqual([
      { line: 1, column: "closed_on", message: "Kolom 'closed_on' komt twee keer voor" },
      { line: 1, column: "ref", message: "Kolom 'ref' (Kenmerk) ontbreekt" },
      { line: 1, column: "status", message: "Kolom 'status' (Status) ontbreekt" },
      { line: 1, column: "strategic_goal", message: "Kolom 'strategic_goal' (Strategisch doel) ontbreekt" },
    ]);
  });

  it("reads a file separated by semicolons", () => {
    const text = `${TRAJECTORY_CSV_COLUMNS.join(";")}\nT;JZ01;2021-01-01;;active;;;;;;;Doel\n`;
    expect(recordsOf(read(text))).toMatchObject([{ ref: "T", regionCode: "JZ01", startedOn: "2021-01-01", strategicGoal: "Doel" }]);
  });

  it("turns CSV syntax errors into Dutch issues on the line where the record starts", () => {
    expect(issuesOf(read(`${HEADER}\n${row()}\n${row({ strategic_goal: '"niet gesloten' })}\n`))).toEqual([
      { line: 3, message: "Een aanhalingsteken wordt niet gesloten" },
    ]);
  });

  it("reports a file that was not saved as UTF-8", () => {
    const text = `${HEADER}\n${row({ strategic_goal: "Co\uFFFDperatie" })}\n`;
    expect(issuesOf(read(text))).toEqual([
      {
        line: 2,
        message: "Het bestand is niet als UTF-8 opgeslagen (letters als ë en é zijn onleesbaar); sla het op als 'CSV UTF-8'",
      },
    ]);
  });

  it("rejects a malformed `today` option (a programming error, not a file error)", () => {
    expect(() => parseTrajectoriesCsv(`${HEADER}\n${row()}\n`, reference, { today: "30-06-2022" })).toThrow();
  });
});

describe("parseTrajectoriesCsv: a file saved by Dutch Excel", () => {
  it("reads ';', Windows-1252, Dutch headers and labels, 1-11-2021 dates and WAAR/ONWAAR", () => {
    const text = [
      "Kenmerk;Jeugdregio;Gestart;Afgesloten;Status;Uitkomsten;Escalaties;Gemeenten meegepraat;Contract gewonnen;Contracten gegund;Aantal aanbieders;Strategisch doel",
      'FR-1;JZ02;1-11-2021;31-12-2021;Afgerond, doel bereikt;"Krachten gebundeld (sterke gesprekspartner); coöperatie opgericht";Publiciteit;GM0080;WAAR;15;12;"Sûdwest-Fryslân: één stem"',
      "GR-1;JZ01;01-11-2021;;lopend;;;;ONWAAR;;3;Samen",
    ].join("\r\n");
    // As Windows-1252 bytes read back through csv.ts: the accents survive.
    const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0));
    expect(bytes.every((byte) => byte < 256)).toBe(true);
    expect(recordsOf(parseTrajectoriesCsv(decodeText(bytes).text, reference, { today: TODAY }))).toEqual([
      {
        ref: "FR-1",
        regionCode: "JZ02",
        startedOn: "2021-11-01",
        closedOn: "2021-12-31",
        status: "completed",
        outcomes: ["forces_bundled", "cooperative_formed"],
        escalationTypes: ["publicity"],
        municipalitiesConsulted: ["GM0080"],
        contractWon: true,
        contractsAwardedTotal: 15,
        providersInvolved: 12,
        strategicGoal: "Sûdwest-Fryslân: één stem",
      },
      {
        ref: "GR-1",
        regionCode: "JZ01",
        startedOn: "2021-11-01",
        closedOn: null,
        status: "active",
        outcomes: [],
        escalationTypes: [],
        municipalitiesConsulted: [],
        contractWon: false,
        contractsAwardedTotal: null,
        providersInvolved: 3,
        strategicGoal: "Samen",
      },
    ]);
  });
});
