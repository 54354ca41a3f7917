import fs from "node:fs";
import { admin, asAnotherUser, createStaffUser, expect, expectAccessible, login, loginAndChoosePassword, serverLog, test } from "./support";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.88" } });

test("the intermediary finds a reporter by e-mail, exports everything as JSON and erases it after confirming", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const email = `zoe.ozdemir.${stamp}@example.org`;
  const message = `Het budgetplafond van onze praktijk ${stamp} is in juni bereikt.`;

  const reporter = await browser.newContext();
  const portal = await reporter.newPage();
  await portal.goto("/melden");
  await portal.getByLabel("Ik meld als").selectOption("provider");
  await portal.getByLabel("Gemeente (niet verplicht)").fill("Tilburg");
  await portal.getByLabel("Onderwerp").selectOption("contract_change");
  await portal.getByLabel("Waar staat de inkoop?").selectOption("running_contract");
  await portal.getByLabel("Wat is er aan de hand?").fill(message);
  await portal.getByLabel(/^Vertrouwelijk, met mijn contactgegevens/).check();
  await portal.getByLabel("Naam (niet verplicht)").fill(`Zoë Özdemir ${stamp}`);
  await portal.getByLabel("E-mailadres").fill(email);
  await portal.getByRole("button", { name: "Melding versturen" }).click();
  await expect(portal.getByTestId("receipt-code")).toBeVisible();
  await reporter.close();

  await login(page, admin());
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Betrokkenen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verzoeken van betrokkenen");
  await expectAccessible(page);

  await page.getByLabel("E-mailadres").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Zoeken" }).click();
  const signals = page.getByRole("region", { name: "Signalen" });
  const row = signals.getByRole("row", { name: /Signaal \d+/ });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("e-mailadres");
  // The e-mail address travelled in the body, never in the address of the page.
  expect(new URL(page.url()).search).toBe("");
  expect(page.url()).not.toContain(stamp);
  await expectAccessible(page);
  const signalId = Number((await row.getByRole("link").innerText()).replace(/\D/g, ""));

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exporteren als JSON" }).click();
  const exported = JSON.parse(fs.readFileSync((await (await download).path()) ?? "", "utf8")) as {
    signals: { id: number; reporter: { name: string; email: string }; details: string }[];
    staffAccounts: unknown[];
  };
  expect(exported.signals).toHaveLength(1);
  expect(exported.signals[0]).toMatchObject({ id: signalId, reporter: { name: `Zoë Özdemir ${stamp}`, email }, details: message });
  expect(exported.signals[0]).toMatchObject({ channel: "portal", status: "new", fromPortal: true, messages: [] });
  expect(exported.staffAccounts).toEqual([]);

  await page.getByRole("button", { name: "Wissen…" }).click();
  const confirm = page.getByRole("region", { name: "Wissen bevestigen" });
  await expect(confirm).toContainText(`Signaal ${signalId}`);
  await expectAccessible(page);
  await confirm.getByLabel(/Ja, wis de gegevens/).check();
  page.once("dialog", (dialog) => void dialog.accept());
  await confirm.getByRole("button", { name: "Definitief wissen" }).click();
  await expect(page.getByRole("status")).toContainText("De gegevens van 1 signaal zijn gewist.");

  await page.goto(`/signalen/${signalId}`);
  const confidential = page.getByRole("region", { name: "Vertrouwelijk" });
  await expect(confidential).toContainText("Geen samenvatting.");
  await expect(confidential).not.toContainText(email);
  await expect(confidential).not.toContainText("Özdemir");

  await page.goto("/betrokkenen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByText("Geen signalen gevonden met deze gegevens van de melder.")).toBeVisible();

  await page.goto("/beheer/audit?action=data_subject.");
  await expect(page.getByRole("table")).toContainText("Gegevens van een betrokkene gewist");
  expect(serverLog()).not.toContain(stamp);
});

test("an adviser or reader gets 403 on the page and its action", async ({ page }) => {
  await login(page, admin());
  const reader = await createStaffUser(page, { name: "Rik Regiolezer", roles: ["Regioadviseur", "Lezer"] });
  await asAnotherUser(page);
  await loginAndChoosePassword(page, reader, "alleen lezen in de regio");
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Betrokkenen" })).toHaveCount(0);
  const response = await page.goto("/betrokkenen");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  await expectAccessible(page);

  await page.goto("/");
  const token = await page.locator('input[name="csrf"]').first().inputValue();
  for (const path of ["/betrokkenen", "/betrokkenen/export"]) {
    const forged = await page.request.post(path, {
      form: { csrf: token, intent: "search", email: "iemand@example.org" },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(forged.status(), path).toBe(403);
  }
});
