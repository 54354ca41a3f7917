import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { restoreCell } from "./spreadsheet-cell";
import { humanSignalsCsv } from "./signal-sheet";
import { fileHash } from "~/utils/file-hash.server";
import { SIGNAL_CSV_COLUMNS, signalsToCsv, type SignalRecord } from "./signal-csv";
import { HEADER, read, recordsOf, issuesOf, row, FULL_RECORD } from "./signal-csv.fixtures";

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
  "'s-Hertogenbosch vraagt om een toelichting",
  "''dubbel aangehaald",
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

describe("signalsToCsv", () => {
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

describe("the export for Dutch Excel, imported again", () => {
  it("gives back every summary as it was: the quote before formula-like text taken off, a quote of the text's own kept", () => {
    const exported = records.map((record, i) => ({ ...record, id: i + 1 }));
    const summaries = recordsOf(read(humanSignalsCsv(exported, true))).map((record) => record.summary);
    expect(summaries).toEqual(tricky);
  });

  it("keeps a machine CSV's cells exactly, quotes included", () => {
    const quoted = records.map((record) => ({ ...record, summary: `'${record.summary}` }));
    expect(recordsOf(read(signalsToCsv(quoted, { includeSummary: true, cells: "exact" })))).toEqual(quoted);
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
