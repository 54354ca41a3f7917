/**
 * Dates as people read them, one notation everywhere: "1 december 2026", "1 dec. 2026", "1 dec. 2026, 22:03".
 * ISO stays in machine files (CSV, JSON) and in form fields. Timestamps are shown in Dutch time; a calendar date
 * ("2026-12-01") is shown as it is, without a time zone. Month names come from our own table rather than from Intl,
 * so server and browser (with different ICU versions) render the same text and hydration agrees.
 *
 * Display only: what "today" is and which dates are accepted is the date rule of dates.ts.
 */
import { MONTHS } from "./dates";

const SHORT_MONTHS = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];

const AMSTERDAM = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

type Parts = { year: number; month: number; day: number; hour?: number; minute?: number };

function partsOf(value: string): Parts | undefined {
  const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (calendar) return { year: Number(calendar[1]), month: Number(calendar[2]), day: Number(calendar[3]) };
  const instant = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(instant.getTime())) return undefined;
  const parts = AMSTERDAM.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

/** "1 december 2026"; a value that is not a date is returned unchanged. */
export function formatDate(value: string): string {
  const p = partsOf(value);
  return p ? `${p.day} ${MONTHS[p.month - 1]} ${p.year}` : value;
}

/** "1 dec. 2026": for tables and lists. */
export function formatShortDate(value: string): string {
  const p = partsOf(value);
  return p ? `${p.day} ${SHORT_MONTHS[p.month - 1]} ${p.year}` : value;
}

/** "1 dec. 2026, 22:03" in Dutch time; a calendar date gets no time. */
export function formatDateTime(value: string): string {
  const p = partsOf(value);
  if (!p) return value;
  const date = `${p.day} ${SHORT_MONTHS[p.month - 1]} ${p.year}`;
  return p.hour === undefined ? date : `${date}, ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}
