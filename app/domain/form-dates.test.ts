import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { addYears, todayInTheNetherlands } from "./dates";
import { classificationSchema } from "./signal-form";
import { closeSchema, contactSchema, escalationSchema, milestoneSchema, newTrajectorySchema } from "./trajectory-form";

/** What the review typed into the trajectory forms, and the years before 2000 the imports let through. */
const NONSENSE = ["2025-02-30", "2025-99-99", "0000-00-00", "2999-12-31", "2020-13-45", "0000-01-01", "1900-01-01", "2021-3-5", "gisteren"];

/** Every date field of the web forms, with a valid value for each of the other fields. */
const FIELDS: { name: string; schema: z.ZodTypeAny; field: string; base: Record<string, unknown> }[] = [
  {
    name: "new trajectory",
    schema: newTrajectorySchema,
    field: "startedOn",
    base: { regionCode: "JZ01", strategicGoal: "Behoud van de vrijgevestigden", providersInvolved: "3" },
  },
  { name: "close (completed)", schema: closeSchema, field: "closedOn", base: { status: "completed" } },
  { name: "close (stopped)", schema: closeSchema, field: "closedOn", base: { status: "stopped", reason: "Geen draagvlak" } },
  { name: "escalation", schema: escalationSchema, field: "happenedOn", base: { types: ["legal"] } },
  { name: "talk", schema: contactSchema, field: "heldOn", base: { kind: "municipality", organisations: "Gemeente X", summary: "Overleg" } },
  { name: "milestone", schema: milestoneSchema, field: "dueOn", base: { kind: "award", title: "Gunning" } },
  {
    name: "signal intake",
    schema: classificationSchema,
    field: "receivedOn",
    base: { channel: "email", requesterType: "provider", referredBy: "direct", regionCode: "JZ01", topic: "gdpr", procurementPhase: "none" },
  },
];

describe("date fields of the web forms", () => {
  for (const { name, schema, field, base } of FIELDS) {
    it(`${name}: refuses days that do not exist and dates outside the range, with a Dutch message at ${field}`, () => {
      for (const value of NONSENSE) {
        const result = schema.safeParse({ ...base, [field]: value });
        expect(result.success, `${field}=${value}`).toBe(false);
        if (!result.success) {
          const issue = result.error.issues.find((i) => i.path[0] === field);
          expect(issue?.message, `${field}=${value}`).toMatch(/bestaat niet|vóór 2000|toekomst|jaar vooruit|JJJJ-MM-DD/);
        }
      }
    });

    it(`${name}: accepts a real day in the past`, () => {
      expect(schema.safeParse({ ...base, [field]: "2021-03-15" }).success).toBe(true);
    });
  }

  it("a milestone may be planned a year ahead; a talk cannot have been held then", () => {
    const nextYear = addYears(todayInTheNetherlands(), 1);
    expect(milestoneSchema.safeParse({ kind: "award", title: "Gunning", dueOn: nextYear }).success).toBe(true);
    expect(contactSchema.safeParse({ kind: "region", organisations: "Regio", summary: "Overleg", heldOn: nextYear }).success).toBe(false);
  });
});
