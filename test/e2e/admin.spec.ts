import fs from "node:fs";
import path from "node:path";
import {
  admin,
  asAnotherUser,
  attemptLogin,
  createFirstAdmin,
  createStaffUser,
  expect,
  expectAccessible,
  login,
  loginAndChoosePassword,
  sparePort,
  startServer,
  tempDir,
  test,
  type WorkerApp,
} from "./support";

test("an admin creates a user, who must replace the temporary password at first login", async ({ page }) => {
  await login(page, admin());
  await page.goto("/beheer/gebruikers");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nieuwe gebruiker" }).click();
  await expectAccessible(page);

  const reader = await createStaffUser(page, { name: "Lotte Lezer", roles: ["Lezer"] });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lotte Lezer");
  await expectAccessible(page);
  await page.goto("/beheer/gebruikers");
  await expect(page.getByRole("row", { name: /Lotte Lezer/ })).toContainText("tijdelijk wachtwoord");
  await asAnotherUser(page);

  await login(page, reader);
  await expect(page).toHaveURL(/\/wachtwoord$/);
  await expect(page.getByText("U bent ingelogd met een tijdelijk wachtwoord")).toBeVisible();
  await expectAccessible(page);
  // Nothing else opens until the password is changed.
  await page.goto("/");
  await expect(page).toHaveURL(/\/wachtwoord$/);

  await page.getByLabel("Huidig wachtwoord").fill(reader.password);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("password1234");
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("password1234");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByLabel("Nieuw wachtwoord", { exact: true })).toHaveAccessibleDescription(/veelgebruikte wachtwoorden/);

  await page.getByLabel("Huidig wachtwoord").fill(reader.password);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("lezen is een feest voor twee");
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("lezen is een feest voor twee");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("Uw wachtwoord is gewijzigd");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Lotte Lezer");
  await expect(page.getByRole("heading", { name: "Als lezer" })).toBeVisible();
  await expectAccessible(page);
});

test("a page outside one's role answers 403 with a Dutch page; a missing record 404", async ({ page }) => {
  await login(page, admin());
  const adviser = await createStaffUser(page, { name: "Ruben Regioadviseur", roles: ["Regioadviseur"] });
  const missing = await page.goto("/beheer/gebruikers/999999");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Niet gevonden");
  await expectAccessible(page);
  await asAnotherUser(page);

  await loginAndChoosePassword(page, adviser, "adviezen geven in de regio");
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Gebruikers" })).toHaveCount(0);
  for (const path of ["/beheer/gebruikers", "/beheer/gebruikers/nieuw", "/beheer/regios", "/beheer/regios/JZ01", "/beheer/regios/import", "/beheer/audit", "/beheer/bewaartermijn", "/beheer/e-mail"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  }
  await expectAccessible(page);

  // The action refuses too, not only the page: a forged POST with a valid token still gets 403.
  await page.goto("/");
  const token = await page.locator('input[name="csrf"]').first().inputValue();
  const forged = await page.request.post("/beheer/gebruikers/nieuw", {
    form: { csrf: token, name: "Indringer", email: "x@example.org", roles: "admin", temporaryPassword: "een lang wachtwoord 123" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(forged.status()).toBe(403);
});

test.describe("on a server with one admin", () => {
  // The worker's server gets more admins from other specs; "the last admin" needs a server where there is one.
  const ONLY_ADMIN = { name: "Enige Beheerder", email: "enige-beheerder@example.org", password: "de enige beheerder blijft 2026" };
  const port = sparePort(8);
  let app: WorkerApp;
  test.use({ baseURL: `http://127.0.0.1:${port}` });

  test.beforeAll(async ({ browser }) => {
    app = await startServer(path.join(tempDir(), "een-beheerder"), port);
    await createFirstAdmin(browser, app.origin, fs.readFileSync(app.logPath, "utf8"), ONLY_ADMIN);
  });

  test.afterAll(async () => {
    await app.stop();
  });

  test("the last admin cannot be disabled or lose the admin role; disabling ends a user's sessions", async ({ page, browser }) => {
    await login(page, ONLY_ADMIN);
    await page.goto("/beheer/gebruikers");
    await page.getByRole("link", { name: ONLY_ADMIN.name }).click();
    await page.waitForURL(/\/beheer\/gebruikers\/\d+$/);
    const ownPage = page.url();

    await page.getByLabel("Beheerder", { exact: true }).uncheck();
    await page.getByRole("button", { name: "Gegevens opslaan" }).click();
    await expect(page.getByRole("alert")).toContainText("laatste actieve beheerder");

    await page.goto(ownPage);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Account uitschakelen" }).click();
    await expect(page.getByRole("alert")).toContainText("eigen account");

    const colleague = await createStaffUser(page, { name: "Carla Collega", roles: ["Intermediair"] });
    const colleaguePage = page.url();
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await loginAndChoosePassword(otherPage, colleague, "samen sterker in de regio");

    await page.goto(colleaguePage);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Account uitschakelen" }).click();
    await expect(page.getByRole("status")).toContainText("uitgeschakeld");

    await otherPage.goto("/");
    await expect(otherPage.getByRole("link", { name: "Inloggen voor medewerkers" })).toBeVisible();
    await attemptLogin(otherPage, { email: colleague.email, password: "samen sterker in de regio" });
    await expect(otherPage.getByRole("alert")).toContainText("E-mailadres of wachtwoord klopt niet.");
    await other.close();
  });
});

test("admin and intermediary browse and filter the audit log in Dutch; it holds codes, never confidential text", async ({ page }) => {
  await login(page, admin());
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Auditlog" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Auditlog");
  await expectAccessible(page);
  await page.getByLabel("Soort handeling").selectOption({ label: "Inloggen en uitloggen" });
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(/action=auth\./);
  const table = page.getByRole("table");
  // Dutch labels on the page; the code stays in the log (and in the title).
  await expect(table.getByRole("rowheader", { name: "Ingelogd", exact: true }).first()).toBeVisible();
  await expect(table.getByRole("rowheader").locator("span:not([title^='auth.'])")).toHaveCount(0);
  await expect(table).not.toContainText("auth.login");
  const when = await table.locator("tbody tr td:first-child").first().innerText();
  expect(when).toMatch(/^\d{1,2} [a-z]+\.? \d{4}, \d{2}:\d{2}$/);
  await expect(table).not.toContainText(admin().password);

  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Bewaartermijn" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bewaartermijn");
  await expect(page.getByText("24 maanden na afronding")).toBeVisible();
  await expectAccessible(page);
});

test("an admin ends all sessions of a user", async ({ page, browser }) => {
  await login(page, admin());
  const user = await createStaffUser(page, { name: "Sanne Sessie", roles: ["Lezer"] });
  const userPage = page.url();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await loginAndChoosePassword(otherPage, user, "sessies zijn van korte duur");

  await page.goto(userPage);
  await page.getByRole("button", { name: "Alle sessies beëindigen" }).click();
  await expect(page.getByRole("status")).toContainText("Alle sessies van deze gebruiker zijn beëindigd");
  await otherPage.goto("/");
  await expect(otherPage.getByRole("link", { name: "Inloggen voor medewerkers" })).toBeVisible();
  await other.close();
});
