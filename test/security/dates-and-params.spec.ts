import { expect, test } from "../e2e/support";
import { createSignal, createTrajectory, csrfToken, intermediarySession, ORIGIN, postForm, staffSession, TODAY, type Session } from "./support";

/**
 * Dates that are not days, or not days Rode Draad can have recorded, are refused at every door (forms, imports); URL
 * parameters that name a record (ids, years, version numbers) answer 404 when they name nothing, and filter values
 * that make no sense are dropped (the documented rule of the list pages). Nothing of this may answer 500.
 */
const NONSENSE_DATES = ["2025-02-30", "2025-99-99", "0000-00-00", "2999-12-31", "2020-13-45", "0000-01-01", "1900-01-01"];
const REGION = "JZ07";

let staff: Session;
let signalId: number;
let trajectoryId: number;

test.beforeAll(async ({ browser }) => {
  staff = await intermediarySession(browser);
  signalId = await createSignal(staff.request, { summary: "Signaal voor de parametertest" }, REGION);
  trajectoryId = await createTrajectory(staff.request, "Traject voor de parametertest", REGION);
  expect((await postForm(staff.request, `/trajecten/${trajectoryId}`, { intent: "plan", body: "Eerste versie van het plan", reason: "Start" })).status()).toBe(302);
});

test.afterAll(async () => {
  await staff.context.close();
});

test("the trajectory forms refuse dates that are no day or outside the range, and store nothing", async () => {
  for (const date of NONSENSE_DATES) {
    const start = await postForm(staff.request, "/trajecten/nieuw", { regionCode: REGION, strategicGoal: `Doel met startdatum ${date}`, providersInvolved: "2", startedOn: date });
    expect(start.status(), `startedOn=${date}`).toBe(400);
    const forms: Record<string, Record<string, string>> = {
      escalation: { intent: "escalation", happenedOn: date, types: "legal" },
      contact: { intent: "contact", heldOn: date, kind: "municipality", organisations: "Gemeente", summary: "Overleg" },
      close: { intent: "close", status: "completed", closedOn: date },
    };
    for (const [intent, fields] of Object.entries(forms)) {
      const response = await postForm(staff.request, `/trajecten/${trajectoryId}`, fields);
      expect(response.status(), `${intent} ${date}`).toBe(400);
      expect(await response.text()).toMatch(/bestaat niet|vóór 2000|toekomst|jaar vooruit/);
    }
    const milestone = await postForm(staff.request, `/regios/${REGION}`, { intent: "milestone", kind: "award", dueOn: date, title: `Gunning ${date}` });
    // 2999-12-31 lies too far ahead for a plan too; every other value is no acceptable day at all.
    expect(milestone.status(), `dueOn=${date}`).toBe(400);
  }
  const list = await (await staff.request.get(`/trajecten?region=${REGION}`)).text();
  expect(list).not.toContain("Doel met startdatum");
  const page = await (await staff.request.get(`/trajecten/${trajectoryId}`)).text();
  expect(page).toContain("Lopend");
  const region = await (await staff.request.get(`/regios/${REGION}`)).text();
  expect(region).not.toContain("Gunning 2");
});

test("an import with a date before 2000 is refused with its line and column, so /rapportage/1900 never has data", async () => {
  const csv = "received_on,requester_type,region_code,topic,procurement_phase\n1900-01-01,provider,JZ07,gdpr,none\n0000-01-01,provider,JZ07,gdpr,none\n";
  const form = new FormData();
  form.append("intent", "upload");
  form.append("file", new Blob([csv], { type: "text/csv" }), "oud.csv");
  form.append("csrf", await csrfToken(staff.request, "/signalen/import"));
  const upload = await staff.request.post("/signalen/import", { multipart: form, maxRedirects: 0, headers: { Origin: ORIGIN } });
  const preview = await (await staff.request.get(upload.headers()["location"] ?? "/signalen/import")).text();
  expect(preview).toContain("Datum 1900-01-01 ligt vóór 2000");
  expect(preview).toContain("Datum 0000-01-01 ligt vóór 2000");
  expect(preview).not.toMatch(/\d+ signalen importeren/);
});

