import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { admin, E2E_DIR, expect, expectAccessible, login, test } from "./support";

/** Presses Tab until `done` holds, and returns how many presses it took (at most `limit`). */
async function tabUntil(page: Page, done: () => Promise<boolean>, limit = 40): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press("Tab");
    if (await done()) return presses;
  }
  throw new Error(`Na ${limit} keer Tab nog niet aangekomen.`);
}

function noteEvents(signalId: number): number {
  const database = new Database(path.join(E2E_DIR, "rode-draad.db"), { readonly: true });
  try {
    // Notes are sealed; the history counts one "note" event per saved note.
    return (database.prepare("select count(*) as n from signal_events where signal_id = ? and kind = 'note'").get(signalId) as { n: number }).n;
  } finally {
    database.close();
  }
}

test.beforeEach(async ({ page }) => {
  await login(page, admin());
});

test("a phone call is logged with the keyboard alone: 'Zeist' is typed letter by letter, and the phone path takes at most 12 Tabs", async ({ page }) => {
  await page.goto("/signalen/nieuw");
  await expectAccessible(page);
  // Date (today) and channel (the last one used) are filled in; the page starts on the first field without a default.
  await expect(page.getByLabel("Afkomstig van")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByLabel("Binnengekomen via")).toBeFocused();
  await page.keyboard.type("Telefoon");
  await page.keyboard.press("Tab");
  let tabs = 1;
  await page.keyboard.press("ArrowDown");

  tabs += await tabUntil(page, () => page.getByLabel("Gemeente (niet verplicht)").evaluate((e) => e === document.activeElement));
  await page.keyboard.type("Ze");
  // A partial name chooses nothing: no Zevenaar, no region, no shortened list.
  await expect(page.getByLabel("Jeugdregio")).toHaveValue("");
  await page.keyboard.type("ist");
  await expect(page.getByLabel("Jeugdregio")).toHaveValue("JZ23");

  tabs += await tabUntil(page, () => page.getByLabel("Soort vraag").evaluate((e) => e === document.activeElement));
  await page.keyboard.press("ArrowDown");
  tabs += await tabUntil(page, () => page.getByLabel("Fase inkoop").evaluate((e) => e === document.activeElement));
  await page.keyboard.press("ArrowDown");
  tabs += await tabUntil(page, () => page.getByLabel("Korte samenvatting").evaluate((e) => e === document.activeElement));
  await page.keyboard.type("Telefoon: vraag over de aanbesteding in Zeist");
  tabs += await tabUntil(page, () => page.getByRole("button", { name: "Signaal vastleggen" }).evaluate((e) => e === document.activeElement));
  expect(tabs).toBeLessThanOrEqual(12);
  await page.keyboard.press("Enter");

  await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");
  const classification = page.getByRole("region", { name: "Classificatie" });
  await expect(classification).toContainText("Zuidoost Utrecht (JZ23)");
  await expect(classification).toContainText("Zeist");
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("via telefoon");

  // The next intake starts on the channel used last.
  await page.goto("/signalen/nieuw");
  await expect(page.getByLabel("Binnengekomen via")).toHaveValue("phone");
});

