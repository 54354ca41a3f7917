import { describe, expect, it } from "vitest";
import { MAX_CSV_ISSUES, type CsvIssue } from "./signal-csv";
import { HEADER, read, recordsOf, issuesOf, row } from "./signal-csv.fixtures";

describe("parseSignalsCsv: rules per cell", () => {
  const cases: { name: string; change: Parameters<typeof row>[0]; issue: Omit<CsvIssue, "line"> }[] = [
    { name: "empty received_on", change: { received_on: "" }, issue: { column: "received_on", message: "Verplicht veld is leeg" } },
    {
      name: "received_on in American order",
      change: { received_on: "03-15-2021" },
      issue: { column: "received_on", message: "Maand 15 bestaat niet" },
    },
    {
      name: "received_on without leading zeros",
      change: { received_on: "2021-3-5" },
      issue: { column: "received_on", message: "Datum '2021-3-5' moet de vorm DD-MM-JJJJ of JJJJ-MM-DD hebben" },
    },
    {
      name: "29 February in a common year",
      change: { received_on: "2021-02-29" },
      issue: { column: "received_on", message: "29 februari 2021 bestaat niet" },
    },
    {
      name: "31 April",
      change: { received_on: "2021-04-31" },
      issue: { column: "received_on", message: "31 april 2021 bestaat niet" },
    },
    { name: "day 0", change: { received_on: "2021-01-00" }, issue: { column: "received_on", message: "0 januari 2021 bestaat niet" } },
    { name: "month 13", change: { received_on: "2021-13-01" }, issue: { column: "received_on", message: "Maand 13 bestaat niet" } },
    {
      name: "a date after today",
      change: { received_on: "2022-07-01" },
      issue: { column: "received_on", message: "Datum 2022-07-01 ligt in de toekomst" },
    },
    {
      name: "year 0000",
      change: { received_on: "0000-01-01" },
      issue: { column: "received_on", message: "Datum 0000-01-01 ligt vóór 2000; zo'n oude datum kent Rode Draad niet" },
    },
    {
      name: "a date before 2000 (the year report would have no previous year to compare with)",
      change: { received_on: "1900-01-01" },
      issue: { column: "received_on", message: "Datum 1900-01-01 ligt vóór 2000; zo'n oude datum kent Rode Draad niet" },
    },
    {
      name: "unknown channel",
      change: { channel: "emial" },
      issue: { column: "channel", message: "Onbekende code 'emial' — kies uit: portal, email, phone, meeting, other" },
    },
    {
      name: "codes are case-sensitive",
      change: { channel: "Email" },
      issue: { column: "channel", message: "Onbekende code 'Email' — kies uit: portal, email, phone, meeting, other" },
    },
    { name: "empty requester_type", change: { requester_type: " " }, issue: { column: "requester_type", message: "Verplicht veld is leeg" } },
    {
      name: "unknown requester_type",
      change: { requester_type: "aanbieder" },
      issue: {
        column: "requester_type",
        message: "Onbekende code 'aanbieder' — kies uit: provider, municipality, region, association, other",
      },
    },
    {
      name: "unknown referred_by",
      change: { referred_by: "ozj" },
      issue: { column: "referred_by", message: "Onbekende code 'ozj' — kies uit: direct, region_adviser, programme, other" },
    },
    { name: "empty region_code", change: { region_code: "", municipality_code: "" }, issue: { column: "region_code", message: "Verplicht veld is leeg" } },
    { name: "unknown region_code", change: { region_code: "JZ99" }, issue: { column: "region_code", message: "Onbekende regio 'JZ99'" } },
    {
      name: "malformed municipality_code",
      change: { municipality_code: "GM14" },
      issue: { column: "municipality_code", message: "Ongeldige gemeentecode 'GM14' — gebruik de vorm GM0000" },
    },
    {
      name: "unknown municipality_code",
      change: { municipality_code: "GM9999" },
      issue: { column: "municipality_code", message: "Onbekende gemeente 'GM9999'" },
    },
    {
      name: "municipality outside the region",
      change: { region_code: "JZ02", municipality_code: "GM0014" },
      issue: { column: "municipality_code", message: "Gemeente GM0014 ligt niet in regio JZ02 maar in JZ01" },
    },
    {
      name: "unknown association",
      change: { association: "NIPP" },
      issue: { column: "association", message: "Onbekende code 'NIPP' — kies uit: NIP, LVVP, NVO, FVB, NVVP, other" },
    },
    { name: "empty topic", change: { topic: "" }, issue: { column: "topic", message: "Verplicht veld is leeg" } },
    { name: "empty procurement_phase", change: { procurement_phase: "" }, issue: { column: "procurement_phase", message: "Verplicht veld is leeg" } },
    {
      name: "unknown procurement_phase",
      change: { procurement_phase: "tender" },
      issue: {
        column: "procurement_phase",
        message: "Onbekende code 'tender' — kies uit: upcoming_tender, running_tender, contracting, running_contract, none",
      },
    },
    {
      name: "unknown trigger",
      change: { triggers: "admin_burden;budget" },
      issue: {
        column: "triggers",
        message:
          "Onbekende code 'budget' — kies uit: provider_reduction, legal_or_funding_change, stricter_requirements, admin_burden, other",
      },
    },
    {
      name: "unknown procedure",
      change: { procedure: "sas" },
      issue: { column: "procedure", message: "Onbekende code 'sas' — kies uit: open_house, tender, subsidy, unknown" },
    },
    {
      name: "segment with capitals",
      change: { segment: "Ambulant" },
      issue: { column: "segment", message: "Segment 'Ambulant' mag alleen kleine letters, cijfers en _ bevatten" },
    },
    {
      name: "segment with a space",
      change: { segment: "advies expertise" },
      issue: { column: "segment", message: "Segment 'advies expertise' mag alleen kleine letters, cijfers en _ bevatten" },
    },
    {
      name: "segment of 41 characters",
      change: { segment: "a".repeat(41) },
      issue: { column: "segment", message: "Segment is 41 tekens lang; hoogstens 40 toegestaan" },
    },
    {
      name: "summary of 2,001 characters",
      change: { summary: "x".repeat(2001) },
      issue: { column: "summary", message: "Samenvatting is 2001 tekens lang; hoogstens 2.000 toegestaan" },
    },
  ];

  for (const { name, change, issue } of cases) {
    it(`reports ${name} on its line and column`, () => {
      const text = `${HEADER}\n${row()}\n${row(change)}\n${row()}\n`;
      expect(issuesOf(read(text))).toEqual([{ line: 3, ...issue }]);
    });
  }

  it("accepts the longest segment and summary", () => {
    const text = `${HEADER}\n${row({ segment: `advies_expertise_${"x".repeat(23)}`, summary: "y".repeat(2000) })}\n`;
    const [record] = recordsOf(read(text));
    expect(record?.segment).toHaveLength(40);
    expect(record?.summary).toHaveLength(2000);
  });

  it("reports only the region when both region and municipality are unknown to each other", () => {
    const text = `${HEADER}\n${row({ region_code: "JZ99", municipality_code: "GM0080" })}\n`;
    expect(issuesOf(read(text))).toEqual([{ line: 2, column: "region_code", message: "Onbekende regio 'JZ99'" }]);
  });

  it("collects every issue of every row, sorted by line and then by column", () => {
    const text =
      `${HEADER}\n` +
      `${row({ summary: "x".repeat(2001), received_on: "2021-02-30", triggers: "a;b", channel: "fax" })}\n` +
      `${row({ topic: "", requester_type: "" })}\n`;
    expect(issuesOf(read(text)).map(({ line, column }) => `${line}:${column}`)).toEqual([
      "2:received_on",
      "2:channel",
      "2:triggers",
      "2:triggers",
      "2:summary",
      "3:requester_type",
      "3:topic",
    ]);
  });

  it("sorts issues by the column order of the file", () => {
    const text = "topic,received_on,region_code,requester_type,procurement_phase\nfoo,2021-02-30,JZ01,bar,none\n";
    expect(issuesOf(read(text)).map((issue) => issue.column)).toEqual(["topic", "received_on", "requester_type"]);
  });

  it("reports a row with too few or too many cells once, without checking its cells", () => {
    const text =
      `${HEADER}\n` +
      `${row({ summary: "Budgetplafond, extra documenten" })}\n` + // unquoted comma: 16 cells
      "2021-01-01,email\n";
    expect(issuesOf(read(text))).toEqual([
      { line: 2, message: "Deze regel heeft 16 velden, de kopregel 15" },
      { line: 3, message: "Deze regel heeft 2 velden, de kopregel 15" },
    ]);
  });

  it("caps the list at 500 issues, the last one saying how many more there are", () => {
    const rows = Array.from({ length: 300 }, () => row({ channel: "fax", topic: "x" }));
    const issues = issuesOf(read(`${HEADER}\n${rows.join("\n")}\n`));
    expect(issues).toHaveLength(MAX_CSV_ISSUES);
    expect(issues[0]).toMatchObject({ line: 2, column: "channel" });
    expect(issues[498]).toMatchObject({ line: 251, column: "channel" });
    // 600 issues in all: 499 shown, 101 summarised; the first hidden one is topic on line 251.
    expect(issues[499]).toEqual({ line: 251, message: "Nog 101 andere problemen, vanaf regel 251, worden niet getoond" });
  });

  it("does not cap exactly 500 issues", () => {
    const rows = Array.from({ length: 250 }, () => row({ channel: "fax", topic: "x" }));
    const issues = issuesOf(read(`${HEADER}\n${rows.join("\n")}\n`));
    expect(issues).toHaveLength(500);
    expect(issues.every((issue) => issue.column !== undefined)).toBe(true);
  });
});
