import { expect, test } from "@playwright/test";
import { admin, expectAccessible, login } from "./support";

test.beforeEach(async ({ page }) => {
  await login(page, admin());
});

test("a new trajectory offers the chosen region's municipalities as checkboxes", async ({ page }) => {
  await page.goto("/trajecten/nieuw");
  await page.getByLabel("Jeugdregio").selectOption("JZ14");
  const involved = page.getByRole("group", { name: "Betrokken gemeenten (niet verplicht)" });
  await expect(involved.getByRole("checkbox", { name: "Hengelo" })).toBeVisible();
  await expect(involved.getByRole("checkbox")).toHaveCount(14);
  await expect(page.getByRole("checkbox", { name: "Zeist" })).toHaveCount(0);
  await involved.getByRole("checkbox", { name: "Enschede" }).check();
  await involved.getByRole("checkbox", { name: "Hengelo" }).check();
  await expectAccessible(page);
  await page.getByLabel("Strategisch doel").fill("Twente: gemeenten aangevinkt");
  await page.getByRole("button", { name: "Traject starten" }).click();
  await expect(page.getByRole("status")).toContainText("Het traject is gestart");
  await expect(page.getByRole("region", { name: "Betrokkenen" })).toContainText("Gemeenten: Enschede, Hengelo.");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the municipalities are grouped per region, folded, and the server keeps them in the chosen region", async ({ page }) => {
    await page.goto("/trajecten/nieuw");
    await page.getByLabel("Jeugdregio").selectOption("JZ14");
    await page.getByText("Gemeenten in Twente").click();
    await page.getByRole("checkbox", { name: "Almelo" }).check();
    await page.getByText("Gemeenten in Zuidoost Utrecht").click();
    await page.getByRole("checkbox", { name: "Zeist" }).check();
    await page.getByLabel("Strategisch doel").fill("Twente zonder JavaScript");
    await page.getByRole("button", { name: "Traject starten" }).click();
    await expect(page.getByRole("alert")).toContainText("Kies alleen gemeenten uit de regio van het traject.");
    await expect(page.getByRole("checkbox", { name: "Almelo" })).toBeChecked();
    await page.getByRole("checkbox", { name: "Zeist" }).uncheck();
    await page.getByRole("button", { name: "Traject starten" }).click();
    await expect(page.getByRole("status")).toContainText("Het traject is gestart");
    await expect(page.getByRole("region", { name: "Betrokkenen" })).toContainText("Gemeenten: Almelo.");
  });
});
