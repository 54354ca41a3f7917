import type { Page } from "@playwright/test";
import { admin, expect, expectAccessible, login, test, uniqueEmail } from "./support";

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const DUTCH_DATE = /\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan\.|feb\.|mrt\.|apr\.|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.) \d{4}\b/;

async function logSignal(page: Page, summary: string): Promise<string> {
  await page.goto("/signalen/nieuw");
  await page.getByLabel("Afkomstig van").selectOption("provider");
  await page.getByLabel("Jeugdregio").selectOption("JZ30");
  await page.getByLabel("Soort vraag").selectOption("gdpr");
  await page.getByLabel("Fase inkoop").selectOption("none");
  await page.getByLabel("Korte samenvatting").fill(summary);
  await page.getByRole("button", { name: "Signaal vastleggen" }).click();
  await expect(page.getByText("Het signaal is vastgelegd")).toBeVisible();
  return page.url();
}

test.beforeEach(async ({ page }) => {
  await login(page, admin());
});

test("people read one Dutch date notation; ISO stays out of the pages", async ({ page }) => {
  const signalUrl = await logSignal(page, "Datumnotatie");
  await page.getByLabel("Nieuwe notitie (intern)").fill("Notitie met een datum ernaast");
  await page.getByRole("button", { name: "Notitie toevoegen" }).click();
  await expect(page.getByRole("region", { name: "Notities" })).toContainText("Notitie met een datum ernaast");
  for (const url of [signalUrl, "/signalen", "/trajecten", "/account/sessies", "/lessen", "/"]) {
    await page.goto(url);
    const text = await page.locator("main").innerText();
    expect(text, url).not.toMatch(ISO_DATE);
    expect(text, url).not.toMatch(/\d{1,2}-\d{1,2}-\d{4}, \d{2}:\d{2}:\d{2}/);
  }
  await page.goto(signalUrl);
  await expect(page.locator("main")).toContainText(DUTCH_DATE);
  await expect(page.getByRole("region", { name: "Notities" })).toContainText(/\d{1,2} [a-z]+\.? \d{4}, \d{2}:\d{2}/);
});

test("after saving, the focus is on the message that says so, not on the page body", async ({ page }) => {
  await logSignal(page, "Focus na opslaan");
  await expect(page.locator(".rd-flash")).toBeFocused();
  await page.getByLabel("Nieuwe notitie (intern)").fill("Focus");
  await page.getByRole("button", { name: "Notitie toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("De notitie is toegevoegd");
  await expect(page.locator(".rd-flash")).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("BODY");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the message takes the focus on the page after the save too", async ({ page }) => {
    await logSignal(page, "Focus zonder JavaScript");
    await expect(page.locator(".rd-flash")).toBeFocused();
  });
});

async function expectTarget(page: Page, label: string | RegExp): Promise<void> {
  const size = await page.getByLabel(label).first().boundingBox();
  expect(size?.width, String(label)).toBeGreaterThanOrEqual(24);
  expect(size?.height, String(label)).toBeGreaterThanOrEqual(24);
}

test("checkboxes and radio buttons are targets of at least 24 by 24 pixels", async ({ page }) => {
  await page.goto("/signalen/nieuw");
  await page.getByText("Meer gegevens (niet verplicht)").click();
  await expectTarget(page, "Verscherpte toelatings- of kwaliteitseisen");
  await page.goto("/signalen");
  await expectTarget(page, "Samenvatting meenemen (vertrouwelijk)");
  await page.goto("/melden");
  await expectTarget(page, "Anoniem: ik lees antwoorden met mijn ontvangstcode");
});

test("the audit log reads in Dutch; the password rule names the part of the address, and speaks to the admin about someone else", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto("/beheer/audit?action=auth.");
  await expect(page.getByRole("table").getByRole("rowheader", { name: "Ingelogd", exact: true }).first()).toBeVisible();
  // The page hydrates as it was rendered (the page count once read a server-only constant in the browser: "van NaN").
  await expect(page.locator("main")).not.toContainText("NaN");
  expect(pageErrors).toEqual([]);
  await expect(page.getByRole("table")).not.toContainText("auth.login");
  await expectAccessible(page);

  const email = uniqueEmail("petra.pieters");
  await page.goto("/beheer/gebruikers/nieuw");
  await page.getByLabel("Naam").fill("Petra Pieters");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Lezer", { exact: true }).check();
  await page.getByLabel("Tijdelijk wachtwoord").fill(`${email.split("@")[0]}-2026`);
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  const field = page.getByLabel("Tijdelijk wachtwoord");
  await expect(field).toHaveAccessibleDescription(/mag het deel van het e-mailadres vóór de @ niet bevatten/);
  await expect(page.getByRole("alert")).not.toContainText(" uw ");
});
