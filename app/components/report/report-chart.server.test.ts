import { describe, expect, it } from "vitest";
import { TRAJECTORY_COUNTS_2021 } from "~/domain/__fixtures__/report-2021";
import { buildSignalsReport, buildTrajectoriesReport } from "~/domain/report";
import { NOTHING_HIDDEN, type ReportDocument } from "~/domain/report-document";
import { buildExtraFigures } from "~/domain/report-figures";
import { chartsOf } from "./report-chart.server";

const counts = {
  total: 343,
  tenderRelated: 336,
  byRequesterType: { provider: 292, municipality: 51 },
  byTopic: { strategy_advice: 274, quality_admission: 34, gdpr: 17, contract_change: 18 },
  byPhase: { upcoming_tender: 120, running_tender: 150, contracting: 66, running_contract: 4, none: 3 },
  byTrigger: { provider_reduction: 120, legal_or_funding_change: 60, admin_burden: 30 },
  byChannel: { email: 343 },
  byRegion: { JZ01: 343 },
  byMonth: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`2021-${String(i + 1).padStart(2, "0")}`, i < 11 ? 28 : 35])),
  byReferrer: { direct: 343 },
};

const document: ReportDocument = {
  report: { year: 2021, signals: buildSignalsReport(counts, ["JZ01"], 2021), trajectories: buildTrajectoriesReport(TRAJECTORY_COUNTS_2021), suppressed: [] },
  previous: null,
  extra: buildExtraFigures(counts, {}),
  narrative: null,
  threshold: 5,
  showRegions: true,
  policy: null,
  hidden: { current: NOTHING_HIDDEN, previous: NOTHING_HIDDEN },
  colophon: null,
  publication: null,
};

const charts = await chartsOf(document, { JZ01: "Groningen" });
const texts = (svg: string) => [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]*)(?=<)/g)].map((m) => m[1]!).filter((t) => t.trim() !== "");

describe("report charts", () => {
  it("writes every label whole, on several lines where needed, at 11 px or more", () => {
    const all = Object.values(charts).join("");
    expect(all).not.toContain("…");
    const sizes = [...all.matchAll(/font-size(?:="|:\s*)(\d+)/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    const triggerWords = texts(charts["aanleidingen"]!).join(" ");
    expect(triggerWords).toContain("Drastisch minder aanbieders, consortia of");
    expect(triggerWords).toContain("hoofdaannemerschap");
  });

  it("names the months with Dutch abbreviations", () => {
    const months = texts(charts["per-maand"]!).filter((t) => /^[a-z]{3}$/.test(t));
    expect(months).toEqual(["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]);
  });

  it("draws tender-related as its own figure, not as a bar among the phases", () => {
    expect(texts(charts["fase-inkoop"]!).join(" ")).not.toContain("Aanbestedingsgerelateerd");
    expect(texts(charts["aanbestedingsgerelateerd"]!).join(" ")).toContain("336");
  });

  it("splits the outcomes by what they count", () => {
    expect(charts["uitkomsten"]).toBeUndefined();
    const regions = texts(charts["uitkomsten-regios"]!).join(" ");
    expect(regions).toContain("Krachten gebundeld");
    expect(regions).not.toMatch(/gemeenten|contract/i);
    expect(texts(charts["uitkomsten-cooperaties"]!).join(" ")).toContain("Contracten gegund");
  });
});
