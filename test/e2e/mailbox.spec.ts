import path from "node:path";
import MailComposer from "nodemailer/lib/mail-composer";
import { startDovecot, type Dovecot } from "../unit/dovecot";
import { createFirstAdmin, expect, expectAccessible, login, sparePort, startApp, tempDir, test } from "./support";

// A server of its own whose IMAP_URL points at a real Dovecot on 127.0.0.1 that this spec starts.
const PORT = sparePort(18);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ADMIN = { name: "Ilse Postvak", email: "ilse.postvak@example.org", password: "rode draad begint hier 2026" };
const SUBJECT = "Vraag over de aanbesteding in Twente";
let dovecot: Dovecot;
let app: Awaited<ReturnType<typeof startApp>>;

test.use({ baseURL: ORIGIN });
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  dovecot = await startDovecot(sparePort(19));
  app = await startApp({
    DATABASE_PATH: path.join(tempDir(), "rode-draad.db"),
    PORT: String(PORT),
    IMAP_URL: dovecot.url,
    IMAP_USER: dovecot.user,
    IMAP_PASSWORD: dovecot.password,
    IMAP_POLL_MINUTES: "60",
  });
  await createFirstAdmin(browser, ORIGIN, app.output(), ADMIN);
});

test.afterAll(async () => {
  await app?.stop();
  dovecot?.stop();
});

test("Nu ophalen turns a mailbox message into a signal to classify, shown by the inbox filter and not in the report", async ({ page }) => {
  const raw = await new MailComposer({ from: "Petra <petra@praktijk-voorbeeld.nl>", to: "signalen@rode-draad.example", subject: SUBJECT, text: "Beste intermediair, ..." })
    .compile()
    .build();
  await dovecot.deliver(raw);
  await login(page, ADMIN, { fresh: true });
  await page.goto("/beheer/postvak");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Postvak");
  await page.getByRole("button", { name: "Nu ophalen" }).click();
  // Whichever run took it (the one 5 s after the start, or this one), the message is one signal and has left INBOX.
  await expect(page.getByTestId("mailbox-outcome")).toHaveText("Gelukt");
  await expect(page.getByTestId("mailbox-waiting")).toHaveText("1");
  await expect(page.getByText(SUBJECT)).toHaveCount(0);
  expect(await dovecot.count("INBOX")).toBe(0);
  await expectAccessible(page);

  await page.goto("/signalen");
  await page.getByLabel("Classificatie").selectOption("yes");
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(/unclassified=yes/);
  const row = page.getByRole("row").filter({ hasText: SUBJECT });
  await expect(row).toContainText("te classificeren");
  await expectAccessible(page);

  const year = new Date().getFullYear();
  await page.goto(`/rapportage/${year}`);
  await expect(page.getByTestId("report-awaiting")).toContainText("1 signaal");

  // Classifying it: the form is open and offers none of the placeholders as a choice already made.
  await page.goto("/signalen?unclassified=yes");
  await page.getByRole("row").filter({ hasText: SUBJECT }).getByRole("link").first().click();
  await expect(page.getByTestId("awaiting-classification")).toBeVisible();
  const classification = page.getByRole("region", { name: "Classificatie" });
  await expect(classification).toContainText("nog te kiezen");
  await expect(classification.getByLabel("Jeugdregio")).toHaveValue("");
  await expect(classification.getByLabel("Soort vraag")).toHaveValue("");
  await classification.getByRole("button", { name: "Classificatie opslaan" }).click();
  await expect(classification.getByLabel("Soort vraag")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("awaiting-classification")).toBeVisible();
  await classification.getByLabel("Afkomstig van").selectOption("provider");
  await classification.getByLabel("Jeugdregio").selectOption("JZ38");
  await classification.getByLabel("Soort vraag").selectOption("gdpr");
  await classification.getByLabel("Fase inkoop").selectOption("none");
  await classification.getByRole("button", { name: "Classificatie opslaan" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await expect(page.getByTestId("awaiting-classification")).toHaveCount(0);
  await expect(classification).toContainText("Zeeland");
});
