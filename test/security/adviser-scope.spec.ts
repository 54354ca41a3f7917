import { STEPS } from "../../app/domain/trajectory-codes";
import { createSignal, createTrajectory, intermediarySession, postForm, staffSession, TODAY, type Session } from "./support";
import { expect, test } from "../e2e/support";

/**
 * What an assigned adviser gets (permissions.ts): the notes of steps 2, 3, 4, 7 and 8 of their trajectory, every
 * lesson, and the page of their trajectory's region without signal counts, other trajectories or the intermediary's
 * notes. Never: the intake (step 1), talks (step 5), escalations (step 6), signal text or a reporter's identity.
 */
const REGION = "JZ21";
const OTHER_REGION = "JZ22";
const SECRET = {
  signal: "Adviseurstoets: signaaltekst over praktijk Zonnebloem",
  reporter: "Adviseurstoets Melder-Vertrouwelijk",
  talkSummary: "Adviseurstoets: wethouder liet in het gesprek los dat het budget halveert",
  talkOrganisations: "Adviseurstoets: Gemeente Geheimstad",
  escalation: "Adviseurstoets: juridische stappen tegen de regio voorbereid",
  otherGoal: "Adviseurstoets: doel van een traject zonder deze adviseur",
  milestoneNote: "Adviseurstoets: interne notitie bij de gunning",
} as const;
const note = (step: string) => `Adviseurstoets notitie bij stap ${step}`;
const READABLE = ["analysis", "scenarios", "plan", "monitoring", "sharing"];

let staff: Session;
let adviser: Session;
let own: number;
let other: number;
let elsewhere: number;

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(120_000);
  staff = await intermediarySession(browser);
  const signalId = await createSignal(staff.request, { summary: SECRET.signal, reporterName: SECRET.reporter }, REGION);
  own = await createTrajectory(staff.request, "Adviseurstoets: het eigen traject", REGION);
  other = await createTrajectory(staff.request, SECRET.otherGoal, REGION);
  elsewhere = await createTrajectory(staff.request, "Adviseurstoets: traject in een andere regio", OTHER_REGION);
  const ok = async (path: string, fields: Record<string, string | string[]>) => expect((await postForm(staff.request, path, fields)).status(), `${path} ${String(fields.intent)}`).toBe(302);
  await ok(`/trajecten/${own}`, { intent: "link", signalId: String(signalId) });
  for (const step of STEPS) await ok(`/trajecten/${own}`, { intent: "note", step, body: note(step) });
  await ok(`/trajecten/${own}`, { intent: "contact", heldOn: TODAY, kind: "municipality", organisations: SECRET.talkOrganisations, summary: SECRET.talkSummary });
  await ok(`/trajecten/${own}`, { intent: "escalation", happenedOn: TODAY, types: ["legal"], description: SECRET.escalation });
  await ok(`/trajecten/${own}`, { intent: "lesson", text: "Adviseurstoets les uit het eigen traject" });
  await ok(`/trajecten/${other}`, { intent: "lesson", text: "Adviseurstoets les uit het andere traject" });
  await ok(`/trajecten/${elsewhere}`, { intent: "lesson", text: "Adviseurstoets les uit een andere regio" });
  await ok(`/regios/${REGION}`, { intent: "milestone", kind: "award", dueOn: TODAY, title: "Adviseurstoets gunning", note: SECRET.milestoneNote });
  const session = await staffSession(browser, staff.page, "Anne Adviseurstoets", ["Regioadviseur"]);
  adviser = session;
  await ok(`/trajecten/${own}`, { intent: "advisers", adviserIds: String(session.id) });
});

test.afterAll(async () => {
  await staff.context.close();
  await adviser.context.close();
});

function expectNoSecrets(html: string, where: string): void {
  for (const secret of Object.values(SECRET)) expect(html, where).not.toContain(secret);
}

test("the adviser's trajectory page holds the notes of steps 2, 3, 4, 7 and 8 only", async () => {
  const response = await adviser.request.get(`/trajecten/${own}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  for (const step of STEPS) {
    if (READABLE.includes(step)) expect(html, step).toContain(note(step));
    else expect(html, step).not.toContain(note(step));
  }
  expectNoSecrets(html, "trajectory page");
  // The intermediary still reads everything.
  const full = await (await staff.request.get(`/trajecten/${own}`)).text();
  for (const step of STEPS) expect(full, step).toContain(note(step));
  expect(full).toContain(SECRET.talkSummary);
});

test("the adviser adds analysis notes, and no note at a step they may not read", async () => {
  expect((await postForm(adviser.request, `/trajecten/${own}`, { intent: "note", step: "talks", body: "Adviseurstoets: poging bij stap 5" })).status()).toBe(403);
  expect((await postForm(adviser.request, `/trajecten/${own}`, { intent: "note", step: "situation", body: "Adviseurstoets: poging bij stap 1" })).status()).toBe(403);
  expect((await postForm(adviser.request, `/trajecten/${own}`, { intent: "note", step: "analysis", body: "Adviseurstoets: analyse van de adviseur" })).status()).toBe(302);
  const full = await (await staff.request.get(`/trajecten/${own}`)).text();
  expect(full).toContain("Adviseurstoets: analyse van de adviseur");
  expect(full).not.toContain("Adviseurstoets: poging");
});

test("the adviser reads every lesson, with links only to what they may open", async () => {
  const response = await adviser.request.get("/lessen");
  expect(response.status()).toBe(200);
  const html = await response.text();
  for (const lesson of ["het eigen traject", "het andere traject", "een andere regio"]) expect(html).toContain(`Adviseurstoets les uit ${lesson}`);
  expect(html).toContain(`href="/trajecten/${own}"`);
  expect(html).toContain(`href="/regios/${REGION}"`);
  for (const forbidden of [`href="/trajecten/${other}"`, `href="/trajecten/${elsewhere}"`, `href="/regios/${OTHER_REGION}"`]) expect(html).not.toContain(forbidden);
  expectNoSecrets(html, "lessons");
});

test("the adviser opens their trajectory's region: documents and own trajectory, no counts, notes or other trajectories", async () => {
  const response = await adviser.request.get(`/regios/${REGION}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain("Adviseurstoets gunning");
  expect(html).toContain("Adviseurstoets: het eigen traject");
  expect(html).toContain("Adviseurstoets les uit het eigen traject");
  expect(html).not.toContain("Signalen per jaar");
  expect(html).not.toContain('name="dueOn"');
  expect(html).not.toContain("?bewerk=");
  expectNoSecrets(html, "region page");
  expect((await adviser.request.get(`/regios/${REGION}?bewerk=1`)).status()).toBe(200);
  // Not a region without a trajectory of theirs, nor an unknown one (no probing), and no changes anywhere.
  expect((await adviser.request.get(`/regios/${OTHER_REGION}`)).status()).toBe(403);
  expect((await adviser.request.get("/regios/XX99")).status()).toBe(403);
  expect((await postForm(adviser.request, `/regios/${REGION}`, { intent: "milestone", kind: "award", dueOn: TODAY, title: "Adviseurstoets: poging" })).status()).toBe(403);
});
