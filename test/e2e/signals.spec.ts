import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { todayInTheNetherlands } from "../../app/domain/dates";
import { admin, asAnotherUser, createStaffUser, E2E_DIR, expect, expectAccessible, login, loginAndChoosePassword, logout, test } from "./support";

// Its tests share nothing but the worker's server, so they spread over both workers (the longest specs; README "Tests").
test.describe.configure({ mode: "parallel" });

type NewSignal = { summary: string; topic?: string; phase?: string; requester?: string; municipality?: string; region?: string; date?: string };

/** Logs a signal through the intake form (as a user would) and returns its id. */
async function logSignal(page: Page, input: NewSignal): Promise<number> {
  await page.goto("/signalen/nieuw");
  if (input.date) await page.getByLabel("Datum binnengekomen").fill(input.date);
  await page.getByLabel("Afkomstig van").selectOption({ label: input.requester ?? "Vrijgevestigde aanbieder" });
  if (input.municipality) await page.getByLabel("Gemeente (niet verplicht)").fill(input.municipality);
  else await page.getByLabel("Jeugdregio").selectOption({ label: input.region ?? "Twente (JZ14)" });
  await page.getByLabel("Soort vraag").selectOption({ label: input.topic ?? "Adviesvraag: strategie bepalen" });
  await page.getByLabel("Fase inkoop").selectOption({ label: input.phase ?? "Komende aanbesteding" });
  await page.getByLabel("Korte samenvatting").fill(input.summary);
  await page.getByRole("button", { name: "Signaal vastleggen" }).click();
  await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");
  return Number(/\/signalen\/(\d+)$/.exec(page.url())?.[1]);
}

function auditActions(signalId: number): string[] {
  const database = new Database(path.join(E2E_DIR, "rode-draad.db"), { readonly: true });
  try {
    return (database.prepare("select action from audit_log where entity_type = 'signal' and entity_id = ? order by id").all(String(signalId)) as { action: string }[]).map((r) => r.action);
  } finally {
    database.close();
  }
}

