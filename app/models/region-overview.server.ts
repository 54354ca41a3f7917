import { and, asc, desc, eq, sql } from "drizzle-orm";
import { regions, signals, trajectories } from "../../db/schema";
import { can } from "~/domain/permissions";
import { db } from "~/utils/db.server";
import { counted } from "./counted-signals.server";
import { assignedTo } from "./trajectory-list.server";
import type { Viewer } from "./trajectory.server";

/** Any region for the intermediary; for an adviser a region in which they have a trajectory they may see. */
export function mayOpenRegion(code: string, viewer: Viewer): boolean {
  if (can(viewer.roles, "region.readAny")) return true;
  if (!can(viewer.roles, "region.readOwn")) return false;
  const own = db().select({ id: trajectories.id }).from(trajectories).where(and(eq(trajectories.regionCode, code), assignedTo(viewer))).get();
  return own !== undefined;
}

/**
 * The region page as far as the viewer may see it (permissions.ts): the region's trajectories they may open, and its
 * signals per year (counts only, never text) for the intermediary alone; `signalsPerYear` is null for others.
 */
export function regionOverview(code: string, viewer: Viewer) {
  const region = db().select().from(regions).where(eq(regions.code, code)).get();
  if (!region) return undefined;
  const signalsPerYear = can(viewer.roles, "region.readSignalCounts")
    ? db()
        .select({ year: sql<string>`substr(${signals.receivedOn}, 1, 4)`, count: sql<number>`count(*)` })
        .from(signals)
        .where(and(counted, eq(signals.regionCode, code)))
        .groupBy(sql`1`)
        .orderBy(desc(sql`1`))
        .all()
    : null;
  const trajectoryRows = db()
    .select({ id: trajectories.id, startedOn: trajectories.startedOn, closedOn: trajectories.closedOn, status: trajectories.status, strategicGoal: trajectories.strategicGoal, needsReanalysis: trajectories.needsReanalysis })
    .from(trajectories)
    .where(and(eq(trajectories.regionCode, code), can(viewer.roles, "trajectory.readAny") ? undefined : assignedTo(viewer)))
    .orderBy(asc(trajectories.startedOn))
    .all();
  return { region, signalsPerYear, trajectories: trajectoryRows };
}
