import fs from "node:fs";
import path from "node:path";
import { admin, expect, expectAccessible, login, test } from "./support";

test.beforeEach(async ({ page }) => {
  await login(page, admin());
});

test("the shipped 2024 table is loaded: 42 regions, every municipality, border cases flagged", async ({ page }) => {
  await page.goto("/beheer/regios");
  await expectAccessible(page);
  const rows = page.getByRole("table", { name: "Jeugdregio's" }).getByRole("row");
  await expect(rows).toHaveCount(43);
  await expect(page.getByRole("row", { name: /JZ40/ })).toHaveCount(0);
  await expect(page.getByText("41 gemeenten liggen dicht bij een regiogrens")).toBeVisible();
  await page.getByRole("link", { name: "Groningen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Groningen (JZ01)");
  await expect(page.getByRole("row", { name: /Stadskanaal/ })).toContainText("Grensgeval");
  await expectAccessible(page);
});

test("an admin moves a municipality to another region", async ({ page }) => {
  await page.goto("/beheer/regios/JZ02");
  await page.getByLabel("Nieuwe regio voor Harlingen").selectOption("JZ03");
  await page.getByRole("button", { name: "Harlingen verplaatsen" }).click();
  await expect(page.getByRole("status")).toContainText("verplaatst naar JZ03");
  await expect(page.getByRole("row", { name: /Harlingen/ })).toHaveCount(0);
  await page.goto("/beheer/regios/JZ03");
  await expect(page.getByRole("row", { name: /Harlingen/ })).toBeVisible();
});

/** The shipped table rewritten in CBS StatLine layout (padded, semicolons), with Schiermonnikoog in a new region JZ44. */
function cbsTable(): string {
  const shipped = fs.readFileSync(path.resolve(process.cwd(), "db/reference/jeugdregios.csv"), "utf8").trim().split("\n").slice(1);
  const pad = (value: string, width: number) => `"${value.padEnd(width)}"`;
  const lines = shipped.map((line, index) => {
    const [regionCode = "", regionName = "", code = "", name = ""] = line.split(",");
    const [rc, rn] = code === "GM0088" ? ["JZ44", "Noord-Nederland Test"] : [regionCode, regionName];
    return [index, pad(code, 10), pad(code, 10), pad(name, 50), pad(name, 50), pad(rc, 10), pad(rn, 50)].join(";");
  });
  return ['"ID";"RegioS";"Code_1";"Naam_2";"SorteringNaam_3";"Code_14";"Naam_15"', ...lines].join("\r\n");
}

test("a newer table in CBS layout is previewed first and applied in one step", async ({ page }) => {
  await page.goto("/beheer/regios/import");
  await expectAccessible(page);

  await page.getByLabel("CSV-bestand").setInputFiles({ name: "kapot.csv", mimeType: "text/csv", buffer: Buffer.from('"Code_1";"Naam_2"\n"XX";"Nergens"\n') });
  await page.getByRole("button", { name: "Bekijk wat er verandert" }).click();
  await expect(page.getByText("kapot.csv kan niet worden geladen")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/beheer/regios/import");
  await page.getByLabel("CSV-bestand").setInputFiles({ name: "gebieden.csv", mimeType: "text/csv", buffer: Buffer.from(cbsTable()) });
  await page.getByRole("button", { name: "Bekijk wat er verandert" }).click();
  await expect(page.getByRole("heading", { name: "Wat er verandert" })).toBeVisible();
  await expect(page.getByText("JZ44 Noord-Nederland Test")).toBeVisible();
  await expect(page.getByText("Schiermonnikoog (GM0088): JZ02 → JZ44")).toBeVisible();
  await expectAccessible(page);

  // Nothing changed yet.
  await page.goto("/beheer/regios");
  await expect(page.getByRole("row", { name: /JZ44/ })).toHaveCount(0);
  await page.goBack();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Tabel toepassen" }).click();
  await expect(page.getByRole("status")).toContainText("De tabel is toegepast");
  await expect(page.getByRole("row", { name: /JZ44/ })).toContainText("Actief");
  await expect(page.getByText(/liggen dicht bij een regiogrens/)).toHaveCount(0);
  await page.getByRole("link", { name: "Noord-Nederland Test" }).click();
  await expect(page.getByRole("row", { name: /Schiermonnikoog/ })).toBeVisible();
});
