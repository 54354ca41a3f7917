import { asc, eq, sql } from "drizzle-orm";
import { municipalities, regions, signals, trajectories } from "../../db/schema";
import { DEMO_ACCOUNTS } from "~/demo/accounts";
import { demoDataset, signalsCsv, trajectoriesCsv, type DemoDataset } from "~/demo/dataset";
import type { DemoRegion } from "~/demo/signals";
import { DomainError } from "~/domain/errors";
import { todayInTheNetherlands } from "~/domain/dates";
import { STEPS, type Step } from "~/domain/trajectory-codes";
import type { StepActionCode } from "~/domain/trajectory-workflow";
import { db } from "~/utils/db.server";
import { hashPassword, passwordProblem } from "~/utils/password.server";
import { audit, type Actor } from "./audit.server";
import { addContact, saveMilestone } from "./procurement.server";
import { submitPortalSignal } from "./portal.server";
import { importSignals } from "./signal-import.server";
import { importTrajectories } from "./trajectory-import.server";
import { addStepNote, applyStepAction, createTrajectory, linkSignal } from "./trajectory.server";
import { revisePlan } from "./trajectory-plan.server";
import { emailTaken, insertUser } from "./user.server";

export type DemoSeedResult = { signals: number; trajectories: number; accountsCreated: string[] };

/** Signals or trajectories already there would mix with the demo's and spoil its figures. */
export function holdsCaseData(): boolean {
  const any = (table: typeof signals | typeof trajectories) => db().select({ one: sql`1` }).from(table).limit(1).get() !== undefined;
  return any(signals) || any(trajectories);
}

function assertEmpty(): void {
  if (holdsCaseData()) {
    throw new DomainError(
      "DEMO.NOT_EMPTY",
      "Deze database bevat al signalen of trajecten. De demodata worden alleen in een lege database gezet, zodat echte en verzonnen cijfers nooit door elkaar lopen. Kies met DATABASE_PATH een nieuw bestand.",
    );
  }
}

/** The active region table, as the dataset draws from it. */
function referenceRegions(): DemoRegion[] {
  const rows = db()
    .select({ code: regions.code, name: regions.name, municipalityCode: municipalities.code, municipalityName: municipalities.name })
    .from(regions)
    .leftJoin(municipalities, sql`${municipalities.regionCode} = ${regions.code} and ${municipalities.active} = 1`)
    .where(eq(regions.active, true))
    .orderBy(asc(regions.code), asc(municipalities.code))
    .all();
  const byCode = new Map<string, DemoRegion & { municipalities: { code: string; name: string }[] }>();
  for (const row of rows) {
    const region = byCode.get(row.code) ?? { code: row.code, name: row.name, municipalities: [] };
    byCode.set(row.code, region);
    if (row.municipalityCode && row.municipalityName) region.municipalities.push({ code: row.municipalityCode, name: row.municipalityName });
  }
  return [...byCode.values()];
}

/** A closed 2021 trajectory: the steps it went through, as the intermediary would have ticked them off. */
function closedTrajectorySteps(escalated: boolean, completed: boolean): [Step, StepActionCode][] {
  return STEPS.map((step): [Step, StepActionCode] => {
    if (step === "support_escalation") return [step, escalated ? "finish" : "skip"];
    if (step === "sharing") return [step, completed ? "finish" : "skip"];
    return [step, "finish"];
  });
}

const RUNNING_STEPS: [Step, StepActionCode][] = [
  ["situation", "finish"],
  ["analysis", "finish"],
  ["scenarios", "start"],
  ["plan", "start"],
  ["talks", "start"],
  ["monitoring", "start"],
];

