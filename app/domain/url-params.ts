import { z } from "zod";

/**
 * Numbers in URLs. A parameter that names a record (an id, a version number) is digits only, at most nine of them
 * (so it stays an exact integer far below SQLite's limit): anything else names nothing, and the route answers 404.
 * A page number of a list is a filter like the others: a value that makes no sense is dropped (page 1), and no page
 * number reaches the database as an offset it cannot take (1e308 once did).
 */
const RECORD_NUMBER = /^[1-9]\d{0,8}$/;

/** The record number in `text`, or null when it is not one. */
export function recordNumber(text: string | null | undefined): number | null {
  return text && RECORD_NUMBER.test(text) ? Number(text) : null;
}

export const MAX_PAGE = 100_000;

export const pageParam = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);
