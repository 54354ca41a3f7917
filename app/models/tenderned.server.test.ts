import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { startFakeTenderNed, type FakeTenderNed } from "../../test/tenderned/fake-server";
import { fakeRow, scenario } from "../../test/tenderned/fixtures";
import { auditLog, procurementMilestones, tendernedDays, tendernedPublications, tendernedRuns, trajectories, trajectoryAdvisers, users } from "../../db/schema";
import { parseProcurementFilters } from "~/domain/tenderned-filters";
import { parseExport } from "~/domain/tenderned-rows";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { tendernedClient } from "~/utils/tenderned-client.server";
import { createTrajectory } from "./trajectory.server";
import { listProcurements, waitingAuthorities } from "./tenderned-list.server";
import { closeInterruptedRuns, importPublications, lastFetchStartedAt, runMonitor } from "./tenderned-run.server";
import { aliases, assignAuthority, removeAlias, youthCareSettings } from "./tenderned-store.server";

const actor = { userId: null, clientAddress: "test" };
const now = new Date("2026-11-30T10:00:00Z");
const today = "2026-11-30";
const fixtures = scenario(today);
let fake: FakeTenderNed;
let zeistTrajectory: number;
let otherTrajectory: number;

const run = (since?: string) => runMonitor({ client: tendernedClient({ baseUrl: fake.url, backoffMs: 1 }), trigger: "cli", actor, since, now });
const milestonesOf = (region: string) => db().select().from(procurementMilestones).where(eq(procurementMilestones.regionCode, region)).all();
const needsReanalysis = (id: number) => db().select({ n: trajectories.needsReanalysis }).from(trajectories).where(eq(trajectories.id, id)).get()?.n;
const clearReanalysis = () => db().update(trajectories).set({ needsReanalysis: false }).run();
function exportRows(body: unknown) {
  const parsed = parseExport(body);
  if ("problem" in parsed) throw new Error(parsed.problem);
  return parsed.publications;
}
const counts = () => ({
  publications: db().select().from(tendernedPublications).all().length,
  milestones: db().select().from(procurementMilestones).all().length,
  days: db().select().from(tendernedDays).all().length,
});

beforeAll(async () => {
  useTempDatabase();
  prepareDatabase();
  fake = await startFakeTenderNed({ days: fixtures.days, cpv: fixtures.cpv });
  const trajectory = (regionCode: string) =>
    createTrajectory({ regionCode, municipalities: [], associations: [], providersInvolved: 3, strategicGoal: "Inkoop bijsturen", startedOn: "2026-01-05" }, actor);
  zeistTrajectory = trajectory("JZ23");
  otherTrajectory = trajectory("JZ01");
});

afterAll(() => fake.close());

