import type { Page } from "@playwright/test";
import { admin, expect, expectAccessible, login, test } from "./support";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.81" } });

async function report(page: Page, message: string): Promise<string> {
  await page.goto("/melden");
  await page.getByLabel("Ik meld als").selectOption("provider");
  await page.getByLabel("Jeugdregio").selectOption("JZ10");
  await page.getByLabel("Onderwerp").selectOption("quality_admission");
  await page.getByLabel("Waar staat de inkoop?").selectOption("running_tender");
  await page.getByLabel("Wat is er aan de hand?").fill(message);
  await page.getByRole("button", { name: "Melding versturen" }).click();
  return (await page.getByTestId("receipt-code").textContent()) ?? "";
}

async function follow(page: Page, code: string): Promise<void> {
  await page.goto("/melden/volgen");
  await page.getByLabel("Ontvangstcode").fill(code);
  await page.getByRole("button", { name: "Bekijk mijn melding" }).click();
}

test("'Melding volgen' is linked from the start page and the form", async ({ page }) => {
  for (const url of ["/", "/melden"]) {
    await page.goto(url);
    await expect(page.getByRole("link", { name: "Melding volgen" }).first(), url).toHaveAttribute("href", "/melden/volgen");
  }
});

test("the reporter reads their own report, and after the answer the status has moved on; staff see the text once", async ({ page, browser }) => {
  const marker = `Volgproef ${Date.now()}`;
  const message = `${marker}\nDe regio eist een keurmerk dat pas volgend jaar bestaat.`;
  const code = await report(page, message);

  await follow(page, code);
  const own = page.getByRole("region", { name: "Uw melding" });
  await expect(own).toContainText("De regio eist een keurmerk dat pas volgend jaar bestaat.");
  await expect(page.getByText("Status: Ontvangen")).toBeVisible();
  await expectAccessible(page);

  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await login(staffPage, admin());
  await staffPage.goto(`/signalen?q=${encodeURIComponent(marker)}`);
  const row = staffPage.getByRole("row", { name: new RegExp(marker) });
  await expect(row).toContainText("Nieuw");
  await expect(row).not.toContainText("nieuw bericht");
  await row.getByRole("link").click();
  await expect(staffPage.getByRole("region", { name: "Vertrouwelijk" }).getByText(marker)).toHaveCount(1);
  const conversation = staffPage.getByRole("region", { name: "Berichten met de melder" });
  await expect(conversation).toContainText("Nog geen berichten.");
  await expect(conversation).not.toContainText("Er is nieuws van de melder");
  await staffPage.getByLabel("Bericht aan de melder").fill("Dank u, ik zoek het uit.");
  await staffPage.getByRole("button", { name: "Bericht aan melder versturen" }).click();
  await expect(staffPage.getByRole("status")).toContainText("Het bericht staat klaar voor de melder");
  await expect(staffPage.getByLabel("Bericht aan de melder")).toHaveValue("");
  await staff.close();

  await follow(page, code);
  await expect(page.getByText("Status: In behandeling")).toBeVisible();
  await expect(page.getByText("Dank u, ik zoek het uit.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Uw melding" })).toContainText(marker);
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled, viewport: { width: 390, height: 844 } });

    test("at 390 px the choice is readable in full, and contact fields show only for a confidential report", async ({ page }) => {
      await page.goto("/melden");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const anonymous = page.getByLabel("Anoniem: ik lees antwoorden met mijn ontvangstcode");
      await expect(anonymous).toBeChecked();
      const label = page.locator("label", { hasText: "Anoniem: ik lees antwoorden met mijn ontvangstcode" });
      const fits = await label.evaluate((l) => {
        const r = l.getBoundingClientRect();
        return r.right <= document.documentElement.clientWidth && l.scrollWidth <= l.clientWidth + 1;
      });
      expect(fits).toBe(true);
      await expect(page.getByLabel("E-mailadres")).toBeHidden();
      await expect(page.getByLabel("Naam (niet verplicht)")).toBeHidden();

      await page.getByLabel(/^Vertrouwelijk, met mijn contactgegevens/).check();
      await expect(page.getByLabel("E-mailadres")).toBeVisible();
      await expect(page.getByLabel("Telefoon")).toBeVisible();
      await anonymous.check();
      await expect(page.getByLabel("E-mailadres")).toBeHidden();
      // axe runs as script in the page, so only where the page runs script.
      if (javaScriptEnabled) await expectAccessible(page);
    });

    test("the error summary names each field", async ({ page }) => {
      await page.goto("/melden");
      await page.getByRole("button", { name: "Melding versturen" }).click();
      const summary = page.getByRole("alert");
      await expect(summary).toContainText("Kies als wie u meldt.");
      await expect(summary).toContainText("Kies waar uw melding over gaat.");
      await expect(summary).toContainText("Kies waar de inkoop staat.");
      await expect(summary).not.toContainText("Maak een keuze.");
      await expect(page.getByLabel("Ik meld als")).toHaveAccessibleDescription("Kies als wie u meldt.");
    });
  });
}
