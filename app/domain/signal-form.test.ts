import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_FILE_LIMITS } from "./file-limits";
import { portalSchemaFor } from "./portal-form";

const portalSchema = portalSchemaFor(DEFAULT_FILE_LIMITS);
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

describe("the public form's files, as the settings allow", () => {
  const report = { requesterType: "provider", regionCode: "JZ14", topic: "other", procurementPhase: "none", message: "Er is iets aan de hand met de inkoop.", contact: "anonymous" };
  const file = (bytes: number) => new File([new Uint8Array(bytes)], "stuk.pdf");
  const errors = (result: ReturnType<ReturnType<typeof portalSchemaFor>["safeParse"]>) =>
    result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);

  it("takes as many files of as many megabytes as set, and says the limit in Dutch", () => {
    const limits = { maxBytes: 1024 * 1024, portalMaxFiles: 1 };
    expect(errors(portalSchemaFor(limits).safeParse({ ...report, files: [file(1024 * 1024)] }))).toEqual([]);
    expect(errors(portalSchemaFor(limits).safeParse({ ...report, files: [file(10), file(10)] }))).toEqual(["files: Voeg hoogstens 1 bestanden toe."]);
    expect(errors(portalSchemaFor(limits).safeParse({ ...report, files: [file(1024 * 1024 + 1)] }))).toEqual(["files.0: Een bestand is groter dan 1 MB; kies een kleiner bestand."]);
    expect(errors(portalSchemaFor({ ...limits, portalMaxFiles: 0 }).safeParse({ ...report, files: [file(10)] }))).toEqual(["files: Dit formulier neemt geen bestanden aan."]);
    expect(errors(portalSchema.safeParse({ ...report, files: [file(10), file(10), file(10)] }))).toEqual([]);
  });
});
