import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_LIMIT, runCli } from "./run-cli";
import { DEMO_ACCOUNTS } from "~/demo/accounts";
import { DomainError } from "~/domain/errors";
import type { YearReport } from "~/domain/report";
import { seedDemo } from "~/models/demo-seed.server";
import { yearReport } from "~/models/report.server";
import { findLoginCandidate } from "~/models/user.server";
import { prepareDatabase } from "~/boot.server";
import { closeDb, db } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import { useTempDatabase } from "./temp-database";
import { TRAJECTORIES_REPORT_2021 } from "~/domain/__fixtures__/report-2021";

const ACTOR = { userId: null, clientAddress: "test" };
const CURRENT_YEAR = new Date().getFullYear();

/** What a seed leaves behind that must not depend on the run: every year's report and every signal's codes. */
function snapshot() {
  const reports = [2020, 2021, 2022, CURRENT_YEAR].map((year) => yearReport(year));
  const signals = db().all(
    sql`select received_on, channel, requester_type, referred_by, region_code, municipality_code, association, topic, procurement_phase,
          procedure, funding, segment, status, (select group_concat(t.trigger) from signal_triggers t where t.signal_id = s.id) as triggers
        from signals s where s.receipt_hash is null order by s.id`,
  );
  const trajectories = db().all(sql`select ref, region_code, started_on, closed_on, status, strategic_goal from trajectories order by id`);
  return { reports, signals, trajectories };
}

function rowCounts(): Record<string, number> {
  const tables = ["signals", "trajectories", "users", "audit_log", "import_batches", "trajectory_signals", "plan_versions"];
  return Object.fromEntries(tables.map((table) => [table, db().get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))?.n ?? -1]));
}

