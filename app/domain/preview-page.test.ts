import { describe, expect, it } from "vitest";
import { PREVIEW_PAGE_SIZE, previewCaption, previewPage } from "./preview-page";

describe("previewPage", () => {
  const pageParams = [null, undefined, "", "0", "-3", "1", "2", "3", "7", "1.5", "1e308", "Infinity", "NaN", "abc", " 2 ", "999999"];

  it("for every length and every page parameter: at most one page of rows, a page in range, positions that add up", () => {
    for (let length = 0; length <= 7 * PREVIEW_PAGE_SIZE + 1; length += 1) {
      const items = Array.from({ length }, (_, i) => i);
      for (const param of pageParams) {
        const page = previewPage(items, param);
        expect(page.pageCount).toBe(Math.max(1, Math.ceil(length / PREVIEW_PAGE_SIZE)));
        expect(page.page).toBeGreaterThanOrEqual(1);
        expect(page.page).toBeLessThanOrEqual(page.pageCount);
        expect(page.rows.length).toBeLessThanOrEqual(PREVIEW_PAGE_SIZE);
        expect(page.rows).toEqual(items.slice((page.page - 1) * PREVIEW_PAGE_SIZE, page.page * PREVIEW_PAGE_SIZE));
        expect(page.total).toBe(length);
        expect(page.last - page.first + (page.rows.length ? 1 : 0)).toBe(page.rows.length);
        if (page.rows.length) expect(page.first).toBe((page.rows[0] ?? 0) + 1);
      }
    }
  });

  it("shows the asked page, and the nearest page for one out of range", () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(previewPage(items, "2").rows[0]).toBe(50);
    expect(previewPage(items, "3").rows).toHaveLength(20);
    expect(previewPage(items, "9").page).toBe(3);
    expect(previewPage(items, "0").page).toBe(1);
    expect(previewPage(items, "twee").page).toBe(1);
  });

  it("writes the caption with Dutch thousands", () => {
    const items = Array.from({ length: 40_000 }, (_, i) => i);
    expect(previewCaption("Regels", previewPage(items, "800"))).toBe("Regels, 39.951 tot en met 40.000 van 40.000");
  });
});
