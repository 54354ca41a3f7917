import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { auditLog, lessons, municipalities, signals, trajectories, trajectorySignals } from "../../db/schema";
import { prepareDatabase } from "~/boot.server";
import { DomainError } from "~/domain/errors";
import type { PracticeInput } from "~/domain/practice";
import { db } from "~/utils/db.server";
import { openArticle } from "./knowledge.server";
import { publishedArticles } from "./knowledge-public.server";
import { checkPractice, createPractice, lessonStart, openPractice, publishPractice, savePractice, withdrawPractice } from "./practice.server";
import { publishedPractice, publishedPractices, shownPracticeRegions } from "./practice-public.server";
import { seal } from "./sealed.server";

useTempDatabase();
const actor = { userId: null, clientAddress: "test", roles: ["intermediary"] as const };
let lessonId: number;
let regionCode: string;

const input = (over: Partial<PracticeInput> = {}): PracticeInput => ({
  title: "Samen een open house opzetten",
  whatWasDone: "Aanbieders en regio schreven samen de toelatingseisen.",
  outcome: "Vrijgevestigden konden zonder consortium meedoen.",
  topic: "strategy_advice",
  procurementPhase: "upcoming_tender",
  references: "",
  checkedOn: "2026-01-05",
  sensitiveNames: "",
  showRegion: false,
  ...over,
});

function domainError(work: () => unknown): DomainError | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

beforeAll(() => {
  prepareDatabase();
  const place = db().select().from(municipalities).limit(1).get()!;
  regionCode = place.regionCode;
  const signalId = db()
    .insert(signals)
    .values({
      receivedOn: "2026-01-02",
      channel: "email",
      requesterType: "provider",
      referredBy: "direct",
      regionCode,
      municipalityCode: place.code,
      topic: "strategy_advice",
      procurementPhase: "upcoming_tender",
      procedure: "unknown",
      funding: "unknown",
      status: "answered",
      summarySealed: seal("Geheime samenvatting", "summary"),
      reporterNameSealed: seal("Femke van Zwanenburg", "reporterName"),
    })
    .returning({ id: signals.id })
    .get().id;
  const trajectoryId = db().insert(trajectories).values({ regionCode, strategicGoal: "Vertrouwelijk doel", startedOn: "2026-01-03", createdAt: "2026-01-03T10:00:00Z" }).returning({ id: trajectories.id }).get().id;
  db().insert(trajectorySignals).values({ trajectoryId, signalId }).run();
  lessonId = db().insert(lessons).values({ trajectoryId, at: "2026-01-04T10:00:00Z", text: "Vertrouwelijke les" }).returning({ id: lessons.id }).get().id;
});

describe("goede voorbeelden", () => {
  it("starts from a lesson with its classification only, and keeps the lesson internal", () => {
    expect(lessonStart(lessonId)).toEqual({ regionCode, topic: "strategy_advice", procurementPhase: "upcoming_tender" });
    const id = createPractice(input({ lessonId, regionCode }), actor);
    const opened = openPractice(id, actor);
    expect(opened?.lessons.map((l) => l.id)).toEqual([lessonId]);
    expect(JSON.stringify(opened?.text)).not.toContain("Vertrouwelijk");
    expect(domainError(() => lessonStart(999_999))?.code).toBe("PRACTICE.LESSON_NOT_FOUND");
  });

  it("catches the trajectory's reporter by surname, refuses to publish without the choice, and audits the override without values", () => {
    const id = createPractice(input({ lessonId, regionCode, outcome: "Mevrouw Zwanenburg kreeg een contract." }), actor);
    expect(checkPractice(id, actor)).toEqual([{ kind: "reporter_name", value: "Femke van Zwanenburg" }]);
    expect(domainError(() => publishPractice(id, actor, false))?.code).toBe("KNOWLEDGE.GUARD_HITS");
    expect(publishedPractice(id)).toBeNull();
    expect(publishPractice(id, actor, true)).toBe(1);
    const entries = db().select().from(auditLog).where(eq(auditLog.entityType, "knowledge_practice")).all().filter((e) => e.entityId === String(id));
    expect(entries.map((e) => e.action)).toEqual(["practice.created", "practice.guard_overridden", "practice.published"]);
    expect(entries.map((e) => e.detail ?? "").join(" ")).not.toContain("Zwanenburg");
  });

  it("versions a practice, shows its region only when allowed, and keeps practices and answers apart", () => {
    const id = createPractice(input({ title: "Privé-praktijken in het regionale overleg", regionCode }), actor);
    expect(publishPractice(id, actor, false)).toBe(1);
    expect(publishedPractice(id)?.region).toBeNull();
    expect(publishedPractices({ words: "", region: regionCode }).map((p) => p.id)).not.toContain(id);
    expect(shownPracticeRegions().map((r) => r.code)).not.toContain(regionCode);

    expect(savePractice(id, input({ title: "Nieuwe titel", regionCode, showRegion: true }), actor)).toBe(2);
    expect(publishedPractice(id)?.title).toBe("Privé-praktijken in het regionale overleg");
    expect(publishPractice(id, actor, false)).toBe(2);
    expect(publishedPractice(id)?.region?.code).toBe(regionCode);
    expect(publishedPractices({ words: "consortium NIEUWE", region: regionCode }).map((p) => p.id)).toEqual([id]);
    expect(publishedPractices({ words: "nieuwe", topic: "gdpr" })).toEqual([]);
    expect(publishedArticles({ words: "" }).map((a) => a.id)).not.toContain(id);
    expect(domainError(() => openArticle(id, actor))?.code).toBe("KNOWLEDGE.NOT_FOUND");

    withdrawPractice(id, actor);
    expect(publishedPractice(id)).toBeNull();
    expect(openPractice(id, actor)?.article.state).toBe("withdrawn");
  });

  it("refuses an unknown region and an actor without practice.manage", () => {
    expect(domainError(() => createPractice(input({ regionCode: "JZ99" }), actor))?.code).toBe("PRACTICE.BAD_REGION");
    expect(() => openPractice(1, { ...actor, roles: ["adviser"] })).toThrow("practice.manage");
  });
});
