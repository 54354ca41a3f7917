import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/errors";
import { notFoundOn, recordOr404, versionAsked } from "./not-found.server";

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

const as404 = (what: string) => ({ data: { refusal: `${what} bestaat niet (meer).` }, init: { status: 404, statusText: "Not Found" } });

describe("the 404s of pages that open one record", () => {
  it("takes a record number from the URL and answers anything else with a 404 naming the record", () => {
    expect(recordOr404("12", "Dit signaal")).toBe(12);
    for (const param of [undefined, "", "0", "-1", "abc", "1.5", "12abc"]) expect(thrown(() => recordOr404(param, "Dit signaal"))).toMatchObject(as404("Dit signaal"));
  });

  it("reads ?versie=N: none asked is undefined, a wrong N names the version", () => {
    expect(versionAsked(new Request("http://x/kennisbank/3"))).toBeUndefined();
    expect(versionAsked(new Request("http://x/kennisbank/3?versie=2"))).toBe(2);
    expect(thrown(() => versionAsked(new Request("http://x/kennisbank/3?versie=twee")))).toMatchObject(as404("Deze versie"));
    expect(thrown(() => versionAsked(new Request("http://x/r?versie="), "Deze versie van de tekst"))).toMatchObject(as404("Deze versie van de tekst"));
  });

  it("turns the model's own 'not found' into the 404 and lets every other error through untouched", () => {
    const orNotFound = <T,>(work: () => T) => notFoundOn("KNOWLEDGE.NOT_FOUND", "Dit kennisartikel", work);
    expect(orNotFound(() => 7)).toBe(7);
    expect(thrown(() => orNotFound(() => { throw new DomainError("KNOWLEDGE.NOT_FOUND", "weg"); }))).toMatchObject(as404("Dit kennisartikel"));
    const other = new DomainError("SIGNAL.NOT_FOUND", "ander");
    expect(thrown(() => orNotFound(() => { throw other; }))).toBe(other);
  });
});
