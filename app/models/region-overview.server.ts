import { asc, desc, eq, sql } from "drizzle-orm";
import { regions, signals, trajectories } from "../../db/schema";
import { db } from "~/utils/db.server";

/** The region page: signals per year (counts only) and the region's trajectories. */
export function regionOverview(code: string) {
  const region = db().select().from(regions).where(eq(regions.code, code)).get();
  if (!region) return undefined;
  const signalsPerYear = db()
    .select({ year: sql<string>`substr(${signals.receivedOn}, 1, 4)`, count: sql<number>`count(*)` })
    .from(signals)
    .where(eq(signals.regionCode, code))
    .groupBy(sql`1`)
    .orderBy(desc(sql`1`))
    .all();
  const trajectoryRows = db()
    .select({ id: trajectories.id, startedOn: trajectories.startedOn, closedOn: trajectories.closedOn, status: trajectories.status, strategicGoal: trajectories.strategicGoal, needsReanalysis: trajectories.needsReanalysis })
    .from(trajectories)
    .where(eq(trajectories.regionCode, code))
    .orderBy(asc(trajectories.startedOn))
    .all();
  return { region, signalsPerYear, trajectories: trajectoryRows };
}
