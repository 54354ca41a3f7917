import { describe, expect, it } from "vitest";
import { MAX_PLAN_LINES } from "./plan-versions";
import { planRevisionSchema } from "./trajectory-form";

const issues = (body: string) => {
  const result = planRevisionSchema.safeParse({ body, reason: "Nieuwe nota van inlichtingen" });
  return result.success ? [] : result.error.issues.filter((i) => i.path[0] === "body").map((i) => i.message);
};

describe("planRevisionSchema", () => {
  it("refuses the review's plan of 25,000 one-character lines with a Dutch message at the field", () => {
    expect(issues(Array.from({ length: 25_000 }, () => "a").join("\n"))).toEqual([
      "Het plan telt 25.000 regels; hoogstens 2.000 passen in een plan dat nog te vergelijken is.",
    ]);
  });

  it("refuses more characters than a plan holds", () => {
    expect(issues("x".repeat(50_001))).toEqual(["Het plan is te lang: hoogstens 50.000 tekens. Zet bijlagen elders en verwijs ernaar."]);
  });

  it("accepts a plan of exactly the line limit, whatever the line endings", () => {
    const lines = Array.from({ length: MAX_PLAN_LINES }, (_, i) => `Stap ${i}`);
    expect(issues(lines.join("\n"))).toEqual([]);
    expect(issues(lines.join("\r\n"))).toEqual([]);
    expect(issues([...lines, "nog een"].join("\r"))).toHaveLength(1);
  });
});
