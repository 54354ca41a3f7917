import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatShortDate } from "./dates-nl";

describe("Dutch dates for people", () => {
  it("writes calendar dates as they are, without a time zone", () => {
    expect(formatDate("2026-12-01")).toBe("1 december 2026");
    expect(formatShortDate("2026-03-15")).toBe("15 mrt. 2026");
    expect(formatShortDate("2026-05-01")).toBe("1 mei 2026");
    expect(formatDateTime("2026-12-01")).toBe("1 dec. 2026");
  });

  it("writes timestamps in Dutch time, summer and winter", () => {
    expect(formatDateTime("2026-12-01T21:03:09.000Z")).toBe("1 dec. 2026, 22:03");
    expect(formatDateTime("2026-07-01T21:03:09.000Z")).toBe("1 jul. 2026, 23:03");
    // Just before midnight UTC is already the next day in the Netherlands.
    expect(formatDate("2026-12-31T23:30:00.000Z")).toBe("1 januari 2027");
    expect(formatDateTime("2026-03-29T00:59:00.000Z")).toBe("29 mrt. 2026, 01:59");
    expect(formatDateTime("2026-03-29T01:00:00.000Z")).toBe("29 mrt. 2026, 03:00");
  });

  it("leaves anything that is not a date unchanged", () => {
    expect(formatDate("")).toBe("");
    expect(formatShortDate("gisteren")).toBe("gisteren");
    expect(formatDateTime("2026-13-45T99:00")).toBe("2026-13-45T99:00");
  });

  it("never shows ISO or an English month for any date", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        for (const text of [formatDate(iso), formatShortDate(iso), formatDateTime(iso), formatDate(iso.slice(0, 10))]) {
          expect(text).toMatch(/^\d{1,2} [a-z]+\.? \d{4}(, \d{2}:\d{2})?$/);
          expect(text).not.toMatch(/\d{4}-\d{2}/);
        }
      }),
    );
  });
});
