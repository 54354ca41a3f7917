import type { APIRequestContext, Browser } from "@playwright/test";
import { createStaffUser, type Credentials, expect, loginAndChoosePassword, nextTotpCode, test, uniqueEmail } from "../e2e/support";
import { csrfToken, intermediarySession, ORIGIN, postForm, recordSecret, type Session } from "./support";

/**
 * The lockout must hold under any concurrency: a burst of guesses at once gets no more of them checked than
 * LOGIN_MAX_FAILURES (5 on this server), and the right credential in the middle of the burst is refused like the rest.
 * Every guess comes from an address of its own, so only the account's count can stop them.
 */
const LIMIT = 5;
const TOO_MANY = "Te veel mislukte inlogpogingen";
let admin: Session;
let burst = 0;

test.beforeAll(async ({ browser }) => {
  admin = await intermediarySession(browser);
});

test.afterAll(async () => {
  await admin.context.close();
});

/** A fresh address block per burst, so no burst inherits another's address count. */
function addressOf(index: number): string {
  return `203.0.${110 + burst}.${index + 1}`;
}

/** Sends all posts at once (the form token of this context, our origin) and returns the statuses in order. */
async function postAtOnce(request: APIRequestContext, path: string, forms: Record<string, string>[]): Promise<number[]> {
  burst += 1;
  const csrf = await csrfToken(request, path);
  const responses = await Promise.all(
    forms.map((form, i) => request.post(path, { form: { csrf, ...form }, maxRedirects: 0, headers: { Origin: ORIGIN, "X-Forwarded-For": addressOf(i) } })),
  );
  return responses.map((r) => r.status());
}

/**
 * No more than LIMIT wrong guesses checked, every other answer 429. The right credential in the burst is refused like
 * the rest, unless it happened to be among the first few checked: then it passes, as it may within the limit, and
 * frees one place (a passed attempt does not count), so one more wrong guess may be checked.
 */
function expectAtMostLimitChecked(statuses: number[], wrongStatus: number, right?: { index: number; status: number }): void {
  const what = statuses.join(",");
  const rightPassed = right !== undefined && statuses[right.index] === right.status;
  expect(statuses.filter((s) => s === wrongStatus).length, `wrong guesses checked: ${what}`).toBeLessThanOrEqual(LIMIT);
  expect(statuses.filter((s) => s !== 429).length, what).toBeLessThanOrEqual(rightPassed ? LIMIT + 1 : LIMIT);
  statuses.forEach((s, i) => expect(s === 429 || s === wrongStatus || (rightPassed && i === right.index), what).toBe(true));
}

/** Well-formed (so the server checks it against the stored hashes), and none of the user's codes. */
function wrongRecoveryCode(i: number): string {
  const symbols = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  return `ZZZZZ-ZZZ${symbols[Math.floor(i / symbols.length)]}${symbols[i % symbols.length]}`;
}

async function newUser(name: string, roles: string[]): Promise<Credentials> {
  return createStaffUser(admin.page, { name, roles, email: uniqueEmail("slot") });
}

async function freshRequest(browser: Browser, address: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
  return { context, request: context.request };
}

test("60 passwords at once for one account, the right one in the middle: at most 5 wrong ones checked, then the right one refused too", async ({ browser }) => {
  test.setTimeout(120_000);
  const user = await newUser("Pieter Parallel", ["Lezer"]);
  const { context, request } = await freshRequest(browser, "203.0.100.1");
  const forms = Array.from({ length: 60 }, (_, i) => ({ email: user.email, password: i === 30 ? user.password : `fout wachtwoord ${i}` }));
  const statuses = await postAtOnce(request, "/login", forms);
  expectAtMostLimitChecked(statuses, 401, { index: 30, status: 302 });

  // Locked: the right password alone, from yet another address, is refused too.
  const after = await postForm(request, "/login", { email: user.email, password: user.password }, { csrf: await csrfToken(request, "/login"), headers: { "X-Forwarded-For": "203.0.100.2" } });
  expect(after.status()).toBe(429);
  expect(await after.text()).toContain(TOO_MANY);
  await context.close();
});

test("40 recovery codes at once, a right one in the middle: at most 5 wrong ones checked, then right codes refused too", async ({ browser }) => {
  test.setTimeout(180_000);
  const user = await newUser("Hester Herstelcode", ["Intermediair"]);
  const page = await (await browser.newContext()).newPage();
  const password = "herstelcodes raden gaat niet";
  recordSecret(password);
  const codes = await loginAndChoosePassword(page, user, password);
  expect(codes.length).toBeGreaterThan(1);
  codes.forEach(recordSecret);
  await page.context().close();

  const { context, request } = await freshRequest(browser, "203.0.101.1");
  const loggedIn = await postForm(request, "/login", { email: user.email, password }, { csrf: await csrfToken(request, "/login") });
  expect(loggedIn.headers()["location"]).toBe("/login/code");
  const forms = Array.from({ length: 40 }, (_, i) => ({ code: i === 30 ? (codes[0] as string) : wrongRecoveryCode(i) }));
  const statuses = await postAtOnce(request, "/login/code", forms);
  expectAtMostLimitChecked(statuses, 401, { index: 30, status: 302 });

  for (const code of [codes[1] as string, await nextTotpCode(user.email)]) {
    const after = await postForm(request, "/login/code", { code }, { csrf: await csrfToken(request, "/login/code"), headers: { "X-Forwarded-For": "203.0.101.2" } });
    expect(after.status()).toBe(429);
  }
  await context.close();
});

test("the current password on /wachtwoord counts towards the same lockout", async ({ browser }) => {
  test.setTimeout(120_000);
  const user = await newUser("Wouter Wachtwoord", ["Lezer"]);
  const page = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.102.1" } })).newPage();
  const password = "mijn eigen wachtwoord kiezen";
  recordSecret(password);
  await loginAndChoosePassword(page, user, password);
  const { request } = page.context();
  const change = (currentPassword: string) => ({ currentPassword, newPassword: "een heel ander wachtwoord", confirmPassword: "een heel ander wachtwoord" });

  const statuses = await postAtOnce(request, "/wachtwoord", Array.from({ length: 12 }, (_, i) => change(`geraden wachtwoord ${i}`)));
  expectAtMostLimitChecked(statuses, 400);
  expect(statuses.filter((s) => s === 400).length).toBe(LIMIT);

  const refused = await postForm(request, "/wachtwoord", change(password));
  expect(refused.status()).toBe(429);
  expect(await refused.text()).toContain(TOO_MANY);
  const { context, request: other } = await freshRequest(browser, "203.0.102.2");
  const login = await postForm(other, "/login", { email: user.email, password }, { csrf: await csrfToken(other, "/login") });
  expect(login.status(), "a login after guesses on /wachtwoord").toBe(429);
  await context.close();
  await page.context().close();
});
