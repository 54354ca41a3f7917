import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CLI_TEST_LIMIT, runCli } from "./run-cli";

/** npm run audit:verify and the commands that write audit entries, as an operator runs them. */
function run(script: string, args: string[], databasePath: string) {
  return runCli(script, args, { DATABASE_PATH: databasePath, SESSION_SECRET: "", DATA_KEY: "", RECEIPT_KEY: "" });
}

function importFile(databasePath: string, name: string, summary: string) {
  const file = path.join(path.dirname(databasePath), name);
  fs.writeFileSync(file, `received_on,requester_type,region_code,topic,procurement_phase,summary\n2021-03-01,provider,JZ14,gdpr,none,${summary}\n`);
  return run("app/cli/import.ts", ["signals", file], databasePath);
}

/** What someone with write access to the file can do: drop the trigger that guards the log, delete, put it back. */
function deleteNewestEntries(databasePath: string, count: number): void {
  const database = new Database(databasePath);
  const trigger = (database.prepare("select sql from sqlite_master where name = 'audit_log_no_delete'").get() as { sql: string }).sql;
  database.exec("drop trigger audit_log_no_delete");
  database.prepare("delete from audit_log where id in (select id from audit_log order by id desc limit ?)").run(count);
  database.exec(trigger);
  database.close();
}

describe("npm run audit:verify with the anchor kept outside the table", () => {
  it("detects the newest entries deleted, a forged or missing anchor, and accepts entries appended later", async () => {
    const databasePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-anchor-")), "anker.db");
    expect((await importFile(databasePath, "een.csv", "Eerste")).code).toBe(0);
    expect((await importFile(databasePath, "twee.csv", "Tweede")).code).toBe(0);
    const intact = await run("app/cli/audit-verify.ts", [], databasePath);
    expect(intact.stderr).toBe("");
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("Auditlog in orde");

    // Entries written after the anchor are fine: they move it on.
    expect((await importFile(databasePath, "drie.csv", "Derde")).code).toBe(0);
    expect((await run("app/cli/audit-verify.ts", [], databasePath)).code).toBe(0);

    const anchorFile = `${databasePath}.audit-anchor`;
    const anchor = fs.readFileSync(anchorFile, "utf8");
    deleteNewestEntries(databasePath, 2);
    const truncated = await run("app/cli/audit-verify.ts", [], databasePath);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain("de laatste regels ontbreken");

    // A lower anchor to match the shorter log does not pass without the key.
    const forged = JSON.parse(anchor) as { entries: number; lastId: number; lastHash: string };
    const database = new Database(databasePath, { readonly: true });
    const last = database.prepare("select id, hash, (select count(*) from audit_log) as n from audit_log order by id desc limit 1").get() as { id: number; hash: string; n: number };
    database.close();
    fs.writeFileSync(anchorFile, JSON.stringify({ ...forged, entries: last.n, lastId: last.id, lastHash: last.hash }));
    const forgedRun = await run("app/cli/audit-verify.ts", [], databasePath);
    expect(forgedRun.code).toBe(1);
    expect(forgedRun.stderr).toContain("auditanker is ongeldig");

    fs.rmSync(anchorFile);
    const missing = await run("app/cli/audit-verify.ts", [], databasePath);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("auditanker ontbreekt");
  }, CLI_TEST_LIMIT);
});
