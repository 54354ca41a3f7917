import type { Page } from "@playwright/test";
import { expect, test, uniqueEmail } from "../e2e/support";
import { createSignal, createTrajectory, csrfToken, intermediarySession, postForm, staffId, submitPortalReport, TODAY, type Session } from "./support";

/**
 * Every text field gets a payload that would run script if it reached the page as HTML; every page that shows the
 * field must show it as text and run nothing. The DOM check proves the escaping itself, not just the CSP behind it.
 */
const VARIANTS = [
  (tag: string) => `<script>window.__xss=1</script>${tag}`,
  (tag: string) => `<img src=x onerror="window.__xss=1">${tag}`,
  (tag: string) => `"><svg onload=window.__xss=1>${tag}`,
];
let variant = 0;
function payload(field: string): string {
  variant += 1;
  return VARIANTS[variant % VARIANTS.length]!(`xss-${field}`);
}

const P = {
  portalMessage: payload("portal-message"),
  portalName: payload("portal-naam"),
  portalOrganisation: payload("portal-organisatie"),
  portalFollowUp: payload("portal-aanvulling"),
  summary: payload("samenvatting"),
  details: payload("toelichting"),
  reporterName: payload("melder-naam"),
  reporterOrganisation: payload("melder-organisatie"),
  note: payload("notitie"),
  reply: payload("antwoord"),
  goal: payload("doel"),
  stepNote: payload("stapnotitie"),
  plan: payload("plan"),
  planReason: payload("planreden"),
  talkOrganisations: payload("gesprek-wie"),
  talkSummary: payload("gesprek"),
  escalation: payload("escalatie"),
  lesson: payload("les"),
  milestone: payload("mijlpaal"),
  milestoneNote: payload("mijlpaal-notitie"),
  introduction: payload("inleiding"),
  threads: payload("rode-draden"),
  conclusions: payload("conclusies"),
  userName: payload("gebruiker"),
  question: payload("vraag"),
  answer: payload("kennis-antwoord"),
  referenceLabel: payload("verwijzing"),
  sensitiveName: payload("gevoelig"),
};
const REGION = "JZ07";
const YEAR = 2019;
const CLIENT = "198.51.100.93";

let staff: Session;
let ids: { intake: number; portal: number; trajectory: number; user: number; article: number };
let receiptCode: string;

test.beforeAll(async ({ browser, request }, testInfo) => {
  testInfo.setTimeout(90_000);
  staff = await intermediarySession(browser);
  const ok = async (path: string, fields: Record<string, string | string[]>) => expect((await postForm(staff.request, path, fields)).status(), path).toBe(302);

  receiptCode = await submitPortalReport(
    request,
    { message: P.portalMessage, reporterName: P.portalName, reporterOrganisation: P.portalOrganisation, reporterEmail: "xss-melder@example.org" },
    CLIENT,
  );
  const followUp = await postForm(request, "/melden/volgen", { code: receiptCode, message: P.portalFollowUp }, { csrf: await csrfToken(request, "/melden/volgen"), headers: { "X-Forwarded-For": CLIENT } });
  expect(followUp.status()).toBe(200);
  const intake = await createSignal(staff.request, { summary: P.summary, details: P.details, reporterName: P.reporterName, reporterOrganisation: P.reporterOrganisation }, REGION);
  await ok(`/signalen/${intake}`, { intent: "note", body: P.note });
  const inbox = await (await staff.request.get(`/signalen?q=${encodeURIComponent("xss-portal-message")}`)).text();
  const portal = Number(/href="\/signalen\/(\d+)"/.exec(inbox)?.[1]);
  await ok(`/signalen/${portal}`, { intent: "reply", body: P.reply });

  const trajectory = await createTrajectory(staff.request, P.goal, REGION);
  await ok(`/trajecten/${trajectory}`, { intent: "note", step: "situation", body: P.stepNote });
  await ok(`/trajecten/${trajectory}`, { intent: "plan", body: P.plan, reason: P.planReason });
  await ok(`/trajecten/${trajectory}`, { intent: "plan", body: `${P.plan}\nTweede regel`, reason: "Tweede versie" });
  await ok(`/trajecten/${trajectory}`, { intent: "contact", heldOn: TODAY, kind: "municipality", organisations: P.talkOrganisations, summary: P.talkSummary });
  await ok(`/trajecten/${trajectory}`, { intent: "escalation", happenedOn: TODAY, types: ["council"], description: P.escalation });
  await ok(`/trajecten/${trajectory}`, { intent: "lesson", text: P.lesson });
  await ok(`/regios/${REGION}`, { intent: "milestone", kind: "tender_published", dueOn: TODAY, title: P.milestone, note: P.milestoneNote });
  await ok(`/rapportage/${YEAR}/tekst`, { introduction: P.introduction, threads: P.threads, conclusions: P.conclusions });

  const article = await postForm(staff.request, "/kennisbank/nieuw", {
    question: P.question,
    answer: `${P.answer}\n\n- **${P.answer}**`,
    topic: "gdpr",
    procurementPhase: "none",
    references: `${P.referenceLabel} | https://example.org/`,
    checkedOn: TODAY,
    sensitiveNames: P.sensitiveName,
  });
  const articleId = Number(/^\/kennisbank\/(\d+)$/.exec(article.headers()["location"] ?? "")?.[1]);
  await ok(`/kennisbank/${articleId}`, { intent: "publish", despiteHits: "yes" });

  const email = uniqueEmail("xss");
  await ok("/beheer/gebruikers/nieuw", { name: P.userName, email, roles: ["adviser"], temporaryPassword: "tijdelijk-Wachtwoord-42" });
  ids = { intake, portal, trajectory, user: await staffId(staff.page, email), article: articleId };
});

