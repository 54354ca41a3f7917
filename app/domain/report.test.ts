import { describe, expect, it } from "vitest";
import {
  buildSignalsReport,
  buildTrajectoriesReport,
  isReportYear,
  NO_TRAJECTORIES,
  shareOf,
  foldSignalCounts,
  type SignalCombination,
  type SignalCounts,
  type TrajectoryCounts,
  type YearReport,
} from "./report";
import { TRAJECTORIES_REPORT_2021, TRAJECTORY_COUNTS_2021 } from "./__fixtures__/report-2021";
import { CHANNELS, PHASES, REQUESTER_TYPES, TOPICS, TRIGGERS } from "./signal-codes";

const none: SignalCounts = {
  total: 0,
  tenderRelated: 0,
  byRequesterType: {},
  byTopic: {},
  byPhase: {},
  byTrigger: {},
  byChannel: {},
  byRegion: {},
  byMonth: {},
  byReferrer: {},
};

/** The reference figures of DESIGN.md (the 2021 report): 343 questions. */
const design2021: SignalCounts = {
  ...none,
  total: 343,
  tenderRelated: 336,
  byRequesterType: { provider: 292, municipality: 51 },
  byTopic: { strategy_advice: 274, quality_admission: 34, gdpr: 17, contract_change: 18 },
  byPhase: { upcoming_tender: 120, running_tender: 150, contracting: 66, running_contract: 7 },
  byMonth: { "2021-01": 20 },
};

describe("shareOf", () => {
  it("rounds halves up, as a person would", () => {
    expect(shareOf(1, 8)).toBe(0.13); // 12.5%
    expect(shareOf(3, 8)).toBe(0.38); // 37.5%
    expect(shareOf(23, 40)).toBe(0.58); // (23/40)*100 is 57.4999… in floating point
    expect(shareOf(197, 200)).toBe(0.99); // (0.985).toFixed(2) gives "0.98"
    expect(shareOf(1, 200)).toBe(0.01);
    expect(shareOf(1, 201)).toBe(0);
  });

  it("gives DESIGN.md's 2021 shares", () => {
    expect(shareOf(336, 343)).toBe(0.98);
    expect(shareOf(292, 343)).toBe(0.85);
    expect(shareOf(51, 343)).toBe(0.15);
    expect(shareOf(274, 343)).toBe(0.8);
    expect(shareOf(34, 343)).toBe(0.1);
    expect(shareOf(17, 343)).toBe(0.05);
  });

  it("gives 0 of nothing and 1 of everything", () => {
    expect(shareOf(0, 0)).toBe(0);
    expect(shareOf(0, 7)).toBe(0);
    expect(shareOf(7, 7)).toBe(1);
  });

  it("yields numbers that print with at most two decimals", () => {
    const unprintable: string[] = [];
    for (let total = 1; total <= 400; total++) {
      for (let count = 0; count <= total; count++) {
        const share = shareOf(count, total);
        if (!/^(0|1)(\.[0-9]{1,2})?$/.test(String(share))) unprintable.push(`${count}/${total}=${share}`);
      }
    }
    expect(unprintable).toEqual([]);
  });
});

