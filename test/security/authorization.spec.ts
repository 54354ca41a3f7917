import type { APIRequestContext, APIResponse } from "@playwright/test";
import { createStaffUser, expect, test } from "../e2e/support";
import { can, type Capability } from "../../app/domain/permissions";
import { ROLES, type Role } from "../../app/domain/roles";
import { CONFIDENTIAL } from "./confidential-strings";
import {
  createSignal,
  createSignalFromMail,
  createTrajectory,
  attachFile,
  createdId,
  csrfToken,
  CSRF_REFUSALS,
  intermediarySession,
  postForm,
  RECORD_TEXT,
  staffId,
  staffSession,
  TODAY,
  type Session,
} from "./support";

/**
 * Every route that shows or changes a record, with the capability its guard asks (app/domain/permissions.ts). The
 * actors allowed in are derived from the permission table, so a change there changes what this suite expects; every
 * other actor is tried with GET (and POST when the route has an action) and must be refused.
 */
type Actor = "admin" | "intermediary" | "adviser" | "reader" | "anonymous";
const ACTORS: readonly Actor[] = ["admin", "intermediary", "adviser", "reader", "anonymous"];

type World = { signalId: number; mail: { signalId: number; attachmentId: number }; trajectoryId: number; trajectoryFileId: number; milestoneFile: { milestoneId: number; attachmentId: number }; targetUserId: number; year: number; articleId: number; practiceId: number; reviewId: number };
/** "any": every staff member; "public": anyone, logged in or not. */
type Access = Capability | "any" | "public";
type Route = {
  path: (w: World) => string;
  capability: Access;
  /** What its action asks, when that differs from what opening the page asks. */
  postCapability?: Access;
  /** Roles that hold the capability but that this record still refuses (an adviser not assigned to the trajectory). */
  refusedByRecord?: readonly Role[];
  /** Allowed actors that still must not see the record (e.g. an adviser's list without the trajectory). */
  withoutRecord?: readonly Actor[];
  /** Fields of a POST to its action; absent when it has none. `get: false` for action-only routes. */
  post?: Record<string, string>;
  get?: false;
};

function allowedActors(access: Access, refusedByRecord: readonly Role[] = []): Actor[] {
  if (access === "public") return [...ACTORS];
  return ROLES.filter((role) => (access === "any" || can([role], access)) && !refusedByRecord.includes(role));
}

const ATTEMPT = "ongeoorloofde-poging";
const ATTEMPT_EMAIL = "ongeoorloofde-poging@example.org";

