import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { restoreCell } from "./spreadsheet-cell";
import { fileHash } from "~/utils/file-hash.server";
import {
  MAX_CSV_ISSUES,
  parseSignalsCsv,
  SIGNAL_CSV_COLUMNS,
  signalsToCsv,
  type CsvIssue,
  type ReferenceLookup,
  type SignalCsvResult,
  type SignalRecord,
} from "./signal-csv";

// JZ01 Groningen with GM0014 Groningen, JZ02 Friesland with GM0080 Leeuwarden; JZ03 has no municipalities here.
const MUNICIPALITIES: Record<string, string> = { GM0014: "JZ01", GM0080: "JZ02" };
const reference: ReferenceLookup = {
  regionExists: (code) => ["JZ01", "JZ02", "JZ03"].includes(code),
  regionOfMunicipality: (code) => MUNICIPALITIES[code],
};
const TODAY = "2022-06-30";
const HEADER = SIGNAL_CSV_COLUMNS.join(",");

const read = (text: string) => parseSignalsCsv(text, reference, { today: TODAY });

function recordsOf(result: SignalCsvResult): SignalRecord[] {
  if ("issues" in result) throw new Error(`unexpected issues: ${JSON.stringify(result.issues, null, 2)}`);
  return result.records;
}

function issuesOf(result: SignalCsvResult): CsvIssue[] {
  if ("records" in result) throw new Error("expected issues, got records");
  return result.issues;
}

