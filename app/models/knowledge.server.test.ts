import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { auditLog, municipalities, signals } from "../../db/schema";
import { prepareDatabase } from "~/boot.server";
import { DomainError } from "~/domain/errors";
import type { ArticleInput } from "~/domain/knowledge";
import { db } from "~/utils/db.server";
import { checkArticle, createArticle, openArticle, publishArticle, saveArticle, similarArticles, withdrawArticle } from "./knowledge.server";
import { publishedArticle, publishedArticles } from "./knowledge-public.server";
import { seal } from "./sealed.server";

useTempDatabase();
const actor = { userId: null, clientAddress: "test", roles: ["intermediary"] as const };
let signalId: number;
let municipality: string;

const input = (over: Partial<ArticleInput> = {}): ArticleInput => ({
  question: "Mag de regio een keurmerk eisen?",
  answer: "Alleen als de wet het vraagt.",
  topic: "quality_admission",
  procurementPhase: "running_tender",
  references: "Jeugdwet | https://wetten.overheid.nl/",
  checkedOn: "2026-01-05",
  sensitiveNames: "",
  ...over,
});

function guardError(work: () => unknown): DomainError | undefined {
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
  municipality = place.name;
  signalId = db()
    .insert(signals)
    .values({
      receivedOn: "2026-01-02",
      channel: "email",
      requesterType: "provider",
      referredBy: "direct",
      regionCode: place.regionCode,
      municipalityCode: place.code,
      topic: "quality_admission",
      procurementPhase: "running_tender",
      procedure: "unknown",
      funding: "unknown",
      status: "answered",
      summarySealed: seal("Geheime samenvatting", "summary"),
      reporterPhoneSealed: seal("+31 6 1234 5678", "reporterPhone"),
      reporterEmailSealed: seal("melder@praktijk.example", "reporterEmail"),
    })
    .returning({ id: signals.id })
    .get().id;
});

describe("kennisbank", () => {
  it("takes a signal's classification only, and only from an answered signal", () => {
    const id = createArticle(input({ signalId }), actor);
    expect(openArticle(id, actor)?.signalIds).toEqual([signalId]);
    db().update(signals).set({ status: "new" }).where(eq(signals.id, signalId)).run();
    expect(guardError(() => createArticle(input({ signalId }), actor))?.code).toBe("KNOWLEDGE.SIGNAL_NOT_ANSWERED");
    db().update(signals).set({ status: "answered" }).where(eq(signals.id, signalId)).run();
  });

  it("refuses to publish a linked reporter's phone or the municipality without the explicit choice, and audits the override without values", () => {
    const id = createArticle(input({ signalId, answer: `Bel 06-12345678 over ${municipality.toUpperCase()}.` }), actor);
    expect(checkArticle(id, actor).map((h) => h.kind)).toEqual(["phone", "municipality"]);
    expect(guardError(() => publishArticle(id, actor, false))?.code).toBe("KNOWLEDGE.GUARD_HITS");
    expect(publishedArticle(id)).toBeNull();

    expect(publishArticle(id, actor, true)).toBe(1);
    const entries = db().select().from(auditLog).where(eq(auditLog.entityId, String(id))).all();
    const override = entries.find((e) => e.action === "knowledge.guard_overridden");
    expect(JSON.parse(override?.detail ?? "{}")).toEqual({ version: 1, hits: 2, kinds: ["phone", "municipality"] });
    expect(entries.map((e) => e.detail ?? "").join(" ")).not.toContain("12345678");
  });

  it("keeps the published version on /vragen until it is published again, and drops it when withdrawn", () => {
    const id = createArticle(input({ question: "Wat betekent privé-praktijk voor de aanbesteding?" }), actor);
    expect(publishArticle(id, actor, false)).toBe(1);
    expect(saveArticle(id, input({ question: "Nieuwe, ongecontroleerde vraag" }), actor)).toBe(2);
    expect(publishedArticle(id)?.question).toBe("Wat betekent privé-praktijk voor de aanbesteding?");
    expect(publishedArticles({ words: "PRIVE praktijk" }).map((a) => a.id)).toContain(id);
    expect(publishedArticles({ words: "prive", topic: "gdpr" })).toEqual([]);
    expect(similarArticles({ topic: "quality_admission", procurementPhase: "running_tender" }, actor).map((a) => a.id)).toContain(id);

    withdrawArticle(id, actor);
    expect(publishedArticle(id)).toBeNull();
    expect(publishedArticles({ words: "prive" }).map((a) => a.id)).not.toContain(id);
    expect(similarArticles({ topic: "quality_admission", procurementPhase: "running_tender" }, actor).map((a) => a.id)).not.toContain(id);
  });

  it("refuses an actor without knowledge.manage", () => {
    expect(() => openArticle(1, { ...actor, roles: ["adviser"] })).toThrow("knowledge.manage");
  });
});