describe("the TenderNed monitor against a fake TenderNed", () => {
  it("a first run reads the last 30 days, pages, and places youth-care notices in the authority's region", async () => {
    const summary = await run();
    expect(summary).toMatchObject({ status: "incomplete", days: 31, read: 143, youthCare: 5, matched: 4, unassigned: 1, milestonesChanged: 7, incompleteDays: 1 });
    const zeist = milestonesOf("JZ23");
    expect(zeist.map((m) => `${m.kind} ${m.dueOn}`).sort()).toEqual(
      [`award ${fixtures.d1}`, `clarifications ${fixtures.d2}`, "submission_deadline 2026-12-20", "submission_deadline 2027-01-09", `tender_published ${fixtures.d3}`, `tender_published ${fixtures.d3}`].sort(),
    );
    expect(zeist.find((m) => m.kind === "tender_published" && m.title.startsWith("Specialistische"))?.reference).toBe("https://www.tenderned.nl/aankondigingen/overzicht/1001");
    expect(needsReanalysis(zeistTrajectory)).toBe(true);
    expect(needsReanalysis(otherTrajectory)).toBe(false);
    const road = db().select().from(tendernedPublications).where(eq(tendernedPublications.publicatieId, "1003")).get();
    expect(road).toMatchObject({ youthCare: false, regionCode: null, cpvCodes: "45233141" });
    // The short day and today are not complete; the 29 days before are.
    expect(counts().days).toBe(29);
    expect(db().select().from(tendernedDays).where(eq(tendernedDays.day, fixtures.d1)).get()).toBeUndefined();
    expect(db().select().from(auditLog).where(eq(auditLog.action, "tenderned.run")).all()).toHaveLength(1);
  });

  it("a next run starts at the first day not complete, and changed day counters change nothing", async () => {
    clearReanalysis();
    fake.tick();
    const before = fake.requests();
    const summary = await run();
    expect(summary).toMatchObject({ days: 2, read: 3, youthCare: 0, milestonesChanged: 0 });
    expect(fake.requests() - before).toBe(2);
    expect(needsReanalysis(zeistTrajectory)).toBe(false);
  });

  it("reading all 30 days again is idempotent and asks for no detail", async () => {
    fake.tick();
    const before = { ...counts(), requests: fake.requests() };
    const summary = await run("2026-10-31");
    expect(summary).toMatchObject({ days: 31, read: 143, youthCare: 0, matched: 0, milestonesChanged: 0 });
    expect(fake.requests() - before.requests).toBe(32);
    expect(counts()).toEqual({ publications: before.publications, milestones: before.milestones, days: before.days });
    expect(needsReanalysis(zeistTrajectory)).toBe(false);
  });

  it("a persistent 500 fails with a Dutch status after retries and changes nothing", async () => {
    const before = counts();
    const requests = fake.requests();
    fake.failNext(10);
    const summary = await run(fixtures.d3);
    expect(summary.status).toBe("failed");
    expect(summary.message).toContain(`Ophalen mislukt bij ${fixtures.d3}: TenderNed antwoordde met foutcode 500. Na 4 pogingen opgegeven.`);
    expect(fake.requests() - requests).toBe(4);
    expect(counts()).toEqual(before);
    fake.failNext(0);
  });

  it("a passing 500 is retried, and a malformed body fails at once", async () => {
    fake.failNext(1);
    expect((await run(fixtures.d1)).status).toBe("incomplete");
    const requests = fake.requests();
    fake.malformedNext(1);
    const summary = await run(fixtures.d1);
    expect(summary).toMatchObject({ status: "failed", read: 0 });
    expect(summary.message).toContain("geen geldige JSON");
    expect(fake.requests() - requests).toBe(1);
  });

  it("a changed notice updates its milestone and raises herbeoordeling again", async () => {
    const days = scenario(today).days;
    const d3 = days.get(fixtures.d3)!;
    d3.rows = d3.rows.map((r) => (r.publicatieId === "1001" ? { ...r, opdrachtBeschrijving: "Inkoop jeugdhulp, nu met perceel crisiszorg." } : r));
    fake.setDays(days);
    const summary = await run(fixtures.d3);
    expect(summary).toMatchObject({ youthCare: 1, matched: 1 });
    expect(summary.milestonesChanged).toBeGreaterThan(0);
    expect(needsReanalysis(zeistTrajectory)).toBe(true);
    expect(needsReanalysis(otherTrajectory)).toBe(false);
  });

  it("assigning an unknown authority places its waiting notices and stores the alias for later ones", async () => {
    clearReanalysis();
    expect(milestonesOf("JZ31")).toHaveLength(0);
    expect(assignAuthority({ authority: "Serviceorganisatie Jeugd ZHZ", regionCode: "JZ31" }, actor)).toEqual({ publications: 1, milestonesChanged: 1 });
    expect(milestonesOf("JZ31").map((m) => m.kind)).toEqual(["market_consultation"]);
    expect(db().select().from(auditLog).where(and(eq(auditLog.action, "tenderned.assigned"), eq(auditLog.entityId, "JZ31"))).all()).toHaveLength(1);
    const later = exportRows([fakeRow({ id: "2001", day: today, type: "VOP", name: "Vooraankondiging jeugdhulp ZHZ", authority: "SERVICEORGANISATIE JEUGD ZHZ" })]);
    expect(importPublications(later, actor)).toMatchObject({ matched: 1, unassigned: 0, milestonesChanged: 1 });
    expect(milestonesOf("JZ31").map((m) => m.kind).sort()).toEqual(["market_consultation", "procurement_strategy"]);

    removeAlias("serviceorganisatie jeugd zhz", actor);
    expect(aliases()).toEqual([]);
    const after = exportRows([fakeRow({ id: "2002", day: today, type: "AGO", name: "Gunning jeugdhulp ZHZ", authority: "Serviceorganisatie Jeugd ZHZ" })]);
    expect(importPublications(after, actor)).toMatchObject({ matched: 0, unassigned: 1 });
    expect(milestonesOf("JZ31")).toHaveLength(2);
    assignAuthority({ authority: "Serviceorganisatie Jeugd ZHZ", regionCode: "JZ31" }, actor);
  });

  it("an export file goes through the same matching, and a second import changes nothing", () => {
    const rows = exportRows({ content: [fakeRow({ id: "3001", day: today, type: "AAO", name: "Jeugdzorg Bunnik", authority: "Gemeente Bunnik", closing: "2027-02-01" })], totalElements: 1, totalPages: 1 });
    const imports = () => db().select().from(auditLog).where(eq(auditLog.action, "tenderned.imported")).all().length;
    const before = imports();
    expect(importPublications(rows, actor)).toMatchObject({ status: "ok", matched: 1, milestonesChanged: 2 });
    expect(importPublications(rows, actor)).toMatchObject({ matched: 0, youthCare: 0, milestonesChanged: 0 });
    expect(imports() - before).toBe(2);
  });

  it("page Aanbestedingen: the intermediary reads every region and the unassigned, an adviser only their trajectories' regions", () => {
    const adviser = db().insert(users).values({ email: "adviseur@example.org", name: "Adviseur", passwordHash: "x" }).returning({ id: users.id }).get().id;
    db().insert(trajectoryAdvisers).values({ trajectoryId: zeistTrajectory, userId: adviser }).run();
    const all = parseProcurementFilters(new URLSearchParams());
    const regionsOf = (viewer: { id: number; roles: ("intermediary" | "adviser" | "reader")[] }) => new Set(listProcurements(all, viewer).rows.map((r) => r.regionCode));
    expect(regionsOf({ id: 999, roles: ["intermediary"] })).toEqual(new Set(["JZ23", "JZ31"]));
    expect(regionsOf({ id: adviser, roles: ["adviser"] })).toEqual(new Set(["JZ23"]));
    expect(listProcurements(all, { id: 998, roles: ["adviser"] }).total).toBe(0);
    expect(listProcurements(all, { id: adviser, roles: ["reader"] }).total).toBe(0);
    const filtered = listProcurements(parseProcurementFilters(new URLSearchParams({ soort: "REC", regio: "JZ23", sluitVanaf: "2027-01-01" })), { id: 999, roles: ["intermediary"] });
    expect(filtered.rows.map((r) => r.id)).toEqual(["1004"]);
    expect(waitingAuthorities()).toEqual([]);
  });

  it("a run cut off by a stop is closed as failed at the next start, and a failed run does not count as today's", async () => {
    const lastGood = lastFetchStartedAt();
    db().insert(tendernedRuns).values({ trigger: "schedule", startedAt: new Date().toISOString(), status: "running" }).run();
    closeInterruptedRuns();
    expect(db().select().from(tendernedRuns).where(eq(tendernedRuns.status, "running")).all()).toEqual([]);
    expect(lastFetchStartedAt()).toBe(lastGood);
  });

  it("uses the default settings until an admin changes them", () => {
    expect(youthCareSettings().words).toContain("jeugdhulp");
  });
});
