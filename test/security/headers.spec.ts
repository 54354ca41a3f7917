import type { APIResponse } from "@playwright/test";
import { admin, createStaffUser, expect, login, serverLog, test, uniqueEmail } from "../e2e/support";
import { csrfToken, intermediarySession, ORIGIN, postForm, recordSecret, type Session } from "./support";

/**
 * The headers of real responses of the running app (the unit test of security-headers.server.ts covers the values,
 * HSTS with COOKIE_SECURE=true included; this e2e server runs without it, so HSTS must be absent here).
 */
const YEAR = new Date().getFullYear();
const PUBLIC_PAGES = ["/login", "/privacy", "/toegankelijkheid", "/melden", "/melden/volgen", "/vragen", "/voorbeelden", "/bestaat-niet"];
const STAFF_PAGES = ["/", "/signalen", "/trajecten", `/rapportage/${YEAR}`, "/account/sessies"];
const STAFF_FILES = [`/reports/${YEAR}.json`, "/signalen/export", "/signalen/export?format=xlsx", `/rapportage/${YEAR}/tabellen.csv`];

let staff: Session;

test.beforeAll(async ({ browser }) => {
  staff = await intermediarySession(browser);
});

test.afterAll(async () => {
  await staff.context.close();
});

function directives(response: APIResponse): Map<string, string[]> {
  const csp = response.headers()["content-security-policy"] ?? "";
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name as string, values]));
}

function expectSecurityHeaders(response: APIResponse, what: string): void {
  const headers = response.headers();
  const csp = directives(response);
  const scripts = csp.get("script-src") ?? [];
  expect(scripts.some((v) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(v)), `${what}: script-src nonce`).toBe(true);
  expect(scripts, what).not.toContain("'unsafe-inline'");
  expect(scripts, what).not.toContain("'unsafe-eval'");
  expect(csp.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(csp.get("form-action"), what).toEqual(["'self'"]);
  expect(csp.get("default-src"), what).toEqual(["'self'"]);
  // No other host in any directive.
  expect(headers["content-security-policy"], what).not.toMatch(/https?:|\*/);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("no-referrer");
  expect(headers["permissions-policy"], what).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(headers["x-robots-tag"], what).toContain("noindex");
  expect(headers["strict-transport-security"], `${what}: HSTS only with COOKIE_SECURE=true`).toBeUndefined();
}

/** The server sets no-store on every dynamic answer; a route that sets it again makes the header repeat, which is harmless. */
function expectNoStore(response: APIResponse, what: string): void {
  const values = (response.headers()["cache-control"] ?? "").split(",").map((v) => v.trim());
  expect(values, what).toContain("no-store");
  expect(new Set(values), what).toEqual(new Set(["no-store"]));
}

test("public and portal pages: security headers, a fresh nonce per response that the page's scripts carry, no-store", async ({ request }) => {
  for (const path of PUBLIC_PAGES) {
    const response = await request.get(path);
    expectSecurityHeaders(response, path);
    expectNoStore(response, path);
  }
  // The portal pages carry no script at all (see page-weight.spec.ts); the login page does, each with the nonce.
  const [first, second] = [await request.get("/login"), await request.get("/login")];
  const nonceOf = (r: APIResponse) => /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonceOf(first)).not.toBe(nonceOf(second));
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(first)}"`);
});

test("the portal's answer to a post is not cached either", async ({ request }) => {
  const response = await postForm(request, "/melden", {}, { csrf: await csrfToken(request, "/melden"), headers: { "X-Forwarded-For": "198.51.100.92" } });
  expect(response.status()).toBe(400);
  expectSecurityHeaders(response, "POST /melden");
  expectNoStore(response, "POST /melden");
});

test("authenticated pages, the report JSON and file downloads: security headers and no-store", async () => {
  for (const path of [...STAFF_PAGES, ...STAFF_FILES]) {
    const response = await staff.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(response, path);
    expectNoStore(response, path);
  }
  const download = await staff.request.get("/signalen/export");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
});

