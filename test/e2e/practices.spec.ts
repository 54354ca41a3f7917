import Database from "better-sqlite3";
import path from "node:path";
import { createSignal, postForm, TODAY } from "../security/support";
import { admin, E2E_DIR, expect, expectAccessible, login, test } from "./support";

function auditOf(practiceId: number): { action: string; detail: string | null }[] {
  const database = new Database(path.join(E2E_DIR, "rode-draad.db"), { readonly: true });
  try {
    return database.prepare("select action, detail from audit_log where entity_type = 'knowledge_practice' and entity_id = ? order by id").all(String(practiceId)) as { action: string; detail: string | null }[];
  } finally {
    database.close();
  }
}

test("a practice from a lesson learned passes the guard and is found on /voorbeelden without JavaScript", async ({ page, browser }) => {
  // One story from lesson to public page, with axe on each of its pages: long on a loaded machine.
  test.setTimeout(150_000);
  const word = `Voorbeeldproef${Date.now()}`;
  const reporter = "Gerbrand Wolterink";
  await login(page, admin());

  // A trajectory in Zeeland with a linked signal whose reporter the practice will name by mistake, and a lesson.
  const signalId = await createSignal(page.request, { summary: `Geheime samenvatting ${word}`, reporterName: reporter });
  const created = await postForm(page.request, "/trajecten/nieuw", { regionCode: "JZ38", strategicGoal: `Vertrouwelijk doel ${word}`, providersInvolved: "3", startedOn: TODAY, signalId: String(signalId) });
  const trajectoryId = Number(/\/trajecten\/(\d+)$/.exec(created.headers()["location"] ?? "")?.[1]);
  expect((await postForm(page.request, `/trajecten/${trajectoryId}`, { intent: "lesson", text: `Vertrouwelijke les ${word}` })).status()).toBe(302);

  await page.goto("/lessen");
  await expectAccessible(page);
  await page.getByRole("row", { name: new RegExp(`Vertrouwelijke les ${word}`) }).getByRole("link", { name: "Maak een goed voorbeeld" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuw goed voorbeeld");
  // The classification only: region, topic and phase, never the lesson's or the trajectory's text.
  await expect(page.getByLabel("Regio", { exact: true })).toHaveValue("JZ38");
  await expect(page.getByLabel("Onderwerp")).toHaveValue("strategy_advice");
  await expect(page.getByLabel("Fase van de inkoop")).toHaveValue("upcoming_tender");
  await expect(page.getByLabel("Titel")).toHaveValue("");
  await expect(page.getByLabel(/Regio tonen/)).not.toBeChecked();
  await expect(page.locator("main")).not.toContainText("Vertrouwelijk");
  await expectAccessible(page);

  await page.getByLabel("Titel").fill(`Samen de toelatingseisen schrijven ${word}`);
  await page.getByLabel("Wat er is gedaan").fill("Aanbieders en regio schreven samen de eisen.\n\n- Drie werksessies\n- **Open house** als uitgangspunt");
  await page.getByLabel("Wat het opleverde").fill("Vrijgevestigden konden zonder consortium meedoen, dankzij meneer wolterink.");
  await page.getByLabel(/Regio tonen/).check();
  await page.getByRole("button", { name: "Opslaan als concept" }).click();
  await expect(page.getByRole("status")).toContainText("opgeslagen als concept (versie 1)");
  const practiceId = Number(/\/kennisbank\/voorbeelden\/(\d+)$/.exec(page.url())?.[1]);
  await expect(page.locator("main")).toContainText(`les `);

  // The guard catches the trajectory's reporter by surname; publishing needs the explicit choice.
  const guard = page.getByRole("region", { name: "Vertrouwelijkheidscheck en publiceren" });
  await expect(guard).toContainText("De controle vond 1 treffer in versie 1");
  await expect(guard).toContainText(`Naam van een melder: ${reporter}`);
  await expectAccessible(page);
  await guard.getByRole("button", { name: "Versie 1 publiceren" }).click();
  await expect(guard.getByRole("link", { name: /kies uitdrukkelijk om toch te publiceren/ })).toBeVisible();
  expect(auditOf(practiceId).map((e) => e.action)).not.toContain("practice.published");
  await guard.getByLabel(/publiceer toch/).check();
  await guard.getByRole("button", { name: "Versie 1 publiceren" }).click();
  await expect(page.getByRole("status")).toContainText("Versie 1 staat op de openbare site");
  const entries = auditOf(practiceId);
  expect(entries.map((e) => e.action)).toEqual(["practice.created", "practice.guard_overridden", "practice.published"]);
  expect(entries.map((e) => e.detail).join(" ")).not.toMatch(/wolterink/i);
  await page.goto("/kennisbank/voorbeelden");
  await expect(page.getByRole("row", { name: new RegExp(word) })).toContainText("Gepubliceerd");
  await expectAccessible(page);

  // The public pages, read by someone not logged in and without JavaScript.
  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const publicPage = await visitor.newPage();
  await publicPage.goto("/vragen");
  await expect(publicPage.getByRole("contentinfo").getByRole("link", { name: "Goede voorbeelden" })).toHaveAttribute("href", "/voorbeelden");
  await publicPage.locator("main").getByRole("link", { name: "goede voorbeelden" }).click();
  await publicPage.getByLabel("Zoek op woorden").fill(`${word.toLowerCase()} CONSORTIUM`);
  await publicPage.getByLabel("Regio").selectOption({ label: "Zeeland" });
  await publicPage.getByRole("button", { name: "Zoeken" }).click();
  expect(new URL(publicPage.url()).searchParams.get("regio")).toBe("JZ38");
  await expect(publicPage.getByRole("heading", { name: "1 voorbeeld" })).toBeVisible();
  await publicPage.getByRole("link", { name: /toelatingseisen/ }).click();
  const main = publicPage.locator("main");
  await expect(main.locator("strong")).toHaveText("Open house");
  await expect(main).toContainText("Zeeland");
  await expect(main).not.toContainText("Vertrouwelijk");
  await expect(main).not.toContainText("traject");
  const practiceUrl = publicPage.url();
  // axe runs as a script, so it checks the same pages (sent without scripts either way) in a context that allows it.
  const checker = await browser.newContext();
  const checkPage = await checker.newPage();
  for (const url of [`/voorbeelden?q=${encodeURIComponent(word)}`, practiceUrl]) {
    await checkPage.goto(url);
    await expectAccessible(checkPage);
  }
  await checker.close();
  await publicPage.goto(`/voorbeelden?q=${encodeURIComponent(word)}&onderwerp=gdpr`);
  await expect(publicPage.getByRole("heading", { name: "0 voorbeelden" })).toBeVisible();

  // Withdrawn, it is gone from the public site.
  await page.goto(`/kennisbank/voorbeelden/${practiceId}`);
  await page.getByRole("button", { name: "Voorbeeld intrekken" }).click();
  await expect(page.getByRole("status")).toContainText("ingetrokken");
  expect((await publicPage.goto(practiceUrl))?.status()).toBe(404);
  await visitor.close();
  expect(auditOf(practiceId).map((e) => e.action).at(-1)).toBe("practice.withdrawn");
});
