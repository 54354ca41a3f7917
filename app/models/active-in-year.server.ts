import { and, gte, isNull, lte, or, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { yearSpan } from "~/domain/dates";

/**
 * A trajectory counts in every year in which it was active for at least one day: started on or before 31 December
 * and not closed before 1 January. The report and the trajectory list's year filter share it, so a trajectory the
 * report counts for a year is the one the list shows for it. Plain comparisons on the text columns, so SQLite can use
 * trajectories_period_idx.
 */
export function activeInYear(trajectory: { startedOn: AnySQLiteColumn; closedOn: AnySQLiteColumn }, year: number): SQL {
  const { first, last } = yearSpan(year);
  const startsBy = lte(trajectory.startedOn, last);
  const runsInto = or(isNull(trajectory.closedOn), gte(trajectory.closedOn, first));
  return and(startsBy, runsInto) ?? startsBy;
}
