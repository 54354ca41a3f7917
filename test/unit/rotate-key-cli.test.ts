import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CLI_TEST_LIMIT, runCli } from "./run-cli";

/** npm run rotate-key as an operator runs it, with no server holding the database. */
function rotate(databasePath: string, extra: Record<string, string> = {}) {
  return runCli("app/cli/rotate-key.ts", [], { DATABASE_PATH: databasePath, SESSION_SECRET: "", DATA_KEY: "", NEW_DATA_KEY: "", ...extra });
}

async function importSignals(databasePath: string) {
  const dir = path.dirname(databasePath);
  const file = path.join(dir, "signals.csv");
  fs.writeFileSync(
    file,
    "received_on,channel,requester_type,referred_by,region_code,municipality_code,association,topic,procurement_phase,triggers,procedure,funding,segment,status,summary\n2021-01-05,email,provider,direct,JZ14,,,strategy_advice,upcoming_tender,,,,,,Vertrouwelijke samenvatting\n",
  );
  return (await runCli("app/cli/import.ts", ["signals", file], { DATABASE_PATH: databasePath, SESSION_SECRET: "", DATA_KEY: "" })).code;
}

function summaryKeyId(databasePath: string): string | undefined {
  const database = new Database(databasePath, { readonly: true });
  try {
    const row = database.prepare("select summary_sealed as s from signals limit 1").get() as { s: string };
    return row.s.split(".")[1];
  } finally {
    database.close();
  }
}

describe("npm run rotate-key", () => {
  it("re-encrypts under a new key kept in secrets.json with the old one as previous, exit 0; again works too", async () => {
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-rotate-")), "rotate.db");
    expect((await importSignals(db))).toBe(0);
    const before = summaryKeyId(db);

    const first = await rotate(db);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("opnieuw versleuteld");
    const secrets = JSON.parse(fs.readFileSync(path.join(path.dirname(db), "secrets.json"), "utf8")) as { dataKey: string; previousDataKeys: string[] };
    expect(secrets.previousDataKeys).toHaveLength(1);
    expect(first.stdout).not.toContain(secrets.dataKey);
    const after = summaryKeyId(db);
    expect(after).not.toBe(before);

    expect((await rotate(db)).code).toBe(0);
    expect(summaryKeyId(db)).not.toBe(after);
  }, CLI_TEST_LIMIT);

  it("exits non-zero on a bad DATABASE_PATH; with DATA_KEY from the environment it needs NEW_DATA_KEY", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-rotate-"));
    const missing = await rotate(path.join(dir, "bestaat-niet.db"));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("Geen database");
    expect(fs.existsSync(path.join(dir, "bestaat-niet.db"))).toBe(false);

    const db = path.join(dir, "rotate.db");
    expect((await importSignals(db))).toBe(0);
    const { dataKey } = JSON.parse(fs.readFileSync(path.join(dir, "secrets.json"), "utf8")) as { dataKey: string };
    const refused = await rotate(db, { DATA_KEY: dataKey });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("NEW_DATA_KEY");

    const newKey = crypto.randomBytes(32).toString("base64");
    const before = summaryKeyId(db);
    const handedIn = await rotate(db, { DATA_KEY: dataKey, NEW_DATA_KEY: newKey });
    expect(handedIn.code).toBe(0);
    expect(handedIn.stdout).toContain("DATA_KEY_PREVIOUS");
    expect(handedIn.stdout).not.toContain(newKey);
    expect(summaryKeyId(db)).not.toBe(before);
  }, CLI_TEST_LIMIT);
});
