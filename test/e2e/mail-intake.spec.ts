import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { outlookMessage } from "../fixtures/mail/outlook-msg";
import { admin, E2E_DIR, expect, expectAccessible, login, test } from "./support";

const MAIL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/mail");
const PLAIN = fs.readFileSync(path.join(MAIL_DIR, "plain.eml"));

function count(sql: string, ...params: unknown[]): number {
  const database = new Database(path.join(E2E_DIR, "rode-draad.db"), { readonly: true });
  try {
    return (database.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    database.close();
  }
}

/** Drops a file on the page as a mail program or the desktop would (a real drop event with a DataTransfer). */
async function dropFile(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, data, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type }));
      return transfer;
    },
    { name, data: [...bytes], type },
  );
  await page.dispatchEvent("main", "drop", { dataTransfer });
}

async function completeClassification(page: Page): Promise<void> {
  await page.getByLabel("Afkomstig van").selectOption({ label: "Vrijgevestigde aanbieder" });
  await page.getByLabel("Jeugdregio").selectOption({ label: "Twente (JZ14)" });
  await page.getByLabel("Soort vraag").selectOption({ label: "Adviesvraag: strategie bepalen" });
  await page.getByLabel("Fase inkoop").selectOption({ label: "Komende aanbesteding" });
}

test("an e-mail dropped on Nieuw signaal fills in the intake; saved, it is kept encrypted and downloads as it came", async ({ page }) => {
  await login(page, admin());
  const signalsBefore = count("select count(*) as n from signals");
  await page.goto("/signalen/nieuw");
  await dropFile(page, "vraag.eml", PLAIN, "message/rfc822");
  await expect(page).toHaveURL(/\/signalen\/nieuw\?mail=\d+$/);
  await expect(page.getByRole("status")).toContainText("er is nog niets opgeslagen");
  await expect(page.getByLabel("Korte samenvatting")).toHaveValue("Vraag over de aanbesteding jeugdhulp Zeist");
  // Sent 23:40 UTC on 30 November: 00:40 on 1 December in the Netherlands.
  await expect(page.getByLabel("Datum binnengekomen")).toHaveValue("2026-12-01");
  await expect(page.getByLabel("Binnengekomen via")).toHaveValue("email");
  await expect(page.getByLabel("Naam melder (niet verplicht)")).toHaveValue("Petra de Vries");
  await expect(page.getByLabel("E-mailadres melder (niet verplicht)")).toHaveValue("petra@praktijk-devries.nl");
  await expect(page.getByLabel("Toelichting (niet verplicht)")).toHaveValue(/Wij zijn met z'n tweeën\. Kunnen wij nog meedoen\?/);
  await expectAccessible(page);
  expect(count("select count(*) as n from signals")).toBe(signalsBefore);

  await completeClassification(page);
  await page.getByRole("button", { name: "Signaal vastleggen" }).click();
  await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");
  const signalId = Number(/\/signalen\/(\d+)$/.exec(page.url())?.[1]);
  expect(count("select count(*) as n from signal_uploads where kind = 'mail'")).toBe(0);
  const stored = new Database(path.join(E2E_DIR, "rode-draad.db"), { readonly: true });
  const row = stored.prepare("select name_sealed, content_sealed, content_type from attachments where signal_id = ?").get(signalId) as Record<string, string>;
  stored.close();
  expect(row.content_type).toBe("message/rfc822");
  expect(row.content_sealed).not.toContain(PLAIN.toString("base64").slice(0, 40));
  expect(row.name_sealed).not.toContain("e-mail");

  const link = page.getByRole("region", { name: "Bijlagen" }).getByRole("link", { name: "e-mail 2026-12-01.eml" });
  await expectAccessible(page);
  const response = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="e-mail 2026-12-01\.eml"/);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toContain("sandbox; default-src 'none'");
  expect(Buffer.compare(await response.body(), PLAIN)).toBe(0);
  expect(count("select count(*) as n from audit_log where action = 'signal.attachment_downloaded' and entity_id = ?", String(signalId))).toBe(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an Outlook .msg chosen in the file field fills in the intake; a file that is no e-mail is refused at the field", async ({ page }) => {
    await login(page, admin());
    await page.goto("/signalen/nieuw");
    await page.getByText("Uit een e-mail (.eml of .msg)").click();
    await page.getByLabel("E-mailbestand (.eml of .msg)").setInputFiles({ name: "kapot.eml", mimeType: "message/rfc822", buffer: fs.readFileSync(path.join(MAIL_DIR, "not-a-mail.eml")) });
    await page.getByRole("button", { name: "E-mail inlezen" }).click();
    const field = page.getByLabel("E-mailbestand (.eml of .msg)");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator(`#${await field.getAttribute("aria-describedby")}`)).toContainText("geen leesbare e-mail");

    const msg = outlookMessage({ subject: "Wachtlijst en budgetplafond", body: "Het plafond is in juni al bereikt.", senderName: "Anna Jansen", senderEmail: "anna@jansen-praktijk.nl", deliveredAt: new Date("2026-11-20T08:30:00Z") });
    await field.setInputFiles({ name: "wachtlijst.msg", mimeType: "application/vnd.ms-outlook", buffer: Buffer.from(msg) });
    await page.getByRole("button", { name: "E-mail inlezen" }).click();
    await expect(page.getByLabel("Korte samenvatting")).toHaveValue("Wachtlijst en budgetplafond");
    await expect(page.getByLabel("Datum binnengekomen")).toHaveValue("2026-11-20");
    await expect(page.getByLabel("Naam melder (niet verplicht)")).toHaveValue("Anna Jansen");
    await completeClassification(page);
    await page.getByRole("button", { name: "Signaal vastleggen" }).click();
    await expect(page.getByRole("status")).toContainText("Het signaal is vastgelegd");
    await expect(page.getByRole("region", { name: "Bijlagen" }).getByRole("link", { name: "e-mail 2026-11-20.msg" })).toBeVisible();
  });
});
