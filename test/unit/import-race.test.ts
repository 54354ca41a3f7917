import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CLI_TEST_LIMIT } from "./run-cli";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** `npm run import -- signals <file>` as a separate process; resolves with its exit code and output. */
function importInBackground(file: string, databasePath: string, kind = "signals"): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "app/cli/import.ts", kind, file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: databasePath, SESSION_SECRET: "", DATA_KEY: "", RECEIPT_KEY: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the duplicate-file guard", () => {
  it("holds when two processes import the same file at once: exactly one imports, the other is refused", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-race-"));
    const databasePath = path.join(dir, "race.db");
    const file = path.join(dir, "zelfde.csv");
    const rows = Array.from({ length: 20_000 }, (_, i) => `2021-03-${String(1 + (i % 28)).padStart(2, "0")},provider,JZ14,gdpr,none,Signaal ${i}`);
    fs.writeFileSync(file, ["received_on,requester_type,region_code,topic,procurement_phase,summary", ...rows].join("\n"));
    // A database in use (keys made, one import done), so the two imports race on the import itself.
    const earlier = path.join(dir, "eerder.csv");
    fs.writeFileSync(earlier, "received_on,requester_type,region_code,topic,procurement_phase,summary\n2020-01-02,provider,JZ14,gdpr,none,Eerder\n");
    expect((await importInBackground(earlier, databasePath)).code).toBe(0);

    const results = await Promise.all([importInBackground(file, databasePath), importInBackground(file, databasePath)]);
    const imported = results.filter((r) => r.code === 0);
    const refused = results.filter((r) => r.code !== 0);
    expect(imported.map((r) => r.stdout.trim())).toEqual(["imported 20000 signals"]);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.stderr).toContain("Dit bestand is al geïmporteerd op");

    const database = new Database(databasePath, { readonly: true });
    expect((database.prepare("select count(*) as n from signals").get() as { n: number }).n).toBe(20_001);
    expect((database.prepare("select count(*) as n from import_batches").get() as { n: number }).n).toBe(2);
    database.close();
  }, CLI_TEST_LIMIT);

  it("holds for trajectories too: of two imports of one file at once, one imports and the other is refused in Dutch", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-race-"));
    const databasePath = path.join(dir, "race.db");
    const earlier = path.join(dir, "eerder.csv");
    fs.writeFileSync(earlier, "received_on,requester_type,region_code,topic,procurement_phase,summary\n2020-01-02,provider,JZ14,gdpr,none,Eerder\n");
    expect((await importInBackground(earlier, databasePath)).code).toBe(0);
    const file = path.join(dir, "trajecten.csv");
    const header = "ref,region_code,started_on,closed_on,status,outcomes,escalation_types,municipalities_consulted,contract_won,contracts_awarded_total,providers_involved,strategic_goal";
    // One trajectory per region at a time: every region gets one a year, 2000-2020 (882 rows).
    const regions = Array.from({ length: 43 }, (_, i) => `JZ${String(i + 1).padStart(2, "0")}`).filter((code) => code !== "JZ40");
    const rows = Array.from({ length: 21 }, (_, y) => 2000 + y).flatMap((year) =>
      regions.map((region) => `T-${region}-${year},${region},${year}-01-01,${year}-12-31,completed,forces_bundled,,,,,5,Doel ${year}`),
    );
    fs.writeFileSync(file, [header, ...rows].join("\n"));

    const results = await Promise.all([importInBackground(file, databasePath, "trajectories"), importInBackground(file, databasePath, "trajectories")]);
    expect(results.filter((r) => r.code === 0).map((r) => r.stdout.trim())).toEqual(["imported 882 trajectories"]);
    const refused = results.filter((r) => r.code !== 0);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.stderr).toContain("bestaat al in Rode Draad");
    expect(refused[0]?.stderr).not.toContain("SqliteError");
  }, CLI_TEST_LIMIT);
});
