import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTempDatabase } from "./temp-database";

/**
 * At 00:30 Dutch time on 1 January the server's UTC clock still reads 31 December. Every "today" and "this year" the
 * models use must be the Dutch one: the year lists offer the new year, the start page counts the new year's signals,
 * and yesterday's milestone is no longer "coming".
 */
const actor = { userId: null, clientAddress: "test" };
const NEW_YEAR_0030_DUTCH = new Date("2024-12-31T23:30:00Z");
const signal = { channel: "phone", requesterType: "provider", referredBy: "direct", regionCode: "JZ14", topic: "contract_change", procurementPhase: "running_contract", procedure: "unknown", funding: "unknown" } as const;

let models: typeof import("~/models/signal-inbox.server") &
  typeof import("~/models/procurement.server") &
  typeof import("~/models/report-publication.server") &
  typeof import("~/models/signal.server");

beforeAll(async () => {
  useTempDatabase();
  const { prepareDatabase } = await import("~/boot.server");
  prepareDatabase();
  models = {
    ...(await import("~/models/signal-inbox.server")),
    ...(await import("~/models/procurement.server")),
    ...(await import("~/models/report-publication.server")),
    ...(await import("~/models/signal.server")),
  };
  models.createSignal({ ...signal, triggers: [], receivedOn: "2024-06-01", summary: "Vorig jaar" }, actor);
  models.saveMilestone({ regionCode: "JZ14", kind: "award", dueOn: "2024-12-31", title: "Gisteren" }, actor);
  models.saveMilestone({ regionCode: "JZ14", kind: "award", dueOn: "2025-01-01", title: "Vandaag" }, actor);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NEW_YEAR_0030_DUTCH);
});

afterAll(() => {
  vi.useRealTimers();
});

describe("00:30 Dutch time on 1 January, while UTC says 31 December", () => {
  it("offers the new year in the inbox's and the report's year lists before anything of it was recorded", () => {
    expect(models.signalYears()[0]).toBe(2025);
    expect(models.reportYears()[0]).toBe(2025);
  });

  it("counts the new year's signals on the start page", () => {
    models.createSignal({ ...signal, triggers: [], receivedOn: "2025-01-01", summary: "Net na middernacht" }, actor);
    const dashboard = models.signalDashboard();
    expect(dashboard.year).toBe(2025);
    expect(dashboard.yearCount).toBe(1);
  });

  it("lists today's milestone as coming and yesterday's not", () => {
    expect(models.upcomingMilestones(30).map((m) => m.title)).toEqual(["Vandaag"]);
  });
});
