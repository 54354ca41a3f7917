import { describe, expect, it } from "vitest";
import { inboxSearch, monthRange, parseInboxFilters } from "./inbox-filters";

describe("inbox filters in the URL", () => {
  it("parses known filters and drops bad values instead of failing", () => {
    const filters = parseInboxFilters(new URLSearchParams("status=new&topic=gdpr&year=2021&region=JZ07&tender=yes&page=3&q=%20plafond%20"));
    expect(filters).toMatchObject({ status: "new", topic: "gdpr", year: 2021, region: "JZ07", tender: "yes", page: 3, q: "plafond", sort: "newest" });
    const bad = parseInboxFilters(new URLSearchParams("status=kapot&year=abc&page=-1&region=X&sort=random"));
    expect(bad).toEqual({ sort: "newest", page: 1 });
  });

  it("accepts 'none' or a user id for the assignee", () => {
    expect(parseInboxFilters(new URLSearchParams("assigned=none")).assigned).toBe("none");
    expect(parseInboxFilters(new URLSearchParams("assigned=7")).assigned).toBe(7);
  });

  it("writes a canonical query string that round-trips, leaving out defaults", () => {
    const filters = parseInboxFilters(new URLSearchParams("topic=gdpr&year=2021&sort=oldest&page=2"));
    const search = inboxSearch(filters);
    expect(search).toBe("?topic=gdpr&year=2021&sort=oldest&page=2");
    expect(parseInboxFilters(new URLSearchParams(search.slice(1)))).toEqual(filters);
    expect(inboxSearch(filters, { page: 1, status: "closed" })).toBe("?status=closed&topic=gdpr&year=2021&sort=oldest");
    expect(inboxSearch(parseInboxFilters(new URLSearchParams("")))).toBe("");
  });
});

describe("monthRange", () => {
  it("is the month's first day up to the next month's, across the turn of the year", () => {
    expect(monthRange("2021-03")).toEqual({ from: "2021-03-01", to: "2021-04-01" });
    expect(monthRange("2021-12")).toEqual({ from: "2021-12-01", to: "2022-01-01" });
  });
});
