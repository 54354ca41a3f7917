/**
 * Import previews show a file a page at a time: a staged upload can hold tens of thousands of rows or hundreds of
 * errors, and a page that renders them all is slow to send and useless to read.
 */
export const PREVIEW_PAGE_SIZE = 50;

export type PreviewPage<T> = {
  rows: T[];
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last row shown (0 and 0 when there are none). */
  first: number;
  last: number;
  total: number;
};

/** The rows of one page; a page number that is missing, not a whole number or out of range shows the nearest page. */
export function previewPage<T>(items: readonly T[], pageParam: string | null | undefined): PreviewPage<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / PREVIEW_PAGE_SIZE));
  const asked = Number(pageParam);
  const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pageCount) : 1;
  const start = (page - 1) * PREVIEW_PAGE_SIZE;
  const rows = items.slice(start, start + PREVIEW_PAGE_SIZE);
  return { rows, page, pageCount, first: rows.length ? start + 1 : 0, last: start + rows.length, total: items.length };
}

/** "Fouten per regel en kolom, 51 tot en met 100 van 500": the caption of a preview table. */
export function previewCaption(what: string, page: PreviewPage<unknown>): string {
  const n = (value: number) => value.toLocaleString("nl-NL");
  return `${what}, ${n(page.first)} tot en met ${n(page.last)} van ${n(page.total)}`;
}
