import { createTrajectory, intermediarySession, postForm, type Session } from "./support";
import { expect, test } from "../e2e/support";

/**
 * The plan comparison once blocked the server for minutes on two plans of 25,000 one-character lines. Such a plan is
 * now refused when saved, and two allowed plans that differ on nearly every line get "too different" at once.
 */
let staff: Session;
let trajectoryId: number;

test.beforeAll(async ({ browser }) => {
  staff = await intermediarySession(browser);
  trajectoryId = await createTrajectory(staff.request, "Traject voor de plantoets", "JZ24");
});

test.afterAll(async () => {
  await staff.context.close();
});

const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join("\n");

test("a plan of 25,000 one-character lines is refused with a message at the field, and nothing is saved", async () => {
  const response = await postForm(staff.request, `/trajecten/${trajectoryId}`, { intent: "plan", body: lines(25_000, (i) => (i % 2 ? "a" : "b")), reason: "Aanval" });
  expect(response.status()).toBe(400);
  const html = await response.text();
  expect(html).toMatch(/id="plan-0-body-error"[^>]*>[^<]*Het plan telt 25\.000 regels; hoogstens 2\.000/);
  expect(await (await staff.request.get(`/trajecten/${trajectoryId}`)).text()).toContain("Nog geen versie.");
});

test("two allowed plans that differ on every line: the comparison answers with its cut-off, the server stays responsive", async () => {
  for (const [index, prefix] of ["oud", "nieuw"].entries()) {
    const response = await postForm(staff.request, `/trajecten/${trajectoryId}`, { intent: "plan", body: lines(2_000, (i) => `${prefix} ${i}`), reason: `Versie ${index + 1}` });
    expect(response.status()).toBe(302);
  }
  const [plan, health] = await Promise.all([staff.request.get(`/trajecten/${trajectoryId}/plan`), staff.request.get("/healthz")]);
  expect(plan.status()).toBe(200);
  expect(health.status()).toBe(200);
  const html = await plan.text();
  expect(html).toContain("Versie 1 en versie 2 verschillen te veel om regel voor regel te vergelijken");
  expect(html).not.toContain('class="rd-diff"');
});
