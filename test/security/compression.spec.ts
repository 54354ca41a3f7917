import { intermediarySession, type Session } from "./support";
import { expect, test } from "../e2e/support";

/**
 * BREACH: a compressed response's size tells whether text an attacker put in a link (a search term) matches text
 * elsewhere on the page. A logged-in request another site set off is therefore answered uncompressed; the same page
 * opened from our own pages (or typed) is compressed, and so is every public page and file.
 */
let staff: Session;

test.beforeAll(async ({ browser }) => {
  staff = await intermediarySession(browser);
});

test.afterAll(async () => {
  await staff.context.close();
});

const GUESS = "/signalen?q=budgetplafond";

async function encodingOf(site: string | undefined, path = GUESS, request = staff.request): Promise<string> {
  const response = await request.get(path, { headers: { "accept-encoding": "gzip, br", ...(site ? { "sec-fetch-site": site } : {}) }, maxRedirects: 0 });
  expect(response.status(), `${path} (${site})`).toBe(200);
  return response.headers()["content-encoding"] ?? "identity";
}

test("a logged-in page requested from another site, or by a browser that does not say, is not compressed", async () => {
  expect(await encodingOf("cross-site")).toBe("identity");
  expect(await encodingOf("same-site")).toBe("identity");
  expect(await encodingOf(undefined)).toBe("identity");
  expect(await encodingOf("cross-site", "/signalen/export")).toBe("identity");
});

test("the same page opened from our own pages or typed in is compressed", async () => {
  expect(await encodingOf("same-origin")).toMatch(/^(br|gzip)$/);
  expect(await encodingOf("none")).toMatch(/^(br|gzip)$/);
});

test("public pages and static files are compressed whoever links to them", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect(await encodingOf("cross-site", "/melden", anonymous)).toMatch(/^(br|gzip)$/);
  const html = await (await anonymous.get("/melden")).text();
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? "";
  expect(await encodingOf("cross-site", stylesheet, anonymous)).toMatch(/^(br|gzip)$/);
  await anonymous.dispose();
});
