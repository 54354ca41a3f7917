import fs from "node:fs";
import path from "node:path";
import { expect, expectAccessible, login, setupLinkIn, sparePort, startServer, tempDir, test, type WorkerApp } from "./support";

// A server of its own, never set up: the worker's server already has its first admin. The address differs from the
// worker admin's, because the worker keeps second factors per address.
const ADMIN = { name: "Ilse Intermediair", email: "ilse.eerste-start@example.org", password: "rode draad begint hier 2026" };
const PORT = sparePort(0);
let app: WorkerApp;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test.beforeAll(async () => {
  app = await startServer(path.join(tempDir(), "eerste-start"), PORT);
});

test.afterAll(async () => {
  await app.stop();
});

test("first run: the setup page exists only with the printed token, and only once", async ({ page }) => {
  const link = setupLinkIn(fs.readFileSync(app.logPath, "utf8"));

  expect((await page.goto("/setup"))?.status()).toBe(404);
  expect((await page.goto("/setup?token=wrong-token-value"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Niet gevonden");

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Eerste account aanmaken");
  await expectAccessible(page);

  // A weak password is refused with a message on the field; what was typed stays.
  await page.getByLabel("Naam").fill(ADMIN.name);
  await page.getByLabel("E-mailadres").fill(ADMIN.email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill("kort");
  await page.getByLabel("Herhaal het wachtwoord").fill("kort");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByText("Gebruik minstens 12 tekens.").first()).toBeVisible();
  await expect(page.getByLabel("Naam")).toHaveValue(ADMIN.name);

  await page.getByLabel("Wachtwoord", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Herhaal het wachtwoord").fill(ADMIN.password);
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("status")).toContainText("Het eerste account is aangemaakt");

  expect((await page.goto(link))?.status()).toBe(404);

  // Admin and intermediary must set up a second factor before anything else; the key is kept for the other tests.
  await login(page, ADMIN);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welkom, ${ADMIN.name}`);

  // A fresh install shows what to do first, not "0 / 0 / 0 %".
  const next = page.getByRole("region", { name: "Aan de slag" });
  await expect(next.getByRole("link", { name: /collega/ })).toHaveAttribute("href", "/beheer/gebruikers/nieuw");
  await expect(next.getByRole("link", { name: /41 grensgemeenten/ })).toHaveAttribute("href", "/beheer/regios");
  await expect(next.getByRole("link", { name: /vorig jaar/ })).toHaveAttribute("href", "/signalen/import");
  await expect(page.getByText("0%")).toHaveCount(0);
  await expectAccessible(page);
});