function writeDataset(dataset: DemoDataset, actor: Actor): void {
  const { batchId } = importSignals(signalsCsv(dataset), "demo-signalen.csv", actor);
  // One insert after another in file order, so the batch's ids follow the dataset's order.
  const signalIds = db().select({ id: signals.id }).from(signals).where(eq(signals.importBatchId, batchId)).orderBy(asc(signals.id)).all().map((r) => r.id);
  const signalId = (index: number): number => {
    const id = signalIds[index];
    if (id === undefined) throw new Error(`demo: no signal at index ${index}`);
    return id;
  };

  importTrajectories(trajectoriesCsv(dataset), "demo-trajecten.csv", actor);
  const trajectoryIds = new Map(db().select({ id: trajectories.id, ref: trajectories.ref }).from(trajectories).all().map((t) => [t.ref, t.id]));
  for (const record of dataset.trajectories) {
    const id = trajectoryIds.get(record.ref);
    if (id === undefined) throw new Error(`demo: trajectory ${record.ref} missing after import`);
    for (const [step, action] of closedTrajectorySteps(record.escalationTypes.length > 0, record.status === "completed")) {
      applyStepAction(id, step, action, actor);
    }
  }
  for (const link of dataset.links) {
    const id = trajectoryIds.get(link.ref);
    if (id !== undefined) linkSignal(id, signalId(link.signal), actor);
  }

  const { running } = dataset;
  const [firstLinked, ...otherLinked] = running.linkedSignals;
  const runningId = createTrajectory(
    {
      regionCode: running.regionCode,
      municipalities: running.municipalities,
      associations: running.associations,
      providersInvolved: running.providersInvolved,
      strategicGoal: running.strategicGoal,
      startedOn: running.startedOn,
      signalId: firstLinked === undefined ? undefined : signalId(firstLinked),
    },
    actor,
  );
  for (const index of otherLinked) linkSignal(runningId, signalId(index), actor);
  for (const [step, action] of RUNNING_STEPS) applyStepAction(runningId, step, action, actor);
  addStepNote(runningId, "analysis", running.analysisNote, actor);
  const [firstPlan, ...revisions] = running.plan;
  if (firstPlan) revisePlan(runningId, firstPlan, actor);
  // The published documents call for a re-analysis, which the revised plan then answers.
  for (const milestone of running.milestones) saveMilestone({ regionCode: running.regionCode, ...milestone }, actor);
  for (const revision of revisions) revisePlan(runningId, revision, actor);
  addContact(runningId, { kind: "region", ...running.talk }, actor);

  for (const report of dataset.portal) submitPortalSignal(report);
}

/**
 * Fills an empty database with the demo dataset and the demo accounts, in one transaction: all of it or nothing.
 * Everything is written through the models the app itself uses, so confidential text is sealed as the app seals it
 * and the audit log records each step; one last entry marks the whole as demo data.
 */
export async function seedDemo(actor: Actor): Promise<DemoSeedResult> {
  assertEmpty();
  const newAccounts = DEMO_ACCOUNTS.filter((account) => !emailTaken(account.email));
  const hashed = await Promise.all(
    newAccounts.map(async (account) => {
      const problem = passwordProblem(account.password, account.email);
      if (problem) throw new Error(`demo: password of ${account.email} refused: ${problem}`);
      return { ...account, passwordHash: await hashPassword(account.password) };
    }),
  );
  const dataset = demoDataset(referenceRegions(), todayInTheNetherlands());
  return db().transaction((tx) => {
    // Checked again inside the transaction: someone may have written while the passwords were hashed.
    assertEmpty();
    for (const account of hashed) {
      const id = insertUser(tx, { email: account.email, name: account.name, roles: account.roles, passwordHash: account.passwordHash, mustChangePassword: false });
      audit(actor, "user.created", { type: "user", id }, { roles: account.roles }, tx);
    }
    writeDataset(dataset, actor);
    const result = {
      signals: dataset.signals.length + dataset.portal.length,
      trajectories: dataset.trajectories.length + 1,
      accountsCreated: hashed.map((account) => account.email),
    };
    audit(actor, "demo.seeded", null, { signals: result.signals, trajectories: result.trajectories }, tx);
    return result;
  });
}
