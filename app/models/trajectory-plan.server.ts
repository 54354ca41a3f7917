import { desc, eq, sql } from "drizzle-orm";
import { planVersions, trajectories, users } from "../../db/schema";
import { db } from "~/utils/db.server";
import { audit, type Actor } from "./audit.server";
import { sealRequired, unsealRequired } from "./sealed.server";
import { event, requireTrajectory } from "./trajectory.server";

// The plan of approach (step 4): numbered versions, sealed, each with its reason; compared in the plan page.

function now(): string {
  return new Date().toISOString();
}

/** A new plan version; recording one also settles a pending re-analysis, which is what it answers. */
export function revisePlan(trajectoryId: number, input: { body: string; reason: string }, actor: Actor): number {
  const trajectory = requireTrajectory(trajectoryId);
  return db().transaction((tx) => {
    const last = tx.select({ v: sql<number>`coalesce(max(${planVersions.version}), 0)` }).from(planVersions).where(eq(planVersions.trajectoryId, trajectoryId)).get()?.v ?? 0;
    tx.insert(planVersions)
      .values({ trajectoryId, version: last + 1, at: now(), authorId: actor.userId, reason: input.reason, bodySealed: sealRequired(input.body, "plan") })
      .run();
    event(tx, trajectoryId, actor, "plan_revised", "plan", { version: last + 1 });
    if (trajectory.needsReanalysis) {
      tx.update(trajectories).set({ needsReanalysis: false }).where(eq(trajectories.id, trajectoryId)).run();
      event(tx, trajectoryId, actor, "reanalysis_done", "plan", { version: last + 1 });
    }
    audit(actor, "trajectory.plan_revised", { type: "trajectory", id: trajectoryId }, { version: last + 1 }, tx);
    return last + 1;
  });
}

export function planHistory(trajectoryId: number) {
  return db()
    .select({ id: planVersions.id, version: planVersions.version, at: planVersions.at, reason: planVersions.reason, author: users.name, bodySealed: planVersions.bodySealed })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.authorId))
    .where(eq(planVersions.trajectoryId, trajectoryId))
    .orderBy(desc(planVersions.version))
    .all()
    .map(({ bodySealed, ...version }) => ({ ...version, body: unsealRequired(bodySealed, "plan") }));
}

/** The current plan of approach (the latest version), or null before the first. */
export function currentPlan(trajectoryId: number): { version: number; at: string; body: string } | null {
  const row = db()
    .select({ version: planVersions.version, at: planVersions.at, bodySealed: planVersions.bodySealed })
    .from(planVersions)
    .where(eq(planVersions.trajectoryId, trajectoryId))
    .orderBy(desc(planVersions.version))
    .limit(1)
    .get();
  return row ? { version: row.version, at: row.at, body: unsealRequired(row.bodySealed, "plan") } : null;
}
