import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addYears, dateProblem, FIRST_DATE, FIRST_YEAR, isCalendarDate, parseYear, PLANNING_YEARS, todayInTheNetherlands, yearInTheNetherlands } from "./dates";

const TODAY = "2025-06-15";
const past = (text: string) => dateProblem(text, { kind: "past", today: TODAY });
const planned = (text: string) => dateProblem(text, { kind: "planned", today: TODAY });

/** The UTC calendar day `days` after FIRST_DATE, written the way Date writes it: an independent oracle. */
function dayAfterFirst(days: number): string {
  return new Date(Date.UTC(FIRST_YEAR, 0, 1 + days)).toISOString().slice(0, 10);
}
const daysFromFirst = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${FIRST_DATE}T00:00:00Z`)) / 86_400_000);

/** Strings shaped like dates (any digits, including 0000-00-00 and 9999-99-99) mixed with arbitrary text. */
const dateLike = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(
    ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  ),
  fc.string(),
);

describe("today and this year in Dutch time", () => {
  it("is already the new year at 00:30 Dutch time on 1 January, while UTC still says 31 December", () => {
    const clock = new Date("2024-12-31T23:30:00Z");
    expect(todayInTheNetherlands(clock)).toBe("2025-01-01");
    expect(yearInTheNetherlands(clock)).toBe(2025);
  });

  it("follows summer time (UTC+2)", () => {
    expect(todayInTheNetherlands(new Date("2025-06-30T22:30:00Z"))).toBe("2025-07-01");
    expect(todayInTheNetherlands(new Date("2025-06-30T21:59:00Z"))).toBe("2025-06-30");
  });
});

describe("dateProblem", () => {
  it("refuses the dates the review got through the forms and imports", () => {
    expect(past("2025-02-30")).toBe("30 februari 2025 bestaat niet");
    expect(past("2025-99-99")).toBe("Maand 99 bestaat niet");
    expect(past("0000-00-00")).toBe("Maand 00 bestaat niet");
    expect(past("2020-13-45")).toBe("Maand 13 bestaat niet");
    expect(past("2999-12-31")).toBe("Datum 2999-12-31 ligt in de toekomst");
    expect(planned("2999-12-31")).toBe(`Datum 2999-12-31 ligt meer dan ${PLANNING_YEARS} jaar vooruit`);
    expect(past("0000-01-01")).toBe("Datum 0000-01-01 ligt vóór 2000; zo'n oude datum kent Rode Draad niet");
    expect(past("1900-01-01")).toBe("Datum 1900-01-01 ligt vóór 2000; zo'n oude datum kent Rode Draad niet");
    expect(past("15-03-2021")).toBe("Datum '15-03-2021' moet de vorm JJJJ-MM-DD hebben");
  });

  it("accepts the edges of the ranges", () => {
    expect(past(FIRST_DATE)).toBeUndefined();
    expect(past(TODAY)).toBeUndefined();
    expect(past("2024-02-29")).toBeUndefined();
    expect(past("2025-06-16")).toBe("Datum 2025-06-16 ligt in de toekomst");
    expect(planned("2025-06-16")).toBeUndefined();
    expect(planned("2030-06-15")).toBeUndefined();
    expect(planned("2030-06-16")).toBe(`Datum 2030-06-16 ligt meer dan ${PLANNING_YEARS} jaar vooruit`);
  });

  it("accepts a string exactly when it is a real day from FIRST_DATE up to today (past) or today + 5 years (planned)", () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        const real = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && dayAfterFirst(daysFromFirst(text)) === text;
        expect(past(text) === undefined).toBe(real && text >= FIRST_DATE && text <= TODAY);
        expect(planned(text) === undefined).toBe(real && text >= FIRST_DATE && text <= addYears(TODAY, PLANNING_YEARS));
        expect(isCalendarDate(text)).toBe(real);
      }),
      { numRuns: 5_000 },
    );
  });

  it("accepts every day between FIRST_DATE and today", () => {
    const span = daysFromFirst(TODAY);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span }), (days) => {
        expect(past(dayAfterFirst(days))).toBeUndefined();
      }),
    );
  });
});

describe("addYears", () => {
  it("keeps the day, except 29 February in a year without it", () => {
    expect(addYears("2025-06-15", 5)).toBe("2030-06-15");
    expect(addYears("2024-02-29", 5)).toBe("2029-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
  });
});

describe("addDays", () => {
  it("counts calendar days across month, year and clock-change boundaries", () => {
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-03-29", 2)).toBe("2025-03-31");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
  });

  it("goes back where it came from for every day and distance", () => {
    const day = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, fc.integer({ min: -4000, max: 4000 }), (date, days) => isCalendarDate(addDays(date, days)) && addDays(addDays(date, days), -days) === date));
  });
});

describe("parseYear", () => {
  it("takes four digits from FIRST_YEAR up to this year only", () => {
    expect(parseYear("2021", TODAY)).toBe(2021);
    expect(parseYear("2025", TODAY)).toBe(2025);
    for (const text of ["1900", "1999", "2026", "2999", "0000", "21", "20210", "2021.0", "1e3", " 2021", "", null, undefined]) {
      expect(parseYear(text, TODAY), String(text)).toBeNull();
    }
  });
});
