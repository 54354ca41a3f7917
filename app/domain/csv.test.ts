import fs from "node:fs";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeText, detectSeparator, parseCsv, SEPARATORS, writeCsv } from "./csv";
import { parseSignalsCsv, type ReferenceLookup } from "./signal-csv";

// Characters that matter to CSV, mixed with ordinary and Dutch letters, so the generator hits quoting often.
const tricky = fc.constantFrom(",", ";", "\t", '"', "\n", "\r", "\r\n", "\uFEFF", " ", "a", "ë", "ô", "=", "'", "Z");
const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.array(tricky, { maxLength: 10 }).map((parts) => parts.join("")));
// A row of nothing but blanks is not a record (spreadsheets leave them after deleted rows); every other row must return.
const row = fc.array(cell, { minLength: 1, maxLength: 6 }).filter((cells) => cells.some((c) => c.trim() !== ""));
const rows = fc.array(row, { minLength: 1, maxLength: 8 });

describe("writeCsv → parseCsv", () => {
  for (const separator of SEPARATORS) {
    it(`gives back any rows of strings with separator ${JSON.stringify(separator)}, with or without BOM, on the lines they start on`, () => {
      fc.assert(
        fc.property(rows, fc.boolean(), (written, bom) => {
          const text = writeCsv(written, { separator, bom });
          const read = parseCsv(text, separator);
          expect(read).toEqual({
            rows: written.map((cells, index) => ({
              cells,
              line: 1 + writeCsv(written.slice(0, index), { separator }).split("\n").length - 1,
            })),
          });
        }),
        { numRuns: 300 },
      );
    });
  }

  it("finds the separator of a header it wrote", () => {
    const header = fc.array(fc.stringMatching(/^[A-Za-z_ ]{1,12}$/), { minLength: 2, maxLength: 15 });
    fc.assert(
      fc.property(header, fc.constantFrom(...SEPARATORS), (names, separator) => {
        expect(detectSeparator(writeCsv([names], { separator, bom: true }))).toBe(separator);
      }),
    );
  });

  it("writes with ',' what csv-stringify wrote for the machine CSV (cells not starting with a BOM)", () => {
    const noBom = fc.array(fc.array(cell.filter((c) => !c.startsWith("\uFEFF")), { minLength: 1, maxLength: 6 }), { maxLength: 8 });
    fc.assert(
      fc.property(noBom, (written) => {
        expect(writeCsv(written, { separator: "," })).toBe(
          stringify(written, { record_delimiter: "windows", quoted_match: /[\r\n]/, escape_formulas: false }),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("detectSeparator", () => {
  it("counts only outside quotes, on the header line", () => {
    expect(detectSeparator('"a;b;c",d,e\n1;2;3;4;5;6\n')).toBe(",");
    expect(detectSeparator("Datum;Regio;\"Soort, vraag\"\r\n")).toBe(";");
    expect(detectSeparator("a\tb\tc\n")).toBe("\t");
    expect(detectSeparator("\uFEFFreceived_on\n")).toBe(",");
  });
});

describe("decodeText", () => {
  // "Sûdwest-Fryslân, coöperatie, één" as Windows-1252 bytes (û = FB, â = E2, ö = F6, é = E9), as Dutch Excel saves them.
  const windows1252 = new Uint8Array([
    0x53, 0xfb, 0x64, 0x77, 0x65, 0x73, 0x74, 0x2d, 0x46, 0x72, 0x79, 0x73, 0x6c, 0xe2, 0x6e, 0x2c, 0x20, 0x63, 0x6f, 0xf6, 0x70, 0x65,
    0x72, 0x61, 0x74, 0x69, 0x65, 0x2c, 0x20, 0xe9, 0xe9, 0x6e, 0x20, 0x80, 0x20, 0x93, 0x6a, 0x61, 0x94, 0x20, 0x96, 0x20, 0x85,
  ]);

  it("reads Windows-1252 when the bytes are not UTF-8, with €, curly quotes, dashes and … (0x80–0x9F)", () => {
    expect(decodeText(windows1252)).toEqual({ text: "Sûdwest-Fryslân, coöperatie, één € “ja” – …", encoding: "windows-1252" });
  });

  it("reads UTF-8 with and without BOM, dropping the BOM", () => {
    const utf8 = new TextEncoder().encode("Sûdwest-Fryslân, coöperatie");
    expect(decodeText(utf8)).toEqual({ text: "Sûdwest-Fryslân, coöperatie", encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: "Sûdwest-Fryslân, coöperatie", encoding: "utf-8" });
  });
});

describe("a file saved by Dutch Excel as 'CSV (gescheiden door lijstscheidingsteken)'", () => {
  const reference: ReferenceLookup = {
    regionExists: (code) => ["JZ01", "JZ02"].includes(code),
    regionOfMunicipality: (code) => ({ GM0014: "JZ01", GM0080: "JZ02" })[code],
    // As the model's lookup does: names as a person types them.
    codeOfName: (kind, name) =>
      ({ region: { friesland: "JZ02" }, municipality: { leeuwarden: "GM0080" } } as Record<string, Record<string, string>>)[kind]?.[name.toLowerCase()],
  };
  const bytes = new Uint8Array(fs.readFileSync(new URL("./__fixtures__/signalen-excel-nl.csv", import.meta.url)));

  it("reads: ';', Windows-1252, Dutch labels as headers and values, region and municipality by name, dates as 15-03-2025 and 5-3-2025", () => {
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe("windows-1252");
    expect(parseSignalsCsv(text, reference, { today: "2025-12-31" })).toEqual({
      records: [
        {
          receivedOn: "2025-03-15",
          channel: "phone",
          requesterType: "provider",
          referredBy: "direct",
          regionCode: "JZ02",
          municipalityCode: "GM0080",
          association: "LVVP",
          topic: "strategy_advice",
          procurementPhase: "running_tender",
          triggers: ["provider_reduction", "admin_burden"],
          procedure: "tender",
          funding: "effort",
          segment: "ambulant",
          status: "new",
          summary: "Sûdwest-Fryslân; vraag over de coöperatie",
        },
        {
          receivedOn: "2025-03-05",
          channel: "email",
          requesterType: "municipality",
          referredBy: "other",
          regionCode: "JZ02",
          municipalityCode: null,
          association: null,
          topic: "gdpr",
          procurementPhase: "none",
          triggers: [],
          procedure: "unknown",
          funding: "unknown",
          segment: null,
          status: "in_progress",
          summary: 'Zei "nee" tegen het plan',
        },
        {
          receivedOn: "2025-04-01",
          channel: "meeting",
          requesterType: "provider",
          referredBy: "region_adviser",
          regionCode: "JZ02",
          municipalityCode: null,
          association: "NIP",
          topic: "quality_admission",
          procurementPhase: "upcoming_tender",
          triggers: ["stricter_requirements"],
          procedure: "open_house",
          funding: "output",
          segment: null,
          status: "closed",
          summary: "Twee regels:\r\nde tweede",
        },
      ],
    });
  });

  it("names the line and the column as the file spells it, in Dutch", () => {
    const text = decodeText(bytes).text.replace("avg", "privacy").replace("15-03-2025", "31-02-2025");
    expect(parseSignalsCsv(text, reference, { today: "2025-12-31" })).toEqual({
      issues: [
        { line: 2, column: "Datum binnengekomen", message: "31 februari 2025 bestaat niet" },
        { line: 3, column: "Soort vraag", message: "Onbekende code 'privacy' — kies uit: strategy_advice, quality_admission, gdpr, contract_change, other" },
      ],
    });
  });
});
