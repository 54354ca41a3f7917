import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { seedDemo } from "~/models/demo-seed.server";
import { prepareDatabase } from "~/utils/boot.server";
import { previewPublication, publication, publishReport } from "./report-publication.server";

/**
 * The demo year published, then published again with nothing changed in the figures (as after a new narrative or
 * colophon): the second version must hide exactly what the first hid. It used to withhold every table.
 */
useTempDatabase();
const actor = { userId: null, clientAddress: "test" };

beforeAll(async () => {
  prepareDatabase();
  await seedDemo(actor);
});

describe("republishing a year whose figures did not change", () => {
  for (const [year, policy] of [
    [2021, "breakdowns_below_k"],
    [2022, "all_cells_below_k"],
  ] as const) {
    it(`keeps the suppression of version 1 (${year}, ${policy})`, () => {
      const choice = { policy, showRegions: true };
      const first = previewPublication(year, choice).suppressed;
      expect(first.some((cell) => cell.reason === "table")).toBe(false);
      expect(publishReport(year, choice, actor)).toBe(1);
      expect(previewPublication(year, choice).suppressed).toEqual(first);
      expect(publishReport(year, choice, actor)).toBe(2);
      expect(publication(year, 2)!.hidden).toEqual(publication(year, 1)!.hidden);
      expect(publication(year, 2)!.report).toEqual(publication(year, 1)!.report);
    });
  }
});
