// THE date rule of Rode Draad, for forms, imports and URLs alike. Dates are calendar days written YYYY-MM-DD, and
// "today" and "this year" are those of the Netherlands (Europe/Amsterdam), whatever time zone the server runs in:
// a UTC server would otherwise call a signal received at 00:30 Dutch time "in the future", and date a portal report
// sent just after midnight on 1 January in the previous year.
//
// A date is accepted when it is a day that exists, no earlier than FIRST_DATE, and
// - "past" (received, held, happened, started, closed): not after today;
// - "planned" (procurement milestones): at most PLANNING_YEARS years after today.
// Anything else is refused with a Dutch message. The range keeps nonsense such as 0000-01-01 or 2999-12-31 out of the
// year report, whose years then always lie between FIRST_YEAR and this year.
import { z } from "zod";

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Youth care moved to the municipalities in 2015; nothing Rode Draad records happened before 2000. */
export const FIRST_YEAR = 2000;
export const FIRST_DATE = `${FIRST_YEAR}-01-01`;
/** Procurement calendars reach a few years ahead (a contract start after a long tender), not decades. */
export const PLANNING_YEARS = 5;

export type DateKind = "past" | "planned";

/** Month names, also for dates shown to people (dates-nl.ts). */
export const MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

const DUTCH_DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date where the intermediary works, YYYY-MM-DD. */
export function todayInTheNetherlands(now: Date = new Date()): string {
  const parts = DUTCH_DAY.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** This year where the intermediary works. */
export function yearInTheNetherlands(now: Date = new Date()): number {
  return Number(todayInTheNetherlands(now).slice(0, 4));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for YYYY-MM-DD naming a day that exists (any year); the range is dateProblem's business. */
export function isCalendarDate(text: string): boolean {
  const parts = ISO_DATE.exec(text);
  if (!parts) return false;
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(parts[1]), month);
}

/** The same day `years` years later; 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = year + years;
  const clampedDay = Math.min(day, daysInMonth(target, month));
  return `${String(target).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(clampedDay).padStart(2, "0")}`;
}

/**
 * A calendar day as the Date a spreadsheet library uses for a date cell (exceljs reads and writes date serials as UTC
 * midnight), and back. Only for cells: "today" is todayInTheNetherlands.
 */
export function utcMidnightOf(date: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

export function dayOfUtcMidnight(cell: Date): string {
  return cell.toISOString().slice(0, 10);
}

/** The calendar day `days` days after `date` (negative: before). Calendar arithmetic, so no hour of a clock change is lost. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return dayOfUtcMidnight(new Date(Date.UTC(year, month - 1, day + days)));
}

/**
 * The first and last day of a year, YYYY-MM-DD. Something with a period (a trajectory) is active in a year when it
 * started on or before `last` and did not end before `first`.
 */
export function yearSpan(year: number): { first: string; last: string } {
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** The last date of `kind` accepted today. */
export function lastDate(kind: DateKind, today: string): string {
  return kind === "past" ? today : addYears(today, PLANNING_YEARS);
}

/**
 * Why `text` is not an acceptable date of `kind`, or undefined when it is. `today` is passed in (YYYY-MM-DD, Dutch
 * time) so that callers with a fixed clock, such as a whole CSV file checked against one day, get one answer.
 */
export function dateProblem(text: string, options: { kind: DateKind; today: string }): string | undefined {
  const parts = ISO_DATE.exec(text);
  if (!parts) return `Datum '${text}' moet de vorm JJJJ-MM-DD hebben`;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  if (month < 1 || month > 12) return `Maand ${parts[2]} bestaat niet`;
  if (day < 1 || day > daysInMonth(year, month)) return `${day} ${MONTHS[month - 1]} ${year} bestaat niet`;
  // Both are YYYY-MM-DD, so comparing the strings compares the dates.
  if (text < FIRST_DATE) return `Datum ${text} ligt vóór ${FIRST_YEAR}; zo'n oude datum kent Rode Draad niet`;
  if (options.kind === "past" && text > options.today) return `Datum ${text} ligt in de toekomst`;
  if (options.kind === "planned" && text > lastDate("planned", options.today)) {
    return `Datum ${text} ligt meer dan ${PLANNING_YEARS} jaar vooruit`;
  }
  return undefined;
}

/**
 * A date field of a form schema. The rule runs when the form is checked (not when the module loads), in the browser
 * and on the server alike, so a server that runs for weeks still knows what "today" is.
 */
export function dateField(kind: DateKind, requiredMessage: string) {
  return z.string({ required_error: requiredMessage }).superRefine((value, ctx) => {
    const problem = dateProblem(value, { kind, today: todayInTheNetherlands() });
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${problem}.` });
  });
}

/** Years for which something can have happened: from FIRST_YEAR up to and including this year. */
export function isRecordedYear(year: number, today: string = todayInTheNetherlands()): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= Number(today.slice(0, 4));
}

/** A year from a URL segment or query ("2021"); null for anything else, so routes answer 404 rather than guess. */
export function parseYear(text: string | null | undefined, today?: string): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return isRecordedYear(year, today) ? year : null;
}

const DUTCH_DATE = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/;

/**
 * A date cell of an import: YYYY-MM-DD, or the day-month-year that Dutch Excel writes (15-03-2025, 5-3-2025; also with
 * '/'), checked by dateProblem under the same `kind` rule. Gives the date as YYYY-MM-DD, or why it is not accepted.
 */
export function readImportDate(text: string, options: { kind: DateKind; today: string }): { date: string } | { problem: string } {
  const dutch = DUTCH_DATE.exec(text);
  const iso = dutch ? `${dutch[3]}-${(dutch[2] ?? "").padStart(2, "0")}-${(dutch[1] ?? "").padStart(2, "0")}` : text;
  if (!ISO_DATE.test(iso)) return { problem: `Datum '${text}' moet de vorm DD-MM-JJJJ of JJJJ-MM-DD hebben` };
  const problem = dateProblem(iso, options);
  return problem === undefined ? { date: iso } : { problem };
}
