import { PassThrough } from "node:stream";
import { performance } from "node:perf_hooks";
import type { Column, Style } from "exceljs";
import { writeCsv, type Separator } from "~/domain/csv";

/**
 * The transport of a large download: rows from an iterator (a database cursor) become a CSV or .xlsx body that is
 * produced only as fast as the client takes it. What a row contains is the caller's: it passes the header and the
 * rows already mapped to cells.
 *
 * Why batches and turns: a cursor is synchronous, so a million rows in one go would hold the event loop (no page,
 * no health check) and the whole file in memory. The body is a pull stream: the next batch is made only when the
 * previous one has been taken (by remixHandler, which in turn waits for the socket to drain), and every batch first
 * yields to the event loop and stops after SLICE_MS, so other requests are answered in between.
 */
export type RowSource<Cells> = {
  rows: Iterable<Cells>;
  /** Called once when the body has been sent, has failed, or the client went away: releases the cursor. */
  close?: () => void;
};

const SLICE_MS = 15;
const BATCH_ROWS = 2000;
/** Counting a row costs about a twentieth of writing it: a batch of a count is bounded by SLICE_MS alone, in effect. */
const COUNT_BATCH_ROWS = 50_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function once(close: (() => void) | undefined): () => void {
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    close?.();
  };
}

/**
 * Takes rows and hands each to `use` until `limit` rows or SLICE_MS is reached (the time counts what `use` does with
 * them, which for a workbook is most of it); `done` once the iterator has no more.
 */
function takeBatch<Cells>(iterator: Iterator<Cells>, use: (cells: Cells) => void, limit = BATCH_ROWS): { rows: number; done: boolean } {
  const started = performance.now();
  let rows = 0;
  while (rows < limit) {
    const next = iterator.next();
    if (next.done) return { rows, done: true };
    use(next.value);
    rows += 1;
    if (rows % 50 === 0 && performance.now() - started > SLICE_MS) break;
  }
  return { rows, done: false };
}

/**
 * How many rows an iterator (a cursor) gives, taken in batches bounded by SLICE_MS, with a turn of the event
 * loop before each: a count(*) over a million signals is one synchronous statement of a few hundred ms, which would
 * hold every other request for as long.
 */
export async function countInTurns(rows: Iterable<unknown>): Promise<number> {
  const iterator = rows[Symbol.iterator]();
  let count = 0;
  for (;;) {
    await nextTurn();
    const batch = takeBatch(iterator, () => undefined, COUNT_BATCH_ROWS);
    count += batch.rows;
    if (batch.done) return count;
  }
}

/** The header and rows as CSV in `format` (csv.ts's writer, as the whole file would be written; a BOM only first). */
export function csvStream(header: readonly string[], source: RowSource<string[]>, format: { separator: Separator; bom?: boolean }): ReadableStream<Uint8Array> {
  const iterator = source.rows[Symbol.iterator]();
  const close = once(() => {
    iterator.return?.();
    source.close?.();
  });
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          await nextTurn();
          const batch: string[][] = [];
          const { done } = takeBatch(iterator, (cells) => batch.push(cells));
          // Every row ends in CRLF, so the batches joined are the file writeCsv would write whole.
          const rows: readonly (readonly string[])[] = started ? batch : [header, ...batch];
          if (rows.length > 0) controller.enqueue(encoder.encode(writeCsv(rows, { separator: format.separator, bom: !started && format.bom })));
          started = true;
          if (done) {
            close();
            controller.close();
          }
        } catch (error) {
          close();
          throw error;
        }
      },
      cancel: close,
    },
    { highWaterMark: 1 },
  );
}

/** A Node or readable-stream v2 writable: what it holds that its reader has not taken. */
type WaitingStream = { writableLength?: number; _writableState?: { length?: number } };

/** Sheet XML allowed to wait for the compressor before more rows are taken (a few batches' worth). */
const UNZIPPED_BYTES = 2 * 1024 * 1024;

export type XlsxCell = string | number | Date | null;

