import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CLI_TEST_LIMIT, runCli } from "./run-cli";

function run(script: string, args: string[], env: Record<string, string>) {
  return runCli(script, args, { SESSION_SECRET: "", DATA_KEY: "", RECEIPT_KEY: "", ...env });
}

describe("npm run backup / restore", () => {
  it("makes a checked copy and restores it into a stopped instance, keeping the old file; refuses damaged files", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-backup-"));
    const live = path.join(dir, "live", "rode-draad.db");
    const csv = path.join(dir, "s.csv");
    fs.writeFileSync(csv, "received_on,requester_type,region_code,topic,procurement_phase,summary\n2021-03-01,provider,JZ14,gdpr,none,Eerste\n2021-03-02,provider,JZ14,gdpr,none,Tweede\n");
    expect((await run("app/cli/import.ts", ["signals", csv], { DATABASE_PATH: live })).code).toBe(0);

    const copy = path.join(dir, "kopie.db");
    const backup = await run("app/cli/backup.ts", [copy], { DATABASE_PATH: live });
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toContain("2 signalen");
    expect((await run("app/cli/backup.ts", [copy], { DATABASE_PATH: live })).code).not.toBe(0);

    // Later changes, then a restore back to the copy.
    fs.writeFileSync(csv, "received_on,requester_type,region_code,topic,procurement_phase,summary\n2021-04-01,provider,JZ14,gdpr,none,Later\n");
    expect((await run("app/cli/import.ts", ["signals", csv], { DATABASE_PATH: live })).code).toBe(0);
    const restored = await run("app/cli/restore.ts", [copy], { DATABASE_PATH: live });
    expect(restored.stderr).toBe("");
    expect(restored.stdout).toContain("Hersteld");
    const database = new Database(live, { readonly: true });
    expect((database.prepare("select count(*) as n from signals").get() as { n: number }).n).toBe(2);
    database.close();
    expect(fs.readdirSync(path.dirname(live)).some((name) => name.includes("voor-herstel"))).toBe(true);

    const damaged = path.join(dir, "kapot.db");
    fs.writeFileSync(damaged, "dit is geen database");
    const refused = await run("app/cli/restore.ts", [damaged], { DATABASE_PATH: live });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("Niet hersteld");

    // A copy made under another data key is refused too: it would be unreadable.
    const other = path.join(dir, "ander", "rode-draad.db");
    expect((await run("app/cli/import.ts", ["signals", csv], { DATABASE_PATH: other })).code).toBe(0);
    const foreign = await run("app/cli/restore.ts", [other], { DATABASE_PATH: live });
    expect(foreign.code).not.toBe(0);
    expect(foreign.stderr).toContain("andere datasleutel");
  }, CLI_TEST_LIMIT);
});
