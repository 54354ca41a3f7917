import type { Page } from "@playwright/test";
import { admin, expect, expectAccessible, login, test } from "./support";

// /melden is sent without scripts (WITHOUT_SCRIPTS): what this page sees is what a browser without JavaScript sees.
test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.91" } });

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const NOTES = Buffer.from("Notulen van het marktconsultatie-overleg.\n");
const PROGRAM = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00", "latin1"), Buffer.alloc(32, 0x41)]);

async function fillReport(page: Page, message: string): Promise<void> {
  await page.goto("/melden");
  await page.getByLabel("Ik meld als").selectOption("provider");
  await page.getByLabel("Jeugdregio").selectOption("JZ19");
  await page.getByLabel("Onderwerp").selectOption("contract_change");
  await page.getByLabel("Waar staat de inkoop?").selectOption("running_tender");
  await page.getByLabel("Wat is er aan de hand?").fill(message);
}

test("a report with its documents: kept with the signal for the intermediary; a program or a fourth file is refused with the text kept", async ({ page, browser }) => {
  const marker = `Portaalbijlage ${Date.now()}`;
  await fillReport(page, `${marker}\nDe gemeente stuurde deze stukken.`);
  const files = page.getByLabel("Bestanden (niet verplicht)");
  await files.setInputFiles([{ name: "brief.pdf", mimeType: "application/pdf", buffer: PROGRAM }]);
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(files).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText('"brief.pdf" is geen bestand dat wij bewaren')).toHaveCount(2);
  await expect(page.getByLabel("Wat is er aan de hand?")).toHaveValue(/De gemeente stuurde deze stukken\./);
  await expectAccessible(page);

  await files.setInputFiles([1, 2, 3, 4].map((n) => ({ name: `stuk-${n}.txt`, mimeType: "text/plain", buffer: NOTES })));
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByText("Voeg hoogstens 3 bestanden toe.").first()).toBeVisible();

  await files.setInputFiles([
    { name: "aanbesteding.pdf", mimeType: "application/pdf", buffer: PDF },
    { name: "notulen.txt", mimeType: "text/plain", buffer: NOTES },
  ]);
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByTestId("receipt-code")).toBeVisible();

  const staff = await (await browser.newContext()).newPage();
  await login(staff, admin());
  await staff.goto(`/signalen?q=${encodeURIComponent(marker)}`);
  await staff.getByRole("row", { name: new RegExp(marker) }).getByRole("link").click();
  const section = staff.getByRole("region", { name: "Bijlagen" });
  await expect(section.getByRole("link", { name: "aanbesteding.pdf" })).toBeVisible();
  await expect(section.getByRole("link", { name: "notulen.txt" })).toBeVisible();
  const response = await staff.request.get((await section.getByRole("link", { name: "aanbesteding.pdf" }).getAttribute("href")) ?? "");
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.compare(await response.body(), PDF)).toBe(0);
  await staff.context().close();
});