/** A valid row with all 15 columns; `change` replaces cells by column name. */
function row(change: Partial<Record<(typeof SIGNAL_CSV_COLUMNS)[number], string>> = {}): string {
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

const FULL_RECORD: SignalRecord = {
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

const DEFAULTS = {
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

describe("parseSignalsCsv: valid files", () => {
  it("reads a file with all columns", () => {
    const text =
      `${HEADER}\n` +
      `${row()}\n` +
      "2021-12-01,portal,municipality,region_adviser,JZ02,GM0080,,quality_admission,running_contract,,open_house,task,,in_trajectory,\n";
    expect(recordsOf(read(text))).toEqual([
      FULL_RECORD,
      {
        receivedOn: "2021-12-01",
        channel: "portal",
        requesterType: "municipality",
        referredBy: "region_adviser",
        regionCode: "JZ02",
        municipalityCode: "GM0080",
        association: null,
        topic: "quality_admission",
        procurementPhase: "running_contract",
        triggers: [],
        procedure: "open_house",
        funding: "task",
        segment: null,
        status: "in_trajectory",
        summary: null,
      },
    ]);
  });

  it("gives empty optional cells their defaults", () => {
    const text = `${HEADER}\n2021-01-04,,region,,JZ03,,,gdpr,none,,,,,,\n`;
    expect(recordsOf(read(text))).toEqual([
      {
        receivedOn: "2021-01-04",
        requesterType: "region",
        regionCode: "JZ03",
        topic: "gdpr",
        procurementPhase: "none",
        ...DEFAULTS,
      },
    ]);
  });

  it("reads a file with only the required columns, in another order", () => {
    const text = "topic,region_code,received_on,procurement_phase,requester_type\ncontract_change,JZ02,2021-05-06,contracting,other\n";
    expect(recordsOf(read(text))).toEqual([
      {
        receivedOn: "2021-05-06",
        requesterType: "other",
        regionCode: "JZ02",
        topic: "contract_change",
        procurementPhase: "contracting",
        ...DEFAULTS,
      },
    ]);
  });

  it("trims codes, splits triggers on ';', ignores empty parts and collapses duplicates", () => {
    const text = `${HEADER}\n${row({ channel: " phone ", region_code: "JZ01 ", triggers: " other ;; stricter_requirements;other; " })}\n`;
    const [record] = recordsOf(read(text));
    expect(record?.channel).toBe("phone");
    expect(record?.regionCode).toBe("JZ01");
    expect(record?.triggers).toEqual(["other", "stricter_requirements"]);
  });

  it("accepts a leap day and today, and skips blank lines and rows of empty cells", () => {
    const text =
      `${HEADER}\n\n` +
      `${row({ received_on: "2020-02-29" })}\n` +
      ",,,,,,,,,,,,,,\n" +
      `${row({ received_on: TODAY })}\n\n`;
    expect(recordsOf(read(text)).map((r) => r.receivedOn)).toEqual(["2020-02-29", TODAY]);
  });

  it("keeps a quoted multi-line summary exactly and counts the lines after it", () => {
    const summary = 'Regel één, met komma\n\n"Citaat" van de gemeente\n  ingesprongen ';
    const text =
      `${HEADER}\n` + // line 1
      `${row({ summary: `"${summary.replace(/"/g, '""')}"` })}\n` + // lines 2-5
      `${row({ topic: "strategy" })}\n` + // line 6
      "\n" + // line 7
      `${row({ region_code: "JZ99", summary: '"twee\nregels"' })}\n` + // lines 8-9
      `${row({ status: "open" })}\n`; // line 10
    expect(issuesOf(read(text))).toEqual([
      {
        line: 6,
        column: "topic",
        message: "Onbekende code 'strategy' — kies uit: strategy_advice, quality_admission, gdpr, contract_change, other",
      },
      { line: 8, column: "region_code", message: "Onbekende regio 'JZ99'" },
      {
        line: 10,
        column: "status",
        message: "Onbekende code 'open' — kies uit: new, in_progress, answered, closed, in_trajectory",
      },
    ]);

    const valid = `${HEADER}\n${row({ summary: `"${summary.replace(/"/g, '""')}"` })}\n`;
    expect(recordsOf(read(valid))[0]?.summary).toBe(summary);
  });

  it("strips a BOM", () => {
    const text = `\uFEFF${HEADER}\n${row()}\n`;
    expect(recordsOf(read(text))).toEqual([FULL_RECORD]);
  });

  it("reads CRLF files, keeps line breaks inside quoted cells and counts lines right", () => {
    const text =
      `${HEADER}\r\n` + // line 1
      `${row({ summary: '"eerste\r\ntweede"' })}\r\n` + // lines 2-3
      "\r\n" + // line 4
      `${row({ summary: '"alleen\nLF binnen de cel"' })}\r\n` + // lines 5-6
      `${row()}\r\n`; // line 7
    expect(recordsOf(read(text)).map((r) => r.summary)).toEqual([
      "eerste\r\ntweede",
      "alleen\nLF binnen de cel",
      FULL_RECORD.summary,
    ]);
    const broken = text.replace(`${row()}\r\n`, `${row({ funding: "lumpsum" })}\r\n`);
    expect(issuesOf(read(broken))).toEqual([
      { line: 7, column: "funding", message: "Onbekende code 'lumpsum' — kies uit: effort, output, task, unknown" },
    ]);
  });

  it("reads a file with mixed CRLF and LF line endings", () => {
    const text = `${HEADER}\r\n${row()}\n${row({ region_code: "JZ2" })}\r\n`;
    expect(issuesOf(read(text))).toEqual([{ line: 3, column: "region_code", message: "Onbekende regio 'JZ2'" }]);
  });

  it("uses today's date when no date is given", () => {
    const text = `${HEADER}\n${row()}\n${row({ received_on: "2999-01-01" })}\n`;
    expect(issuesOf(parseSignalsCsv(text, reference))).toEqual([
      { line: 3, column: "received_on", message: "Datum 2999-01-01 ligt in de toekomst" },
    ]);
  });
});

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

