import type { Page } from "@playwright/test";
import { admin, expect, expectAccessible, login, test } from "./support";

// Its tests share nothing but the worker's server, so they spread over both workers (the longest specs; README "Tests").
test.describe.configure({ mode: "parallel" });

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

function stepState(page: Page, label: string) {
  return page.getByRole("table", { name: "Stappen en hun stand" }).getByRole("row", { name: new RegExp(label) });
}

async function startTrajectory(page: Page, goal: string): Promise<string> {
  await page.goto("/trajecten/nieuw");
  await page.getByLabel("Jeugdregio").selectOption("JZ18");
  await page.getByLabel("Strategisch doel").fill(goal);
  await page.getByRole("button", { name: "Traject starten" }).click();
  await expect(page.getByRole("status")).toContainText("Het traject is gestart");
  return page.url();
}

test("the trajectory page has contents to jump to, and the plan is revised from its current text, shown on the page", async ({ page }) => {
  await startTrajectory(page, "Trajectpagina: inhoud en plan");
  const contents = page.getByRole("navigation", { name: "Op deze pagina" });
  await contents.getByRole("link", { name: "Plan van aanpak" }).click();
  await expect(page).toHaveURL(/#plan$/);
  await expect(page.getByRole("heading", { name: "Plan van aanpak", level: 2 })).toBeInViewport();
  for (const section of ["De acht stappen", "Notities per stap", "Gekoppelde signalen", "Uitkomsten", "Afsluiten", "Geschiedenis"]) {
    await expect(contents.getByRole("link", { name: section })).toBeVisible();
  }

  const plan = page.getByLabel("Tekst van het plan (volledige nieuwe versie)");
  await expect(plan).toHaveValue("");
  await plan.fill("1. Aanbieders bundelen\n2. Gesprek met de regio");
  await page.getByLabel("Reden van deze versie").fill("Eerste opzet");
  await page.getByRole("button", { name: "Nieuwe versie opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("nieuwe versie van het plan");
  await expect(page.getByRole("region", { name: "Plan van aanpak" })).toContainText("Huidige versie (1)");
  await expect(page.getByRole("region", { name: "Plan van aanpak" })).toContainText("2. Gesprek met de regio");
  await expect(plan).toHaveValue("1. Aanbieders bundelen\n2. Gesprek met de regio");
  await expect(page.getByLabel("Reden van deze versie")).toHaveValue("");
  await expectAccessible(page);
});

test("recording a talk or an escalation starts step 5 or 6", async ({ page }) => {
  await startTrajectory(page, "Trajectpagina: gesprekken en escalaties");
  await expect(stepState(page, "5. Gesprekken met externen")).toContainText("Nog niet begonnen");
  await page.getByLabel("Soort overleg").selectOption("region");
  await page.getByLabel("Aanwezige organisaties").fill("Jeugdregio, LVVP");
  await page.getByLabel("Samenvatting (vertrouwelijk)").fill("Eerste verkenning.");
  await page.getByRole("button", { name: "Gesprek vastleggen" }).click();
  await expect(page.getByRole("status")).toContainText("Het gesprek is vastgelegd");
  await expect(stepState(page, "5. Gesprekken met externen")).toContainText("Bezig");
  await expect(stepState(page, "6. Ondersteuning door OZJ en VNG")).toContainText("Nog niet begonnen");
  await page.getByLabel("Juridische stappen").check();
  await page.getByRole("button", { name: "Escalatie vastleggen" }).click();
  await expect(page.getByRole("status")).toContainText("De escalatie is vastgelegd");
  await expect(stepState(page, "6. Ondersteuning door OZJ en VNG")).toContainText("Bezig");
  await expect(page.getByRole("region", { name: "Geschiedenis" })).toContainText("5. Gesprekken met externen: Nog niet begonnen → Bezig");
});

test("a stop without a reason is refused at its field with the choice kept and no stale flash; closing with steps in progress asks first", async ({ page }) => {
  const url = await startTrajectory(page, "Trajectpagina: afsluiten");
  await page.getByRole("button", { name: "Starten: 3. Strategische scenario's" }).click();
  await expect(stepState(page, "3. Strategische scenario's")).toContainText("Bezig");

  await page.getByLabel("Gezamenlijke visie en missie").check();
  await page.getByRole("button", { name: "Uitkomsten opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("De uitkomsten zijn opgeslagen");
  await page.getByLabel("Nee, gestopt").check();
  await page.getByRole("button", { name: "Traject afsluiten" }).click();
  await expect(page.getByLabel("Reden (verplicht bij stoppen)")).toHaveAccessibleDescription(/Geef de reden van het stoppen/);
  await expect(page.getByLabel("Nee, gestopt")).toBeChecked();
  await expect(page.getByText("De uitkomsten zijn opgeslagen")).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Reden (verplicht bij stoppen)").fill("De regio heeft de aanbesteding ingetrokken.");
  await expect(page.getByRole("region", { name: "Afsluiten" })).toContainText("3. Strategische scenario's");
  await page.getByRole("button", { name: "Traject afsluiten" }).click();
  const confirm = page.getByLabel(/Toch afsluiten/);
  await expect(confirm).toHaveAccessibleDescription(/nog bezig/);
  await expect(page.getByLabel("Nee, gestopt")).toBeChecked();
  await expect(page.getByLabel("Reden (verplicht bij stoppen)")).toHaveValue("De regio heeft de aanbesteding ingetrokken.");
  await confirm.check();
  await page.getByRole("button", { name: "Traject afsluiten" }).click();
  await expect(page.getByRole("status")).toContainText("Het traject is gesloten");
  await expect(page.getByRole("region", { name: "Heropenen" })).toContainText("De regio heeft de aanbesteding ingetrokken.");
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Traject Holland Rijnland");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a stop without a reason keeps the choice and says so at the field", async ({ page }) => {
    await page.goto("/trajecten/nieuw");
    await page.getByLabel("Jeugdregio").selectOption("JZ18");
    await page.getByLabel("Strategisch doel").fill("Trajectpagina zonder JavaScript");
    await page.getByRole("button", { name: "Traject starten" }).click();
    await page.getByLabel("Nee, gestopt").check();
    await page.getByRole("button", { name: "Traject afsluiten" }).click();
    await expect(page.getByLabel("Reden (verplicht bij stoppen)")).toHaveAccessibleDescription(/Geef de reden van het stoppen/);
    await expect(page.getByLabel("Nee, gestopt")).toBeChecked();
  });
});