describe("demo seed", () => {
  let first: ReturnType<typeof snapshot>;
  let report2021: YearReport;

  beforeAll(async () => {
    useTempDatabase();
    prepareDatabase();
    await seedDemo(ACTOR);
    first = snapshot();
    report2021 = yearReport(2021);
  }, CLI_TEST_LIMIT);

  it("reproduces every reference figure of the 2021 report exactly", () => {
    const { signals, trajectories } = report2021;
    expect(signals.total).toBe(343);
    expect(signals.tenderRelated).toEqual({ count: 336, share: 0.98 });
    expect(signals.byRequesterType.provider).toEqual({ count: 292, share: 0.85 });
    expect(signals.byRequesterType.municipality).toEqual({ count: 51, share: 0.15 });
    expect(signals.byTopic.strategy_advice).toEqual({ count: 274, share: 0.8 });
    expect(signals.byTopic.quality_admission).toEqual({ count: 34, share: 0.1 });
    expect(signals.byTopic.gdpr).toEqual({ count: 17, share: 0.05 });
    expect(signals.byTopic.contract_change).toEqual({ count: 18, share: 0.05 });
    expect(signals.byPhase.running_contract.count + signals.byPhase.none.count).toBe(7);
    expect(trajectories).toEqual(TRAJECTORIES_REPORT_2021);
  });

  it("spreads the 2021 questions over the year, busier in the autumn, and over channels and regions", () => {
    const months = report2021.signals.byMonth.map((m) => m.count);
    expect(months.every((count) => count > 0)).toBe(true);
    expect(months[10]).toBeGreaterThan(months[6] ?? 0);
    expect(Object.values(report2021.signals.byChannel).filter((cell) => cell.count > 0).length).toBeGreaterThanOrEqual(3);
    expect(Object.values(report2021.signals.byRegion).filter((cell) => cell.count > 0).length).toBeGreaterThanOrEqual(30);
    expect(Object.values(report2021.signals.byTrigger).every((cell) => cell.count > 0)).toBe(true);
  });

  it("keeps every trajectory municipality inside its trajectory's region", () => {
    const outside = db().get<{ n: number }>(
      sql`select count(*) as n from trajectory_municipalities tm join trajectories t on t.id = tm.trajectory_id
          join municipalities m on m.code = tm.municipality_code where m.region_code <> t.region_code`,
    );
    expect(outside?.n).toBe(0);
  });

  it("has a previous year to compare with, and a current year with questions and one running trajectory", () => {
    expect(yearReport(2020).signals.total).toBeGreaterThan(200);
    const current = yearReport(CURRENT_YEAR);
    expect(current.signals.total).toBeGreaterThanOrEqual(30);
    expect(current.signals.byChannel.portal.count).toBe(2);
    expect(current.trajectories.total).toBe(1);
    const statuses = db().all<{ status: string }>(sql`select distinct status from signals where received_on >= ${`${CURRENT_YEAR}-01-01`}`).map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(["new", "in_progress", "in_trajectory"]));
    const running = db().get<{ id: number; closed_on: string | null; needs_reanalysis: number }>(sql`select id, closed_on, needs_reanalysis from trajectories where status = 'active'`);
    expect(running?.closed_on).toBeNull();
    expect(running?.needs_reanalysis).toBe(0);
    const detail = db().get<{ plans: number; talks: number; linked: number; busy: number }>(
      sql`select (select count(*) from plan_versions where trajectory_id = ${running?.id}) as plans,
                 (select count(*) from trajectory_contacts where trajectory_id = ${running?.id}) as talks,
                 (select count(*) from trajectory_signals where trajectory_id = ${running?.id}) as linked,
                 (select count(*) from trajectory_steps where trajectory_id = ${running?.id} and state in ('active', 'done')) as busy`,
    );
    expect(detail).toEqual({ plans: 2, talks: 1, linked: 2, busy: 6 });
  });

  it("links the signals marked 'in traject' to a trajectory", () => {
    const unlinked = db().get<{ n: number }>(
      sql`select count(*) as n from signals where status = 'in_trajectory' and id not in (select signal_id from trajectory_signals)`,
    );
    expect(unlinked?.n).toBe(0);
    expect(db().get<{ n: number }>(sql`select count(*) as n from trajectory_signals`)?.n).toBeGreaterThan(10);
  });

  it("creates the demo accounts with their printed passwords, not to be changed at first login", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const candidate = findLoginCandidate(account.email);
      expect(candidate?.user.roles).toEqual(account.roles);
      expect(candidate?.user.mustChangePassword).toBe(false);
      expect(await verifyPassword(candidate?.passwordHash ?? "", account.password)).toBe(true);
    }
  });

  it("seals the summaries and marks the seed in the audit log", () => {
    const plain = db().get<{ n: number }>(sql`select count(*) as n from signals where summary_sealed is not null and summary_sealed not like 'v1.%'`);
    expect(plain?.n).toBe(0);
    expect(db().get<{ n: number }>(sql`select count(*) as n from audit_log where action = 'demo.seeded'`)?.n).toBe(1);
  });

  it("refuses a second seed into the same database and changes nothing", async () => {
    const before = rowCounts();
    await expect(seedDemo(ACTOR)).rejects.toThrow(DomainError);
    await expect(seedDemo(ACTOR)).rejects.toThrow(/bevat al signalen of trajecten/);
    expect(rowCounts()).toEqual(before);
  });

  it("gives the same data in a second, fresh database", async () => {
    closeDb();
    useTempDatabase();
    prepareDatabase();
    await seedDemo(ACTOR);
    expect(snapshot()).toEqual(first);
  }, CLI_TEST_LIMIT);
});

describe("npm run seed:demo", () => {
  // What `npm run seed:demo` runs (package.json), without npm in between.
  const run = (databasePath: string) => runCli("app/cli/seed-demo.ts", [], { DATABASE_PATH: databasePath, SESSION_SECRET: "", DATA_KEY: "" });

  it("seeds an empty database, prints the logins, and refuses a second time", async () => {
    const databasePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-demo-")), "demo.db");
    const seeded = await run(databasePath);
    expect(seeded.stderr).toBe("");
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain("demo@rode-draad.example");
    expect(seeded.stdout).toContain("lezer@rode-draad.example");
    expect(seeded.stdout).toContain("tweede stap in met een authenticator-app");

    const again = await run(databasePath);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("bevat al signalen of trajecten");
  }, CLI_TEST_LIMIT);
});
