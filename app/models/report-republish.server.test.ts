import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { seedDemo } from "~/models/demo-seed.server";
import { prepareDatabase } from "~/boot.server";
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
    // Under the strict policy version 1 of 2021 withholds a table as a whole; that must stay so, not spread.
    [2021, "all_cells_below_k"],
    [2022, "breakdowns_below_k"],
    [2020, "breakdowns_below_k"],
  ] as const) {
    it(`keeps the suppression of version 1 (${year}, ${policy})`, () => {
      const choice = { policy, showRegions: true };
      const first = previewPublication(year, choice).suppressed;
      expect(publishReport(year, choice, actor)).toBe(1);
      // The same cells, hidden the same way (the preview may name the earlier version as the reason now).
      const paths = (cells: typeof first) => cells.map((cell) => `${cell.part}|${cell.path}`);
      expect(paths(previewPublication(year, choice).suppressed)).toEqual(paths(first));
      expect(publishReport(year, choice, actor)).toBe(2);
      expect(publication(year, 2)!.hidden).toEqual(publication(year, 1)!.hidden);
      expect(publication(year, 2)!.report).toEqual(publication(year, 1)!.report);
    });
  }

  it("leaves only the region names out when the next version may not show them", () => {
    const shown = previewPublication(2022, { policy: "breakdowns_below_k", showRegions: true }).document;
    const without = previewPublication(2022, { policy: "breakdowns_below_k", showRegions: false }).document;
    expect(without.report.signals.byRegion).toEqual({});
    expect({ ...without.report.signals, byRegion: {} }).toEqual({ ...shown.report.signals, byRegion: {} });
    expect(without.report.trajectories).toEqual(shown.report.trajectories);
    expect(without.hidden.current.protected).toEqual(shown.hidden.current.protected.filter((path) => !path.startsWith("signals.byRegion.")));
  });
});