export type XlsxSheet = {
  name: string;
  columns: Partial<Column>[];
  /** Header row bold and frozen, with a filter on it. */
  header?: boolean;
};

/**
 * One worksheet written by exceljs's streaming writer: rows are committed as they come (never kept as a workbook),
 * shared strings are off (inline strings need no table of every text in memory), and the zip it produces is read
 * from a PassThrough as the client takes it.
 */
export function xlsxStream(sheet: XlsxSheet, source: RowSource<XlsxCell[]>): ReadableStream<Uint8Array> {
  const iterator = source.rows[Symbol.iterator]();
  const close = once(() => {
    iterator.return?.();
    source.close?.();
  });
  const out = new PassThrough();
  let ended = false;
  let failed: unknown;
  out.on("end", () => (ended = true));
  out.on("error", (error) => (failed = error));
  let writer: Promise<{ addRow: (cells: XlsxCell[]) => void; unzipped: () => number; finish: () => void }> | undefined;

  const open = async () => {
    // Loaded with the first Excel export, not at every start (a third of a second).
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = "Rode Draad";
    const worksheet = workbook.addWorksheet(sheet.name, sheet.header ? { views: [{ state: "frozen", ySplit: 1 }] } : {});
    worksheet.columns = sheet.columns;
    if (sheet.header) {
      worksheet.getRow(1).font = { bold: true };
      worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    }
    // exceljs gives every cell a style object of its own and renders each one to find its style id, which takes
    // two thirds of its time; it remembers ids by object. A data cell's style comes from its column alone (rows
    // here carry values, no styles), so every cell of a column and type can share the first one's object.
    const shared = new Map<string, Partial<Style>>();
    return {
      addRow: (cells: XlsxCell[]) => {
        const row = worksheet.addRow(cells);
        row.eachCell((cell, column) => {
          const key = `${column}:${cell.type}`;
          const style = shared.get(key);
          if (style) cell.style = style;
          else shared.set(key, cell.style);
        });
        row.commit();
      },
      /**
       * Bytes of sheet XML the compressor has not taken yet. exceljs writes the XML into the zip entry without
       * waiting for it, and zlib (on the thread pool) falls behind the rows under load: unchecked, nearly the whole
       * sheet's XML waited in memory (80 MB at 200,000 rows). Read from exceljs's stream of the sheet, whose `pipes`
       * are the zip entry's input (archiver's readable-stream PassThrough, which has no writableLength); 0 when that
       * ever changes shape, which only loses the bound.
       */
      unzipped: () => {
        const pipes = (worksheet as unknown as { stream?: { pipes?: WaitingStream[] } }).stream?.pipes ?? [];
        return pipes.reduce((sum, pipe) => sum + (pipe.writableLength ?? pipe._writableState?.length ?? 0), 0);
      },
      finish: () => {
        worksheet.commit();
        workbook.commit().catch((error: unknown) => out.destroy(error as Error));
      },
    };
  };

  /** Resolves when the zip has output to read or has ended; after a few turns regardless (it may be buffering). */
  const output = async () => {
    for (let turn = 0; turn < 50 && out.readableLength === 0 && !ended && !failed; turn += 1) await nextTurn();
  };

  let rowsDone = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          writer ??= open();
          const { addRow, unzipped, finish } = await writer;
          for (;;) {
            if (failed) throw failed;
            const chunk = out.read() as Buffer | null;
            if (chunk) return controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if (ended) {
              close();
              return controller.close();
            }
            if (!rowsDone && unzipped() > UNZIPPED_BYTES) {
              // The compressor works on the thread pool: a timer, not turns, until it has taken what it was given.
              await new Promise((resolve) => setTimeout(resolve, 2));
              continue;
            }
            if (!rowsDone) {
              await nextTurn();
              const { done } = takeBatch(iterator, addRow);
              if (done) {
                rowsDone = true;
                close();
                finish();
              }
            }
            await output();
          }
        } catch (error) {
          close();
          out.destroy();
          throw error;
        }
      },
      cancel() {
        close();
        out.destroy();
      },
    },
    { highWaterMark: 1 },
  );
}
