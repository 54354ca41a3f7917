import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { MAX_CSV_ISSUES } from "./signal-csv";
import { MAX_TRAJECTORY_ROWS } from "./trajectory-csv";
import { HEADER, read, recordsOf, issuesOf, row } from "./trajectory-csv.fixtures";

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
    const day = (i: number) => addDays("2010-01-01", i);
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
