import { admin, attemptLogin, enterSecondFactorCode, expect, expectAccessible, login, logout, nextTotpCode, readyStaffUser, test } from "./support";

test("login page is accessible and a wrong password gets one neutral message", async ({ page }) => {
  await page.goto("/login");
  await expectAccessible(page);
  await attemptLogin(page, { email: admin().email, password: "dit is niet het wachtwoord" });
  await expect(page.getByRole("alert")).toContainText("E-mailadres of wachtwoord klopt niet.");
  await expect(page.getByLabel("E-mailadres")).toHaveValue(admin().email);

  // An unknown account gets exactly the same answer.
  await attemptLogin(page, { email: "niemand@example.org", password: "dit is niet het wachtwoord" });
  await expect(page.getByRole("alert")).toContainText("E-mailadres of wachtwoord klopt niet.");
});

test("an admin logs in, sees the start page and the navigation of the role, and logs out", async ({ page, browser }) => {
  const own = await readyStaffUser(browser, { name: "Bas Beheer", roles: ["Beheerder"] });
  await login(page, own, { fresh: true });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welkom, ${own.name}`);
  const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
  await expect(nav.getByRole("link", { name: "Gebruikers" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Regio's" })).toBeVisible();
  await expectAccessible(page);

  await logout(page);
  // The session ended on the server: a protected page sends back to the login page.
  await page.goto("/beheer/gebruikers");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fbeheer%2Fgebruikers$/);
});

test("after login the user returns to the page that asked for it", async ({ page, browser }) => {
  const own = await readyStaffUser(browser, { name: "Roos Regiobeheer", roles: ["Beheerder"] });
  await page.goto("/beheer/regios");
  await expect(page).toHaveURL(/redirectTo/);
  await page.getByLabel("E-mailadres").fill(own.email);
  await page.getByLabel("Wachtwoord").fill(own.password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/login\/code\?redirectTo=%2Fbeheer%2Fregios$/);
  await enterSecondFactorCode(page, own.email);
  await expect(page).toHaveURL(/\/beheer\/regios$/);
});

test("login works with the keyboard alone", async ({ page, browser }) => {
  const own = await readyStaffUser(browser, { name: "Toos Toetsenbord", roles: ["Intermediair"] });
  await page.goto("/login");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Naar de inhoud" })).toBeFocused();
  await page.getByLabel("E-mailadres").focus();
  await page.keyboard.type(own.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Wachtwoord")).toBeFocused();
  await page.keyboard.type(own.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Code invoeren");
  await page.getByLabel("Code", { exact: true }).focus();
  await page.keyboard.type(await nextTotpCode(own.email));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welkom, ${own.name}`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("login and logout work as plain HTML forms", async ({ page, browser }) => {
    const own = await readyStaffUser(browser, { name: "Henk Html", roles: ["Intermediair"] });
    await login(page, own, { fresh: true });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welkom, ${own.name}`);
    await logout(page);
  });
});

test.describe("brute force", () => {
  // This test speaks for its own client address, so its lockout does not touch the other tests.
  test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.23" } });

  test("after 5 failures further attempts are refused for 15 minutes, even with the right password", async ({ page }) => {
    const target = { email: "lockout-doelwit@example.org", password: "fout wachtwoord nummer x" };
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await attemptLogin(page, target);
      await expect(page.getByRole("alert")).toContainText("E-mailadres of wachtwoord klopt niet.");
    }
    const response = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login"));
    await attemptLogin(page, admin());
    expect((await response).status()).toBe(429);
    await expect(page.getByRole("alert")).toContainText("Te veel mislukte inlogpogingen");
    await expect(page.getByRole("alert")).toContainText("15 minuten");
  });
});

test("POSTs without the CSRF token or from another origin are refused", async ({ page, request }) => {
  await page.goto("/login");
  const origin = new URL(page.url()).origin;
  const noToken = await page.request.post("/login", {
    form: { email: admin().email, password: admin().password },
    headers: { Origin: origin },
  });
  expect(noToken.status()).toBe(403);

  const token = await page.locator('input[name="csrf"]').first().inputValue();
  const foreign = await page.request.post("/login", {
    form: { email: admin().email, password: admin().password, csrf: token },
    headers: { Origin: "https://evil.example" },
  });
  expect(foreign.status()).toBe(403);

  const withoutCookie = await request.post("/login", {
    form: { email: admin().email, password: admin().password, csrf: token },
    headers: { Origin: origin },
  });
  expect(withoutCookie.status()).toBe(403);
});

test("healthz answers when the database does", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
});

test("a user sees their active sessions and ends another one; an admin ends all sessions of a user", async ({ page, browser }) => {
  const own = await readyStaffUser(browser, { name: "Sem Sessies", roles: ["Intermediair"], firstLoginIn: page });
  const other = await browser.newContext({ userAgent: "Tweede browser (test)" });
  const otherPage = await other.newPage();
  await login(otherPage, own, { fresh: true });

  await page.getByRole("link", { name: "Mijn sessies" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn sessies");
  await expect(page.getByRole("table")).toContainText("Deze sessie");
  await expect(page.getByRole("table")).toContainText("Tweede browser (test)");
  await expectAccessible(page);
  await page.getByRole("row", { name: /Tweede browser/ }).getByRole("button", { name: /beëindigen/ }).click();
  await expect(page.getByRole("status")).toContainText("De sessie is beëindigd");
  await expect(page.getByRole("table")).not.toContainText("Tweede browser (test)");
  await otherPage.goto("/beheer/gebruikers");
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
});

test("changing one's own roles moves the session to a new id; the old id opens nothing", async ({ page, browser }) => {
  // An admin of its own: the new id would leave the worker admin's remembered session behind.
  const own = await readyStaffUser(browser, { name: "Rolf Rollen", roles: ["Beheerder"] });
  await login(page, own, { fresh: true });
  const sessionCookie = async () => (await page.context().cookies()).find((c) => c.name === "rd_session");
  const before = await sessionCookie();
  await page.goto("/beheer/gebruikers");
  await page.getByRole("link", { name: own.name }).click();
  await page.waitForURL(/\/beheer\/gebruikers\/\d+$/);
  await page.getByLabel("Lezer", { exact: true }).check();
  await page.getByRole("button", { name: "Gegevens opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("De gegevens zijn opgeslagen");
  expect((await sessionCookie())?.value).not.toBe(before?.value);

  // Still logged in with the new id: the role goes again.
  await page.getByLabel("Lezer", { exact: true }).uncheck();
  await page.getByRole("button", { name: "Gegevens opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("De gegevens zijn opgeslagen");

  const stale = await browser.newContext();
  if (before) await stale.addCookies([before]);
  const stalePage = await stale.newPage();
  await stalePage.goto("/beheer/gebruikers");
  await expect(stalePage).toHaveURL(/\/login/);
  await stale.close();
});
