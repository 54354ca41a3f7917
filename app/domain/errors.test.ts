import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";

describe("DomainError", () => {
  it("takes only codes the domain knows: a misspelt code does not compile (npm run typecheck)", () => {
    // @ts-expect-error "SIGNAL.NOT_FUND" is no ErrorCode, so a route matching on it would never match
    const misspelt = new DomainError("SIGNAL.NOT_FUND", "Bestaat niet.");
    expect(misspelt.code).toBe("SIGNAL.NOT_FUND");
    expect(new DomainError("SIGNAL.NOT_FOUND", "Dit signaal bestaat niet.", "id")).toMatchObject({ code: "SIGNAL.NOT_FOUND", field: "id", name: "DomainError" });
  });
});
