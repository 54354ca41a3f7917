import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CLI_TEST_LIMIT, runCli } from "./run-cli";

/** The command-line interfaces that outside tools rely on, run as those tools run them. */
function run(script: string, args: string[], databasePath: string) {
  return runCli(script, args, { DATABASE_PATH: databasePath, SESSION_SECRET: "", DATA_KEY: "" });
}

function tempDatabase(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-cli-")), "cli.db");
}

function signalCount(databasePath: string): number {
  const database = new Database(databasePath, { readonly: true });
  try {
    return (database.prepare("select count(*) as n from signals").get() as { n: number }).n;
  } finally {
    database.close();
  }
}

const HEADER = "received_on,channel,requester_type,referred_by,region_code,municipality_code,association,topic,procurement_phase,triggers,procedure,funding,segment,status,summary";

describe("npm run db:migrate / import / report", () => {
  it("creates a database, imports atomically and reports the signals part exactly", async () => {
    const db = tempDatabase();
    expect((await run("app/cli/db-migrate.ts", [], db)).code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);

    const dir = path.dirname(db);
    const good = path.join(dir, "good.csv");
    fs.writeFileSync(
      good,
      [
        HEADER,
        "2021-01-05,email,provider,direct,JZ14,GM0153,,strategy_advice,upcoming_tender,provider_reduction;admin_burden,,,,,Eerste",
        "2021-01-20,phone,municipality,direct,JZ01,,,gdpr,running_contract,,,,,closed,",
        "2021-12-31,email,provider,direct,JZ14,,,strategy_advice,contracting,admin_burden,,,,,Laatste dag",
        "2022-01-01,email,provider,direct,JZ14,,,other,none,,,,,,Volgend jaar",
      ].join("\n"),
    );
    const imported = await run("app/cli/import.ts", ["signals", good], db);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout.trim()).toBe("imported 4 signals");

    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, [HEADER, "2021-02-01,email,provider,direct,JZ14,,,gdpr,none,,,,,,ok", "2021-02-31,email,provider,direct,JZ14,,,gdpr,none,,,,,,fout"].join("\n"));
    const refused = await run("app/cli/import.ts", ["signals", bad], db);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("regel 3, kolom received_on");
    expect(signalCount(db)).toBe(4);

    const report = await run("app/cli/report.ts", ["--year", "2021", "--json"], db);
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout) as { year: number; signals: { total: number; tenderRelated: { count: number; share: number }; byTopic: Record<string, { count: number }>; byTrigger: Record<string, { count: number }>; byMonth: { month: string; count: number }[] }; trajectories: { total: number } };
    expect(json.year).toBe(2021);
    expect(json.signals.total).toBe(3);
    expect(json.signals.tenderRelated).toEqual({ count: 2, share: 0.67 });
    expect(json.signals.byTopic.strategy_advice?.count).toBe(2);
    expect(json.signals.byTopic.contract_change?.count).toBe(0);
    expect(json.signals.byTrigger.admin_burden?.count).toBe(2);
    expect(json.signals.byMonth.find((m) => m.month === "2021-12")?.count).toBe(1);
    expect(json.trajectories.total).toBe(0);
  }, CLI_TEST_LIMIT);

  it("imports trajectories atomically and counts them in the report", async () => {
    const db = tempDatabase();
    const file = path.join(path.dirname(db), "trajectories.csv");
    const header = "ref,region_code,started_on,closed_on,status,outcomes,escalation_types,municipalities_consulted,contract_won,contracts_awarded_total,providers_involved,strategic_goal";
    fs.writeFileSync(
      file,
      [
        header,
        "T-1,JZ14,2021-11-01,2021-12-20,completed,forces_bundled;joint_vision;cooperative_formed,legal,GM0153;GM0164,true,15,9,Samen sterk in Twente",
        "T-2,JZ01,2021-11-15,,active,forces_bundled,,GM0014,,,4,Meepraten over de inkoopvisie",
        "T-3,JZ38,2020-01-10,2020-12-31,stopped,,,,,,2,Vorig jaar gestopt",
      ].join("\n"),
    );
    const imported = await run("app/cli/import.ts", ["trajectories", file], db);
    expect(imported.stderr).toBe("");
    expect(imported.stdout.trim()).toBe("imported 3 trajectories");
    const again = await run("app/cli/import.ts", ["trajectories", file], db);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("bestaat al in Rode Draad");

    const report = JSON.parse((await run("app/cli/report.ts", ["--year", "2021", "--json"], db)).stdout) as {
      trajectories: { total: number; regions: number; outcomes: Record<string, number>; escalationTypes: Record<string, number> };
    };
    expect(report.trajectories).toEqual({
      total: 2,
      regions: 2,
      outcomes: {
        forces_bundled: 2,
        joint_vision: 1,
        cooperative_formed: 1,
        contract_won: 1,
        contracts_awarded_total: 15,
        municipalities_consulted: 3,
        vision_adapted: 0,
        escalated: 1,
      },
      escalationTypes: { legal: 1, council: 0, publicity: 0 },
    });
  }, CLI_TEST_LIMIT);
});
