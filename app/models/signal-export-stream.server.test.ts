import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { seedSignals, syntheticSignals } from "../../test/bench/seed";
import { useTempDatabase } from "../../test/unit/temp-database";
import { parseInboxFilters } from "~/domain/inbox-filters";
import { SIGNAL_CSV_COLUMNS, signalCsvCells } from "~/domain/signal-csv";
import { humanHeaders, humanSignalRow, type ExportedSignal } from "~/domain/signal-sheet";
import { inArray } from "drizzle-orm";
import { signals } from "../../db/schema";
import { db } from "~/utils/db.server";
import { csvStream } from "~/utils/export-stream.server";
import { exportRows } from "./signal-export-rows.server";
import { toCsv, toXlsx } from "./signal-export.server";
import { listInbox } from "./signal-inbox.server";

/**
 * The signals export streams from a cursor (export-stream.server.ts). Read back whole, the files hold every signal of
 * the view in the inbox's order with the summaries opened; and the body is produced as it is read, not before.
 */
const COUNT = 4500; // more than two batches of the writer

let expected: ExportedSignal[];

beforeAll(async () => {
  useTempDatabase();
  await seedSignals(COUNT);
  const places = db().$client.prepare("select code, region_code as regionCode from municipalities").all() as { code: string; regionCode: string }[];
  // The inbox's order: newest first, then the highest id (the order of insertion) first.
  const inserted = [...syntheticSignals(COUNT, places)].map((record, index) => ({ record, id: index + 1 }));
  inserted.sort((a, b) => (a.record.receivedOn === b.record.receivedOn ? b.id - a.id : a.record.receivedOn < b.record.receivedOn ? 1 : -1));
  expected = inserted.map(({ record, id }) => ({ ...record, id }));
}, 120_000);

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("the signals export", () => {
  it("writes every signal of the view as CSV, in the inbox's order, with the summaries opened", async () => {
    const source = await exportRows(parseInboxFilters(new URLSearchParams()), true);
    expect(source.count).toBe(COUNT);
    const rows = parse((await bytesOf(toCsv(source, true, true))).toString("utf8")) as string[][];
    expect(rows[0]).toEqual([...SIGNAL_CSV_COLUMNS]);
    expect(rows).toHaveLength(COUNT + 1);
    const want = expected.map((record) => signalCsvCells(record, { includeSummary: true, cells: "exact" }));
    expect(rows[1]).toEqual(want[0]);
    expect(rows.at(-1)).toEqual(want.at(-1));
    expect(rows.slice(1)).toEqual(want);
    expect(rows[1]?.at(-1)).toMatch(/^Signaal \d+: /);
  });

  it("leaves the summary out unless asked", async () => {
    const rows = parse((await bytesOf(toCsv(await exportRows(parseInboxFilters(new URLSearchParams()), false), false, false))).toString("utf8"), { delimiter: ";", bom: true }) as string[][];
    expect(rows[0]).toEqual(humanHeaders(false));
    expect(rows).toHaveLength(COUNT + 1);
  });

  it("exports a filtered and searched view as the inbox counts it", async () => {
    const params = new URLSearchParams({ q: "budgetplafond", status: "closed", year: "2019" });
    const filters = parseInboxFilters(params);
    const source = await exportRows(filters, true);
    const rows = parse((await bytesOf(toCsv(source, true, true))).toString("utf8")) as string[][];
    const total = listInbox(filters).total;
    expect(total).toBeGreaterThan(0);
    expect(source.count).toBe(total);
    expect(rows).toHaveLength(total + 1);
    for (const row of rows.slice(1)) {
      expect(row[0]).toMatch(/^2019-/);
      expect(row.at(-1)).toContain("budgetplafond");
    }
  });

  it("writes the same signals as .xlsx, header first, summaries opened", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await bytesOf(toXlsx(await exportRows(parseInboxFilters(new URLSearchParams()), true), true))).buffer);
    const sheet = workbook.getWorksheet("Signalen")!;
    expect(sheet.rowCount).toBe(COUNT + 1);
    const cells = (n: number) => Array.from(sheet.getRow(n).values as unknown[], (v) => v ?? "").slice(1);
    expect(cells(1)).toEqual(humanHeaders(true));
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const want = (record: ExportedSignal) => humanSignalRow(record, true);
    expect(cells(2)).toEqual(want(expected[0]!));
    expect(cells(COUNT + 1)).toEqual(want(expected.at(-1)!));
  }, 60_000);

  it("counts the view in turns: other requests are answered while a large export is opened", async () => {
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const source = await exportRows(parseInboxFilters(new URLSearchParams()), false);
    ticking = false;
    source.close();
    expect(source.count).toBe(COUNT);
    // One count(*) would give no turn at all: the export would be opened before any other request got one.
    expect(turns).toBeGreaterThanOrEqual(1);
  });

  it("releases its cursor when the client goes away before the first byte", async () => {
    await expect(toCsv(await exportRows(parseInboxFilters(new URLSearchParams()), false), false, false).cancel()).resolves.toBeUndefined();
    // The export's connection is closed: nothing keeps a read transaction open.
    expect(listInbox(parseInboxFilters(new URLSearchParams())).total).toBe(COUNT);
  });

  it("keeps the app's connection free while an export's cursor is open", async () => {
    const reader = toCsv(await exportRows(parseInboxFilters(new URLSearchParams()), true), true, true).getReader();
    await reader.read();
    // better-sqlite3 refuses any statement on a connection with an open cursor; the export has its own.
    expect(listInbox(parseInboxFilters(new URLSearchParams())).total).toBe(COUNT);
    await reader.cancel();
  });

  it("leaves out signals that still wait for classification: their codes are placeholders, and a file read in again would pass them as classified", async () => {
    const waiting = expected.slice(0, 3).map((record) => record.id);
    db().update(signals).set({ awaitingClassification: true }).where(inArray(signals.id, waiting)).run();
    const source = await exportRows(parseInboxFilters(new URLSearchParams()), false);
    expect(source.count).toBe(COUNT - waiting.length);
    const ids = [...source.rows].map((record) => record.id);
    expect(ids).toHaveLength(COUNT - waiting.length);
    expect(ids.filter((id) => waiting.includes(id))).toEqual([]);
    expect((await exportRows(parseInboxFilters(new URLSearchParams({ unclassified: "yes" })), false)).count).toBe(0);
  });
});

describe("csvStream", () => {
  function countingRows(total: number) {
    const state = { taken: 0, closed: false };
    function* rows() {
      for (let i = 0; i < total; i += 1) {
        state.taken += 1;
        yield [String(i), "tekst"];
      }
    }
    return { state, source: { rows: rows(), close: () => (state.closed = true) } };
  }

  it("produces the body as it is read: the first bytes come before the rows are all taken", async () => {
    const { state, source } = countingRows(1_000_000);
    const reader = csvStream(["n", "t"], source, { separator: "," }).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).startsWith("n,t\r\n0,tekst\r\n")).toBe(true);
    expect(state.taken).toBeLessThan(10_000);
    await reader.cancel();
    expect(state.closed).toBe(true);
  });

  it("joins its batches into the file writeCsv writes whole", async () => {
    const { state, source } = countingRows(5000);
    const text = (await bytesOf(csvStream(["n", "t"], source, { separator: "," }))).toString("utf8");
    expect(text).toBe(["n,t", ...Array.from({ length: 5000 }, (_, i) => `${i},tekst`), ""].join("\r\n"));
    expect(state.closed).toBe(true);
  });
});
