import { describe, expect, it } from "vitest";
import { decodeText } from "./csv";
import { parseTrajectoriesCsv, TRAJECTORY_CSV_COLUMNS } from "./trajectory-csv";
import { reference, TODAY, HEADER, read, recordsOf, issuesOf, row, FULL_RECORD } from "./trajectory-csv.fixtures";

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
