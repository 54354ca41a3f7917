import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeText } from "~/domain/csv";
import { parseSignalsCsv, type ReferenceLookup } from "~/domain/signal-csv";
import type { ExportedSignal } from "~/domain/signal-sheet";
import { toCsv, toXlsx } from "./signal-export.server";

const SIGNALS: ExportedSignal[] = [
  {
    id: 4021,
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
    summary: '=HYPERLINK("http://evil.example") Sûdwest-Fryslân; "coöperatie"',
  },
  {
    id: 4022,
    receivedOn: "2025-12-31",
    channel: "email",
    requesterType: "municipality",
    referredBy: "other",
    regionCode: "JZ01",
    municipalityCode: null,
    association: null,
    topic: "gdpr",
    procurementPhase: "none",
    triggers: [],
    procedure: "unknown",
    funding: "unknown",
    segment: null,
    status: "closed",
    summary: "Twee\r\nregels",
  },
];

const DUTCH_HEADERS = [
  "Signaalnummer",
  "Datum binnengekomen",
  "Binnengekomen via",
  "Afkomstig van",
  "Aangedragen door",
  "Jeugdregio",
  "Gemeente",
  "Beroepsvereniging",
  "Soort vraag",
  "Fase inkoop",
  "Aanleidingen",
  "Procedure",
  "Financieringsvorm",
  "Segment",
  "Status",
  "Korte samenvatting",
];

/** The records as the export model gets them from its cursor. */
const source = (records: ExportedSignal[]) => ({ count: records.length, rows: records, close: () => {} });

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const xlsxOf = async (records: ExportedSignal[], includeSummary: boolean) => new Uint8Array(await bytesOf(toXlsx(source(records), includeSummary))).buffer;
const csvOf = async (records: ExportedSignal[], includeSummary: boolean, machine: boolean) => (await bytesOf(toCsv(source(records), includeSummary, machine))).toString("utf8");

const reference: ReferenceLookup = {
  regionExists: (code) => ["JZ01", "JZ02"].includes(code),
  regionOfMunicipality: (code) => ({ GM0014: "JZ01", GM0080: "JZ02" })[code],
};

describe("the Excel export", () => {
  it("has Dutch headers and values, the signal number, real date cells, a frozen header row and filters", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsxOf(SIGNALS, true));
    const sheet = workbook.getWorksheet("Signalen");
    if (!sheet) throw new Error("no sheet Signalen");
    expect(sheet.getRow(1).values).toEqual([undefined, ...DUTCH_HEADERS]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:P1");
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(4021);
    const date = first.getCell(2);
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect(date.value).toEqual(new Date(Date.UTC(2025, 2, 15)));
    expect(date.numFmt).toBe("dd-mm-yyyy");
    expect(sheet.getRow(3).getCell(2).value).toEqual(new Date(Date.UTC(2025, 11, 31)));
    expect((first.values as unknown[]).slice(3, 16)).toEqual([
      "Telefoon",
      "Vrijgevestigde aanbieder",
      "Rechtstreeks",
      "JZ02",
      "GM0080",
      "LVVP",
      "Adviesvraag: strategie bepalen",
      "Lopende aanbesteding",
      "Drastisch minder aanbieders, consortia of hoofdaannemerschap; Sterk toenemende administratieve lasten",
      "Aanbesteding (SAS-procedure)",
      "Inspanningsgericht (P×Q)",
      "ambulant",
      "Nieuw",
    ]);
    // Formula-like text stays text, neutralised.
    expect(first.getCell(16).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(16).value).toBe(`'${SIGNALS[0]?.summary}`);
  });

  it("leaves the summary column out unless asked", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsxOf(SIGNALS, false));
    expect(workbook.getWorksheet("Signalen")?.getRow(1).values).toEqual([undefined, ...DUTCH_HEADERS.slice(0, -1)]);
  });
});

describe("the CSV for Excel", () => {
  let csv = "";
  beforeAll(async () => {
    csv = await csvOf(SIGNALS, true, false);
  });

  it("starts with the UTF-8 BOM, uses ';' and CRLF, Dutch headers and values, dates as 15-03-2025", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(DUTCH_HEADERS.join(";"));
    expect(lines[1]).toMatch(/^4021;15-03-2025;Telefoon;Vrijgevestigde aanbieder;Rechtstreeks;JZ02;GM0080;LVVP;/);
    expect(lines[1]).toContain(`;"'=HYPERLINK(""http://evil.example"") Sûdwest-Fryslân; ""coöperatie"""`);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("imports again as it is (the number skipped, labels and Dutch dates read back)", () => {
    const bytes = new TextEncoder().encode(csv);
    const parsed = parseSignalsCsv(decodeText(bytes).text, reference, { today: "2025-12-31" });
    const { id: _a, ...first } = SIGNALS[0] as ExportedSignal;
    const { id: _b, ...second } = SIGNALS[1] as ExportedSignal;
    // The neutralising quote (which a spreadsheet shows as text, and so saves again) is taken off on the way in.
    expect(parsed).toEqual({ records: [first, second] });
  });
});

describe("the CSV for systems (?formaat=machine)", () => {
  it("is DESIGN.md's signals.csv, byte for byte as before: codes, ',', ISO dates, no BOM, no signal number", async () => {
    expect(await csvOf(SIGNALS, true, true)).toBe(
      "received_on,channel,requester_type,referred_by,region_code,municipality_code,association,topic,procurement_phase,triggers,procedure,funding,segment,status,summary\r\n" +
        '2025-03-15,phone,provider,direct,JZ02,GM0080,LVVP,strategy_advice,running_tender,provider_reduction;admin_burden,tender,effort,ambulant,new,"=HYPERLINK(""http://evil.example"") Sûdwest-Fryslân; ""coöperatie"""\r\n' +
        '2025-12-31,email,municipality,other,JZ01,,,gdpr,none,,unknown,unknown,,closed,"Twee\r\nregels"\r\n',
    );
  });
});
