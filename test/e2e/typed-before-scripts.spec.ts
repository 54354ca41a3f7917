import { admin, expect, login, test } from "./support";

/**
 * On a slow phone or line the form is there before its scripts: what a user types in that time must survive React
 * taking over the page. The scripts are held back here until the fields are filled, as a slow network would.
 */
test("what is typed into the intake form before its scripts have run is kept once they run", async ({ page }) => {
  await login(page, admin());
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/build\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/signalen/nieuw", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Gemeente (niet verplicht)").fill("Zeist");
  await page.getByLabel("Jeugdregio").selectOption("JZ22");
  await page.getByLabel("Korte samenvatting").fill("Getypt voordat de scripts er waren");
  release();
  await page.waitForFunction(() => "__remixRouter" in window && document.readyState === "complete");
  // React's first effects have run once the router exists; give them a turn of the event loop.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  await expect(page.getByLabel("Gemeente (niet verplicht)")).toHaveValue("Zeist");
  await expect(page.getByLabel("Jeugdregio")).toHaveValue("JZ22");
  await expect(page.getByLabel("Korte samenvatting")).toHaveValue("Getypt voordat de scripts er waren");
});
