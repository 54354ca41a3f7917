import { describe, expect, it } from "vitest";
import type { CsvIssue } from "./signal-csv";
import { MAX_STRATEGIC_GOAL_LENGTH } from "./trajectory-csv";
import { HEADER, read, recordsOf, issuesOf, type Cells, row } from "./trajectory-csv.fixtures";

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
