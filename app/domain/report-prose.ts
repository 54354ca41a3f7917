import { countInWords, formatCount, formatShare } from "./report-format";
import type { PublishedCell, PublishedReport } from "./report-suppression";

/**
 * The year's figures written as the seed report writes them ("In totaal kwamen er 343 vragen binnen"). Each figure
 * carries the selection behind it, so the staff view can link it to the inbox or trajectory list that shows exactly
 * those records; the published view renders the same sentences without links.
 */

export type FigureSource =
  | { list: "signals"; filter: Record<string, string> }
  | { list: "trajectories"; filter: Record<string, string> };

export type Figure = { text: string; source: FigureSource };
export type Sentence = (string | Figure)[];

function plural(count: number | null, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** "98%" when shown; "minder dan 5 vragen" when suppressed, since a share of an unknown count means nothing. */
function shareText(cell: PublishedCell, threshold: number): string {
  return cell.count === null ? `minder dan ${threshold} vragen` : formatShare(cell.share);
}

export function signalSentences(report: PublishedReport, threshold: number): Sentence[] {
  const { signals, year } = report;
  const y = String(year);
  const inbox = (filter: Record<string, string> = {}): FigureSource => ({ list: "signals", filter: { year: y, ...filter } });
  if (signals.total === 0) return [[`In ${year} zijn geen vragen of signalen vastgelegd.`]];

  const share = (cell: PublishedCell | undefined, filter: Record<string, string>): Figure => ({
    text: shareText(cell ?? { count: 0, share: 0 }, threshold),
    source: inbox(filter),
  });
  const requester = signals.byRequesterType;
  const topic = signals.byTopic;
  const sentences: Sentence[] = [
    ["In totaal kwamen er ", { text: formatCount(signals.total, threshold), source: inbox() }, ` ${plural(signals.total, "vraag", "vragen")} binnen.`],
    [
      share(signals.tenderRelated, { tender: "yes" }),
      " van alle vragen gaat over een komende of lopende aanbesteding, of het nog te sluiten contract.",
    ],
    [
      share(requester.provider, { requester: "provider" }),
      " van alle vragen kwam van vrijgevestigden, ",
      share(requester.municipality, { requester: "municipality" }),
      " rechtstreeks van gemeenten.",
    ],
  ];
  const others = (["region", "association", "other"] as const).filter((code) => requester[code]?.count !== 0);
  if (others.length > 0) {
    const names = { region: "jeugdhulpregio's", association: "beroeps- of brancheorganisaties", other: "anderen" };
    sentences.push([
      "De overige vragen kwamen van ",
      ...others.flatMap((code, index) => [
        ...(index === 0 ? [] : [index === others.length - 1 ? " en " : ", "]),
        `${names[code]} (`,
        share(requester[code], { requester: code }),
        ")",
      ]),
      ".",
    ]);
  }
  sentences.push([
    share(topic.strategy_advice, { topic: "strategy_advice" }),
    " van de vragen zijn adviesvragen over het bepalen van de strategie bij wijzigende omstandigheden, ",
    share(topic.quality_admission, { topic: "quality_admission" }),
    " gaat over kwaliteits- en/of toelatingseisen, ",
    share(topic.gdpr, { topic: "gdpr" }),
    " over AVG-gerelateerde zaken en ",
    share(topic.contract_change, { topic: "contract_change" }),
    " over wijzigingen in een lopend contract, zoals budgetplafonds, extra opgevraagde documenten of een moeizame relatie met de gemeente.",
  ]);
  if (topic.other?.count !== 0) {
    sentences.push([share(topic.other, { topic: "other" }), " van de vragen ging over andere onderwerpen."]);
  }
  return sentences;
}

/** Trajectories count in regions (one trajectory per region and period), municipalities consulted in municipalities. */
export function trajectorySentences(report: PublishedReport, threshold: number): Sentence[] {
  const { trajectories, year } = report;
  const y = String(year);
  const list = (filter: Record<string, string> = {}): FigureSource => ({ list: "trajectories", filter: { year: y, ...filter } });
  // Running text says "minder dan 5"; tables keep the compact "< 5".
  const figure = (count: number | null, filter: Record<string, string> = {}): Figure => ({
    text: count === null ? `minder dan ${threshold}` : formatCount(count, threshold),
    source: list(filter),
  });
  if (trajectories.total === 0) return [[`In ${year} liepen geen bemiddelingstrajecten.`]];

  const o = trajectories.outcomes;
  const regions = (count: number | null) => plural(count, "regio", "regio's");
  const sentences: Sentence[] = [
    [
      `In ${year} ${trajectories.total === 1 ? "liep" : "liepen"} `,
      figure(trajectories.total),
      ` ${plural(trajectories.total, "bemiddelingstraject", "bemiddelingstrajecten")} in `,
      figure(trajectories.regions),
      ` ${plural(trajectories.regions, "jeugdhulpregio", "verschillende jeugdhulpregio's")}.`,
    ],
  ];
  if (o.forces_bundled !== 0) {
    sentences.push([
      "In ",
      figure(o.forces_bundled, { outcome: "forces_bundled" }),
      ` ${regions(o.forces_bundled)} is het gelukt om de krachten van de vrijgevestigde aanbieders te bundelen en een sterke gesprekspartner van de gemeente te worden.`,
    ]);
  }
  if (o.joint_vision !== 0) {
    sentences.push([
      "In ",
      figure(o.joint_vision, { outcome: "joint_vision" }),
      ` ${regions(o.joint_vision)} formuleerden de vrijgevestigden een gezamenlijke visie en missie.`,
    ]);
  }
  if (o.cooperative_formed !== 0) {
    const formed: Sentence = [
      `Er ${o.cooperative_formed === 1 ? "is" : "zijn"} `,
      figure(o.cooperative_formed, { outcome: "cooperative_formed" }),
      ` ${plural(o.cooperative_formed, "coöperatie", "coöperaties")} ontstaan`,
    ];
    // The contract clause only where both figures may be shown: it would otherwise narrow down a suppressed count.
    if (o.contract_won !== null && o.contract_won > 0 && o.contracts_awarded_total !== null && o.cooperative_formed !== null) {
      formed.push(
        ", waarvan ",
        { text: countInWords(o.contract_won), source: list({ outcome: "contract_won" }) },
        ` een contract heeft bemachtigd van de in totaal `,
        figure(o.contracts_awarded_total, { outcome: "cooperative_formed" }),
        " contracten",
      );
    }
    formed.push(".");
    sentences.push(formed);
  }
  if (o.municipalities_consulted !== 0) {
    const heard: Sentence = [
      "In ",
      figure(o.municipalities_consulted, { outcome: "municipalities_consulted" }),
      ` ${plural(o.municipalities_consulted, "gemeente", "gemeenten")} mochten de vrijgevestigden meepraten over de inhoud van de inkoopvisie`,
    ];
    if (o.vision_adapted !== 0) {
      heard.push(
        " en dit heeft in ",
        figure(o.vision_adapted, { outcome: "vision_adapted" }),
        ` ${regions(o.vision_adapted)} geleid tot aanpassing van de inkoopvisie`,
      );
    }
    heard.push(".");
    sentences.push(heard);
  }
  if (o.escalated !== 0) {
    sentences.push([
      "In ",
      figure(o.escalated, { outcome: "escalated" }),
      ` ${regions(o.escalated)} was escalatie nodig in de vorm van juridische stappen, contact met de gemeenteraden en/of het opzoeken van publiciteit.`,
    ]);
  }
  return sentences;
}

/** The staff list behind a figure; the filters are those the inbox and the trajectory list read from their URL. */
export function hrefOf(source: FigureSource): string {
  const path = source.list === "signals" ? "/signalen" : "/trajecten";
  return `${path}?${new URLSearchParams(source.filter).toString()}`;
}