test("'Meer gegevens' is folded away and opens by itself when a field in it is wrong", async ({ page }) => {
  await page.goto("/signalen/nieuw");
  const fold = page.locator("details", { has: page.getByText("Meer gegevens (niet verplicht)") });
  await expect(fold).not.toHaveAttribute("open");
  await expect(page.getByLabel("Toelichting (niet verplicht)")).toBeHidden();
  await fold.getByText("Meer gegevens (niet verplicht)").click();
  await page.getByLabel("E-mailadres melder (niet verplicht)").fill("geen-adres");
  await fold.getByText("Meer gegevens (niet verplicht)").click();
  await page.getByRole("button", { name: "Signaal vastleggen" }).click();
  await expect(page.getByRole("alert")).toContainText("Vul een geldig e-mailadres in.");
  await expect(page.getByLabel("E-mailadres melder (niet verplicht)")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the municipality is typed as a name; the channel used last is the default", async ({ page }) => {
    await page.goto("/signalen/nieuw");
    await page.getByLabel("Binnengekomen via").selectOption("meeting");
    await page.getByLabel("Afkomstig van").selectOption("provider");
    await page.getByLabel("Gemeente (niet verplicht)").fill("zeist");
    await page.getByLabel("Soort vraag").selectOption("gdpr");
    await page.getByLabel("Fase inkoop").selectOption("none");
    await page.getByLabel("Korte samenvatting").fill("Overleg over de AVG in Zeist");
    await page.getByRole("button", { name: "Signaal vastleggen" }).click();
    await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");
    await expect(page.getByRole("region", { name: "Classificatie" })).toContainText("Zuidoost Utrecht (JZ23)");

    await page.goto("/signalen/nieuw");
    await expect(page.getByLabel("Binnengekomen via")).toHaveValue("meeting");
    // Half a name is not a municipality: the server says so at the field and keeps what was typed.
    await page.getByLabel("Afkomstig van").selectOption("provider");
    await page.getByLabel("Gemeente (niet verplicht)").fill("Ze");
    await page.getByLabel("Soort vraag").selectOption("gdpr");
    await page.getByLabel("Fase inkoop").selectOption("none");
    await page.getByLabel("Korte samenvatting").fill("Halve gemeentenaam");
    await page.getByRole("button", { name: "Signaal vastleggen" }).click();
    await expect(page.getByLabel("Gemeente (niet verplicht)")).toHaveAccessibleDescription(/Kies een gemeente uit de lijst/);
    await expect(page.getByLabel("Gemeente (niet verplicht)")).toHaveValue("Ze");
  });
});

async function newSignal(page: Page, summary: string): Promise<number> {
  await page.goto("/signalen/nieuw");
  await page.getByLabel("Afkomstig van").selectOption("provider");
  await page.getByLabel("Jeugdregio").selectOption("JZ14");
  await page.getByLabel("Soort vraag").selectOption("strategy_advice");
  await page.getByLabel("Fase inkoop").selectOption("upcoming_tender");
  await page.getByLabel("Korte samenvatting").fill(summary);
  await page.getByRole("button", { name: "Signaal vastleggen" }).click();
  await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");
  return Number(/\/signalen\/(\d+)$/.exec(page.url())?.[1]);
}

test("'Notitie toevoegen' empties the box, and a double click or a replayed form saves the note once", async ({ page }) => {
  const id = await newSignal(page, "Signaal voor notities");
  const box = page.getByLabel("Nieuwe notitie (intern)");
  await box.fill("Teruggebeld, stukken volgen.");
  await page.getByRole("button", { name: "Notitie toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("De notitie is toegevoegd");
  await expect(box).toHaveValue("");
  await expect(page.getByRole("region", { name: "Notities" }).getByText("Teruggebeld, stukken volgen.")).toHaveCount(1);
  expect(noteEvents(id)).toBe(1);

  await box.fill("Dubbelklik-notitie");
  await page.getByRole("button", { name: "Notitie toevoegen" }).dblclick();
  await expect(page.getByRole("status")).toContainText("De notitie is toegevoegd");
  await expect(box).toHaveValue("");
  await expect(page.getByRole("region", { name: "Notities" }).getByText("Dubbelklik-notitie")).toHaveCount(1);

  // The same form sent twice at once (a double submit the browser did not stop): one note.
  const form = page.locator("form", { has: page.getByRole("button", { name: "Notitie toevoegen" }) });
  const fields = Object.fromEntries(
    await form.locator("input[type=hidden]").evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])),
  ) as Record<string, string>;
  const origin = new URL(page.url()).origin;
  const send = () => page.request.post(page.url(), { form: { ...fields, body: "Tweemaal verstuurd" }, headers: { Origin: origin }, maxRedirects: 0 });
  const answers = await Promise.all([send(), send(), send()]);
  expect(answers.map((a) => a.status())).toEqual([302, 302, 302]);
  await page.reload();
  await expect(page.getByRole("region", { name: "Notities" }).getByText("Tweemaal verstuurd")).toHaveCount(1);
  expect(noteEvents(id)).toBe(3);
  await expectAccessible(page);
});
