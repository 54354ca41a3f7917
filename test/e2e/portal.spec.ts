import type { Page } from "@playwright/test";
import { admin, expect, expectAccessible, login, serverLog, test } from "./support";

const XSS = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;

async function submitReport(page: Page, message: string, extra: (page: Page) => Promise<void> = async () => {}): Promise<string> {
  await page.goto("/melden");
  await page.getByLabel("Ik meld als").selectOption("provider");
  await page.getByLabel("Gemeente (niet verplicht)").fill("Tilburg");
  await page.getByLabel("Onderwerp").selectOption("contract_change");
  await page.getByLabel("Waar staat de inkoop?").selectOption("none");
  await page.getByLabel("Wat is er aan de hand?").fill(message);
  await extra(page);
  await page.getByRole("button", { name: "Melding versturen" }).click();
  const code = page.getByTestId("receipt-code");
  await expect(code).toHaveText(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
  return (await code.textContent()) ?? "";
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.61" } });

  test("a provider reports anonymously, gets a receipt code once, and follows up; the intermediary replies", async ({ page, browser }) => {
    const marker = `Budgetplafond bereikt in Tilburg ${Date.now()}`;
    const code = await submitReport(page, `${marker}\nDe gemeente betaalt niet meer na september.`);
    await expect(page.getByRole("status")).toContainText("Schrijf hem op");

    await page.goto("/melden/volgen");
    await page.getByLabel("Ontvangstcode").fill(code.replaceAll(" ", "-"));
    await page.getByRole("button", { name: "Bekijk mijn melding" }).click();
    await expect(page.getByText("Status: Ontvangen")).toBeVisible();
    await page.getByLabel("Bericht aan de intermediair").fill("Aanvulling: het gaat om drie praktijken.");
    await page.getByRole("button", { name: "Bericht versturen" }).click();
    await expect(page.getByText("Uw bericht is verstuurd")).toBeVisible();
    await expect(page.getByText("Aanvulling: het gaat om drie praktijken.")).toBeVisible();

    const staff = await browser.newContext();
    const staffPage = await staff.newPage();
    await login(staffPage, admin());
    await staffPage.goto(`/signalen?q=${encodeURIComponent(marker)}`);
    const row = staffPage.getByRole("row", { name: new RegExp(marker) });
    await expect(row).toContainText("Nieuw");
    await expect(row).toContainText("nieuw bericht");
    await row.getByRole("link").click();
    await expect(staffPage.getByRole("region", { name: "Berichten met de melder" })).toContainText("Aanvulling: het gaat om drie praktijken.");
    await expect(staffPage.getByRole("region", { name: "Classificatie" })).toContainText("Midden-Brabant");
    await staffPage.getByLabel("Bericht aan de melder").fill("Dank u. Ik bel de regio deze week.");
    await staffPage.getByRole("button", { name: "Bericht aan melder versturen" }).click();
    await expect(staffPage.getByRole("status")).toContainText("Het bericht staat klaar voor de melder");
    // Answering moves a new report on by itself.
    await expect(staffPage.getByRole("region", { name: "Geschiedenis" })).toContainText("Status: Nieuw → In behandeling");
    await staff.close();

    await page.goto("/melden/volgen");
    await page.getByLabel("Ontvangstcode").fill(code);
    await page.getByRole("button", { name: "Bekijk mijn melding" }).click();
    await expect(page.getByText("Status: In behandeling")).toBeVisible();
    await expect(page.getByText("Dank u. Ik bel de regio deze week.")).toBeVisible();

    // Neither the code nor the text reached the server log.
    const log = serverLog();
    expect(log).not.toContain(code.replaceAll(" ", ""));
    expect(log).not.toContain(marker);
  });

  test("a validation error keeps everything typed; confidential reports need a way to reach the reporter", async ({ page }) => {
    await page.goto("/melden");
    await page.getByLabel("Wat is er aan de hand?").fill("Een lange tekst die niet verloren mag gaan.");
    await page.getByLabel(/^Vertrouwelijk, met mijn contactgegevens/).check();
    await page.getByLabel("Naam (niet verplicht)").fill("Karin Kwetsbaar");
    await page.getByRole("button", { name: "Melding versturen" }).click();
    await expect(page.getByRole("alert")).toContainText("Het formulier is nog niet in orde");
    await expect(page.getByLabel("Wat is er aan de hand?")).toHaveValue("Een lange tekst die niet verloren mag gaan.");
    await expect(page.getByLabel("Naam (niet verplicht)")).toHaveValue("Karin Kwetsbaar");
    await expect(page.getByLabel("Ik meld als")).toHaveAccessibleDescription("Kies als wie u meldt.");

    await page.getByLabel("Ik meld als").selectOption("provider");
    await page.getByLabel("Jeugdregio").selectOption("JZ05");
    await page.getByLabel("Onderwerp").selectOption("gdpr");
    await page.getByLabel("Waar staat de inkoop?").selectOption("none");
    await page.getByRole("button", { name: "Melding versturen" }).click();
    await expect(page.getByLabel("E-mailadres")).toHaveAccessibleDescription(/e-mailadres of telefoonnummer/);
    await expect(page.getByLabel("Naam (niet verplicht)")).toHaveValue("Karin Kwetsbaar");
    await expect(page.getByTestId("receipt-code")).toHaveCount(0);
  });
});

