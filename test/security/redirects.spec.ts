import { expect, serverLog, test } from "../e2e/support";
import { csrfToken, intermediarySession, ORIGIN, postForm, recordSecret, staffSession, type Session } from "./support";

/**
 * After login the app goes where `redirectTo` says, but only to a path of its own: the browser drops tabs and newlines
 * and reads a backslash as a slash, so `/\t/evil.example/x` would leave the site. A bad value is bad input, not a 500.
 */
const HOSTILE = ["/\t/evil.example/x", "/\t\\evil.example", "//evil", "/\n/evil.example", "/\\evil.example", "/.//evil.example", "\\\\evil.example", "https://evil.example/", "/\r\n/evil.example", " //evil.example"];

let admin: Session;
let reader: Awaited<ReturnType<typeof staffSession>>;
let credentials: { email: string; password: string };

test.beforeAll(async ({ browser }) => {
  admin = await intermediarySession(browser);
  reader = await staffSession(browser, admin.page, "Ronald Redirect", ["Lezer"]);
  credentials = { email: reader.credentials.email, password: reader.credentials.password };
});

test.afterAll(async () => {
  await reader.context.close();
  await admin.context.close();
});

test("a login with a hostile redirectTo lands on the app, never elsewhere and never on a 500", async ({ browser }) => {
  for (const redirectTo of HOSTILE) {
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.120.1" } });
    const response = await postForm(context.request, "/login", { ...credentials, redirectTo }, { csrf: await csrfToken(context.request, "/login") });
    expect(response.status(), JSON.stringify(redirectTo)).toBe(302);
    const location = response.headers()["location"] ?? "";
    expect(location, JSON.stringify(redirectTo)).toMatch(/^\/(?![/\\])/);
    expect(new URL(location, ORIGIN).origin, JSON.stringify(redirectTo)).toBe(ORIGIN);
    await context.close();
  }
});

test("a same-site redirectTo still works, query string included", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.120.2" } });
  const response = await postForm(context.request, "/login", { ...credentials, redirectTo: "/rapportage?jaar=2021" }, { csrf: await csrfToken(context.request, "/login") });
  expect(response.headers()["location"]).toBe("/rapportage?jaar=2021");
  await context.close();
});

test("in a real browser, the tab trick ends on our own start page", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.120.3" } });
  const page = await context.newPage();
  await page.goto(`/login?redirectTo=${encodeURIComponent("/\t/evil.example/x")}`);
  await page.getByLabel("E-mailadres").fill(credentials.email);
  await page.getByLabel("Wachtwoord").fill(credentials.password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  expect(new URL(page.url()).origin).toBe(ORIGIN);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Ronald Redirect");
  await context.close();
});

test("a redirectTo with a newline puts nothing of itself in the server log", async ({ browser }) => {
  const planted = "geheim-doel-na-de-regelovergang";
  recordSecret(planted);
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.120.4" } });
  const response = await postForm(context.request, "/login", { ...credentials, redirectTo: `/\n/${planted}` }, { csrf: await csrfToken(context.request, "/login") });
  expect(response.status()).toBe(302);
  expect(serverLog()).not.toContain(planted);
  await context.close();
});