test.describe("as the intermediary", () => {
  test.beforeEach(async ({ page }) => {
    await login(page, admin());
  });

  test("logs a signal: the municipality fills in its region; the detail shows everything and is audited", async ({ page }) => {
    // A long flow (a dozen forms and navigations, axe twice), which may start while the other worker starts too: room on
    // a busy 2-core machine; a hang still fails it.
    test.slow();
    await page.goto("/signalen");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Nieuw signaal" }).click();
    // Today where the intermediary works: between 00:00 and 02:00 Dutch time UTC still says yesterday.
    await expect(page.getByLabel("Datum binnengekomen")).toHaveValue(todayInTheNetherlands());
    await expectAccessible(page);

    await page.getByLabel("Gemeente (niet verplicht)").fill("Enschede");
    await expect(page.getByLabel("Jeugdregio")).toHaveValue("JZ14");
    await page.getByLabel("Jeugdregio").selectOption("JZ01");
    await expect(page.getByLabel("Gemeente (niet verplicht)")).toHaveValue("");
    await page.getByLabel("Gemeente (niet verplicht)").fill("Groningen");

    await page.getByLabel("Afkomstig van").selectOption({ label: "Vrijgevestigde aanbieder" });
    await page.getByText("Meer gegevens (niet verplicht)").click();
    await page.getByLabel("Beroepsvereniging (niet verplicht)").selectOption("LVVP");
    await page.getByLabel("Soort vraag").selectOption("contract_change");
    await page.getByLabel("Fase inkoop").selectOption("running_contract");
    await page.getByLabel("Verscherpte toelatings- of kwaliteitseisen").check();
    await page.getByLabel("Sterk toenemende administratieve lasten").check();
    await page.getByLabel("Segment (niet verplicht)").fill("ambulant");
    await page.getByLabel("Korte samenvatting").fill("Budgetplafond halverwege het jaar bereikt");
    await page.getByLabel("Toelichting (niet verplicht)").fill("De gemeente vraagt extra documenten op.");
    await page.getByLabel("Naam melder (niet verplicht)").fill("Petra Praktijkhouder");
    await page.getByLabel("E-mailadres melder (niet verplicht)").fill("petra@praktijk.example");
    await page.getByRole("button", { name: "Signaal vastleggen" }).click();

    await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Signaal \d+/);
    const id = Number(/\/signalen\/(\d+)$/.exec(page.url())?.[1]);
    const confidential = page.getByRole("region", { name: "Vertrouwelijk" });
    await expect(confidential).toContainText("Budgetplafond halverwege het jaar bereikt");
    await expect(confidential).toContainText("Petra Praktijkhouder");
    const classification = page.getByRole("region", { name: "Classificatie" });
    await expect(classification).toContainText("Groningen (JZ01)");
    await expect(classification).toContainText("Wijziging in lopend contract");
    await expect(classification).toContainText("Verscherpte toelatings- of kwaliteitseisen; Sterk toenemende administratieve lasten");
    await expectAccessible(page);
    expect(auditActions(id)).toEqual(expect.arrayContaining(["signal.created", "signal.viewed"]));

    // The start page tile counts it and lists what waits longest.
    await page.goto("/");
    const tile = page.getByRole("region", { name: "Signalen" });
    await expect(tile.getByRole("link", { name: /\d+ nieuw/ })).toBeVisible();
    await expect(tile.getByRole("link", { name: new RegExp(`\\d+ in ${new Date().getFullYear()}`) })).toBeVisible();
    await expect(tile.getByRole("link", { name: /% aanbestedingsgerelateerd/ })).toBeVisible();
    await expect(tile.getByRole("heading", { name: "Wacht het langst" })).toBeVisible();
    await expect(tile.getByRole("listitem").first()).toBeVisible();
    await expectAccessible(page);
  });

  test("status changes, notes and assignment are kept in a dated history", async ({ page }) => {
    // A long flow (a dozen forms and navigations, axe twice), which may start while the other worker starts too: room on
    // a busy 2-core machine; a hang still fails it.
    test.slow();
    const id = await logSignal(page, { summary: "Vraag over toelatingseisen in Twente" });
    await page.getByRole("button", { name: "In behandeling nemen" }).click();
    await expect(page.getByRole("status")).toContainText("De status is gewijzigd");
    await expect(page.getByRole("button", { name: "Markeren als beantwoord" })).toBeVisible();
    await page.getByRole("button", { name: "Markeren als beantwoord" }).click();
    await expect(page.getByRole("button", { name: "Afronden" })).toBeVisible();
    await page.getByRole("button", { name: "Afronden" }).click();
    await expect(page.getByRole("button", { name: "Markeren als beantwoord" })).toBeVisible();

    await page.getByLabel("Nieuwe notitie (intern)").fill("Gebeld met de praktijk; stukken volgen.");
    await page.getByRole("button", { name: "Notitie toevoegen" }).click();
    await expect(page.getByRole("region", { name: "Notities" })).toContainText("Gebeld met de praktijk; stukken volgen.");

    await page.getByLabel("Toegewezen aan").selectOption({ label: admin().name });
    await page.getByRole("button", { name: "Toewijzen" }).click();
    await expect(page.getByRole("status")).toContainText("De toewijzing is opgeslagen");

    const history = page.getByRole("region", { name: "Geschiedenis" });
    await expect(history).toContainText("Status: Nieuw → In behandeling");
    await expect(history).toContainText("Status: In behandeling → Beantwoord");
    await expect(history).toContainText("Status: Beantwoord → Afgerond");
    await expect(history).toContainText("Notitie toegevoegd");
    await expect(history).toContainText(`Toegewezen aan ${admin().name}`);
    await expect(history).toContainText(admin().name);
    await expectAccessible(page);
    expect(auditActions(id)).toEqual(expect.arrayContaining(["signal.status_changed", "signal.note_added", "signal.assigned"]));

    await page.getByText("Classificatie bewerken").click();
    await page.getByLabel("Soort vraag").selectOption("gdpr");
    await page.getByRole("button", { name: "Classificatie opslaan" }).click();
    await expect(page.getByRole("status")).toContainText("De classificatie is opgeslagen");
    await expect(page.getByRole("region", { name: "Classificatie" })).toContainText("AVG");
    await expect(history).toContainText("Classificatie gewijzigd (1 velden)");
  });

  test("an assignment refused by the server says why at its field", async ({ page }) => {
    const id = await logSignal(page, { summary: "Toewijzen aan wie net vertrekt" });
    const colleague = await createStaffUser(page, { name: `Vera Vertrekt ${id}`, roles: ["Intermediair"] });
    const colleaguePage = page.url();
    await page.goto(`/signalen/${id}`);
    await page.getByLabel("Toegewezen aan").selectOption({ label: colleague.name });

    // Meanwhile the colleague leaves: the page still offers her.
    const other = await page.context().newPage();
    await other.goto(colleaguePage);
    other.once("dialog", (dialog) => void dialog.accept());
    await other.getByRole("button", { name: "Account uitschakelen" }).click();
    await expect(other.getByRole("status")).toContainText("uitgeschakeld");
    await other.close();

    await page.getByRole("button", { name: "Toewijzen" }).click();
    const field = page.getByLabel("Toegewezen aan");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator(`#${await field.getAttribute("aria-describedby")}`)).toHaveText("Kies een actieve intermediair.");
    await expect(page.getByRole("region", { name: "Geschiedenis" })).not.toContainText("Toegewezen aan");
  });

  test("inbox filters and search live in the URL", async ({ page }) => {
    const marker = `zoekwoord${Date.now()}`;
    await logSignal(page, { summary: `Privé vraag over ${marker} en consortia`, topic: "AVG", phase: "Lopend contract", region: "Zeeland (JZ38)" });
    await logSignal(page, { summary: `Tweede ${marker.toUpperCase()} vraag`, topic: "Adviesvraag: strategie bepalen", phase: "Lopende aanbesteding", region: "Zeeland (JZ38)" });
    await logSignal(page, { summary: "Iets heel anders", topic: "AVG", region: "Zeeland (JZ38)" });

    await page.goto("/signalen");
    await page.getByLabel("Zoeken in samenvattingen").fill(marker);
    await page.getByRole("button", { name: "Filteren" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${marker}`));
    await expect(page.getByRole("table")).toContainText("2 signalen");
    await page.getByLabel("Soort vraag").selectOption({ label: "AVG" });
    await page.getByRole("button", { name: "Filteren" }).click();
    await expect(page.getByRole("table")).toContainText("1 signaal");
    await expect(page.getByRole("table")).toContainText(`Privé vraag over ${marker}`);

    // A bookmark of the view opens the same view.
    const bookmarked = page.url();
    await page.goto("/");
    await page.goto(bookmarked);
    await expect(page.getByRole("table")).toContainText("1 signaal");
    await expect(page.getByLabel("Soort vraag")).toHaveValue("gdpr");

    await page.goto(`/signalen?region=JZ38&tender=yes&q=${marker}`);
    await expect(page.getByRole("table")).toContainText("1 signaal");
    await expect(page.getByRole("table")).toContainText(`Tweede ${marker.toUpperCase()} vraag`);

    await page.goto(`/signalen?q=geen-enkel-signaal-${marker}`);
    await expect(page.getByText("Geen signalen in deze weergave")).toBeVisible();
    await expectAccessible(page);

    await page.goto("/signalen?status=new&region=JZ38");
    await expect(page.getByRole("link", { name: /^Nieuw \(\d+\)$/ })).toHaveAttribute("aria-current", "page");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("intake works as a plain form; a validation error keeps everything typed and names each field", async ({ page }) => {
    await login(page, admin());
    await page.goto("/signalen/nieuw");
    await page.getByLabel("Gemeente (niet verplicht)").fill("Leeuwarden");
    await page.getByLabel("Jeugdregio").selectOption("JZ01");
    await page.getByLabel("Korte samenvatting").fill("Typed text that must survive");
    await page.getByText("Meer gegevens (niet verplicht)").click();
    await page.getByLabel("Naam melder (niet verplicht)").fill("Bea Bewaard");
    await page.getByLabel("E-mailadres melder (niet verplicht)").fill("geen-adres");
    await page.getByRole("button", { name: "Signaal vastleggen" }).click();

    await expect(page.getByRole("alert")).toContainText("Het formulier is nog niet in orde");
    await expect(page.getByLabel("Afkomstig van")).toHaveAccessibleDescription("Kies van wie het signaal afkomstig is.");
    await expect(page.getByLabel("E-mailadres melder (niet verplicht)")).toHaveAccessibleDescription("Vul een geldig e-mailadres in.");
    await expect(page.getByLabel("Korte samenvatting")).toHaveValue("Typed text that must survive");
    await expect(page.getByLabel("Naam melder (niet verplicht)")).toHaveValue("Bea Bewaard");
    await expect(page.getByLabel("Gemeente (niet verplicht)")).toHaveValue("Leeuwarden");

    await page.getByLabel("Afkomstig van").selectOption("municipality");
    await page.getByLabel("Soort vraag").selectOption("quality_admission");
    await page.getByLabel("Fase inkoop").selectOption("contracting");
    await page.getByLabel("E-mailadres melder (niet verplicht)").fill("bea@example.org");
    await page.getByRole("button", { name: "Signaal vastleggen" }).click();
    // Leeuwarden lies in Friesland, not in Groningen: the server says so on the municipality field.
    await expect(page.getByLabel("Gemeente (niet verplicht)")).toHaveAccessibleDescription(/ligt niet in deze regio maar in JZ02/);

    await page.getByLabel("Jeugdregio").selectOption("");
    await page.getByRole("button", { name: "Signaal vastleggen" }).click();
    await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");
    await expect(page.getByRole("region", { name: "Classificatie" })).toContainText("Friesland (Fryslân) (JZ02)");
  });
});

test("the intake form can be completed with the keyboard alone", async ({ page }) => {
  await login(page, admin());
  await page.goto("/signalen/nieuw");
  await page.getByLabel("Afkomstig van").focus();
  await page.keyboard.press("ArrowDown");
  await page.getByLabel("Jeugdregio").focus();
  await page.keyboard.type("Twente");
  await page.getByLabel("Soort vraag").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Fase inkoop")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.getByLabel("Korte samenvatting").focus();
  await page.keyboard.type("Via het toetsenbord ingevoerd");
  await page.getByRole("button", { name: "Signaal vastleggen" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");
  await expect(page.getByRole("region", { name: "Classificatie" })).toContainText("Twente (JZ14)");
});

test("advisers and readers get 403 on every signal page and action", async ({ page }) => {
  await login(page, admin());
  const id = await logSignal(page, { summary: "Niet voor adviseurs" });
  const adviser = await createStaffUser(page, { name: "Anna Adviseur", roles: ["Regioadviseur"] });
  const reader = await createStaffUser(page, { name: "Rik Reader", roles: ["Lezer"] });
  await asAnotherUser(page);

  for (const [user, password] of [
    [adviser, "adviseur in de regio 2026"],
    [reader, "lezer van rapporten 2026"],
  ] as const) {
    await loginAndChoosePassword(page, user, password);
    for (const url of ["/signalen", "/signalen/nieuw", `/signalen/${id}`]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
      await expect(page.getByText("Niet voor adviseurs")).toHaveCount(0);
    }
    const token = await page.locator('input[name="csrf"]').first().inputValue();
    const post = await page.request.post(`/signalen/${id}`, {
      form: { csrf: token, intent: "note", body: "poging" },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(post.status()).toBe(403);
    await logout(page);
  }
});
