import { describe, expect, it } from "vitest";
import { TRAJECTORY_COUNTS_2021 } from "./__fixtures__/report-2021";
import { buildSignalsReport, buildTrajectoriesReport, NO_TRAJECTORIES, type SignalCounts, type TrajectoryCounts, type YearReport } from "./report";
import { hiddenOf } from "./report-document";
import { NO_EXTRA } from "./report-figures";
import { NO_LABELS, type FigureLabels } from "./report-format";
import { signalSentences, trajectorySentences, type Sentence } from "./report-prose";
import { suppressReport } from "./report-suppression";

const text = (sentences: Sentence[]) => sentences.map((s) => s.map((piece) => (typeof piece === "string" ? piece : piece.text)).join(""));

const BASE: SignalCounts = {
  total: 343,
  tenderRelated: 336,
  byRequesterType: { provider: 292, municipality: 51 },
  byTopic: { strategy_advice: 274, quality_admission: 34, gdpr: 17, contract_change: 18 },
  byPhase: { upcoming_tender: 120, running_tender: 150, contracting: 66, running_contract: 4, none: 3 },
  byTrigger: {},
  byChannel: { email: 343 },
  byRegion: { JZ01: 343 },
  byMonth: { "2021-01": 343 },
  byReferrer: { direct: 343 },
};

function report(counts: Partial<SignalCounts>, trajectories: TrajectoryCounts = TRAJECTORY_COUNTS_2021): YearReport {
  return { year: 2021, signals: buildSignalsReport({ ...BASE, ...counts }, ["JZ01"], 2021), trajectories: buildTrajectoriesReport(trajectories), suppressed: [] };
}

function strict(year: YearReport): { sentences: (labels?: FigureLabels) => string[]; trajectories: () => string[] } {
  const { report: published, release } = suppressReport({ report: year, extra: NO_EXTRA }, { policy: "all_cells_below_k", threshold: 5, showRegions: false, earlier: [] });
  const labels = { threshold: 5, ...hiddenOf(release) };
  return { sentences: () => text(signalSentences(published, labels)), trajectories: () => text(trajectorySentences(published, labels)) };
}

describe("the findings in Dutch, for none, one, many and suppressed", () => {
  it("writes the seed report's sentences for the 2021 figures", () => {
    const sentences = text(signalSentences(report({}), NO_LABELS));
    expect(sentences).toContain("In totaal kwamen er 343 vragen binnen.");
    expect(sentences).toContain("98% van alle vragen gaat over een komende of lopende aanbesteding, of het nog te sluiten contract.");
    expect(sentences).toContain("85% van alle vragen kwam van vrijgevestigden, 15% rechtstreeks van gemeenten.");
    expect(sentences.join(" ")).not.toContain("andere onderwerpen");
    expect(sentences.join(" ")).not.toContain("Verder kwamen");
  });

  it("says none as geen, one as één, and a suppressed count as minder dan k", () => {
    const one = text(signalSentences(report({ total: 1, tenderRelated: 1, byRequesterType: { provider: 1 }, byTopic: { other: 1 }, byPhase: { contracting: 1 } }), NO_LABELS));
    expect(one).toContain("In totaal kwam er één vraag binnen.");
    expect(one).toContain("Eén vraag gaat over een komende of lopende aanbesteding, of het nog te sluiten contract.");
    expect(one).toContain("Eén vraag kwam van vrijgevestigden, geen enkele vraag rechtstreeks van gemeenten.");
    expect(one).toContain("Eén vraag ging over andere onderwerpen.");

    const small = strict(report({ byRequesterType: { provider: 340, region: 3 }, byTopic: { strategy_advice: 340, other: 3 } })).sentences();
    expect(small).toContain("Minder dan 5 vragen gingen over andere onderwerpen.");
    expect(small.join(" ")).toContain("geen enkele vraag rechtstreeks van gemeenten");
    expect(small.join(" ")).not.toMatch(/minder dan 5 vragen van de vragen/i);
    expect(small.join(" ")).not.toContain("beroeps- of brancheorganisaties");
  });

  it("names a figure hidden to protect another as afgeschermd, not as small", () => {
    // Other topics (3) alone could be worked out from the total, so quality/admission (30) is hidden with it.
    const sentences = strict(report({ byTopic: { strategy_advice: 310, quality_admission: 30, other: 3 } })).sentences();
    expect(sentences.join(" ")).toContain("een afgeschermd aantal vragen gaat over kwaliteits- en/of toelatingseisen");
  });

  it("writes the trajectories for one, none and suppressed", () => {
    const oneOfEach = { ...NO_TRAJECTORIES, total: 1, regions: 1, cooperativeFormed: 1, contractWon: 1, contractsAwardedTotal: 1, municipalitiesConsulted: 1 };
    const one = text(trajectorySentences(report({}, oneOfEach), NO_LABELS));
    expect(one).toContain("In 2021 liep één bemiddelingstraject in één jeugdhulpregio.");
    expect(one).toContain("Er is één coöperatie ontstaan, die een contract heeft bemachtigd van het ene gegunde contract.");
    expect(one).toContain("In geen enkele regio is het gelukt om de krachten van de vrijgevestigde aanbieders te bundelen en een sterke gesprekspartner van de gemeente te worden.");
    expect(one).toContain("In één gemeente mochten de vrijgevestigden meepraten over de inhoud van de inkoopvisie maar dit heeft nog in geen enkele regio geleid tot aanpassing van de inkoopvisie.");
    expect(one).toContain("In geen enkele regio was escalatie nodig.");

    const seed = text(trajectorySentences(report({}), NO_LABELS));
    expect(seed).toContain("Er zijn 2 coöperaties ontstaan, waarvan één een contract heeft bemachtigd van de in totaal 15 contracten.");
    const hidden = strict(report({})).trajectories();
    expect(hidden).toContain("Er zijn minder dan 5 coöperaties ontstaan.");
    expect(hidden.join(" ")).toContain("In minder dan 5 regio's was escalatie nodig");
  });
});
