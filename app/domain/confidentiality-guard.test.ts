import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guardHits, phoneDigits } from "./confidentiality-guard";

const name = fc.stringMatching(/^[A-Z][a-z]{3,10}$/);
const ACCENTED: Record<string, string> = { a: "á", e: "ë", i: "ï", o: "ö", u: "ü", c: "ç", n: "ñ" };

describe("guardHits", () => {
  it("catches a name whatever its case or accents in the article", () => {
    fc.assert(
      fc.property(name, fc.boolean(), (value, upper) => {
        const typed = [...value].map((ch) => ACCENTED[ch] ?? ch).join("");
        const text = `Vraag van ${upper ? typed.toUpperCase() : typed.toLowerCase()}, over de aanbesteding.`;
        expect(guardHits(text, [{ kind: "reporter_name", value }])).toEqual([{ kind: "reporter_name", value }]);
      }),
    );
  });

  it("catches an accented stored name typed without accents", () => {
    expect(guardHits("Mevrouw ozdemir belde", [{ kind: "reporter_name", value: "Özdemir" }])).toHaveLength(1);
    expect(guardHits("In Súdwest-Fryslân speelt dit", [{ kind: "municipality", value: "Súdwest-Fryslân" }])).toHaveLength(1);
    expect(guardHits("In sudwest fryslan speelt dit", [{ kind: "municipality", value: "Súdwest-Fryslân" }])).toHaveLength(1);
  });

  it("catches a reporter by surname or first name alone, not by a tussenvoegsel", () => {
    const term = { kind: "reporter_name" as const, value: "Henriëtte van der Zwanenburg" };
    expect(guardHits("Zoals mevrouw zwanenburg vroeg", [term])).toHaveLength(1);
    expect(guardHits("Henriette belde", [term])).toHaveLength(1);
    expect(guardHits("De regio van der Aa", [term])).toEqual([]);
    expect(guardHits("Zoals Zwanenburg zei", [{ kind: "sensitive", value: "Praktijk Zwanenburg" }])).toEqual([]);
  });

  it("matches whole words only", () => {
    expect(guardHits("De annexatie van Breda", [{ kind: "reporter_name", value: "Anne" }])).toEqual([]);
    expect(guardHits("Anne belde", [{ kind: "reporter_name", value: "Anne" }])).toHaveLength(1);
  });

  it("catches an e-mail address in any case, also at the end of a sentence", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        expect(guardHits(`Mail naar ${email.toUpperCase()}.`, [{ kind: "email", value: email }])).toHaveLength(1);
      }),
    );
  });

  it("catches a phone number in every usual Dutch format", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^6\d{8}$/), fc.integer({ min: 0, max: 4 }), (rest, format) => {
        const stored = `0${rest}`;
        const typed = [
          `+31 ${rest[0]} ${rest.slice(1, 5)} ${rest.slice(5)}`,
          `0031${rest}`,
          `0${rest.slice(0, 1)}-${rest.slice(1)}`,
          `(0${rest.slice(0, 1)}) ${rest.slice(1, 3)} ${rest.slice(3, 5)} ${rest.slice(5, 7)} ${rest.slice(7)}`,
          `0${rest.slice(0, 1)}.${rest.slice(1, 5)}.${rest.slice(5)}`,
        ][format];
        expect(guardHits(`Bel ${typed} na vijven`, [{ kind: "phone", value: stored }])).toHaveLength(1);
        expect(guardHits(`Bel ${stored}`, [{ kind: "phone", value: typed ?? "" }])).toHaveLength(1);
      }),
    );
  });

  it("reads +31 and 0031 as 0", () => {
    expect(phoneDigits("+31 (0)6 1234 5678")).toBe("0612345678");
    expect(phoneDigits("+31 6 1234 5678")).toBe("0612345678");
    expect(phoneDigits("0031 6 1234 5678")).toBe("0612345678");
  });

  it("finds nothing in a text that holds none of the terms", () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 5 }), (names) => {
        const text = "Welke eisen mag een regio stellen aan vrijgevestigden in 2025? Zie artikel 2.6 Jeugdwet.";
        const hits = guardHits(text, names.map((value) => ({ kind: "sensitive" as const, value: `${value}x` })));
        expect(hits).toEqual([]);
      }),
    );
  });

  it("reports a term once, and ignores names too short to mean anything", () => {
    const terms = [
      { kind: "reporter_name" as const, value: "Jansen" },
      { kind: "reporter_name" as const, value: "JANSEN" },
      { kind: "sensitive" as const, value: "Jo" },
    ];
    expect(guardHits("Jansen en Jo", terms)).toEqual([{ kind: "reporter_name", value: "Jansen" }]);
  });

  it("does not take years or amounts for phone numbers", () => {
    expect(guardHits("In 2024 ging € 120.000 naar de regio", [{ kind: "phone", value: "06 1234 5678" }])).toEqual([]);
  });
});
