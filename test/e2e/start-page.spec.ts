import { admin, expect, expectAccessible, login, test } from "./support";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.71" } });

test("the start page lists signals with a new message from the reporter and trajectories that need re-analysis", async ({ page, browser }) => {
  const marker = `Startpagina-melding ${Date.now()}`;
  const reporter = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.72" } });
  const portal = await reporter.newPage();
  await portal.goto("/melden");
  await portal.getByLabel("Ik meld als").selectOption("provider");
  await portal.getByLabel("Jeugdregio").selectOption("JZ19");
  await portal.getByLabel("Onderwerp").selectOption("gdpr");
  await portal.getByLabel("Waar staat de inkoop?").selectOption("none");
  await portal.getByLabel("Wat is er aan de hand?").fill(`${marker}\nDe regio vraagt dossiers op.`);
  await portal.getByRole("button", { name: "Melding versturen" }).click();
  const code = (await portal.getByTestId("receipt-code").textContent()) ?? "";

  await login(page, admin());
  await page.goto(`/signalen?q=${encodeURIComponent(marker)}`);
  await page.getByRole("row", { name: new RegExp(marker) }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Signaal \d+/);
  const signalUrl = page.url();

  await portal.goto("/melden/volgen");
  await portal.getByLabel("Ontvangstcode").fill(code);
  await portal.getByRole("button", { name: "Bekijk mijn melding" }).click();
  await portal.getByLabel("Bericht aan de intermediair").fill("Nog een vraag over de bewaartermijn.");
  await portal.getByRole("button", { name: "Bericht versturen" }).click();
  await expect(portal.getByText("Uw bericht is verstuurd")).toBeVisible();
  await reporter.close();

  await page.goto("/trajecten/nieuw");
  await page.getByLabel("Jeugdregio").selectOption("JZ19");
  await page.getByLabel("Strategisch doel").fill("Startpagina: herbeoordeling zichtbaar");
  await page.getByRole("button", { name: "Traject starten" }).click();
  await expect(page.getByRole("status")).toContainText("Het traject is gestart");
  const trajectoryUrl = new URL(page.url()).pathname;
  await page.goto("/regios/JZ19");
  await page.getByLabel("Soort").selectOption("clarifications");
  await page.getByLabel("Datum").fill("2030-01-15");
  await page.getByLabel("Titel").fill("Nota van inlichtingen voor de startpagina");
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("herbeoordeling nodig");

  await page.goto("/");
  const news = page.getByRole("region", { name: "Nieuwe berichten van melders" });
  await expect(news.getByRole("link", { name: new RegExp(marker) })).toHaveAttribute("href", new URL(signalUrl).pathname);
  const reanalysis = page.getByRole("region", { name: "Herbeoordeling nodig" });
  await expect(reanalysis.getByRole("link", { name: /Startpagina: herbeoordeling zichtbaar/ })).toHaveAttribute("href", trajectoryUrl);
  await expectAccessible(page);

  // Read: the message leaves the list of news (the signal itself may still wait among the oldest new signals).
  await page.goto(signalUrl);
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Nieuwe berichten van melders" }).getByRole("link", { name: new RegExp(marker) })).toHaveCount(0);
});
