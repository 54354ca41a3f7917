import { CONFIDENTIAL } from "./confidential-strings";
import { createSignal, createTrajectory, intermediarySession, postForm, submitPortalReport, type Session } from "./support";
import { expect, test } from "../e2e/support";

/** Text that would break a query built by string concatenation: stored and shown verbatim, searched as plain text. */
const SQL = {
  drop: "'; DROP TABLE signals; --",
  or: `" OR 1=1 --`,
  union: "' UNION SELECT email, password_hash FROM users --",
};
const REGION = "JZ09";
const CLIENT = "198.51.100.94";

let staff: Session;
let signalId: number;
let trajectoryId: number;

test.beforeAll(async ({ browser, request }) => {
  staff = await intermediarySession(browser);
  signalId = await createSignal(staff.request, { summary: `${SQL.drop} ${CONFIDENTIAL.signalSummary}`, details: SQL.or, reporterName: SQL.union }, REGION);
  expect((await postForm(staff.request, `/signalen/${signalId}`, { intent: "note", body: SQL.or })).status()).toBe(302);
  trajectoryId = await createTrajectory(staff.request, `Doel ${SQL.drop}`, REGION);
  await submitPortalReport(request, { message: `Melding met ${SQL.union}` }, CLIENT);
});

test.afterAll(async () => {
  await staff.context.close();
});

test("SQL-looking text is stored and shown verbatim", async ({ page }) => {
  await page.context().addCookies(await staff.context.cookies());
  await page.goto(`/signalen/${signalId}`);
  const text = await page.locator("body").innerText();
  for (const value of [`${SQL.drop} ${CONFIDENTIAL.signalSummary}`, SQL.or, SQL.union]) expect(text).toContain(value);
  await page.goto(`/trajecten/${trajectoryId}`);
  await expect(page.locator("body")).toContainText(`Doel ${SQL.drop}`);
});

test("SQL-looking search and filter values match text only and break no page", async () => {
  for (const q of Object.values(SQL)) {
    const response = await staff.request.get(`/signalen?q=${encodeURIComponent(q)}`);
    expect(response.status(), q).toBe(200);
  }
  // Only the signal that holds the text matches, not every signal.
  const drop = await (await staff.request.get(`/signalen?q=${encodeURIComponent(SQL.drop)}`)).text();
  expect(drop).toContain(`/signalen/${signalId}"`);
  expect(drop).toMatch(/1 signaal\b/);
  const portal = await (await staff.request.get(`/signalen?q=${encodeURIComponent(SQL.union)}`)).text();
  expect(portal).toMatch(/1 signaal\b/);

  for (const path of ["/signalen", "/trajecten", "/beheer/audit"]) {
    for (const param of ["region", "status", "topic", "year", "month", "channel", "trigger", "outcome", "action", "user", "page"]) {
      for (const value of [SQL.drop, SQL.or]) {
        const url = `${path}?${param}=${encodeURIComponent(value)}`;
        expect((await staff.request.get(url)).status(), url).toBeLessThan(500);
      }
    }
  }
});

test("a name search for the data-subject page with SQL-looking text finds no one", async () => {
  const response = await postForm(staff.request, "/betrokkenen", { intent: "search", name: SQL.or });
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).not.toContain(CONFIDENTIAL.reporterName);
  expect(html).not.toContain(CONFIDENTIAL.reporterEmail);
});

test("the data is still there", async () => {
  const inbox = await (await staff.request.get(`/signalen?region=${REGION}`)).text();
  expect(inbox).toContain(`/signalen/${signalId}"`);
  const response = await staff.request.get(`/signalen/${signalId}`);
  expect(response.status()).toBe(200);
  expect((await staff.request.get(`/trajecten/${trajectoryId}`)).status()).toBe(200);
});
