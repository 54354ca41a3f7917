import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "./request.server";

const ORIGINS = ["http://127.0.0.1:3000", "https://rode-draad.example"];

/** What a browser does with a Location header: resolve it against the page's origin. */
function landsOn(location: string, origin: string): string {
  return new URL(location, origin).origin;
}

describe("safeRedirect", () => {
  it.each([
    "/\t/evil.example/x",
    "/\t\\evil.example",
    "//evil",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/.//evil.example",
    "/a/..//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " /x",
    "",
  ])("refuses %j", (value) => {
    expect(safeRedirect(value)).toBe("/");
  });

  it("refuses what is not a string, and honours the fallback", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/login")).toBe("/login");
  });

  it.each(["/", "/beheer/regios", "/signalen?q=vuurtoren&status=open", "/rapportage/2021#tabellen"])("keeps the same-site path %j", (value) => {
    expect(safeRedirect(value)).toBe(value);
  });

  it("gives a path that cannot break a header: non-ASCII is percent-encoded", () => {
    expect(safeRedirect("/regio's/Súdwest-Fryslân")).toBe("/regio's/S%C3%BAdwest-Frysl%C3%A2n");
  });

  it("whatever the input, the answer is a plain path on our own origin", () => {
    const hostileParts = fc.constantFrom("/", "\\", "\t", "\n", "\r", "\u0000", " ", ".", "..", "%2f", "%5c", "@", ":", "?", "#", "evil.example", "http:", "\u2028", "\u00a0", "é");
    const input = fc.oneof(fc.string({ unit: "binary" }), fc.array(hostileParts, { maxLength: 12 }).map((parts) => parts.join("")));
    fc.assert(
      fc.property(input, fc.constantFrom(...ORIGINS), (value, origin) => {
        const result = safeRedirect(value);
        expect(result).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
        expect(landsOn(result, origin)).toBe(origin);
        // Stable: what it gives back passes again unchanged.
        expect(safeRedirect(result)).toBe(result);
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps every ordinary path of the app as it is", () => {
    const segment = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const path = `/${segments.join("/")}`;
        expect(safeRedirect(path)).toBe(path);
      }),
    );
  });
});
