import { addDays, todayInTheNetherlands } from "./dates";

/** A first run reads this many days back; later runs start where the last run left off. */
export const FIRST_RUN_DAYS = 30;

/**
 * The publication days a run reads: from `since` when given, else from the first day not yet complete (counted from
 * the first day the monitor ever read), through today. Today is read but never complete: more may still be published.
 */
export function daysToRead(input: { today: string; firstDay: string | null; completeDays: ReadonlySet<string>; since?: string }): string[] {
  let start = input.since ?? input.firstDay ?? addDays(input.today, -FIRST_RUN_DAYS);
  if (!input.since) while (start < input.today && input.completeDays.has(start)) start = addDays(start, 1);
  const days: string[] = [];
  for (let d = start; d <= input.today; d = addDays(d, 1)) days.push(d);
  return days;
}

/** A day is complete when it is over and the list gave every row it announced. */
export function dayIsComplete(day: string, today: string, received: number, totalElements: number): boolean {
  return day < today && received >= totalElements;
}

/** The daily run: once per Dutch calendar day, from 06:00 on (the schedule looks every hour). */
export function dailyRunDue(lastRunStartedAt: string | null, now: Date): boolean {
  const hour = Number(new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: "Europe/Amsterdam" }).format(now));
  if (hour < 6) return false;
  return !lastRunStartedAt || todayInTheNetherlands(new Date(lastRunStartedAt)) < todayInTheNetherlands(now);
}