describe("parseSignalsCsv: the file and its header", () => {
  it("treats an empty file and a file with only a header as errors", () => {
    const none = [{ line: 1, message: "Het bestand bevat geen signalen" }];
    expect(issuesOf(read(""))).toEqual(none);
    expect(issuesOf(read("\uFEFF"))).toEqual(none);
    expect(issuesOf(read("\n\r\n"))).toEqual(none);
    expect(issuesOf(read(`${HEADER}\n`))).toEqual(none);
    expect(issuesOf(read(`${HEADER}\r\n,,,,,,,,,,,,,,\r\n`))).toEqual(none);
  });

  it("reports unknown columns", () => {
    const text = `${HEADER},foo\n${row()},bar\n`;
    expect(issuesOf(read(text))).toEqual([{ line: 1, column: "foo", message: "Onbekende kolom 'foo'" }]);
  });

  it("reports missing required columns", () => {
    const text = "received_on,requester_type,region_code,procurement_phase\n2021-01-01,provider,JZ01,none\n";
    expect(issuesOf(read(text))).toEqual([{ line: 1, column: "topic", message: "Kolom 'topic' (Soort vraag) ontbreekt" }]);
  });

  it("reports every header problem at once, in column order, missing columns last", () => {
    const text = "received_on,Topic,,region_code,region_code,channel\n2021-01-01,gdpr,,JZ01,JZ01,email\n";
    expect(issuesOf(read(text))).toEqual([
      { line: 1, column: "Topic", message: "Onbekende kolom 'Topic' — bedoelt u 'topic'?" },
      { line: 1, message: "Kolom 3 heeft geen naam" },
      { line: 1, column: "region_code", message: "Kolom 'region_code' komt twee keer voor" },
      { line: 1, column: "requester_type", message: "Kolom 'requester_type' (Afkomstig van) ontbreekt" },
      { line: 1, column: "topic", message: "Kolom 'topic' (Soort vraag) ontbreekt" },
      { line: 1, column: "procurement_phase", message: "Kolom 'procurement_phase' (Fase inkoop) ontbreekt" },
    ]);
  });

  it("reads a file separated by semicolons or tabs as the same file separated by commas", () => {
    const comma = recordsOf(read(`${HEADER}\n${row()}\n`));
    // The triggers cell holds a ';': a semicolon file quotes it, as Excel does.
    const cells = row().split(",").map((cell) => (cell.includes(";") ? `"${cell}"` : cell));
    expect(recordsOf(read(`${SIGNAL_CSV_COLUMNS.join(";")}\n${cells.join(";")}\n`))).toEqual(comma);
    expect(recordsOf(read(`${SIGNAL_CSV_COLUMNS.join("\t")}\n${row().split(",").join("\t")}\n`))).toEqual(comma);
  });

  it("turns CSV syntax errors into Dutch issues on the line where the record starts", () => {
    expect(issuesOf(read(`${HEADER}\n${row()}\n${row({ summary: '"niet gesloten' })}\n${row()}\n`))).toEqual([
      { line: 3, message: "Een aanhalingsteken wordt niet gesloten" },
    ]);
    expect(issuesOf(read(`${HEADER}\n${row({ summary: '"a\nb"' })}\n${row({ summary: '"x"y' })}\n`))).toEqual([
      { line: 4, message: "Na een sluitend aanhalingsteken staat nog tekst in hetzelfde veld" },
    ]);
    expect(issuesOf(read(`${HEADER}\n${row({ summary: 'zei "nee"' })}\n`))).toEqual([
      {
        line: 2,
        message: "Aanhalingsteken midden in een veld; zet het hele veld tussen aanhalingstekens en verdubbel de aanhalingstekens erin",
      },
    ]);
  });

  it("reports a file that was not saved as UTF-8", () => {
    // What TextDecoder makes of "Leeuwarden, Súdwest-Fryslân" saved in Windows-1252.
    const text = `${HEADER}\n${row()}\n${row({ summary: '"S\uFFFDdwest-Frysl\uFFFDn"' })}\n`;
    expect(issuesOf(read(text))).toEqual([
      {
        line: 3,
        message: "Het bestand is niet als UTF-8 opgeslagen (letters als ë en é zijn onleesbaar); sla het op als 'CSV UTF-8'",
      },
    ]);
  });

  it("rejects a malformed `today` option (a programming error, not a file error)", () => {
    expect(() => parseSignalsCsv(`${HEADER}\n${row()}\n`, reference, { today: "30-06-2022" })).toThrow();
  });
});

