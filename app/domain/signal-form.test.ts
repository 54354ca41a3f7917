import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { portalSchema } from "./portal-form";
import { confidentialSchema } from "./signal-form";

const IDENTITY = ["reporterName", "reporterOrganisation", "reporterEmail", "reporterPhone"] as const;

function identityErrors(result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) {
  return (result.error?.issues ?? [])
    .filter((issue) => (IDENTITY as readonly (string | number)[]).includes(issue.path[0] ?? ""))
    .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
    .sort();
}

describe("who reported a signal: one rule for the intake and the public form", () => {
  const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ minLength: 190, maxLength: 260 }), fc.emailAddress(), fc.stringMatching(/^[0-9+ ()-]{4,24}$/));
  const identity = fc.record(Object.fromEntries(IDENTITY.map((field) => [field, fc.option(text, { nil: undefined })])));

  it("accepts and refuses the same names, organisations, addresses and numbers, with the same Dutch words", () => {
    fc.assert(
      fc.property(identity, (fields) => {
        const intake = confidentialSchema.safeParse({ summary: "Een korte samenvatting", ...fields });
        const portal = portalSchema.safeParse({
          requesterType: "provider", regionCode: "JZ14", topic: "other", procurementPhase: "none",
          message: "Er is iets aan de hand met de inkoop.", contact: "confidential", reporterEmail: "a@b.nl", ...fields,
        });
        expect(identityErrors(portal).filter((e) => !e.startsWith("reporterEmail: Vul een e-mailadres of"))).toEqual(identityErrors(intake));
      }),
    );
  });

  it("says in Dutch that a name is too long on the public form", () => {
    const result = portalSchema.safeParse({
      requesterType: "provider", regionCode: "JZ14", topic: "other", procurementPhase: "none",
      message: "Er is iets aan de hand met de inkoop.", contact: "anonymous", reporterName: "x".repeat(201),
    });
    expect(identityErrors(result)).toEqual(["reporterName: Gebruik hoogstens 200 tekens."]);
  });
});
