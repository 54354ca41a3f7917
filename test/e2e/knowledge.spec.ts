import Database from "better-sqlite3";
import path from "node:path";
import { admin, E2E_DIR, expect, expectAccessible, login, test } from "./support";

function auditOf(articleId: number): { action: string; detail: string | null }[] {
  const database = new Database(path.join(E2E_DIR, "rode-draad.db"), { readonly: true });
  try {
    return database.prepare("select action, detail from audit_log where entity_type = 'knowledge_article' and entity_id = ? order by id").all(String(articleId)) as { action: string; detail: string | null }[];
  } finally {
    database.close();
  }
}

test("an article from an answered signal passes the guard and is found on /vragen without JavaScript", async ({ page, browser }) => {
  // One story from signal to public page, with axe on each of its five pages: long on a loaded machine.
  test.setTimeout(150_000);
  const word = `Kennisproef${Date.now()}`;
  const reporter = "Henriëtte Zwanenburg";
  await login(page, admin());

  // An answered signal whose reporter the article will name by mistake.
  await page.goto("/signalen/nieuw");
  await page.getByLabel("Afkomstig van").selectOption({ label: "Vrijgevestigde aanbieder" });
  await page.getByLabel("Jeugdregio").selectOption({ label: "Twente (JZ14)" });
  await page.getByLabel("Soort vraag").selectOption("gdpr");
  await page.getByLabel("Fase inkoop").selectOption("contracting");
  await page.getByLabel("Korte samenvatting").fill(`Geheime samenvatting ${word}`);
  await page.getByText("Meer gegevens (niet verplicht)").click();
  await page.getByLabel("Naam melder (niet verplicht)").fill(reporter);
  await page.getByRole("button", { name: "Signaal vastleggen" }).click();
  await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");
  const signalUrl = page.url();
  await page.getByRole("button", { name: "In behandeling nemen" }).click();
  await page.getByRole("button", { name: "Markeren als beantwoord" }).click();
  await expect(page.getByRole("button", { name: "Afronden" })).toBeVisible();

  const similar = page.getByRole("region", { name: "Vergelijkbare vragen" });
  await similar.getByRole("link", { name: "Maak een kennisartikel" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuw kennisartikel");
  // The classification only: topic and phase, never the signal's text.
  await expect(page.getByLabel("Onderwerp")).toHaveValue("gdpr");
  await expect(page.getByLabel("Fase van de inkoop")).toHaveValue("contracting");
  await expect(page.getByLabel("Vraag")).toHaveValue("");
  await expect(page.getByLabel("Antwoord")).toHaveValue("");
  await expect(page.locator("main")).not.toContainText("Geheime samenvatting");
  await expectAccessible(page);

  await page.getByLabel("Vraag").fill(`Mag de regio een verwerkersovereenkomst eisen? ${word}`);
  await page.getByLabel("Antwoord").fill(`Ja, als u persoonsgegevens verwerkt.\n\n- Vraag het model op\n- **Let op** de termijn\n\nZoals mevrouw zwanenburg vroeg.`);
  await page.getByLabel("Verwijzingen (wetten, documenten, links)").fill("Jeugdwet, artikel 7.3.11\nAVG-uitleg | javascript:alert(1)");
  await page.getByRole("button", { name: "Opslaan als concept" }).click();
  await expect(page.locator("#article-new-references-error")).toContainText("is geen webadres dat met http:// of https:// begint");
  await page.getByLabel("Verwijzingen (wetten, documenten, links)").fill("Jeugdwet, artikel 7.3.11\nAVG-uitleg | https://www.autoriteitpersoonsgegevens.nl/");
  await page.getByRole("button", { name: "Opslaan als concept" }).click();
  await expect(page.getByRole("status")).toContainText("opgeslagen als concept (versie 1)");
  const articleId = Number(/\/kennisbank\/(\d+)$/.exec(page.url())?.[1]);

  // The guard catches the reporter's surname, whatever its case; publishing needs the explicit choice.
  const guard = page.getByRole("region", { name: "Vertrouwelijkheidscheck en publiceren" });
  await expect(guard).toContainText("De controle vond 1 treffer in versie 1");
  await expect(guard).toContainText("Naam van een melder");
  await expectAccessible(page);
  await guard.getByRole("button", { name: "Versie 1 publiceren" }).click();
  await expect(guard.getByRole("link", { name: /kies uitdrukkelijk om toch te publiceren/ })).toBeVisible();
  await expectAccessible(page);
  expect(auditOf(articleId).map((e) => e.action)).not.toContain("knowledge.published");

  // A marked sensitive name is caught too; rewriting the text gives a new version without hits.
  await page.getByLabel("Gevoelige namen (alleen intern)").fill("Praktijk De Linde");
  await page.getByLabel("Antwoord").fill("Ja, als u persoonsgegevens verwerkt.\n\n- Vraag het model op bij praktijk de linde\n- **Let op** de termijn");
  await page.getByRole("button", { name: "Opslaan als nieuwe versie" }).click();
  await expect(page.getByRole("status")).toContainText("opgeslagen als versie 2");
  await expect(guard).toContainText("Als gevoelig gemarkeerde naam");
  await guard.getByLabel(/publiceer toch/).check();
  await guard.getByRole("button", { name: "Versie 2 publiceren" }).click();
  await expect(page.getByRole("status")).toContainText("Versie 2 staat op de openbare site");
  const entries = auditOf(articleId);
  expect(entries.map((e) => e.action)).toEqual(["knowledge.created", "knowledge.saved", "knowledge.guard_overridden", "knowledge.published"]);
  expect(entries.map((e) => e.detail).join(" ")).not.toMatch(/linde|zwanenburg/i);

  // The public page, read by someone not logged in and without JavaScript.
  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const publicPage = await visitor.newPage();
  await publicPage.goto("/vragen");
  await publicPage.getByLabel("Zoek op woorden").fill(word.toLowerCase());
  await publicPage.getByLabel("Onderwerp").selectOption("gdpr");
  await publicPage.getByRole("button", { name: "Zoeken" }).click();
  expect(new URL(publicPage.url()).searchParams.get("onderwerp")).toBe("gdpr");
  await expect(publicPage.getByRole("heading", { name: "1 vraag" })).toBeVisible();
  await publicPage.getByRole("link", { name: /verwerkersovereenkomst/ }).click();
  const main = publicPage.locator("main");
  await expect(main.locator("strong")).toHaveText("Let op");
  await expect(main.getByRole("listitem").first()).toContainText("Vraag het model op");
  await expect(main.getByRole("link", { name: "AVG-uitleg" })).toHaveAttribute("href", "https://www.autoriteitpersoonsgegevens.nl/");
  await expect(main).not.toContainText("Geheime samenvatting");
  await expect(main).not.toContainText("signaal");
  const articleUrl = publicPage.url();
  // axe runs as a script, so it checks the same pages (sent without scripts either way) in a context that allows it.
  const checker = await browser.newContext();
  const checkPage = await checker.newPage();
  for (const url of [`/vragen?q=${encodeURIComponent(word)}`, articleUrl]) {
    await checkPage.goto(url);
    await expectAccessible(checkPage);
  }
  await checker.close();
  await publicPage.goto(`/vragen?q=${encodeURIComponent(word)}&onderwerp=quality_admission`);
  await expect(publicPage.getByRole("heading", { name: "0 vragen" })).toBeVisible();

  // The signal's page offers it; withdrawn, it is gone from the public site.
  await page.goto(signalUrl);
  await expect(page.getByRole("region", { name: "Vergelijkbare vragen" }).getByRole("link", { name: /verwerkersovereenkomst/ })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/kennisbank/${articleId}`);
  await page.getByRole("button", { name: "Artikel intrekken" }).click();
  await expect(page.getByRole("status")).toContainText("ingetrokken");
  expect((await publicPage.goto(articleUrl))?.status()).toBe(404);
  await publicPage.goto(`/vragen?q=${encodeURIComponent(word)}`);
  await expect(publicPage.getByRole("heading", { name: "0 vragen" })).toBeVisible();
  await visitor.close();

  await page.goto("/kennisbank");
  await expect(page.getByRole("row", { name: /verwerkersovereenkomst/ })).toContainText("Ingetrokken");
  await expectAccessible(page);
});
