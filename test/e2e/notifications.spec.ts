import path from "node:path";
import { smtpCapture } from "../unit/smtp-capture";
import { CONFIDENTIAL, CONFIDENTIAL_STRINGS } from "../security/confidential-strings";
import type { Browser } from "@playwright/test";
import { createFirstAdmin, expect, expectAccessible, login, sparePort, startApp, tempDir, test } from "./support";

// A server of its own, with SMTP_URL pointing at a real SMTP server on 127.0.0.1 that this spec starts.
const PORT = sparePort(17);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ADMIN = { name: "Ilse Intermediair", email: "ilse.e-mail@example.org", password: "rode draad begint hier 2026" };
const REPORTER = "melder.met.vinkje@example.org";
const smtp = smtpCapture();
const DATABASE_PATH = path.join(tempDir(), "rode-draad.db");
let app: Awaited<ReturnType<typeof startApp>>;

/** The same server again (same database, keys beside it): what a restart after a crash finds. */
const start = () => startApp({ DATABASE_PATH, PORT: String(PORT), SMTP_URL: smtp.url, APP_ORIGIN: ORIGIN });

/** A visitor without JavaScript reports confidentially, with an e-mail address and the tick; returns the receipt code. */
async function reportWithTick(browser: Browser): Promise<string> {
  const visitor = await browser.newContext({ baseURL: ORIGIN, javaScriptEnabled: false, locale: "nl-NL" });
  const portal = await visitor.newPage();
  await portal.goto("/melden");
  await portal.getByLabel("Ik meld als").selectOption("provider");
  await portal.getByLabel("Jeugdregio").selectOption("JZ38");
  await portal.getByLabel("Onderwerp").selectOption("gdpr");
  await portal.getByLabel("Waar staat de inkoop?").selectOption("none");
  await portal.getByLabel("Wat is er aan de hand?").fill(`${CONFIDENTIAL.signalSummary}. ${CONFIDENTIAL.signalDetails}`);
  await portal.getByLabel(/^Vertrouwelijk, met mijn contactgegevens/).check();
  await portal.getByLabel("Naam (niet verplicht)").fill(CONFIDENTIAL.reporterName);
  await portal.getByLabel("E-mailadres").fill(REPORTER);
  await portal.getByLabel("Laat mij weten als er een antwoord is").check();
  await portal.getByRole("button", { name: "Melding versturen" }).click();
  const code = (await portal.getByTestId("receipt-code").innerText()).trim();
  await visitor.close();
  return code;
}

test.use({ baseURL: ORIGIN });
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  await smtp.start();
  app = await start();
  await createFirstAdmin(browser, ORIGIN, app.output(), ADMIN);
});

test.afterAll(async () => {
  await app?.stop();
  await smtp.stop();
});

test("a staff member chooses on Mijn account which e-mails they get", async ({ page }) => {
  await login(page, ADMIN, { fresh: true });
  await page.goto("/account/sessies");
  await page.getByRole("link", { name: "Kies waarover u een e-mail krijgt" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("E-mailmeldingen");
  await expectAccessible(page);
  await page.getByLabel("Een nieuw signaal via het meldformulier").check();
  await page.getByRole("button", { name: "Keuze opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("Uw keuze voor e-mailmeldingen is opgeslagen");
  await expect(page.getByLabel("Een nieuw signaal via het meldformulier")).toBeChecked();
  await expect(page.getByLabel("Een nieuw bericht van een melder")).not.toBeChecked();
});

test("a report without JavaScript, with the tick, reaches the intermediary and later the reporter, without a word of its text", async ({ browser, page }) => {
  const code = await reportWithTick(browser);

  await expect.poll(() => smtp.to(ADMIN.email).length, { timeout: 20_000 }).toBe(1);
  const link = /http:\/\/127\.0\.0\.1:\d+\/signalen\/\d+/.exec(smtp.to(ADMIN.email)[0]!.raw)?.[0];
  expect(link).toBeTruthy();

  await login(page, ADMIN, { fresh: true });
  await page.goto(link!);
  await page.getByLabel("Bericht aan de melder").fill(CONFIDENTIAL.signalNote);
  await page.getByRole("button", { name: "Bericht aan melder versturen" }).click();
  await expect(page.getByRole("status")).toContainText("Het bericht staat klaar voor de melder");
  await expect.poll(() => smtp.to(REPORTER).length, { timeout: 20_000 }).toBe(1);
  const [answer] = smtp.to(REPORTER);
  expect(answer!.raw).toContain(`${ORIGIN}/melden/volgen`);

  // Nobody chose "nieuw bericht": the reporter's news reached no one else.
  expect(smtp.messages).toHaveLength(2);
  for (const mail of smtp.messages) for (const secret of [...CONFIDENTIAL_STRINGS, code, code.replace(/\D/g, "")]) expect(mail.raw, secret).not.toContain(secret);

  await page.goto("/beheer/e-mail");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("E-mail");
  await expect(page.getByTestId("smtp-state")).toHaveText("Bereikbaar");
  await expect(page.getByTestId("outbox-queued")).toHaveText("0");
  await expectAccessible(page);
});

test("a server killed while the SMTP server is down sends the queued e-mail once, after both are back", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const before = smtp.to(ADMIN.email).length;
  await smtp.stop();
  await reportWithTick(browser);
  process.kill(app.pid!, "SIGKILL");
  expect(await app.exitCode).toBeNull();

  await smtp.start();
  app = await start();
  // The first try may have failed before the kill; its retry comes at most about 33 s later.
  await expect.poll(() => smtp.to(ADMIN.email).length, { timeout: 60_000 }).toBe(before + 1);
  await login(page, ADMIN, { fresh: true });
  await page.goto("/beheer/e-mail");
  await expect(page.getByTestId("outbox-queued")).toHaveText("0");
  expect(smtp.to(ADMIN.email)).toHaveLength(before + 1);
});