test.afterAll(async () => {
  await staff.context.close();
});

/** Opens the page with JavaScript on and checks that nothing ran, nothing was injected, and every payload reads as text. */
async function expectInert(page: Page, path: string, shown: readonly string[]): Promise<void> {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss), path).toBeUndefined();
  const injected = await page.evaluate(() => document.querySelectorAll("img[src='x'], svg[onload], [onerror], [onload], script:not([nonce]):not([src])").length);
  expect(injected, `${path}: injected elements`).toBe(0);
  // Text fields of forms count as shown: their values are text too.
  const values = await page.locator("textarea, input[type='text']").evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value));
  const text = [await page.locator("body").innerText(), ...values].join("\n");
  for (const value of shown) expect(text, `${path} shows ${value} as text`).toContain(value);
  expect(dialogs, path).toEqual([]);
}

test("signal pages: intake, portal report, notes and replies stay text", async ({ page }) => {
  await page.context().addCookies(await staff.context.cookies());
  await expectInert(page, `/signalen/${ids.intake}`, [P.summary, P.details, P.reporterName, P.reporterOrganisation, P.note]);
  await expectInert(page, `/signalen/${ids.portal}`, [P.portalMessage, P.portalName, P.portalOrganisation, P.portalFollowUp, P.reply]);
  await expectInert(page, `/signalen?region=${REGION}`, [P.summary]);
  await expectInert(page, `/signalen?q=${encodeURIComponent(P.summary)}`, [P.summary]);
});

test("trajectory, plan, lessons, region and report text pages stay text", async ({ page }) => {
  await page.context().addCookies(await staff.context.cookies());
  await expectInert(page, `/trajecten/${ids.trajectory}`, [P.goal, P.stepNote, P.talkOrganisations, P.talkSummary, P.escalation, P.lesson, P.userName]);
  await expectInert(page, `/trajecten/${ids.trajectory}/plan`, [P.plan, P.planReason]);
  await expectInert(page, `/trajecten?region=${REGION}`, [P.goal]);
  await expectInert(page, "/lessen", [P.lesson]);
  await expectInert(page, `/regios/${REGION}`, [P.milestone, P.lesson]);
  await expectInert(page, "/", []);
  await expectInert(page, `/rapportage/${YEAR}/tekst`, [P.introduction, P.threads, P.conclusions]);
  await expectInert(page, `/rapportage/${YEAR}`, [P.introduction, P.threads, P.conclusions]);
});

test("kennisbank pages and the public /vragen show an article as text", async ({ page, browser }) => {
  await page.context().addCookies(await staff.context.cookies());
  await expectInert(page, "/kennisbank", [P.question]);
  await expectInert(page, `/kennisbank/${ids.article}`, [P.question, P.answer, P.referenceLabel, P.sensitiveName]);
  await expectInert(page, `/signalen/${ids.intake}`, []);
  const visitor = await browser.newPage();
  await expectInert(visitor, `/vragen?onderwerp=gdpr&q=${encodeURIComponent("xss-vraag")}`, [P.question]);
  await expectInert(visitor, `/vragen/${ids.article}`, [P.question, P.answer, P.referenceLabel]);
  await visitor.close();
});

test("admin pages show a user's name as text", async ({ page }) => {
  await page.context().addCookies(await staff.context.cookies());
  await expectInert(page, "/beheer/gebruikers", [P.userName]);
  await expectInert(page, `/beheer/gebruikers/${ids.user}`, [P.userName]);
  await expectInert(page, "/beheer/audit", []);
});

test("the reporter's follow-up page shows the conversation as text", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": CLIENT });
  await page.goto("/melden/volgen");
  await page.getByLabel("Ontvangstcode").fill(receiptCode);
  await page.getByRole("button", { name: "Bekijk mijn melding" }).click();
  await expect(page.getByText("Status:")).toBeVisible();
  const text = await page.locator("body").innerText();
  expect(text).toContain(P.portalFollowUp);
  expect(text).toContain(P.reply);
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.evaluate(() => document.querySelectorAll("img[src='x'], svg[onload], [onerror], [onload]").length)).toBe(0);
});
