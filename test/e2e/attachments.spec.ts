import path from "node:path";
import Database from "better-sqlite3";
import { admin, E2E_DIR, expect, expectAccessible, login, test } from "./support";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const DISGUISED = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(64, 0x41)]);

function attachmentCount(ownerId: number, owner: "signal_id" | "trajectory_id" | "milestone_id" = "signal_id"): number {
  const database = new Database(path.join(E2E_DIR, "rode-draad.db"), { readonly: true });
  try {
    return database.prepare(`select count(*) from attachments where ${owner} = ?`).pluck().get(ownerId) as number;
  } finally {
    database.close();
  }
}

test("a document added to a signal is kept as the type its bytes say; a program called .pdf is refused at the field", async ({ page }) => {
  await login(page, admin());
  await page.goto("/signalen/nieuw");
  await page.getByLabel("Afkomstig van").selectOption({ label: "Vrijgevestigde aanbieder" });
  await page.getByLabel("Jeugdregio").selectOption({ label: "Twente (JZ14)" });
  await page.getByLabel("Soort vraag").selectOption({ label: "Adviesvraag: strategie bepalen" });
  await page.getByLabel("Fase inkoop").selectOption({ label: "Komende aanbesteding" });
  await page.getByLabel("Korte samenvatting").fill("Brief van de gemeente over het contract");
  await page.getByRole("button", { name: "Signaal vastleggen" }).click();
  await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");
  const signalId = Number(/\/signalen\/(\d+)$/.exec(page.url())?.[1]);

  const section = page.getByRole("region", { name: "Bijlagen" });
  await expect(section).toContainText("Nog geen bijlagen.");
  await section.getByText("Bestand toevoegen").click();
  await section.getByLabel("Bestand", { exact: true }).setInputFiles({ name: "brief.pdf", mimeType: "application/pdf", buffer: DISGUISED });
  await section.getByRole("button", { name: "Bestand bewaren" }).click();
  const field = page.getByRole("region", { name: "Bijlagen" }).getByLabel("Bestand", { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await field.getAttribute("aria-describedby")}`)).toContainText("Dit soort bestand bewaart Rode Draad niet");
  expect(attachmentCount(signalId)).toBe(0);

  await field.setInputFiles({ name: "C:\\Users\\ilse\\Brief gemeente.pdf", mimeType: "text/html", buffer: PDF });
  await page.getByRole("region", { name: "Bijlagen" }).getByRole("button", { name: "Bestand bewaren" }).click();
  await expect(page.getByRole("status")).toContainText("Het bestand is bij het signaal bewaard");
  const link = page.getByRole("region", { name: "Bijlagen" }).getByRole("link", { name: /Brief gemeente\.pdf$/ });
  await expect(link).toBeVisible();
  await expectAccessible(page);
  const response = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toContain("attachment;");
  expect(Buffer.compare(await response.body(), PDF)).toBe(0);
  expect(attachmentCount(signalId)).toBe(1);
});

test("a document added to a trajectory is refused when disguised, kept when real, and downloads as an attachment", async ({ page }) => {
  await login(page, admin());
  await page.goto("/trajecten/nieuw");
  await page.getByLabel("Jeugdregio").selectOption("JZ14");
  await page.getByLabel("Strategisch doel").fill("Bijlagen bij een traject");
  await page.getByRole("button", { name: "Traject starten" }).click();
  await expect(page.getByRole("status")).toContainText("Het traject is gestart");
  const trajectoryId = Number(/\/trajecten\/(\d+)$/.exec(page.url())?.[1]);

  const section = page.getByRole("region", { name: "Bijlagen" });
  await expect(section).toContainText("Nog geen bijlagen.");
  await section.getByText("Bestand toevoegen").click();
  await section.getByLabel("Bestand", { exact: true }).setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: DISGUISED });
  await section.getByRole("button", { name: "Bestand bewaren" }).click();
  const field = page.getByRole("region", { name: "Bijlagen" }).getByLabel("Bestand", { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await field.getAttribute("aria-describedby")}`)).toContainText("Dit soort bestand bewaart Rode Draad niet");
  expect(attachmentCount(trajectoryId, "trajectory_id")).toBe(0);

  await field.setInputFiles({ name: "Plan van aanpak.pdf", mimeType: "text/html", buffer: PDF });
  await page.getByRole("region", { name: "Bijlagen" }).getByRole("button", { name: "Bestand bewaren" }).click();
  await expect(page.getByRole("status")).toContainText("Het bestand is bij het traject bewaard");
  const link = page.getByRole("region", { name: "Bijlagen" }).getByRole("link", { name: "Plan van aanpak.pdf" });
  await expectAccessible(page);
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(new RegExp(`^/trajecten/${trajectoryId}/bijlagen/\\d+$`));
  const response = await page.request.get(href);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toContain("attachment;");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.compare(await response.body(), PDF)).toBe(0);
  expect(attachmentCount(trajectoryId, "trajectory_id")).toBe(1);
});

test("a procurement document of a region takes files: a disguised one refused, a real one listed and downloaded as an attachment", async ({ page }) => {
  await login(page, admin());
  await page.goto("/regios/JZ14");
  await page.getByLabel("Soort").selectOption("tender_published");
  await page.getByLabel("Datum").fill("2026-11-02");
  await page.getByLabel("Titel").fill("Bestek jeugdhulp ambulant");
  await page.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("Opgeslagen");
  await page.getByRole("link", { name: "Bestek jeugdhulp ambulant bewerken" }).click();
  await page.waitForURL(/bewerk=\d+/);
  const milestoneId = Number(/bewerk=(\d+)/.exec(page.url())?.[1]);
  expect(milestoneId).toBeGreaterThan(0);

  await page.getByText("Bestand toevoegen").click();
  await page.getByLabel("Bestand", { exact: true }).setInputFiles({ name: "bestek.pdf", mimeType: "application/pdf", buffer: DISGUISED });
  await page.getByRole("button", { name: "Bestand bewaren" }).click();
  const field = page.getByLabel("Bestand", { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await field.getAttribute("aria-describedby")}`)).toContainText("Dit soort bestand bewaart Rode Draad niet");
  // The document's own form is as it was: the refusal is the file's only.
  await expect(page.getByLabel("Titel")).toHaveValue("Bestek jeugdhulp ambulant");
  expect(attachmentCount(milestoneId, "milestone_id")).toBe(0);

  await field.setInputFiles({ name: "Bestek 2027.pdf", mimeType: "text/html", buffer: PDF });
  await page.getByRole("button", { name: "Bestand bewaren" }).click();
  await expect(page.getByRole("status")).toContainText("Het bestand is bij het document bewaard");
  await expectAccessible(page);
  await page.goto("/regios/JZ14");
  const link = page.getByRole("table", { name: "Mijlpalen en documenten van de inkoop" }).getByRole("link", { name: "Bestek 2027.pdf" });
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(new RegExp(`^/regios/JZ14/documenten/${milestoneId}/\\d+$`));
  const response = await page.request.get(href);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toContain("attachment;");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.compare(await response.body(), PDF)).toBe(0);
  // Under another region's address the file is not found.
  expect((await page.request.get(href.replace("/JZ14/", "/JZ01/"))).status()).toBe(404);
  expect(attachmentCount(milestoneId, "milestone_id")).toBe(1);
});