test("parameters that name no record answer 404, never 500", async () => {
  const paths = [
    ...["abc", "0", "-1", "1e3", "1.5", "99999999999999999999999", "١"].flatMap((id) => [`/signalen/${id}`, `/trajecten/${id}`, `/trajecten/${id}/plan`, `/beheer/gebruikers/${id}`]),
    ...["a=abc", "b=abc", "a=1e308", "b=-1", "a=1.5", "b=999999", "a=99999999999999999999999"].map((q) => `/trajecten/${trajectoryId}/plan?${q}`),
    ...["1900", "1999", "0000", "2999", "9999", "20211", "abc", "1e3"].flatMap((year) => [
      `/rapportage/${year}`,
      `/rapportage/${year}/tekst`,
      `/rapportage/${year}/tabellen.csv`,
      `/rapportage/${year}/versie/1`,
      `/reports/${year}.json`,
    ]),
    ...["abc", "0", "1e308", "999999", "99999999999999999999999"].flatMap((v) => [
      `/rapportage/2021/versie/${v}`,
      `/rapportage/2021/tabellen.csv?versie=${v}`,
      `/rapportage/2021/tekst?versie=${v}`,
      `/regios/${REGION}?bewerk=${v}`,
      `/trajecten/nieuw?signal=${v}`,
    ]),
    "/signalen/import?upload=1e308",
    "/signalen/import?upload=99999999999999999999999",
    "/trajecten/import?upload=abc",
    "/beheer/regios/import?upload=-1",
    "/regios/XX99",
    "/regios/jz07",
    "/beheer/regios/XX99",
  ];
  const wrong: string[] = [];
  for (const path of paths) {
    const status = (await staff.request.get(path, { maxRedirects: 0 })).status();
    if (status !== 404) wrong.push(`${path}: ${status}`);
  }
  expect(wrong).toEqual([]);
  // The same pages with parameters that do name something still open.
  for (const path of [`/signalen/${signalId}`, `/trajecten/${trajectoryId}/plan?a=1&b=1`, `/trajecten/nieuw?signal=${signalId}`, `/rapportage/${TODAY.slice(0, 4)}`]) {
    expect((await staff.request.get(path)).status(), path).toBe(200);
  }
});

test("the 404 page says what was not found; a refusal by role says nothing about what is behind it", async ({ browser }) => {
  const missing = await staff.request.get("/trajecten/999999");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain("Dit traject bestaat niet (meer).");
  const signal = await staff.request.get("/signalen/999999");
  expect(await signal.text()).toContain("Dit signaal bestaat niet (meer).");
  const reader = await staffSession(browser, staff.page, "Lezer Foutpagina", ["Lezer"]);
  const denied = await reader.request.get(`/trajecten/${trajectoryId}`);
  expect(denied.status()).toBe(403);
  const html = await denied.text();
  expect(html).toContain("Geen toegang");
  expect(html).not.toContain("bestaat niet");
  await reader.context.close();
});

test("numbers in form posts that name no record give a Dutch refusal, never 500", async () => {
  const posts: [string, Record<string, string>][] = [
    [`/trajecten/${trajectoryId}`, { intent: "link", signalId: "1e308" }],
    [`/trajecten/${trajectoryId}`, { intent: "link", signalId: "99999999999999999999999" }],
    [`/trajecten/${trajectoryId}`, { intent: "unlink", signalId: "1e308" }],
    [`/trajecten/${trajectoryId}`, { intent: "advisers", adviserIds: "1e308" }],
    [`/signalen/${signalId}`, { intent: "assign", assignedTo: "1e308" }],
    [`/regios/${REGION}`, { intent: "milestone", id: "1e308", kind: "award", dueOn: TODAY, title: "Onbestaand document" }],
    ["/signalen/import", { intent: "undo", batchId: "1e308" }],
    ["/signalen/import", { intent: "import", uploadId: "99999999999999999999999" }],
    ["/trajecten/import", { intent: "import", uploadId: "1e308" }],
  ];
  const wrong: string[] = [];
  for (const [path, fields] of posts) {
    const status = (await postForm(staff.request, path, fields)).status();
    if (status !== 400 && status !== 404) wrong.push(`${path} ${JSON.stringify(fields)}: ${status}`);
  }
  expect(wrong).toEqual([]);
});

test("filter values that make no sense are dropped: the list still opens, never 500", async () => {
  const paths = [
    ...["1e308", "-1", "abc", "0", "99999999999999999999999", "1.5"].flatMap((page) => [`/beheer/audit?page=${page}`, `/signalen?page=${page}`]),
    "/beheer/audit?actor=1e308&entityId=%00&from=2025-99-99&to=0000-00-00",
    "/beheer/audit?from=2025-02-30&to=1e308",
    "/signalen?year=1900&assigned=1e308&month=2025-99&region=JZ999",
    "/signalen?year=99999999999999999999999&assigned=-1",
    "/trajecten?year=1e308&region=abc&status=kapot",
    "/trajecten?year=1900",
  ];
  const wrong: string[] = [];
  for (const path of paths) {
    const status = (await staff.request.get(path, { maxRedirects: 0 })).status();
    if (status !== 200) wrong.push(`${path}: ${status}`);
  }
  expect(wrong).toEqual([]);
});
