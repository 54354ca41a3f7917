import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInTheNetherlands } from "../../app/domain/dates";
import { startFakeTenderNed, type FakeTenderNed } from "../tenderned/fake-server";
import { fakeRow, scenario } from "../tenderned/fixtures";
import { runCli } from "./run-cli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-tenderned-cli-"));
const today = todayInTheNetherlands();
let fake: FakeTenderNed;

const tenderned = (databasePath: string, args: string[], url?: string) =>
  runCli("app/cli/tenderned.ts", args, { DATABASE_PATH: databasePath, TENDERNED_URL: url ?? "", SESSION_SECRET: "", DATA_KEY: "" });

function milestoneCount(databasePath: string): number {
  const database = new Database(databasePath, { readonly: true });
  try {
    return (database.prepare("select count(*) as n from procurement_milestones").get() as { n: number }).n;
  } finally {
    database.close();
  }
}

beforeAll(async () => {
  const fixtures = scenario(today);
  fake = await startFakeTenderNed({ days: fixtures.days, cpv: fixtures.cpv });
});
afterAll(() => fake.close());

// Each run starts tsx and migrates a database: seconds on a busy machine, hence the long timeouts.
describe("npm run tenderned", () => {
  it("fetch: off without TENDERNED_URL, one summary line and exit 0 with it, exit 1 on a malformed answer", async () => {
    const db = path.join(dir, "fetch.db");
    const off = await tenderned(db, ["fetch"]);
    expect(off).toMatchObject({ code: 1, stderr: "TENDERNED_URL is niet ingesteld: de monitor staat uit.\n" });
    const first = await tenderned(db, ["fetch"], fake.url);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^TenderNed: 31 dagen, 143 publicaties gelezen, 5 nieuw of gewijzigd over jeugdhulp, 4 aan een regio gekoppeld, 1 nog toe te wijzen, 7 mijlpalen nieuw of gewijzigd\. 1 dagen kwamen onvolledig binnen/);
    expect(first.stdout.trim().split("\n")).toHaveLength(1);
    expect(milestoneCount(db)).toBe(6);
    fake.malformedNext(1);
    const broken = await tenderned(db, ["fetch", "--since", today], fake.url);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`Ophalen mislukt bij ${today}: TenderNed stuurde een antwoord dat geen geldige JSON is.`);
    expect(await tenderned(db, ["fetch", "--since", "gisteren"], fake.url)).toMatchObject({ code: 2 });
  }, 120_000);

  it("import: the same matching, idempotent, and a file in another format reads nothing", async () => {
    const db = path.join(dir, "import.db");
    const file = path.join(dir, "export.json");
    fs.writeFileSync(file, JSON.stringify({ content: [fakeRow({ id: "7001", day: today, type: "AAO", name: "Jeugdhulp Zeist", authority: "gemeente Zeist", closing: "2027-03-01" })], totalElements: 1, totalPages: 1 }));
    const first = await tenderned(db, ["import", file]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toContain("1 aan een regio gekoppeld");
    const again = await tenderned(db, ["import", file]);
    expect(again.stdout).toContain("0 aan een regio gekoppeld, 0 nog toe te wijzen, 0 mijlpalen");
    expect(milestoneCount(db)).toBe(2);
    const wrong = path.join(dir, "wrong.json");
    fs.writeFileSync(wrong, JSON.stringify({ rows: [] }));
    expect(await tenderned(db, ["import", wrong])).toMatchObject({ code: 1, stderr: "Dit bestand heeft niet het formaat van de publicatielijst van TenderNed. Er is niets ingelezen.\n" });
    expect(await tenderned(db, ["import"])).toMatchObject({ code: 2 });
  }, 120_000);
});