describe("isReportYear", () => {
  it("accepts four-digit years from 2000 only", () => {
    expect(isReportYear(2021)).toBe(true);
    expect(isReportYear(2000)).toBe(true);
    for (const year of [0, 999, 1899, 1900, 1999, 10000, 2021.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(isReportYear(year), String(year)).toBe(false);
    }
  });
});

describe("buildSignalsReport", () => {
  it("reproduces DESIGN.md's example document", () => {
    const report = buildSignalsReport(design2021, ["JZ01"], 2021);
    expect(report.total).toBe(343);
    expect(report.tenderRelated).toEqual({ count: 336, share: 0.98 });
    expect(report.byRequesterType.provider).toEqual({ count: 292, share: 0.85 });
    expect(report.byRequesterType.municipality).toEqual({ count: 51, share: 0.15 });
    expect(report.byTopic.strategy_advice).toEqual({ count: 274, share: 0.8 });
    expect(report.byTopic.quality_admission).toEqual({ count: 34, share: 0.1 });
    expect(report.byTopic.gdpr).toEqual({ count: 17, share: 0.05 });
    expect(report.byMonth[0]).toEqual({ month: "2021-01", count: 20 });
    expect(JSON.stringify(report.byTopic.strategy_advice)).toBe('{"count":274,"share":0.8}');
  });

  it("lists every code of every dimension, zero-filled, in the order of signal-codes.ts", () => {
    const report = buildSignalsReport({ ...none, total: 2, byTopic: { other: 1, gdpr: 1 }, byChannel: { phone: 2 } }, [], 2021);
    expect(Object.keys(report.byRequesterType)).toEqual([...REQUESTER_TYPES]);
    expect(Object.keys(report.byTopic)).toEqual([...TOPICS]);
    expect(Object.keys(report.byPhase)).toEqual([...PHASES]);
    expect(Object.keys(report.byTrigger)).toEqual([...TRIGGERS]);
    expect(Object.keys(report.byChannel)).toEqual([...CHANNELS]);
    expect(report.byTopic).toEqual({
      strategy_advice: { count: 0, share: 0 },
      quality_admission: { count: 0, share: 0 },
      gdpr: { count: 1, share: 0.5 },
      contract_change: { count: 0, share: 0 },
      other: { count: 1, share: 0.5 },
    });
    expect(report.byChannel.phone).toEqual({ count: 2, share: 1 });
    expect(report.byRequesterType.provider).toEqual({ count: 0, share: 0 });
  });

  it("keeps a code outside the code list, after the known ones, so the counts still add up", () => {
    const report = buildSignalsReport({ ...none, total: 3, byTopic: { gdpr: 1, zzz: 1, __proto__x: 1 } }, [], 2021);
    expect(Object.keys(report.byTopic)).toEqual([...TOPICS, "__proto__x", "zzz"]);
    expect(Object.values(report.byTopic).reduce((sum, cell) => sum + cell.count, 0)).toBe(3);

    const hostile = buildSignalsReport({ ...none, total: 1, byTopic: JSON.parse('{"__proto__": 1}') as Record<string, number> }, [], 2021);
    expect(Object.keys(hostile.byTopic)).toContain("__proto__");
    expect(Object.getPrototypeOf(hostile.byTopic)).toBe(Object.prototype);
  });

  it("shares triggers out of all signals, so several triggers per signal can add up past 1", () => {
    const report = buildSignalsReport({ ...none, total: 4, byTrigger: { provider_reduction: 3, admin_burden: 3, other: 1 } }, [], 2021);
    expect(report.byTrigger.provider_reduction).toEqual({ count: 3, share: 0.75 });
    expect(report.byTrigger.admin_burden).toEqual({ count: 3, share: 0.75 });
    expect(report.byTrigger.other).toEqual({ count: 1, share: 0.25 });
    expect(report.byTrigger.stricter_requirements).toEqual({ count: 0, share: 0 });
  });

  it("lists every region code, sorted, plus regions only the counts name", () => {
    const report = buildSignalsReport({ ...none, total: 4, byRegion: { JZ02: 3, JZ99: 1 } }, ["JZ43", "JZ01", "JZ02"], 2021);
    expect(Object.keys(report.byRegion)).toEqual(["JZ01", "JZ02", "JZ43", "JZ99"]);
    expect(report.byRegion).toEqual({
      JZ01: { count: 0, share: 0 },
      JZ02: { count: 3, share: 0.75 },
      JZ43: { count: 0, share: 0 },
      JZ99: { count: 1, share: 0.25 },
    });
  });

  it("gives twelve months, January to December of the report year, zero-filled", () => {
    const report = buildSignalsReport({ ...none, total: 5, byMonth: { "2020-12": 9, "2021-01": 2, "2021-12": 3 } }, [], 2021);
    expect(report.byMonth).toHaveLength(12);
    expect(report.byMonth.map((m) => m.month)).toEqual([
      "2021-01", "2021-02", "2021-03", "2021-04", "2021-05", "2021-06",
      "2021-07", "2021-08", "2021-09", "2021-10", "2021-11", "2021-12",
    ]);
    expect(report.byMonth.map((m) => m.count)).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
  });

  it("handles a year without signals: all zero, no division by zero", () => {
    const report = buildSignalsReport(none, ["JZ01", "JZ02"], 2019);
    expect(report.total).toBe(0);
    expect(report.tenderRelated).toEqual({ count: 0, share: 0 });
    const cells = [report.byRequesterType, report.byTopic, report.byPhase, report.byTrigger, report.byChannel, report.byRegion].flatMap(
      (cells) => Object.values(cells),
    );
    expect(cells.length).toBe(5 + 5 + 5 + 5 + 5 + 2);
    for (const cell of cells) expect(cell).toEqual({ count: 0, share: 0 });
    expect(report.byMonth.every((m) => m.count === 0)).toBe(true);
    expect(report.byMonth[0]?.month).toBe("2019-01");
  });

  it("puts the keys in DESIGN.md's order", () => {
    const report = buildSignalsReport(design2021, [], 2021);
    expect(Object.keys(report)).toEqual([
      "total",
      "tenderRelated",
      "byRequesterType",
      "byTopic",
      "byPhase",
      "byTrigger",
      "byChannel",
      "byRegion",
      "byMonth",
    ]);
    expect(Object.keys(report.tenderRelated)).toEqual(["count", "share"]);
    expect(Object.keys(report.byMonth[0] ?? {})).toEqual(["month", "count"]);
  });
});

const trajectories2021 = TRAJECTORY_COUNTS_2021;

describe("buildTrajectoriesReport", () => {
  it("reproduces DESIGN.md's example document, keys in its order", () => {
    expect(JSON.stringify(buildTrajectoriesReport(trajectories2021))).toBe(
      JSON.stringify(TRAJECTORIES_REPORT_2021),
    );
  });

  it("puts every count in its own place", () => {
    // Distinct numbers, so a count landing under the wrong key shows.
    const counts: TrajectoryCounts = {
      total: 101,
      regions: 102,
      forcesBundled: 103,
      jointVision: 104,
      cooperativeFormed: 105,
      contractWon: 106,
      contractsAwardedTotal: 107,
      municipalitiesConsulted: 108,
      visionAdapted: 109,
      escalated: 110,
      legal: 111,
      council: 112,
      publicity: 113,
    };
    expect(buildTrajectoriesReport(counts)).toEqual({
      total: 101,
      regions: 102,
      outcomes: {
        forces_bundled: 103,
        joint_vision: 104,
        cooperative_formed: 105,
        contract_won: 106,
        contracts_awarded_total: 107,
        municipalities_consulted: 108,
        vision_adapted: 109,
        escalated: 110,
      },
      escalationTypes: { legal: 111, council: 112, publicity: 113 },
    });
  });

  it("gives a year without trajectories in full shape, every key present and zero", () => {
    const empty = buildTrajectoriesReport(NO_TRAJECTORIES);
    expect(empty).toEqual({
      total: 0,
      regions: 0,
      outcomes: {
        forces_bundled: 0,
        joint_vision: 0,
        cooperative_formed: 0,
        contract_won: 0,
        contracts_awarded_total: 0,
        municipalities_consulted: 0,
        vision_adapted: 0,
        escalated: 0,
      },
      escalationTypes: { legal: 0, council: 0, publicity: 0 },
    });
  });

  it("hands out a fresh object each time", () => {
    const first = buildTrajectoriesReport(NO_TRAJECTORIES);
    first.outcomes.escalated = 3;
    first.escalationTypes.legal = 1;
    expect(buildTrajectoriesReport(NO_TRAJECTORIES).outcomes.escalated).toBe(0);
    expect(buildTrajectoriesReport(NO_TRAJECTORIES).escalationTypes.legal).toBe(0);
    expect(NO_TRAJECTORIES.escalated).toBe(0);
  });

  it("fits YearReport", () => {
    const report: YearReport = {
      year: 2021,
      signals: buildSignalsReport(none, [], 2021),
      trajectories: buildTrajectoriesReport(trajectories2021),
      suppressed: [],
    };
    expect(Object.keys(report)).toEqual(["year", "signals", "trajectories", "suppressed"]);
  });
});

describe("foldSignalCounts", () => {
  const row = (overrides: Partial<SignalCombination>): SignalCombination => ({
    requesterType: "provider",
    topic: "strategy_advice",
    phase: "running_tender",
    channel: "email",
    region: "JZ01",
    referrer: "direct",
    month: "2021-01",
    count: 1,
    ...overrides,
  });

  it("adds every combination to one code per dimension, so each dimension sums to the total", () => {
    const counts = foldSignalCounts(
      [
        row({ count: 3 }),
        row({ requesterType: "municipality", phase: "none", month: "2021-02", count: 2 }),
        row({ topic: "gdpr", phase: "contracting", region: "JZ02", channel: "phone", referrer: "programme", count: 5 }),
      ],
      { admin_burden: 4 },
      ["upcoming_tender", "running_tender", "contracting"],
    );
    expect(counts.total).toBe(10);
    expect(counts.tenderRelated).toBe(8);
    expect(counts.byRequesterType).toEqual({ provider: 8, municipality: 2 });
    expect(counts.byTopic).toEqual({ strategy_advice: 5, gdpr: 5 });
    expect(counts.byPhase).toEqual({ running_tender: 3, none: 2, contracting: 5 });
    expect(counts.byChannel).toEqual({ email: 5, phone: 5 });
    expect(counts.byRegion).toEqual({ JZ01: 5, JZ02: 5 });
    expect(counts.byMonth).toEqual({ "2021-01": 8, "2021-02": 2 });
    expect(counts.byTrigger).toEqual({ admin_burden: 4 });
    expect(counts.byReferrer).toEqual({ direct: 5, programme: 5 });
  });

  it("keeps a stored value outside the code lists, and counts nothing for an empty year", () => {
    expect(foldSignalCounts([row({ topic: "onbekend", count: 2 })], {}, []).byTopic).toEqual({ onbekend: 2 });
    expect(foldSignalCounts([], {}, ["contracting"])).toMatchObject({ total: 0, tenderRelated: 0, byTopic: {} });
  });
});
