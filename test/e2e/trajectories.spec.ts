import type { Page } from "@playwright/test";
import { admin, asAnotherUser, createStaffUser, expect, expectAccessible, login, loginAndChoosePassword, logout, test } from "./support";

// Its tests share nothing but the worker's server, so they spread over both workers (the longest specs; README "Tests").
test.describe.configure({ mode: "parallel" });

async function logSignalInTwente(page: Page, summary: string): Promise<number> {
  await page.goto("/signalen/nieuw");
  await page.getByLabel("Afkomstig van").selectOption("provider");
  await page.getByLabel("Gemeente (niet verplicht)").fill("Hengelo");
  await page.getByLabel("Soort vraag").selectOption("strategy_advice");
  await page.getByLabel("Fase inkoop").selectOption("upcoming_tender");
  await page.getByLabel("Korte samenvatting").fill(summary);
  await page.getByRole("button", { name: "Signaal vastleggen" }).click();
  await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");
  return Number(/\/signalen\/(\d+)$/.exec(page.url())?.[1]);
}

function stepRow(page: Page, stepLabel: string) {
  return page.getByRole("table", { name: "Stappen en hun stand" }).getByRole("row", { name: new RegExp(stepLabel.replace(/[.()']/g, "\\$&")) });
}

/** Clicks a step action and waits until the row shows the new state. */
async function step(page: Page, action: string, stepLabel: string, expected: string): Promise<void> {
  await page.getByRole("button", { name: `${action}: ${stepLabel}` }).click();
  await expect(stepRow(page, stepLabel)).toContainText(expected);
}

test("a trajectory from a signal to closure: steps out of order, a reopened step, two plan versions, outcomes, adviser limits", async ({ page, browser }) => {
  // The longest flow of the suite (two logins, a dozen forms, axe twice): given room on a busy 2-core machine.
  test.slow();
  await login(page, admin());
  const signalId = await logSignalInTwente(page, "Regio Twente halveert het aantal aanbieders");
  await page.getByRole("link", { name: "Start traject vanuit dit signaal" }).click();
  await expect(page.getByLabel("Jeugdregio")).toHaveValue("JZ14");
  await expectAccessible(page);
  await page.getByLabel("Strategisch doel").fill("Vrijgevestigden blijven gecontracteerd in Twente");
  await page.getByLabel("Aantal betrokken aanbieders").fill("12");
  await page.getByLabel("LVVP").check();
  await page.getByRole("button", { name: "Traject starten" }).click();
  await expect(page.getByRole("status")).toContainText("Het traject is gestart");
  const trajectoryUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Traject Twente");
  await expect(page.getByRole("region", { name: "Gekoppelde signalen" })).toContainText(`Signaal ${signalId}`);
  await expect(page.getByRole("region", { name: "Wat nu aandacht vraagt" })).toContainText("Nog geen stap gestart");
  await expectAccessible(page);

  // Steps in any order: talks before the analysis, scenarios skipped and then reopened.
  await step(page, "Starten", "5. Gesprekken met externen", "Bezig");
  await step(page, "Overslaan", "3. Strategische scenario's", "Overgeslagen");
  await step(page, "Afronden", "1. Situatieschets door de vrijgevestigde aanbieders", "Klaar");
  await step(page, "Heropenen", "3. Strategische scenario's", "Bezig");
  await expect(stepRow(page, "5. Gesprekken met externen")).toContainText("Bezig");
  await expect(stepRow(page, "1. Situatieschets")).toContainText("Klaar");
  await expect(stepRow(page, "3. Strategische scenario's")).toContainText("Bezig");
  const history = page.getByRole("region", { name: "Geschiedenis" });
  await expect(history).toContainText("3. Strategische scenario's: Overgeslagen → Bezig");

  await page.getByLabel("Bij stap").selectOption("talks");
  await page.getByLabel("Notitie", { exact: true }).fill("Eerste gesprek met de wethouder gepland.");
  await page.getByRole("button", { name: "Notitie toevoegen" }).click();
  await expect(page.getByRole("region", { name: "Notities per stap" })).toContainText("Eerste gesprek met de wethouder gepland.");

  await page.getByLabel("Tekst van het plan (volledige nieuwe versie)").fill("Stap A: bundelen\nStap B: gesprek met de regio");
  await page.getByLabel("Reden van deze versie").fill("Eerste opzet");
  await page.getByRole("button", { name: "Nieuwe versie opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("nieuwe versie van het plan");
  await page.getByLabel("Tekst van het plan (volledige nieuwe versie)").fill("Stap A: bundelen\nStap B: gesprek met de raad\nStap C: coöperatie");
  await page.getByLabel("Reden van deze versie").fill("Nota van inlichtingen verwerkt");
  await page.getByRole("button", { name: "Nieuwe versie opslaan" }).click();
  await expect(page.getByRole("region", { name: "Plan van aanpak" })).toContainText("2 versies");
  await page.getByRole("link", { name: "Lees en vergelijk de versies" }).click();
  const diff = page.getByRole("list", { name: "Verschil tussen versie 1 en versie 2" });
  await expect(diff).toContainText("Verwijderd: − Stap B: gesprek met de regio");
  await expect(diff).toContainText("Toegevoegd: + Stap B: gesprek met de raad");
  await expect(diff).toContainText("Toegevoegd: + Stap C: coöperatie");
  await expectAccessible(page);

  await page.goto(trajectoryUrl);
  await page.getByLabel("Krachten gebundeld (sterke gesprekspartner)").check();
  await page.getByLabel("Coöperatie opgericht").check();
  await page.getByLabel("De coöperatie heeft een contract gewonnen").check();
  await page.getByLabel("Aantal gegunde contracten in totaal (niet verplicht)").fill("15");
  await page.getByLabel("Enschede").check();
  await page.getByLabel("Hengelo").check();
  await page.getByRole("button", { name: "Uitkomsten opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("De uitkomsten zijn opgeslagen");
  await expect(page.getByLabel("Coöperatie opgericht")).toBeChecked();

  // The adviser of this trajectory reads it and adds analysis notes, nothing more.
  const adviser = await createStaffUser(page, { name: "Ria Regioadviseur", roles: ["Regioadviseur"] });
  await page.goto(trajectoryUrl);
  await page.getByLabel("Ria Regioadviseur").check();
  await page.getByRole("button", { name: "Regioadviseurs opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("De regioadviseurs zijn opgeslagen");

  const other = await browser.newContext();
  const adviserPage = await other.newPage();
  await loginAndChoosePassword(adviserPage, adviser, "analyse in de regio twente");
  await adviserPage.goto("/trajecten");
  await expect(adviserPage.getByRole("table")).toContainText("Twente");
  await adviserPage.goto(trajectoryUrl);
  await expect(adviserPage.getByRole("button", { name: /^Starten:/ })).toHaveCount(0);
  await expect(adviserPage.getByRole("link", { name: `Signaal ${signalId}` })).toHaveCount(0);
  await expect(adviserPage.getByText("Regio Twente halveert")).toHaveCount(0);
  await adviserPage.getByLabel("Analysenotitie (stap 2)").fill("Analyse: de regio stuurt op hoofdaannemerschap.");
  await adviserPage.getByRole("button", { name: "Notitie toevoegen" }).click();
  await expect(adviserPage.getByRole("region", { name: "Notities per stap" })).toContainText("Analyse: de regio stuurt op hoofdaannemerschap.");
  await expectAccessible(adviserPage);
  expect((await adviserPage.goto(`/signalen/${signalId}`))?.status()).toBe(403);
  const token = await adviserPage.locator('input[name="csrf"]').first().inputValue();
  const forged = await adviserPage.request.post(trajectoryUrl, {
    form: { csrf: token, intent: "step", step: "plan", action: "start" },
    headers: { Origin: new URL(trajectoryUrl).origin },
  });
  expect(forged.status()).toBe(403);
  await other.close();

  await page.goto(trajectoryUrl);
  await page.getByLabel("Nee, gestopt").check();
  await page.getByRole("button", { name: "Traject afsluiten" }).click();
  await expect(page.getByRole("alert")).toContainText("Geef de reden");
  await page.getByLabel(/Toch afsluiten/).check();
  await page.getByLabel("Ja, doel bereikt (afgerond)").check();
  await page.getByRole("button", { name: "Traject afsluiten" }).click();
  await expect(page.getByRole("status")).toContainText("Het traject is gesloten");
  await expect(page.getByText("Afgerond, doel bereikt").first()).toBeVisible();
  await page.getByRole("button", { name: "Traject heropenen" }).click();
  await expect(page.getByRole("status")).toContainText("Het traject is heropend");

  await page.goto(`/signalen/${signalId}`);
  await expect(page.getByText("In traject").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /traject Twente/ })).toBeVisible();

  await page.goto("/trajecten?region=JZ14");
  await expect(page.getByRole("table")).toContainText("Vrijgevestigden blijven gecontracteerd in Twente");
  await expectAccessible(page);
});

test("an adviser sees only assigned trajectories; readers none", async ({ page }) => {
  await login(page, admin());
  await page.goto("/trajecten/nieuw");
  await page.getByLabel("Jeugdregio").selectOption("JZ38");
  await page.getByLabel("Strategisch doel").fill("Geheim traject in Zeeland");
  await page.getByRole("button", { name: "Traject starten" }).click();
  await expect(page.getByRole("status")).toContainText("Het traject is gestart");
  const url = page.url();
  const adviser = await createStaffUser(page, { name: "Niet Gekoppeld", roles: ["Regioadviseur"] });
  const reader = await createStaffUser(page, { name: "Lees Alleen", roles: ["Lezer"] });
  await asAnotherUser(page);

  await loginAndChoosePassword(page, adviser, "niet gekoppeld aan zeeland");
  await page.goto("/trajecten");
  await expect(page.getByText("Geheim traject in Zeeland")).toHaveCount(0);
  expect((await page.goto(url))?.status()).toBe(403);
  expect((await page.goto(`${url}/plan`))?.status()).toBe(403);
  expect((await page.goto("/trajecten/nieuw"))?.status()).toBe(403);
  await logout(page);

  await loginAndChoosePassword(page, reader, "alleen rapporten lezen");
  expect((await page.goto("/trajecten"))?.status()).toBe(403);
  expect((await page.goto(url))?.status()).toBe(403);
});

test("a new tender document marks running trajectories for re-analysis until a plan revision or a dismissal; escalations, talks and lessons are recorded", async ({ page }) => {
  // The second longest flow of the suite (five trajectories, a dozen forms): room on a busy 2-core machine.
  test.slow();
  await login(page, admin());
  const start = async (goal: string) => {
    await page.goto("/trajecten/nieuw");
    await page.getByLabel("Jeugdregio").selectOption("JZ33");
    await page.getByLabel("Strategisch doel").fill(goal);
    await page.getByRole("button", { name: "Traject starten" }).click();
    await expect(page.getByRole("status")).toContainText("Het traject is gestart");
    return page.url();
  };
  const first = await start("Noordoost-Brabant: aanbieders blijven in beeld");
  const second = await start("Noordoost-Brabant: tweede spoor");

  await page.goto("/regios/JZ33");
  await expectAccessible(page);
  const due = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Soort").selectOption("clarifications");
  await page.getByLabel("Datum").fill(due);
  await page.getByLabel("Titel").fill("Nota van inlichtingen 2");
  await page.getByLabel("Kenmerk of link (niet verplicht)").fill("TN-2026-17");
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("2 lopende trajecten staan nu op \"herbeoordeling nodig\"");
  await expect(page.getByRole("table", { name: "Mijlpalen en documenten van de inkoop" })).toContainText("Nota van inlichtingen 2");

  await page.goto("/trajecten?reanalysis=yes&region=JZ33");
  await expect(page.getByRole("table")).toContainText("2 trajecten");
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Inkoopmijlpalen in de komende 30 dagen" })).toContainText("Nota van inlichtingen 2");

  await page.goto(first);
  await expect(page.getByRole("region", { name: "Wat nu aandacht vraagt" })).toContainText("Herbeoordeling nodig");
  await page.getByLabel("Tekst van het plan (volledige nieuwe versie)").fill("Plan na de nota van inlichtingen");
  await page.getByLabel("Reden van deze versie").fill("Nota van inlichtingen 2 verwerkt");
  await page.getByRole("button", { name: "Nieuwe versie opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("nieuwe versie van het plan");
  await expect(page.getByText("Herbeoordeling nodig", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Geschiedenis" })).toContainText("Herbeoordeling afgehandeld met een nieuwe planversie");

  await page.goto(second);
  await page.getByLabel("Waarom het plan niet hoeft te veranderen").fill("Alleen een tekstuele correctie");
  await page.getByRole("button", { name: "Geen herbeoordeling nodig" }).click();
  await expect(page.getByRole("status")).toContainText("De herbeoordeling is afgehandeld");
  await expect(page.getByRole("region", { name: "Geschiedenis" })).toContainText("Alleen een tekstuele correctie");

  await page.getByLabel("Soort overleg").selectOption("council");
  await page.getByLabel("Aanwezige organisaties").fill("Gemeenteraad 's-Hertogenbosch, LVVP");
  await page.getByLabel("Samenvatting (vertrouwelijk)").fill("Raadsleden stellen vragen aan de wethouder.");
  await page.getByRole("button", { name: "Gesprek vastleggen" }).click();
  await expect(page.getByRole("region", { name: "Gesprekken met externen (stap 5)" })).toContainText("Raadsleden stellen vragen");

  await page.getByRole("button", { name: "Escalatie vastleggen" }).click();
  await expect(page.getByRole("region", { name: "Escalaties (stap 6)" })).toContainText("Kies minstens één soort escalatie.");
  await page.getByLabel("Contact met gemeenteraden").check();
  await page.getByLabel("Publiciteit").check();
  await page.getByRole("button", { name: "Escalatie vastleggen" }).click();
  await expect(page.getByRole("region", { name: "Escalaties (stap 6)" })).toContainText("Contact met gemeenteraden, Publiciteit");

  await page.getByLabel("Geleerde les (zonder namen van aanbieders)").fill("Betrek de raad vroeg, vóór de publicatie.");
  await page.getByRole("button", { name: "Les vastleggen" }).click();
  await expect(page.getByRole("status")).toContainText("De les is vastgelegd");
  await expectAccessible(page);

  await page.goto("/lessen");
  await expect(page.getByRole("table")).toContainText("Betrek de raad vroeg, vóór de publicatie.");
  await expectAccessible(page);
  await page.goto("/regios/JZ33");
  await expect(page.getByRole("region", { name: "Lessen uit deze regio" })).toContainText("Betrek de raad vroeg");
});

test("trajectories already running are brought in from trajectories.csv: preview with errors, then all rows at once", async ({ page }) => {
  await login(page, admin());
  const header = "ref,region_code,started_on,closed_on,status,outcomes,escalation_types,municipalities_consulted,contract_won,contracts_awarded_total,providers_involved,strategic_goal";
  const upload = async (content: string | Buffer) => {
    await page.goto("/trajecten/import");
    await page.getByLabel("CSV- of Excel-bestand").setInputFiles({ name: "trajecten.csv", mimeType: "text/csv", buffer: Buffer.from(content) });
    await page.getByRole("button", { name: "Bestand controleren" }).click();
  };
  await upload([header, "IMP-1,JZ09,2021-10-01,,active,,,GM0014,,,3,Fout: gemeente buiten de regio"].join("\n"));
  await expect(page.getByRole("table", { name: "Fouten per regel en kolom" })).toContainText("municipalities_consulted");
  await expectAccessible(page);

  // As Dutch Excel saves it: ';', Windows-1252 (latin1 here: the same bytes for these letters), Dutch labels and dates.
  const dutch = [
    "Kenmerk;Jeugdregio;Gestart;Afgesloten;Status;Uitkomsten;Contract gewonnen;Strategisch doel",
    'NL-1;JZ02;1-10-2021;31-12-2021;Afgerond, doel bereikt;"Krachten gebundeld (sterke gesprekspartner); Coöperatie opgericht";ONWAAR;Sûdwest-Fryslân: één coöperatie',
  ].join("\r\n");
  await upload(Buffer.from(dutch, "latin1"));
  await expect(page.getByRole("status")).toContainText("1 trajecten in 1 regio's");
  await expect(page.getByRole("table")).toContainText("Sûdwest-Fryslân: één coöperatie");
  await expect(page.getByRole("table")).toContainText("Afgerond, doel bereikt");
  await page.getByRole("button", { name: "Annuleren" }).click();

  await upload(`${header}\n${"x".repeat(6 * 1024 * 1024)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Te groot" })).toBeVisible();
  await expect(page.getByText("Het bestand is groter dan 5 MB")).toBeVisible();

  await upload([header, "IMP-1,JZ09,2021-10-01,,active,forces_bundled,council,,,,3,Zaanstreek: lopend traject", "IMP-2,JZ10,2021-03-01,2021-09-30,completed,joint_vision,,,,,5,IJmond: afgerond"].join("\n"));
  await expect(page.getByRole("status")).toContainText("2 trajecten in 2 regio's");
  await page.getByRole("button", { name: "2 trajecten importeren" }).click();
  await expect(page.getByRole("status")).toContainText("2 trajecten geïmporteerd");
  await expect(page.getByRole("table")).toContainText("Zaanstreek: lopend traject");
  await expect(page.getByRole("table")).toContainText("IJmond: afgerond");
});

test("a signal is linked from its own page and unlinked from the trajectory, and its status follows", async ({ page }) => {
  await login(page, admin());
  await page.goto("/trajecten/nieuw");
  await page.getByLabel("Jeugdregio").selectOption("JZ14");
  await page.getByLabel("Strategisch doel").fill("Twente: koppelen vanaf het signaal");
  await page.getByRole("button", { name: "Traject starten" }).click();
  await expect(page.getByRole("status")).toContainText("Het traject is gestart");
  const trajectoryUrl = page.url();

  const signalId = await logSignalInTwente(page, "Signaal dat later bij een traject komt");
  await page.getByLabel("Of koppel aan").selectOption({ label: "Twente: Twente: koppelen vanaf het signaal" });
  await page.getByRole("button", { name: "Koppelen" }).click();
  await expect(page.getByRole("status")).toContainText("Het signaal is aan het traject gekoppeld");
  await expect(page.getByText("In traject").first()).toBeVisible();

  await page.goto(trajectoryUrl);
  await page.getByRole("button", { name: `Signaal ${signalId} ontkoppelen` }).click();
  await expect(page.getByRole("status")).toContainText("Het signaal is ontkoppeld");
  await page.goto(`/signalen/${signalId}`);
  await expect(page.getByText("In behandeling").first()).toBeVisible();
});