const ROUTES: readonly Route[] = [
  // Anonymous visitors get the public start page, staff their own: neither shows a record of the intermediary.
  { path: () => "/", capability: "public", withoutRecord: ["admin", "adviser", "reader", "anonymous"] },
  { path: () => "/signalen", capability: "signal.read" },
  { path: () => "/signalen/nieuw", capability: "signal.record", post: { summary: ATTEMPT, topic: "gdpr" } },
  { path: (w) => `/signalen/${w.signalId}`, capability: "signal.read", postCapability: "signal.record", post: { intent: "note", body: ATTEMPT } },
  { path: (w) => `/signalen/${w.mail.signalId}/bijlagen/${w.mail.attachmentId}`, capability: "signal.readIdentity" },
  { path: () => "/signalen/export?summary=yes", capability: "signal.export" },
  { path: () => "/signalen/export?summary=yes&format=xlsx", capability: "signal.export" },
  { path: () => "/signalen/import", capability: "signal.record", post: { intent: "discard", uploadId: "1" } },
  { path: () => "/trajecten", capability: "trajectory.readAssigned", withoutRecord: ["adviser"] },
  { path: () => "/trajecten/nieuw", capability: "trajectory.manage", post: { regionCode: "JZ38", strategicGoal: ATTEMPT, startedOn: TODAY } },
  // The adviser is not assigned to this trajectory: not even the analysis note an assigned adviser may add.
  {
    path: (w) => `/trajecten/${w.trajectoryId}`,
    capability: "trajectory.readAssigned",
    postCapability: "trajectory.annotate",
    refusedByRecord: ["adviser"],
    post: { intent: "note", step: "analysis", body: ATTEMPT },
  },
  { path: (w) => `/trajecten/${w.trajectoryId}/plan`, capability: "trajectory.readAssigned", refusedByRecord: ["adviser"] },
  { path: (w) => `/trajecten/${w.trajectoryId}/bijlagen/${w.trajectoryFileId}`, capability: "trajectory.readAssigned", refusedByRecord: ["adviser"] },
  { path: () => "/trajecten/import", capability: "trajectory.manage", post: { intent: "discard", uploadId: "1" } },
  // The adviser has no trajectory in this region; adviser-scope.spec.ts opens the region of their own one.
  {
    path: () => "/regios/JZ38",
    capability: "region.readOwn",
    postCapability: "region.editMilestones",
    refusedByRecord: ["adviser"],
    post: { intent: "milestone", kind: "tender_published", dueOn: TODAY, title: ATTEMPT },
  },
  {
    path: (w) => `/regios/JZ38/documenten/${w.milestoneFile.milestoneId}/${w.milestoneFile.attachmentId}`,
    capability: "region.readOwn",
    refusedByRecord: ["adviser"],
  },
  { path: () => "/lessen", capability: "lessons.read", withoutRecord: ["adviser"] },
  { path: () => "/regios", capability: "region.readSignalCounts" },
  { path: () => "/rapportage", capability: "report.readPublished" },
  // Nothing of this year is published: a reader gets nothing of the working figures.
  {
    path: (w) => `/rapportage/${w.year}`,
    capability: "report.readPublished",
    postCapability: "report.publish",
    refusedByRecord: ["reader"],
    post: { intent: "threshold", threshold: "3" },
  },
  // The preview shows exactly what readers would get, but before anything is published: staff only, like publishing.
  {
    path: (w) => `/rapportage/${w.year}/publiceren`,
    capability: "report.publish",
    post: { policy: "breakdowns_below_k", showRegions: "nee", fingerprint: "0".repeat(64) },
  },
  { path: (w) => `/rapportage/${w.year}/tekst`, capability: "report.publish", post: { introduction: ATTEMPT } },
  { path: (w) => `/rapportage/${w.year}/tabellen.csv`, capability: "report.readPublished", refusedByRecord: ["reader"] },
  { path: (w) => `/rapportage/${w.year}/tabellen.xlsx`, capability: "report.readPublished", refusedByRecord: ["reader"] },
  { path: (w) => `/reports/${w.year}.json`, capability: "report.readPublished", refusedByRecord: ["reader"] },
  { path: () => "/betrokkenen", capability: "dataSubject.handle", post: { intent: "search", email: CONFIDENTIAL.reporterEmail } },
  { path: () => "/betrokkenen/export", capability: "dataSubject.handle", get: false, post: { email: CONFIDENTIAL.reporterEmail, signalId: "1" } },
  { path: () => "/kennisbank", capability: "knowledge.manage" },
  { path: () => "/kennisbank/nieuw", capability: "knowledge.manage", post: { question: ATTEMPT, answer: ATTEMPT, topic: "gdpr", procurementPhase: "none", checkedOn: TODAY } },
  { path: (w) => `/kennisbank/${w.articleId}`, capability: "knowledge.manage", post: { intent: "publish", despiteHits: "yes" } },
  // Public, and only published text: the concept article stays off it for everyone, the intermediary included.
  { path: () => "/vragen", capability: "public", withoutRecord: ACTORS },
  { path: () => "/kennisbank/voorbeelden", capability: "practice.manage" },
  {
    path: () => "/kennisbank/voorbeelden/nieuw",
    capability: "practice.manage",
    post: { title: ATTEMPT, whatWasDone: ATTEMPT, outcome: ATTEMPT, topic: "gdpr", procurementPhase: "none", checkedOn: TODAY },
  },
  { path: (w) => `/kennisbank/voorbeelden/${w.practiceId}`, capability: "practice.manage", post: { intent: "publish", despiteHits: "yes" } },
  // Public like /vragen: the concept practice stays off it for everyone.
  { path: () => "/voorbeelden", capability: "public", withoutRecord: ACTORS },
  { path: () => "/contracttoetsen", capability: "review.readPublished", withoutRecord: ["adviser", "reader"] },
  { path: () => "/contracttoetsen/nieuw?regio=JZ38", capability: "review.manage", post: { regionCode: "JZ38", title: ATTEMPT } },
  // A concept of a region the adviser has no trajectory in: not found for adviser and reader.
  { path: (w) => `/contracttoetsen/${w.reviewId}`, capability: "review.readPublished", postCapability: "review.manage", refusedByRecord: ["adviser", "reader"], post: { intent: "publish" } },
  { path: (w) => `/contracttoetsen/${w.reviewId}/samenvatting`, capability: "review.readPublished", refusedByRecord: ["adviser", "reader"] },
  { path: () => "/beheer/criteria", capability: "reviewCriteria.manage", post: { code: "poging", question: ATTEMPT, position: "1" } },
  { path: () => "/beheer/gebruikers", capability: "user.manage" },
  { path: () => "/beheer/gebruikers/nieuw", capability: "user.manage", post: { name: ATTEMPT, email: ATTEMPT_EMAIL, roles: "intermediary", temporaryPassword: "tijdelijk-Wachtwoord-42" } },
  { path: (w) => `/beheer/gebruikers/${w.targetUserId}`, capability: "user.manage", post: { intent: "status", disabled: "true" } },
  { path: () => "/beheer/regios", capability: "regionTable.manage" },
  { path: () => "/beheer/regios/JZ38", capability: "regionTable.manage", post: { municipalityCode: "GM0654", regionCode: "JZ01" } },
  { path: () => "/beheer/regios/import", capability: "regionTable.manage", post: { intent: "discard", uploadId: "1" } },
  { path: () => "/beheer/tenderned", capability: "tenderned.manage", post: { intent: "settings", cpvCodes: "85000000", words: ATTEMPT } },
  { path: () => "/beheer/tenderned/toewijzen", capability: "tenderned.manage", post: { authority: ATTEMPT, regionCode: "JZ38" } },
  // The adviser has no trajectory: the page opens, with no publication of any region.
  { path: () => "/aanbestedingen", capability: "procurement.readOwn", withoutRecord: ["adviser"] },
  { path: () => "/beheer/audit", capability: "audit.read" },
  { path: () => "/beheer/bewaartermijn", capability: "retention.read" },
  { path: () => "/beheer/e-mail", capability: "notification.oversee" },
  { path: () => "/beheer/postvak", capability: "mailbox.oversee", post: { intent: "fetch" } },
  { path: () => "/account/sessies", capability: "any", post: { intent: "others" } },
  { path: () => "/account/meldingen", capability: "any", post: { kinds: "portal_signal" } },
  { path: () => "/account/tweede-stap", capability: "any", post: { code: "123456" } },
  { path: () => "/wachtwoord", capability: "any", post: { currentPassword: "x", newPassword: "y", confirmPassword: "y" } },
];

