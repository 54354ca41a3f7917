import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { checkStored } from "../bench/portal-load";
import { expect, sparePort, startApp, tempDir, test } from "../e2e/support";
import { runCli } from "../unit/run-cli";

/**
 * A command-line process writing to the database of a running server: a large import, a backup. Portal reports sent
 * meanwhile must never be lost: each is stored (receipt code) or comes back with its text and a Dutch message.
 */
const PORT = sparePort(9);
const BASE = `http://127.0.0.1:${PORT}`;
const BUSY_TEXT = "Het is op dit moment te druk om uw melding op te slaan";
const receiptKey = crypto.randomBytes(32).toString("base64");

test.describe.configure({ mode: "serial" });

let databasePath: string;
let app: Awaited<ReturnType<typeof startApp>>;
let cliEnv: NodeJS.ProcessEnv;

test.beforeAll(async () => {
  databasePath = path.join(tempDir(), "rode-draad.db");
  const env = { DATABASE_PATH: databasePath, PORT: String(PORT), NODE_ENV: "production" as const, RECEIPT_KEY: receiptKey, PORTAL_SUBMISSIONS_PER_HOUR: "100000000", PORTAL_POSTS_PER_HOUR: "100000000" };
  app = await startApp(env);
  cliEnv = { ...process.env, ...env, SESSION_SECRET: "", DATA_KEY: "" };
});

test.afterAll(async () => {
  await app.stop();
});

/** The command-line script as `npm run` starts it, with this spec's environment (test/unit/run-cli.ts: no npx in between). */
const cli = (script: string, args: string[]) => runCli(script, args, cliEnv);

type Answer = { status: number; message: string; body: string };