describe("signalsToCsv", () => {
  const tricky: string[] = [
    "Gewoon een zin.",
    "Komma's, \"aanhalingstekens\" en ; puntkomma's",
    "Meerdere\nregels\n\nmet een lege",
    "Windows\r\nregeleinde en een losse\rCR",
    "=HYPERLINK(\"http://example.org\";\"klik\")",
    "+31 6 12345678",
    "-10% budget",
    "@gemeente",
    "  spaties voor en na  ",
    "\"",
    "Ünïcödé — € en emoji 🧩",
  ];
  const records: SignalRecord[] = tricky.map((summary, i) => ({
    ...FULL_RECORD,
    receivedOn: `2021-0${(i % 9) + 1}-1${i % 10}`,
    channel: (["portal", "email", "phone", "meeting", "other"] as const)[i % 5] ?? "other",
    // Not in DESIGN.md order, to show that the order survives.
    triggers: i % 2 === 0 ? ["other", "provider_reduction"] : [],
    municipalityCode: i % 3 === 0 ? null : "GM0014",
    association: i % 4 === 0 ? null : "NIP",
    segment: i % 2 === 0 ? null : "advies_expertise",
    summary,
  }));
  const withoutSummary = { ...FULL_RECORD, summary: null, association: null, triggers: [], segment: null };

  it("writes the header, CRLF line endings and the triggers joined with ';'", () => {
    const csv = signalsToCsv([FULL_RECORD, withoutSummary], { includeSummary: true, cells: "exact" });
    expect(csv).toBe(
      `${HEADER}\r\n` +
        "2021-03-15,email,provider,direct,JZ01,GM0014,LVVP,strategy_advice,upcoming_tender," +
        "provider_reduction;admin_burden,tender,output,ambulant,answered,Aanbesteding met minder aanbieders\r\n" +
        "2021-03-15,email,provider,direct,JZ01,GM0014,,strategy_advice,upcoming_tender,,tender,output,,answered,\r\n",
    );
  });

  it("leaves the summary column out when asked, and that file imports again", () => {
    const csv = signalsToCsv([FULL_RECORD], { includeSummary: false, cells: "exact" });
    expect(csv.split("\r\n")[0]).toBe(SIGNAL_CSV_COLUMNS.filter((c) => c !== "summary").join(","));
    expect(csv).not.toContain("Aanbesteding");
    expect(recordsOf(read(csv))).toEqual([{ ...FULL_RECORD, summary: null }]);
  });

  it("quotes cells with commas, quotes or any line break, and does not escape formulas in the machine CSV", () => {
    const csv = signalsToCsv(records, { includeSummary: true, cells: "exact" });
    expect(csv).toContain('"Meerdere\nregels\n\nmet een lege"');
    expect(csv).toContain('"Windows\r\nregeleinde en een losse\rCR"');
    expect(csv).toContain('"=HYPERLINK(""http://example.org"";""klik"")"');
    expect(csv).toContain(",+31 6 12345678\r\n");
    expect(csv).toContain(",-10% budget\r\n");
    expect(csv).toContain(",@gemeente\r\n");
  });

  it("for spreadsheets, starts no cell with a formula character; removing the quote gives the machine CSV's cell", () => {
    const exact = parse(signalsToCsv(records, { includeSummary: true, cells: "exact" })) as string[][];
    const neutral = parse(signalsToCsv(records, { includeSummary: true, cells: "spreadsheet" })) as string[][];
    expect(neutral.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(neutral.map((row) => row.map(restoreCell))).toEqual(exact);
    expect(neutral.flat()).toEqual(expect.arrayContaining(["'=HYPERLINK(\"http://example.org\";\"klik\")", "'+31 6 12345678", "'-10% budget", "'@gemeente"]));
  });

  it("round-trips: what it writes reads back unchanged", () => {
    const all = [...records, withoutSummary];
    expect(recordsOf(read(signalsToCsv(all, { includeSummary: true, cells: "exact" })))).toEqual(all);
    // Also after a trip through a tool that adds a BOM.
    expect(recordsOf(read(`\uFEFF${signalsToCsv(all, { includeSummary: true, cells: "exact" })}`))).toEqual(all);
  });

  it("round-trips each tricky summary on its own, with line numbers intact after it", () => {
    for (const record of records) {
      const csv = signalsToCsv([record, { ...FULL_RECORD, regionCode: "JZ98", municipalityCode: null }], {
        includeSummary: true,
        cells: "exact",
      });
      const lineOfSecond = csv.split(/\r?\n/).findIndex((line) => line.includes("JZ98")) + 1;
      expect(issuesOf(read(csv))).toEqual([{ line: lineOfSecond, column: "region_code", message: "Onbekende regio 'JZ98'" }]);
      expect(recordsOf(read(signalsToCsv([record], { includeSummary: true, cells: "exact" })))).toEqual([record]);
    }
  });
});

describe("fileHash", () => {
  it("is the same for LF, CRLF and BOM variants of a file", () => {
    const lf = `${HEADER}\n${row()}\n`;
    const hash = fileHash(lf);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(fileHash(lf.replace(/\n/g, "\r\n"))).toBe(hash);
    expect(fileHash(`\uFEFF${lf}`)).toBe(hash);
    expect(fileHash(`\uFEFF${lf.replace(/\n/g, "\r\n")}`)).toBe(hash);
  });

  it("differs when the content differs", () => {
    expect(fileHash(`${HEADER}\n${row()}\n`)).not.toBe(fileHash(`${HEADER}\n${row({ topic: "gdpr" })}\n`));
  });

  it("is plain sha256 of the normalised text", () => {
    // sha256("") — a well-known value.
    expect(fileHash("\uFEFF")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
