import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chosenMunicipality, type MunicipalityOption } from "./municipality-choice";

/** The shipped reference table: the real 342 names, so the property holds for the list people type from. */
const MUNICIPALITIES: MunicipalityOption[] = fs
  .readFileSync(path.resolve(__dirname, "../../db/reference/jeugdregios.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(","))
  .map(([regionCode, , code, name]) => ({ regionCode: regionCode!, code: code!, name: name! }));

const names = new Set(MUNICIPALITIES.map((m) => m.name.toLowerCase()));

describe("chosenMunicipality", () => {
  it("never chooses on a partial name, so 'Ze' on the way to 'Zeist' chooses nothing", () => {
    expect(chosenMunicipality("Ze", MUNICIPALITIES)).toBeUndefined();
    expect(chosenMunicipality("Zei", MUNICIPALITIES)).toBeUndefined();
    expect(chosenMunicipality("Zeist", MUNICIPALITIES)?.code).toBe("GM0355");
    fc.assert(
      fc.property(fc.constantFrom(...MUNICIPALITIES), fc.nat(), (municipality, cut) => {
        const prefix = municipality.name.slice(0, cut % municipality.name.length);
        // A prefix that is itself a whole name (e.g. "Bergen" of "Bergen op Zoom") may choose that one, nothing else.
        const chosen = chosenMunicipality(prefix, MUNICIPALITIES);
        if (names.has(prefix.toLowerCase())) expect(chosen?.name.toLowerCase()).toBe(prefix.toLowerCase());
        else expect(chosen).toBeUndefined();
      }),
    );
  });

  it("chooses the whole name whatever the case, accents or spacing, and the CBS code", () => {
    fc.assert(
      fc.property(fc.constantFrom(...MUNICIPALITIES), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (municipality, upper) => {
        const typed = `  ${[...municipality.name].map((c, i) => (upper[i % 60] ? c.toUpperCase() : c.toLowerCase())).join("").replace(/ /g, "  ")} `;
        expect(chosenMunicipality(typed, MUNICIPALITIES)?.code).toBe(municipality.code);
        expect(chosenMunicipality(municipality.code.toLowerCase(), MUNICIPALITIES)?.code).toBe(municipality.code);
      }),
    );
    expect(chosenMunicipality("sudwest-fryslan", MUNICIPALITIES)?.name).toBe("Súdwest-Fryslân");
  });

  it("chooses nothing for an empty text or a name that is not in the list", () => {
    expect(chosenMunicipality("", MUNICIPALITIES)).toBeUndefined();
    expect(chosenMunicipality(undefined, MUNICIPALITIES)).toBeUndefined();
    expect(chosenMunicipality("Atlantis", MUNICIPALITIES)).toBeUndefined();
  });
});
