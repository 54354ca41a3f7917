import { asc, eq } from "drizzle-orm";
import { useTempDatabase } from "../../../test/unit/temp-database";
import { escalations, municipalities, regions, signals, signalTriggers, trajectories, trajectoryMunicipalities } from "../../../db/schema";
import { CHANNELS, STATUSES, type Phase, type Trigger } from "~/domain/signal-codes";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";

/** The database the year-report tests count in (report.server.test.ts, report-trajectories.server.test.ts). */
type NewSignal = typeof signals.$inferInsert;

export const base = {
  channel: "email",
  requesterType: "provider",
  referredBy: "direct",
  regionCode: "JZ01",
  topic: "strategy_advice",
  procurementPhase: "running_tender",
  procedure: "unknown",
  funding: "unknown",
  status: "new",
} satisfies Omit<NewSignal, "receivedOn">;

/**
 * 343 signals in 2021 built to give DESIGN.md's reference figures (336 tender-related, 292 providers, 274 strategy
 * advice, …), spread over all months, regions, channels, statuses, with the first and the last day of the year.
 */
function signals2021(): { rows: NewSignal[]; triggers: { signalId: number; trigger: Trigger }[] } {
  const rows: NewSignal[] = [];
  const triggers: { signalId: number; trigger: Trigger }[] = [];
  for (let i = 0; i < 343; i++) {
    const id = i + 1;
    const month = (i % 12) + 1;
    const day = i === 11 ? 31 : ((i * 7) % 28) + 1;
    const tenderPhases: Phase[] = ["upcoming_tender", "running_tender", "contracting"];
    rows.push({
      ...base,
      id,
      receivedOn: `2021-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      channel: CHANNELS[i % CHANNELS.length] ?? "other",
      requesterType: i < 292 ? "provider" : "municipality",
      regionCode: ["JZ01", "JZ02", "JZ17"][i % 3] ?? "JZ01",
      topic: i < 274 ? "strategy_advice" : i < 308 ? "quality_admission" : i < 325 ? "gdpr" : "contract_change",
      procurementPhase: i < 336 ? (tenderPhases[i % 3] ?? "contracting") : i % 2 === 0 ? "running_contract" : "none",
      status: STATUSES[i % STATUSES.length] ?? "new",
    });
    if (i % 4 === 0) triggers.push({ signalId: id, trigger: "provider_reduction" }, { signalId: id, trigger: "legal_or_funding_change" });
    if (i % 4 === 1) triggers.push({ signalId: id, trigger: "stricter_requirements" });
  }
  return { rows, triggers };
}

export const generated = signals2021();

function seedSignals(): void {
  db().transaction((tx) => {
    // JZ43 leaves the region table: it should show only in a year whose signals name it.
    tx.update(regions).set({ active: false }).where(eq(regions.code, "JZ43")).run();
    tx.insert(signals).values(generated.rows).run();
    tx.insert(signalTriggers).values(generated.triggers).run();
    tx.insert(signals)
      .values([
        { ...base, id: 1001, receivedOn: "2020-12-31", topic: "gdpr" },
        { ...base, id: 1002, receivedOn: "2022-01-01", status: "closed", requesterType: "municipality", channel: "phone" },
        { ...base, id: 1003, receivedOn: "2022-03-15", status: "in_trajectory", procurementPhase: "running_contract", regionCode: "JZ02" },
        { ...base, id: 1004, receivedOn: "2022-12-31", status: "answered", procurementPhase: "none", topic: "other", regionCode: "JZ43" },
        { ...base, id: 1005, receivedOn: "2023-01-01", procurementPhase: "upcoming_tender" },
      ])
      .run();
    tx.insert(signalTriggers)
      .values([
        { signalId: 1001, trigger: "admin_burden" },
        { signalId: 1002, trigger: "provider_reduction" },
        { signalId: 1002, trigger: "admin_burden" },
        { signalId: 1003, trigger: "admin_burden" },
        { signalId: 1003, trigger: "other" },
        { signalId: 1005, trigger: "provider_reduction" },
      ])
      .run();
  });
}

type NewTrajectory = typeof trajectories.$inferInsert;
type Escalation = { legal?: boolean; council?: boolean; publicity?: boolean };
type Links = { consulted?: string[]; involved?: string[]; escalations?: Escalation[] };

/** Inserts a trajectory with its municipalities and escalations, as the app stores them. */
export function insertTrajectory(fields: Pick<NewTrajectory, "regionCode" | "startedOn"> & Partial<NewTrajectory>, links: Links = {}): number {
  const database = db();
  const { id } = database
    .insert(trajectories)
    .values({ strategicGoal: "Behoud van de vrijgevestigden", createdAt: "2021-11-01T09:00:00Z", ...fields })
    .returning({ id: trajectories.id })
    .get();
  const municipalityRows = [
    ...(links.consulted ?? []).map((municipalityCode) => ({ trajectoryId: id, municipalityCode, role: "consulted" as const })),
    ...(links.involved ?? []).map((municipalityCode) => ({ trajectoryId: id, municipalityCode, role: "involved" as const })),
  ];
  if (municipalityRows.length > 0) database.insert(trajectoryMunicipalities).values(municipalityRows).run();
  const escalationRows = (links.escalations ?? []).map((escalation) => ({
    trajectoryId: id,
    happenedOn: fields.startedOn,
    ...escalation,
  }));
  if (escalationRows.length > 0) database.insert(escalations).values(escalationRows).run();
  return id;
}

/** The first `n` municipality codes of a region, from the shipped reference data. */
function municipalitiesOf(regionCode: string, n: number): string[] {
  const codes = db()
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.regionCode, regionCode))
    .orderBy(asc(municipalities.code))
    .limit(n)
    .all()
    .map((row) => row.code);
  if (codes.length < n) throw new Error(`test data: region ${regionCode} has fewer than ${n} municipalities`);
  return codes;
}

export const region = (i: number) => `JZ${String(i + 1).padStart(2, "0")}`;

/**
 * Fourteen trajectories active in 2021, one in each of JZ01…JZ14, giving DESIGN.md's 2021 figures; plus two that are
 * not active in 2021 but carry every outcome, so a leak shows. None runs into 2019 or past 2022, so the 2024-2027
 * trajectories below are counted on their own.
 */
function trajectories2021(): void {
  for (let i = 0; i < 14; i++) {
    const regionCode = region(i);
    const consulted =
      i === 1 ? municipalitiesOf(regionCode, 4) : i === 3 ? municipalitiesOf(regionCode, 3) : i === 4 ? municipalitiesOf(regionCode, 2) : i === 6 ? municipalitiesOf(regionCode, 1) : [];
    insertTrajectory(
      {
        regionCode,
        // JZ01 from mid-2020 to 1 January 2021; JZ14 from 31 December 2021; the others in November-December.
        startedOn: i === 0 ? "2020-06-01" : i === 13 ? "2021-12-31" : `2021-${i % 2 === 0 ? "11" : "12"}-${String(i + 1).padStart(2, "0")}`,
        // Four end on 20 December 2021, the others run into 2022.
        closedOn: i === 0 ? "2021-01-01" : i === 13 ? "2022-02-01" : i % 3 === 1 ? "2021-12-20" : "2022-03-31",
        status: i % 4 === 3 ? "stopped" : "completed",
        forcesBundled: i !== 13,
        jointVision: i < 11,
        cooperativeFormed: i === 0 || i === 1,
        contractWon: i === 0,
        contractsAwardedTotal: i === 0 ? 15 : null,
        visionAdapted: i >= 2 && i <= 9,
        providersInvolved: 10 + i,
      },
      {
        consulted,
        // In JZ02 a consulted municipality is also involved: two rows, one municipality heard.
        involved: i === 1 ? municipalitiesOf(regionCode, 5) : i === 0 ? municipalitiesOf(regionCode, 3) : [],
        // JZ03 escalated twice (legal both times), JZ06 to the council, JZ07 with publicity and once without a type.
        escalations: i === 2 ? [{ legal: true }, { legal: true }] : i === 5 ? [{ council: true }] : i === 6 ? [{ publicity: true }, {}] : [],
      },
    );
  }
  const everything = {
    forcesBundled: true,
    jointVision: true,
    cooperativeFormed: true,
    contractWon: true,
    contractsAwardedTotal: 100,
    visionAdapted: true,
    status: "completed",
  } as const;
  const links = (regionCode: string): Links => ({
    consulted: municipalitiesOf(regionCode, 2),
    escalations: [{ legal: true, council: true, publicity: true }],
  });
  // Closed the year before; started the year after.
  insertTrajectory({ ...everything, regionCode: "JZ01", startedOn: "2020-01-01", closedOn: "2020-05-31" }, links("JZ01"));
  insertTrajectory({ ...everything, regionCode: "JZ16", startedOn: "2022-01-01", closedOn: "2022-06-30" }, links("JZ16"));
}

/**
 * Year edges, 2024-2027. Each trajectory's contracts_awarded_total is a power of two, so the sum names exactly which
 * trajectories a year counted: A=1, B=2, C=4, D=8, E=16.
 */
function trajectoriesAtTheEdges(): { m: string[]; b: string } {
  const m = municipalitiesOf("JZ14", 3);
  const [b = ""] = municipalitiesOf("JZ07", 1);
  const cooperative = { cooperativeFormed: true, status: "completed" } as const;
  // A: started on 31 December 2024, into 2025. Consults m0 and m1; escalated legal + council in one go.
  insertTrajectory(
    { ...cooperative, regionCode: "JZ14", startedOn: "2024-12-31", closedOn: "2025-01-10", contractsAwardedTotal: 1 },
    { consulted: [m[0] ?? "", m[1] ?? ""], escalations: [{ legal: true, council: true }] },
  );
  // B: closed on 1 January 2025. Publicity twice, later legal.
  insertTrajectory(
    { ...cooperative, regionCode: "JZ07", startedOn: "2024-03-01", closedOn: "2025-01-01", contractsAwardedTotal: 2 },
    { consulted: [b], escalations: [{ publicity: true }, { publicity: true }, { legal: true }] },
  );
  // C: still open since mid-2025.
  insertTrajectory({ cooperativeFormed: true, regionCode: "JZ12", startedOn: "2025-06-01", contractsAwardedTotal: 4 });
  // D: all of 2024 in the same region as A, consulting m0 again (and m2); an escalation without a type.
  insertTrajectory(
    { ...cooperative, regionCode: "JZ14", startedOn: "2024-01-01", closedOn: "2024-12-31", contractsAwardedTotal: 8 },
    { consulted: [m[0] ?? "", m[2] ?? ""], involved: [m[0] ?? ""], escalations: [{}] },
  );
  // E: only in 2026, stopped.
  insertTrajectory({ cooperativeFormed: true, status: "stopped", regionCode: "JZ12", startedOn: "2026-01-01", closedOn: "2026-02-01", contractsAwardedTotal: 16 });
  return { m, b };
}

/**
 * A fresh database with DESIGN.md's 2021 signals and trajectories, the days around the year's edges and a region that
 * left the table; returns the municipalities and region of the edge cases.
 */
export function seedReportDatabase(): { m: string[]; b: string } {
  useTempDatabase();
  prepareDatabase();
  seedSignals();
  return db().transaction(() => {
    trajectories2021();
    return trajectoriesAtTheEdges();
  });
}

export function tally<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
