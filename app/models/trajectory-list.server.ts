import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { regions, trajectories, trajectorySignals } from "../../db/schema";
import { can } from "~/domain/permissions";
import type { ReportedOutcome, TrajectoryStatus } from "~/domain/trajectory-codes";
import { db } from "~/utils/db.server";
import { activeInYear } from "./active-in-year.server";
import type { Viewer } from "./trajectory.server";

// The lists of trajectories: the filtered list page, the running ones to link a signal to, those of one signal.

export type TrajectoryFilters = {
  status?: TrajectoryStatus;
  region?: string;
  reanalysis?: boolean;
  year?: number;
  outcome?: ReportedOutcome;
};

/** The same definitions as the year report's counts (report.server.ts), so a figure and its list agree. */
function outcomeCondition(outcome: ReportedOutcome): SQL {
  switch (outcome) {
    case "forces_bundled":
      return eq(trajectories.forcesBundled, true);
    case "joint_vision":
      return eq(trajectories.jointVision, true);
    case "cooperative_formed":
      return eq(trajectories.cooperativeFormed, true);
    case "contract_won":
      return eq(trajectories.contractWon, true);
    case "vision_adapted":
      return eq(trajectories.visionAdapted, true);
    case "municipalities_consulted":
      return sql`${trajectories.id} in (select trajectory_id from trajectory_municipalities where role = 'consulted')`;
    case "escalated":
      return sql`${trajectories.id} in (select trajectory_id from escalations)`;
  }
}

/** The list, scoped to what the user may see (advisers: their own trajectories only). */
export function listTrajectories(filters: TrajectoryFilters, user: Viewer) {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(trajectories.status, filters.status));
  if (filters.region) conditions.push(eq(trajectories.regionCode, filters.region));
  if (filters.reanalysis) conditions.push(eq(trajectories.needsReanalysis, true));
  if (filters.outcome) conditions.push(outcomeCondition(filters.outcome));
  if (filters.year) conditions.push(activeInYear(trajectories, filters.year));
  if (!can(user.roles, "trajectory.readAny")) conditions.push(assignedTo(user));
  return db()
    .select({
      id: trajectories.id,
      ref: trajectories.ref,
      regionCode: trajectories.regionCode,
      regionName: regions.name,
      startedOn: trajectories.startedOn,
      closedOn: trajectories.closedOn,
      status: trajectories.status,
      needsReanalysis: trajectories.needsReanalysis,
      strategicGoal: trajectories.strategicGoal,
    })
    .from(trajectories)
    .innerJoin(regions, eq(regions.code, trajectories.regionCode))
    .where(and(...conditions))
    .orderBy(desc(trajectories.startedOn), desc(trajectories.id))
    .all();
}

/** Trajectories the viewer is assigned to as adviser. */
export function assignedTo(viewer: Viewer): SQL {
  return sql`${trajectories.id} in (select trajectory_id from trajectory_advisers where user_id = ${viewer.id})`;
}

/** Running trajectories, to link a signal to from the signal's page. */
export function activeTrajectories() {
  return db()
    .select({ id: trajectories.id, regionName: regions.name, strategicGoal: trajectories.strategicGoal })
    .from(trajectories)
    .innerJoin(regions, eq(regions.code, trajectories.regionCode))
    .where(eq(trajectories.status, "active"))
    .orderBy(asc(regions.name), desc(trajectories.startedOn))
    .all();
}

export function trajectoriesOfSignal(signalId: number) {
  return db()
    .select({ id: trajectories.id, regionName: regions.name, startedOn: trajectories.startedOn })
    .from(trajectorySignals)
    .innerJoin(trajectories, eq(trajectories.id, trajectorySignals.trajectoryId))
    .innerJoin(regions, eq(regions.code, trajectories.regionCode))
    .where(eq(trajectorySignals.signalId, signalId))
    .all();
}
