import { admin, expect, expectAccessible, login, test } from "./support";

test("a contract review: criteria, versions with a score, the re-assessment flag, the sorted table, the map and the summary", async ({ page }) => {
  test.setTimeout(150_000);
  const title = `Inkoop jeugdhulp ${Date.now()}`;
  await login(page, admin());

  await page.goto("/beheer/criteria");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Criteria contracttoets");
  await expect(page.locator("main")).toContainText("consortium");
  await expectAccessible(page);

  await page.goto("/contracttoetsen/nieuw");
  await page.getByLabel("Regio", { exact: true }).selectOption("JZ38");
  await page.getByRole("button", { name: "Verder" }).click();
  await expectAccessible(page);
  await page.getByLabel("Aanbesteding of contract").fill(title);
  const size = page.getByRole("group", { name: /omvang of personeel/ });
  await size.getByLabel("belemmerend").check();
  await size.getByLabel("Toelichting").fill("Minimaal vijf fte.");
  await size.getByLabel("Bron (document, paragraaf, link)").fill("Bestek 3.2");
  await page.getByRole("group", { name: /consortium/ }).getByLabel("toegankelijk").check();
  await page.getByRole("button", { name: "Opslaan als concept" }).click();
  await expect(page.getByRole("status")).toContainText("versie 1");
  const reviewUrl = page.url();
  await expect(page.locator("main")).toContainText("Score versie 1: 50%, 7 onbekend");
  await expectAccessible(page);

  // A second version; the history keeps both with their scores.
  await page.getByRole("group", { name: /omvang of personeel/ }).getByLabel("deels").check();
  await page.getByLabel("Waarom deze versie (optioneel)").fill("Nota van inlichtingen");
  await page.getByRole("button", { name: "Opslaan als nieuwe versie" }).click();
  await expect(page.getByRole("status")).toContainText("versie 2");
  const history = page.getByRole("table", { name: "Versies van deze toets, nieuwste eerst" });
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history).toContainText("75%, 7 onbekend");
  await expect(history).toContainText("50%, 7 onbekend");
  await page.getByRole("button", { name: "Versie 2 publiceren" }).click();
  await expect(page.getByRole("status")).toContainText("Versie 2 is gepubliceerd");

  // A new procurement document of the region flags the review.
  await page.goto("/regios/JZ38");
  await page.getByLabel("Soort").selectOption({ index: 1 });
  await page.getByLabel("Datum").fill("2026-06-01");
  await page.getByLabel("Titel").fill("Nieuwe aankondiging");
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("Opgeslagen");
  // The start page says so, and leads to the review.
  await page.goto("/");
  await page.getByRole("region", { name: "Herbeoordeling nodig" }).getByRole("link", { name: /^Contracttoets / }).click();
  await expect(page).toHaveURL(reviewUrl);
  await expect(page.getByRole("alert").or(page.locator(".utrecht-alert")).filter({ hasText: "Herbeoordeling nodig" })).toBeVisible();

  // The overview: the table (sorted on the server) and the map.
  await page.goto("/contracttoetsen?sorteer=score");
  const table = page.getByRole("table", { name: /Laatste toets per regio/ });
  await expect(table).toContainText("gesorteerd op score");
  const row = table.getByRole("row").filter({ hasText: "75%" });
  await expect(row).toContainText("herbeoordeling nodig");
  await expect(row).toContainText("deels");
  const shapes = page.locator("#review-map .rd-region-map-svg > g > path");
  await expect(shapes).toHaveCount(42);
  // 75 % is the lightest grey but one (domain/contract-review.ts, scoreStep): this region's shade.
  await expect(shapes.and(page.locator('[fill="#d9d9d9"]'))).not.toHaveCount(0);
  await expect(page.locator("#review-map")).toContainText("50% tot 75%");
  await expectAccessible(page);

  await page.goto(`${reviewUrl}/samenvatting`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Toegankelijkheid van het contract");
  await expect(page.locator("main")).toContainText("Minimaal vijf fte.");
  await expectAccessible(page);
});