/** One report as a browser without JavaScript sends it, each with its own text. */
async function submit(message: string): Promise<Answer> {
  const form = await fetch(`${BASE}/melden`);
  const cookie = (form.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const body = new URLSearchParams({ csrf, requesterType: "provider", regionCode: "JZ14", topic: "contract_change", procurementPhase: "running_contract", message, contact: "anonymous" });
  const response = await fetch(`${BASE}/melden`, { method: "POST", headers: { cookie, origin: BASE, "content-type": "application/x-www-form-urlencoded" }, body });
  return { status: response.status, message, body: await response.text() };
}

/** Eight reporters, each sending one report after another until `until` settles: dozens of writes a second. */
async function reportsDuring(until: Promise<unknown>): Promise<Answer[]> {
  let done = false;
  void until.finally(() => (done = true));
  const answers: Answer[] = [];
  await Promise.all(
    [1, 2, 3, 4, 5, 6, 7, 8].map(async (reporter) => {
      for (let i = 0; !done; i += 1) answers.push(await submit(`Melder ${reporter} bericht ${i} ${crypto.randomUUID()}: het budgetplafond is bereikt.`));
    }),
  );
  return answers;
}

/** No 500; every acknowledged report is in the file; every other answer is the busy message with the typed text. */
function expectNothingLost(answers: Answer[]): void {
  expect(answers.filter((a) => a.status !== 200 && a.status !== 503).map((a) => a.status)).toEqual([]);
  const codes = answers.flatMap((a) => /data-testid="receipt-code"[^>]*>([\d ]+)</.exec(a.body)?.[1]?.replaceAll(" ", "") ?? []);
  expect(codes).toHaveLength(answers.filter((a) => a.status === 200).length);
  for (const refused of answers.filter((a) => a.status === 503)) {
    expect(refused.body).toContain(BUSY_TEXT);
    expect(refused.body).toContain(refused.message);
  }
  const { missing, integrity } = checkStored(databasePath, codes, Buffer.from(receiptKey, "base64"));
  expect(missing).toEqual([]);
  expect(integrity).toBe("ok");
}

test("while another process holds the write lock, a report waits and goes through; past the wait it comes back with its text", async () => {
  test.setTimeout(90_000);
  const text = "Tekst die niet verloren mag gaan bij een bezette database.";
  const holder = new Database(databasePath);
  holder.exec("begin immediate");
  const waiting = submit(text);
  // The server is not stuck meanwhile, and the report is not refused while it waits.
  expect((await fetch(`${BASE}/healthz`)).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  holder.exec("rollback");
  expectNothingLost([await waiting]);
  expect((await waiting).status).toBe(200);

  holder.exec("begin immediate");
  const refused = await submit(text);
  holder.exec("rollback");
  holder.close();
  expect(refused.status).toBe(503);
  expect(refused.body).toContain(BUSY_TEXT);
  expect(refused.body).toContain(text);
  expect((await submit(text)).status).toBe(200);
});

test("a follow-up message that meets a busy database comes back with its text", async () => {
  test.setTimeout(90_000);
  const report = await submit("Eerste melding, het vervolgbericht komt zo.");
  const code = /data-testid="receipt-code"[^>]*>([\d ]+)</.exec(report.body)?.[1]?.replaceAll(" ", "") ?? "";
  expect(code).toMatch(/^\d{20}$/);
  const form = await fetch(`${BASE}/melden/volgen`);
  const cookie = (form.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const message = "Aanvulling die niet verloren mag gaan bij een bezette database.";
  const holder = new Database(databasePath);
  holder.exec("begin immediate");
  const response = await fetch(`${BASE}/melden/volgen`, {
    method: "POST",
    headers: { cookie, origin: BASE, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf, code, message }),
  });
  holder.exec("rollback");
  holder.close();
  const body = await response.text();
  expect(response.status).toBe(503);
  expect(body).toContain("te druk om uw bericht op te slaan");
  expect(body).toContain(message);
});

test("a 200,000-row import from the command line while reports come in: it imports all, and no report is lost", async () => {
  test.setTimeout(240_000);
  const file = path.join(path.dirname(databasePath), "groot.csv");
  const rows = Array.from({ length: 200_000 }, (_, i) => `20${16 + (i % 8)}-0${1 + (i % 9)}-1${i % 10},provider,JZ14,gdpr,none,Historisch signaal ${i}`);
  fs.writeFileSync(file, ["received_on,requester_type,region_code,topic,procurement_phase,summary", ...rows].join("\n"));

  const imported = cli("app/cli/import.ts", ["signals", file]);
  const answers = await reportsDuring(imported);
  const result = await imported;
  expect(result.stderr).toBe("");
  expect(result.stdout.trim()).toBe("imported 200000 signals");
  expect(answers.length).toBeGreaterThan(0);
  expectNothingLost(answers);
});

/**
 * Besides the reports, another process writing several times in each step of an online backup, which then restarts
 * every time: the copy must not depend on a quiet moment. It writes a setting the app does not read.
 */
async function writesDuring(until: Promise<unknown>): Promise<number> {
  let done = false;
  void until.finally(() => (done = true));
  const writer = new Database(databasePath);
  writer.pragma("synchronous = OFF");
  const write = writer.prepare("insert into settings (key, value) values ('test.schrijver', ?) on conflict (key) do update set value = excluded.value");
  let writes = 0;
  while (!done) {
    write.run(String(writes++));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  writer.close();
  return writes;
}

test("npm run backup finishes under a steady stream of writes, and the copy passes its check", async () => {
  test.setTimeout(240_000);
  const copy = path.join(path.dirname(databasePath), "kopie.db");
  const backup = cli("app/cli/backup.ts", [copy]);
  const [answers, writes] = await Promise.all([reportsDuring(backup), writesDuring(backup)]);
  expect(writes).toBeGreaterThan(0);
  const result = await backup;
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("Reservekopie gemaakt en gecontroleerd");
  expect(answers.length).toBeGreaterThan(0);
  expectNothingLost(answers);
  const copied = new Database(copy, { readonly: true });
  expect((copied.pragma("integrity_check") as { integrity_check: string }[])[0]?.integrity_check).toBe("ok");
  copied.close();
});
