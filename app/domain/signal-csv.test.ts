import { describe, expect, it } from "vitest";
import { parseSignalsCsv, SIGNAL_CSV_COLUMNS } from "./signal-csv";
import { reference, TODAY, HEADER, read, recordsOf, issuesOf, row, FULL_RECORD, DEFAULTS } from "./signal-csv.fixtures";

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