test("static files carry the security headers too", async ({ request }) => {
  const response = await request.get("/favicon.svg");
  expect(response.status()).toBe(200);
  expectSecurityHeaders(response, "/favicon.svg");
});

test("security.txt names the configured contact", async ({ request }) => {
  const response = await request.get("/.well-known/security.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
  const body = await response.text();
  expect(body).toContain("Contact: mailto:beveiliging@example.org");
  expect(body).toMatch(/^Expires: \d{4}-\d{2}-\d{2}T/m);
});

type CookieFlags = { value: string; attributes: string[] };
function setCookies(response: APIResponse): Map<string, CookieFlags> {
  return new Map(
    response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => {
        const [pair = "", ...attributes] = h.value.split(";").map((p) => p.trim());
        const [name = "", ...value] = pair.split("=");
        return [name, { value: value.join("="), attributes: attributes.map((a) => a.toLowerCase()) }];
      }),
  );
}

function expectCookieFlags(cookie: CookieFlags | undefined, what: string): void {
  expect(cookie, what).toBeDefined();
  expect(cookie?.attributes, what).toContain("httponly");
  expect(cookie?.attributes, what).toContain("path=/");
  expect(cookie?.attributes.some((a) => a === "samesite=lax" || a === "samesite=strict"), what).toBe(true);
  // This server runs without COOKIE_SECURE (plain http on 127.0.0.1): Secure would make the cookie unusable.
  expect(cookie?.attributes, what).not.toContain("secure");
}

test("session and form cookies: HttpOnly, SameSite, Path=/; logout clears the session and the site data", async ({ page, browser }) => {
  await login(page, admin());
  const reader = await createStaffUser(page, { name: "Hanna Headers", roles: ["Lezer"], email: uniqueEmail("headers") });
  const context = await browser.newContext();
  const { request } = context;

  const loginPage = await request.get("/login");
  expectCookieFlags(setCookies(loginPage).get("rd_csrf"), "rd_csrf");
  const loggedIn = await postForm(request, "/login", { email: reader.email, password: reader.password }, { csrf: await csrfToken(request, "/login") });
  expect(loggedIn.status()).toBe(302);
  const session = setCookies(loggedIn).get("rd_session");
  expectCookieFlags(session, "rd_session");
  recordSecret(decodeURIComponent(session?.value ?? ""));

  const loggedOut = await postForm(request, "/logout", {}, { csrf: await csrfToken(request, "/wachtwoord") });
  expect(loggedOut.status()).toBe(302);
  expect(loggedOut.headers()["clear-site-data"]).toMatch(/"cache"/);
  expect(loggedOut.headers()["clear-site-data"]).toMatch(/"storage"/);
  const ended = setCookies(loggedOut).get("rd_session");
  expect(ended?.attributes.some((a) => a === "max-age=0" || a.startsWith("expires=thu, 01 jan 1970")), "rd_session removed").toBe(true);
  expect((await request.get("/wachtwoord", { maxRedirects: 0 })).status()).toBe(302);
  await context.close();
});

test("the origin refusal is not cached either", async ({ request }) => {
  const response = await request.post("/login", { form: { email: "x@example.org" }, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expectSecurityHeaders(response, "403 origin");
  expectNoStore(response, "403 origin");
});

test("legacy ?_data= requests and unknown pages are client errors: not cached, no ERROR line in the log", async ({ request }) => {
  const errorLines = () => serverLog().split("\n").filter((line) => / ERROR /.test(line)).length;
  const before = errorLines();
  const paths = ["/login?_data=routes/login", "/login?_data=root", "/login?_data=routes/bestaat-niet", "/?_data=routes/_index", "/bestaat-niet?_data=root", "/bestaat-niet", "/melden?_data"];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    expect(response.status(), path).toBeLessThan(500);
    expectNoStore(response, path);
  }
  const wrongMethod = await request.fetch("/healthz", { method: "DELETE", headers: { Origin: ORIGIN } });
  expect(wrongMethod.status()).toBeLessThan(500);
  expect(errorLines()).toBe(before);
});