/** A procurement document of JZ38 with a file, made through the region page's forms. */
async function milestoneWithFile(request: APIRequestContext): Promise<World["milestoneFile"]> {
  expect((await postForm(request, "/regios/JZ38", { intent: "milestone", kind: "tender_published", dueOn: TODAY, title: "Bestek met bijlage" })).status()).toBe(302);
  const milestoneId = Number(/\?bewerk=(\d+)/.exec(await (await request.get("/regios/JZ38")).text())?.[1]);
  const attachmentId = await attachFile(request, `/regios/JZ38?bewerk=${milestoneId}`, "Bestek", { milestoneId: String(milestoneId) }, `/regios/JZ38/documenten/${milestoneId}/(\\d+)`);
  return { milestoneId, attachmentId };
}

const sessions = {} as Record<Actor, Session>;
let world: World;

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(120_000);
  const staff = await intermediarySession(browser);
  const signalId = await createSignal(staff.request, {
    summary: CONFIDENTIAL.signalSummary,
    details: CONFIDENTIAL.signalDetails,
    reporterName: CONFIDENTIAL.reporterName,
    reporterEmail: CONFIDENTIAL.reporterEmail,
  });
  const mail = await createSignalFromMail(staff.request, new TextEncoder().encode(`From: ${CONFIDENTIAL.reporterName} <${CONFIDENTIAL.reporterEmail}>\r\nSubject: ${CONFIDENTIAL.signalSummary}\r\n\r\n${CONFIDENTIAL.signalDetails}`));
  const trajectoryId = await createTrajectory(staff.request, CONFIDENTIAL.trajectoryGoal);
  const plan = await postForm(staff.request, `/trajecten/${trajectoryId}`, { intent: "plan", body: CONFIDENTIAL.planText, reason: "Eerste opzet" });
  expect(plan.status()).toBe(302);
  const trajectoryFileId = await attachFile(staff.request, `/trajecten/${trajectoryId}`, CONFIDENTIAL.planText);
  const milestoneFile = await milestoneWithFile(staff.request);
  await createStaffUser(staff.page, { name: CONFIDENTIAL.staffName, email: CONFIDENTIAL.staffEmail, roles: ["Lezer"] });
  const targetUserId = await staffId(staff.page, CONFIDENTIAL.staffEmail);
  const article = { question: CONFIDENTIAL.knowledgeConcept, answer: CONFIDENTIAL.knowledgeConcept, topic: "gdpr", procurementPhase: "none", checkedOn: TODAY };
  const articleId = createdId(await postForm(staff.request, "/kennisbank/nieuw", article), "/kennisbank");
  const practice = { title: CONFIDENTIAL.knowledgeConcept, whatWasDone: CONFIDENTIAL.knowledgeConcept, outcome: CONFIDENTIAL.knowledgeConcept, topic: "gdpr", procurementPhase: "none", checkedOn: TODAY };
  const practiceId = createdId(await postForm(staff.request, "/kennisbank/voorbeelden/nieuw", practice), "/kennisbank/voorbeelden");
  const reviewId = createdId(await postForm(staff.request, "/contracttoetsen/nieuw", { regionCode: "JZ38", title: CONFIDENTIAL.knowledgeConcept, r_omvang: "partly" }), "/contracttoetsen");
  sessions.admin = await staffSession(browser, staff.page, "Bram Beheerder", ["Beheerder"]);
  sessions.intermediary = await staffSession(browser, staff.page, "Iris Intermediair", ["Intermediair"]);
  sessions.adviser = await staffSession(browser, staff.page, "Aart Adviseur", ["Regioadviseur"]);
  sessions.reader = await staffSession(browser, staff.page, "Lotte Lezer", ["Lezer"]);
  const anonymous = await browser.newContext();
  sessions.anonymous = { context: anonymous, page: await anonymous.newPage(), request: anonymous.request };
  world = { signalId, mail, trajectoryId, trajectoryFileId, milestoneFile, targetUserId, year: new Date().getFullYear(), articleId, practiceId, reviewId };
  await staff.context.close();
});

