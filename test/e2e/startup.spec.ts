import fs from "node:fs";
import path from "node:path";
import { expect, sparePort, startApp, tempDir, test } from "./support";

// Its tests share nothing but the worker's server, so they spread over both workers (the longest specs; README "Tests").
test.describe.configure({ mode: "parallel" });

test("first start creates the database and secrets; a second start reuses both and loses nothing", async ({ page }) => {
  const dir = tempDir();
  const db = path.join(dir, "sub", "rode-draad.db");
  const env = { DATABASE_PATH: db, PORT: String(sparePort(1)) };
  const base = `http://127.0.0.1:${sparePort(1)}`;

  const first = await startApp(env);
  expect(fs.existsSync(db)).toBe(true);
  const secretsFile = path.join(dir, "sub", "secrets.json");
  expect(fs.statSync(secretsFile).mode & 0o777).toBe(0o600);
  const secrets = fs.readFileSync(secretsFile, "utf8");

  const link = /(\/setup\?token=[A-Za-z0-9_-]{20,})/.exec(first.output())?.[1];
  expect(link).toBeDefined();
  await page.goto(`${base}${link}`);
  await page.getByLabel("Naam").fill("Eerste Beheerder");
  await page.getByLabel("E-mailadres").fill("eerste@example.org");
  await page.getByLabel("Wachtwoord", { exact: true }).fill("blijft bewaard na herstart");
  await page.getByLabel("Herhaal het wachtwoord").fill("blijft bewaard na herstart");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await first.stop();

  const second = await startApp(env);
  expect(fs.readFileSync(secretsFile, "utf8")).toBe(secrets);
  expect(second.output()).not.toContain("setup?token");
  await page.goto(`${base}/login`);
  await page.getByLabel("E-mailadres").fill("eerste@example.org");
  await page.getByLabel("Wachtwoord").fill("blijft bewaard na herstart");
  await page.getByRole("button", { name: "Inloggen" }).click();
  // The account survived the restart: the login goes through, to the second-factor set-up an admin needs first.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tweestapsverificatie instellen");
  expect((await page.goto(`${base}${link}`))?.status()).toBe(404);
  await second.stop();
});

test("a malformed data key stops the start with a clear message", async () => {
  const dir = tempDir();
  const app = await startApp({ DATABASE_PATH: path.join(dir, "x.db"), PORT: String(sparePort(2)), DATA_KEY: "te-kort" });
  expect(await app.exitCode).toBe(1);
  expect(app.output()).toContain("de datasleutel moet 32 bytes zijn");
});

test("a database whose key is lost or replaced does not start, and no new key is generated", async () => {
  const dir = tempDir();
  const db = path.join(dir, "rode-draad.db");
  const first = await startApp({ DATABASE_PATH: db, PORT: String(sparePort(3)) });
  await first.stop();

  const secretsFile = path.join(dir, "secrets.json");
  const original = fs.readFileSync(secretsFile, "utf8");
  fs.rmSync(secretsFile);
  const missing = await startApp({ DATABASE_PATH: db, PORT: String(sparePort(3)) });
  expect(await missing.exitCode).toBe(1);
  expect(missing.output()).toContain("Zet de sleutels terug");
  expect(fs.existsSync(secretsFile)).toBe(false);

  fs.writeFileSync(secretsFile, original);
  const otherKey = Buffer.alloc(32, 7).toString("base64");
  const wrong = await startApp({ DATABASE_PATH: db, PORT: String(sparePort(3)), DATA_KEY: otherKey });
  expect(await wrong.exitCode).toBe(1);
  expect(wrong.output()).toContain("De datasleutel past niet bij deze database");
});
