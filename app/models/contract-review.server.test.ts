import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { prepareDatabase } from "~/boot.server";
import type { CriterionRating } from "~/domain/contract-review";
import { PermissionError } from "~/domain/permissions";
import { createReview, latestReviews, publishReview, reviewFor, saveReview } from "./contract-review.server";
import { saveMilestone } from "./procurement.server";
import { listCriteria, saveCriterion } from "./review-criteria.server";

useTempDatabase();
const intermediary = { userId: null, clientAddress: "test", roles: ["intermediary"] as const };
const staff = { id: 0, roles: ["intermediary"] as const };
const reader = { id: -1, roles: ["reader"] as const };

function ratings(rating: CriterionRating["rating"], first?: CriterionRating["rating"]): CriterionRating[] {
  return listCriteria("active").map((c, i) => ({ code: c.code, rating: i === 0 && first ? first : rating, note: "", source: "" }));
}

beforeAll(() => {
  prepareDatabase();
});

describe("contract reviews", () => {
  it("ships the default criteria of the seeds, in order", () => {
    const codes = listCriteria().map((c) => c.code);
    expect(codes).toEqual(["omvang", "samenwerkingsverband", "kwaliteitseisen", "administratieve-lasten", "bekostiging", "budgetplafond", "looptijd-toetreding", "aantal-aanbieders", "directe-toegang"]);
  });

  it("keeps every save as a version with its score, and shows readers only the published version", () => {
    const id = createReview({ regionCode: "JZ38", title: "Inkoop jeugdhulp 2027", reason: "", ratings: ratings("obstructive") }, intermediary);
    expect(reviewFor(id, reader)).toBeUndefined();
    expect(publishReview(id, intermediary)).toBe(1);
    expect(saveReview(id, { title: "Inkoop jeugdhulp 2027", reason: "Nota van inlichtingen", ratings: ratings("unknown", "accessible") }, intermediary)).toBe(2);
    const full = reviewFor(id, staff)!;
    expect(full.versions.map((v) => [v.version, v.scorePercent, v.unknownCount])).toEqual([
      [2, 100, 8],
      [1, 0, 0],
    ]);
    expect(full.shown.version).toBe(2);
    const published = reviewFor(id, reader)!;
    expect(published.shown.version).toBe(1);
    expect(published.versions).toEqual([]);
    expect(reviewFor(id, reader, 2)).toBeUndefined();
    expect(latestReviews(reader).find((r) => r.id === id)?.score.percent).toBe(0);
    expect(latestReviews(staff).find((r) => r.id === id)?.score.percent).toBe(100);
  });

  it("marks the region's latest review 'herbeoordeling nodig' on a new procurement document, until its next version", () => {
    const older = createReview({ regionCode: "JZ01", title: "Contract 2024", reason: "", ratings: ratings("partly") }, intermediary);
    const latest = createReview({ regionCode: "JZ01", title: "Contract 2027", reason: "", ratings: ratings("partly") }, intermediary);
    const other = createReview({ regionCode: "JZ02", title: "Elders", reason: "", ratings: ratings("partly") }, intermediary);
    saveMilestone({ regionCode: "JZ01", kind: "tender_published", dueOn: "2026-06-01", title: "Aankondiging" }, intermediary);
    expect(reviewFor(latest, staff)!.review.needsReassessment).toBe(true);
    expect(reviewFor(older, staff)!.review.needsReassessment).toBe(false);
    expect(reviewFor(other, staff)!.review.needsReassessment).toBe(false);
    saveReview(latest, { title: "Contract 2027", reason: "Herbeoordeeld", ratings: ratings("accessible") }, intermediary);
    expect(reviewFor(latest, staff)!.review.needsReassessment).toBe(false);
  });

  it("lets only the intermediary write reviews and only an admin change criteria", () => {
    const adviser = { userId: null, clientAddress: "test", roles: ["adviser"] as const };
    expect(() => createReview({ regionCode: "JZ38", title: "Poging", reason: "", ratings: ratings("unknown") }, adviser)).toThrow(PermissionError);
    expect(() => saveCriterion({ code: "nieuw", question: "Een nieuwe vraag?", help: "", position: 5, active: true }, intermediary)).toThrow(PermissionError);
    const admin = { userId: null, clientAddress: "test", roles: ["admin"] as const };
    saveCriterion({ code: "nieuw", question: "Een nieuwe vraag?", help: "", position: 5, active: false }, admin);
    expect(listCriteria("active").map((c) => c.code)).not.toContain("nieuw");
    expect(listCriteria()[0]!.code).toBe("nieuw");
  });
});