test.afterAll(async () => {
  for (const session of Object.values(sessions)) await session.context.close();
});

async function expectRefused(response: APIResponse, actor: Actor, what: string): Promise<void> {
  const body = await response.text();
  const status = response.status();
  if (actor === "anonymous" && (status === 302 || status === 303)) {
    expect(response.headers()["location"], what).toMatch(/^\/login(\?|$)/);
  } else {
    expect([403, 404], `${what}: ${status}`).toContain(status);
  }
  for (const text of [...RECORD_TEXT, ...CSRF_REFUSALS]) expect(body, what).not.toContain(text);
}

test("the intermediary opens every route: the route list names real pages", async () => {
  for (const route of ROUTES) {
    if (route.get === false || !allowedActors(route.capability, route.refusedByRecord).includes("intermediary")) continue;
    const path = route.path(world);
    const response = await sessions.intermediary.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
  }
  const detail = await (await sessions.intermediary.request.get(`/signalen/${world.signalId}`)).text();
  expect(detail).toContain(CONFIDENTIAL.signalSummary);
});

for (const route of ROUTES) {
  const label = route.path({ signalId: 0, mail: { signalId: 0, attachmentId: 0 }, trajectoryId: 0, trajectoryFileId: 0, milestoneFile: { milestoneId: 0, attachmentId: 0 }, targetUserId: 0, year: 0, articleId: 0, practiceId: 0, reviewId: 0 }).replace(/\/0(?=\/|$|\.)/g, "/<id>");
  test(`${label}: refused to every actor that must not reach it`, async () => {
    const path = route.path(world);
    const mayOpen = allowedActors(route.capability, route.refusedByRecord);
    const mayPost = allowedActors(route.postCapability ?? route.capability, route.refusedByRecord);
    for (const actor of ACTORS) {
      const { request } = sessions[actor];
      if (route.get !== false) {
        if (!mayOpen.includes(actor)) await expectRefused(await request.get(path, { maxRedirects: 0 }), actor, `${actor} GET ${path}`);
        else if (route.withoutRecord?.includes(actor)) {
          const response = await request.get(path);
          expect(response.status(), `${actor} GET ${path}`).toBe(200);
          const body = await response.text();
          for (const text of RECORD_TEXT) expect(body, `${actor} GET ${path}`).not.toContain(text);
        }
      }
      if (route.post && !mayPost.includes(actor)) {
        const token = await csrfToken(request, actor === "anonymous" ? "/login" : "/");
        await expectRefused(await postForm(request, path, route.post, { csrf: token }), actor, `${actor} POST ${path}`);
      }
    }
  });
}

