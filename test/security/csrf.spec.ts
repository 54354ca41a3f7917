import { CONFIDENTIAL } from "./confidential-strings";
import { createSignal, csrfToken, intermediarySession, postForm, submitPortalReport, type Session } from "./support";
import { expect, test } from "../e2e/support";

/** Each form post is tried without a token, with a wrong one, and with a valid token from a foreign origin. */
const FOREIGN = "https://aanvaller.example";
const CLIENT = "198.51.100.91";

let staff: Session;
let signalId: number;

test.beforeAll(async ({ browser }) => {
  staff = await intermediarySession(browser);
  signalId = await createSignal(staff.request, { summary: CONFIDENTIAL.signalSummary });
});

test.afterAll(async () => {
  await staff.context.close();
});

/** How often the attempted note's text occurs on the signal page (the page and its data both carry a note). */
async function notes(): Promise<number> {
  const html = await (await staff.request.get(`/signalen/${signalId}`)).text();
  return html.split("csrf-poging").length - 1;
}

test("a staff form post without a valid token, or from a foreign origin, is refused and changes nothing", async () => {
  const path = `/signalen/${signalId}`;
  const note = { intent: "note", body: "csrf-poging" };
  const token = await csrfToken(staff.request);
  const attempts = [
    { what: "no token", options: { csrf: null } },
    { what: "wrong token", options: { csrf: "x".repeat(43) } },
    { what: "foreign origin with a valid token", options: { csrf: token, origin: FOREIGN } },
    { what: "no origin, cross-site fetch metadata", options: { csrf: token, origin: null, headers: { "Sec-Fetch-Site": "cross-site" } } },
    { what: "origin null, cross-site fetch metadata", options: { csrf: token, origin: "null", headers: { "Sec-Fetch-Site": "cross-site" } } },
  ] as const;
  for (const { what, options } of attempts) {
    const response = await postForm(staff.request, path, note, options);
    expect(response.status(), what).toBe(403);
  }
  expect(await notes()).toBe(0);

  // The same post with the token and our own origin goes through: the refusals above were about token and origin.
  expect((await postForm(staff.request, path, note, { csrf: token })).status()).toBe(302);
  expect(await notes()).toBeGreaterThan(0);
});

test("a token of another session is refused", async ({ browser }) => {
  const other = await browser.newContext();
  const foreignToken = await csrfToken(other.request, "/login");
  const response = await postForm(staff.request, `/signalen/${signalId}`, { intent: "note", body: "csrf-poging" }, { csrf: foreignToken });
  expect(response.status()).toBe(403);
  await other.close();
});

test("the public form and the follow-up form refuse posts without a token or from a foreign origin", async ({ request }) => {
  const report = { requesterType: "provider", regionCode: "JZ38", topic: "other", procurementPhase: "none", contact: "anonymous", message: CONFIDENTIAL.portalMessage };
  const headers = { "X-Forwarded-For": CLIENT };
  const token = await csrfToken(request, "/melden");
  for (const options of [{ csrf: null, headers }, { csrf: token, origin: FOREIGN, headers }]) {
    const response = await postForm(request, "/melden", report, options);
    expect(response.status()).toBe(403);
    expect(await response.text()).not.toContain("receipt-code");
  }
  const code = await submitPortalReport(request, { message: CONFIDENTIAL.portalMessage }, CLIENT);
  for (const options of [{ csrf: null, headers }, { csrf: token, origin: FOREIGN, headers }]) {
    const response = await postForm(request, "/melden/volgen", { code, message: "csrf-poging" }, options);
    expect(response.status()).toBe(403);
  }
  const view = await postForm(request, "/melden/volgen", { code }, { csrf: token, headers });
  const html = await view.text();
  expect(html).toContain("Bericht aan de intermediair");
  expect(html).not.toContain("csrf-poging");
});

test("logout without a token does not end the session", async () => {
  expect((await postForm(staff.request, "/logout", {}, { csrf: null })).status()).toBe(403);
  expect((await postForm(staff.request, "/logout", {}, { origin: FOREIGN })).status()).toBe(403);
  const response = await staff.request.get("/signalen", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
});
