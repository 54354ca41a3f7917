import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { admin, asAnotherUser, attemptLogin, createStaffUser, enrolSecondFactor, enterSecondFactorCode, expect, expectAccessible, login, loginAndChoosePassword, logout, nextTotpCode, test, totpKeyOf } from "./support";

// Wrong codes count against the client address, so this file speaks for its own and locks out no other test.
const ADDRESS = { "X-Forwarded-For": "198.51.100.61" };
test.use({ extraHTTPHeaders: ADDRESS });

async function choosePassword(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel("Huidig wachtwoord").fill(current);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(next);
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(next);
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
}

test("an intermediary must set up a second factor; codes work once, recovery codes once; an admin reset starts over", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await login(page, admin());
  const user = await createStaffUser(page, { name: "Tessa Tweestap", roles: ["Intermediair"] });
  const userAdminPage = page.url();
  const password = "twee stappen houden indringers buiten";
  const context = await browser.newContext({ extraHTTPHeaders: ADDRESS });
  const own = await context.newPage();

  // After the temporary password, the enrolment page comes first, and every other page sends back to it.
  await attemptLogin(own, user);
  await choosePassword(own, user.password, password);
  await expect(own).toHaveURL(/\/account\/tweede-stap$/);
  await own.goto("/signalen");
  await expect(own).toHaveURL(/\/account\/tweede-stap$/);
  await expect(own.getByRole("heading", { level: 1 })).toHaveText("Tweestapsverificatie instellen");
  const qr = own.getByRole("img", { name: "QR-code om Rode Draad toe te voegen aan uw authenticator-app" });
  await expect(qr.locator("svg")).toHaveCount(1);
  await expect(own.getByTestId("totp-key")).toHaveText(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  await expectAccessible(own);

  const key = (await own.getByTestId("totp-key").innerText()).replace(/\s+/g, "");
  const right = new TOTP({ secret: Secret.fromBase32(key) }).generate();
  await own.getByLabel("Code van zes cijfers").fill(String((Number(right) + 500_000) % 1_000_000).padStart(6, "0"));
  await own.getByRole("button", { name: "Code controleren" }).click();
  await expect(own.getByRole("alert")).toContainText("Deze code klopt niet");
  await expectAccessible(own);

  const recovery = await enrolSecondFactor(own, user.email);
  expect(recovery).toHaveLength(10);
  expect(totpKeyOf(user.email)).toBe(key);
  await logout(own);

  // The password alone opens only the code page.
  await attemptLogin(own, { email: user.email, password });
  await expect(own).toHaveURL(/\/login\/code$/);
  await expectAccessible(own);
  await own.goto("/signalen");
  await expect(own).toHaveURL(/\/login\/code$/);
  const code = await nextTotpCode(user.email);
  await enterSecondFactorCode(own, user.email, code);
  await expect(own.getByRole("heading", { level: 1 })).toHaveText(`Welkom, ${user.name}`);
  await logout(own);

  // The same code a second time is refused, although its time window has not passed.
  await attemptLogin(own, { email: user.email, password });
  await enterSecondFactorCode(own, user.email, code);
  await expect(own.getByRole("alert")).toContainText("Deze code klopt niet of is al gebruikt");
  await expect(own).toHaveURL(/\/login\/code$/);

  // A recovery code works, once.
  await enterSecondFactorCode(own, user.email, recovery[0]);
  await expect(own.getByRole("heading", { level: 1 })).toHaveText(`Welkom, ${user.name}`);
  await logout(own);
  await attemptLogin(own, { email: user.email, password });
  await enterSecondFactorCode(own, user.email, recovery[0]);
  await expect(own.getByRole("alert")).toContainText("Deze code klopt niet of is al gebruikt");
  await own.getByRole("button", { name: "Inloggen afbreken" }).click();
  await expect(own).toHaveURL(/\/login$/);

  // Lost phone: the admin resets; the next login leads to a new set-up, not to the code page.
  await page.goto(userAdminPage);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Tweestapsverificatie resetten" }).click();
  await expect(page.getByRole("status")).toContainText("De tweestapsverificatie is gereset");
  await attemptLogin(own, { email: user.email, password });
  await expect(own).toHaveURL(/\/account\/tweede-stap$/);
  expect((await own.getByTestId("totp-key").innerText()).replace(/\s+/g, "")).not.toBe(key);
  await context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a reader sets up a second factor voluntarily and logs in with it, as plain HTML forms", async ({ page }) => {
    test.setTimeout(90_000);
    await login(page, admin());
    const reader = await createStaffUser(page, { name: "Vera Vrijwillig", roles: ["Lezer"] });
    await asAnotherUser(page);
    await loginAndChoosePassword(page, reader, "vrijwillig twee stappen zetten");
    await expect(page).toHaveURL(/\/$/);

    await page.getByRole("link", { name: "Mijn sessies" }).click();
    await page.getByRole("link", { name: "Tweestapsverificatie instellen" }).click();
    await expect(page.getByRole("img", { name: /QR-code/ }).locator("svg")).toHaveCount(1);
    await enrolSecondFactor(page, reader.email);
    await logout(page);

    await attemptLogin(page, { email: reader.email, password: "vrijwillig twee stappen zetten" });
    await expect(page).toHaveURL(/\/login\/code$/);
    await enterSecondFactorCode(page, reader.email);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welkom, ${reader.name}`);
  });
});