test("the PDF of a publication: refused by role before anything is looked up, 'not found' only for readers", async () => {
  // Nothing is published in this suite's database, so the allowed roles get 404; the others must get their refusal,
  // not a 404 that would tell whether a version exists. (test/e2e/report-pdf.spec.ts downloads a real one.)
  const path = `/rapportage/${world.year}/versie/1/pdf`;
  for (const actor of ["admin", "adviser"] as const) expect((await sessions[actor].request.get(path, { maxRedirects: 0 })).status(), actor).toBe(403);
  const anonymous = await sessions.anonymous.request.get(path, { maxRedirects: 0 });
  expect(anonymous.headers()["location"]).toMatch(/^\/login(\?|$)/);
  for (const actor of ["intermediary", "reader"] as const) expect((await sessions[actor].request.get(path, { maxRedirects: 0 })).status(), actor).toBe(404);
});

test("nothing the refused posts asked for happened", async () => {
  const users = await (await sessions.admin.request.get("/beheer/gebruikers")).text();
  expect(users).not.toContain(ATTEMPT_EMAIL);
  const signal = await (await sessions.intermediary.request.get(`/signalen/${world.signalId}`)).text();
  expect(signal).not.toContain(ATTEMPT);
  const trajectory = await (await sessions.intermediary.request.get(`/trajecten/${world.trajectoryId}`)).text();
  expect(trajectory).not.toContain(ATTEMPT);
  const target = await (await sessions.admin.request.get(`/beheer/gebruikers/${world.targetUserId}`)).text();
  expect(target).not.toContain("Uitgeschakeld");
  const monitor = await (await sessions.admin.request.get("/beheer/tenderned")).text();
  expect(monitor).not.toContain(ATTEMPT);
});