test.describe("abuse", () => {
  test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.62" } });

  test("a wrong code gets one neutral message, and after 5 wrong codes the address waits (429)", async ({ page }) => {
    for (let i = 0; i < 5; i += 1) {
      await page.goto("/melden/volgen");
      await page.getByLabel("Ontvangstcode").fill(`0000 0000 0000 0000 000${i}`);
      const response = page.waitForResponse((r) => r.request().method() === "POST");
      await page.getByRole("button", { name: "Bekijk mijn melding" }).click();
      expect((await response).status()).toBe(400);
      await expect(page.getByRole("alert")).toHaveText("Met deze code vinden we geen melding. Controleer de code en probeer het opnieuw.");
    }
    await page.goto("/melden/volgen");
    await page.getByLabel("Ontvangstcode").fill("1111 1111 1111 1111 1111");
    const refused = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Bekijk mijn melding" }).click();
    expect((await refused).status()).toBe(429);
    await expect(page.getByRole("alert")).toContainText("Te veel onjuiste codes");
  });
});

test.describe("submission limit", () => {
  test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.63" } });

  test("the honeypot stores nothing; after 10 reports an hour the 11th is refused with 429 and the text kept", async ({ page }) => {
    await page.goto("/melden");
    await page.getByLabel("Ik meld als").selectOption("provider");
    await page.getByLabel("Jeugdregio").selectOption("JZ05");
    await page.getByLabel("Onderwerp").selectOption("gdpr");
    await page.getByLabel("Waar staat de inkoop?").selectOption("none");
    await page.getByLabel("Wat is er aan de hand?").fill("Ik ben een robot die alles invult.");
    await page.locator("#melden-website").fill("http://spam.example");
    await page.getByRole("button", { name: "Melding versturen" }).click();
    await expect(page.getByTestId("receipt-code")).toHaveCount(0);
    await expect(page.getByRole("alert")).toContainText("kon niet worden verwerkt");

    for (let i = 0; i < 10; i += 1) await submitReport(page, `Melding nummer ${i} voor de limiet`);
    await page.goto("/melden");
    await page.getByLabel("Ik meld als").selectOption("provider");
    await page.getByLabel("Jeugdregio").selectOption("JZ05");
    await page.getByLabel("Onderwerp").selectOption("gdpr");
    await page.getByLabel("Waar staat de inkoop?").selectOption("none");
    await page.getByLabel("Wat is er aan de hand?").fill("De elfde melding mag niet verloren gaan.");
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Melding versturen" }).click();
    expect((await response).status()).toBe(429);
    await expect(page.getByRole("alert")).toContainText("Wacht een uur");
    await expect(page.getByLabel("Wat is er aan de hand?")).toHaveValue("De elfde melding mag niet verloren gaan.");
  });
});

test.describe("inert text", () => {
  test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.64" } });

  test("HTML and script in every field stay text, for the reporter and for staff", async ({ page, browser }) => {
    const code = await submitReport(page, `XSS-proef ${XSS}`, async (p) => {
      await p.getByLabel(/^Vertrouwelijk, met mijn contactgegevens/).check();
      await p.getByLabel("Naam (niet verplicht)").fill(XSS.slice(0, 150));
      await p.getByLabel("Organisatie of praktijk (niet verplicht)").fill(`<b>vet</b>${XSS}`.slice(0, 150));
      await p.getByLabel("E-mailadres").fill("xss@example.org");
    });
    await expectAccessible(page);
    await page.goto("/melden/volgen");
    await page.getByLabel("Ontvangstcode").fill(code);
    await page.getByRole("button", { name: "Bekijk mijn melding" }).click();
    await expectAccessible(page);
    await page.getByLabel("Bericht aan de intermediair").fill(XSS);
    await page.getByRole("button", { name: "Bericht versturen" }).click();
    await expect(page.getByText(XSS).first()).toBeVisible();
    expect(await page.evaluate(() => (window as Window & { __pwned?: number }).__pwned)).toBeUndefined();

    const staff = await browser.newContext();
    const staffPage = await staff.newPage();
    await login(staffPage, admin());
    await staffPage.goto(`/signalen?q=${encodeURIComponent("XSS-proef")}`);
    await expect(staffPage.getByRole("table")).toContainText("<script>");
    await staffPage.getByRole("row", { name: /XSS-proef/ }).getByRole("link").click();
    await expect(staffPage.getByRole("region", { name: "Vertrouwelijk" })).toContainText("<script>window.__pwned = 1</script>");
    await expect(staffPage.getByRole("region", { name: "Berichten met de melder" })).toContainText('onerror="window.__pwned = 2"');
    expect(await staffPage.evaluate(() => (window as Window & { __pwned?: number }).__pwned)).toBeUndefined();
    await staff.close();
  });
});

test("public pages: accessible, no store, no referrer, only the CSRF cookie, nothing from other hosts", async ({ page }) => {
  for (const path of ["/melden", "/melden/volgen", "/privacy", "/toegankelijkheid"]) {
    const hosts = new Set<string>();
    page.on("request", (request) => hosts.add(new URL(request.url()).host));
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers["cache-control"]).toBe("no-store");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    await expectAccessible(page);
    expect([...hosts]).toEqual([new URL(page.url()).host]);
    page.removeAllListeners("request");
  }
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).toEqual(["rd_csrf"]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Toegankelijkheidsverklaring");

  const securityTxt = await page.request.get("/.well-known/security.txt");
  expect(securityTxt.status()).toBe(200);
  expect(await securityTxt.text()).toMatch(/^Contact: mailto:beveiliging@example\.org\nExpires: \d{4}-/);
  expect(securityTxt.headers()["x-robots-tag"]).toContain("noindex");
});
