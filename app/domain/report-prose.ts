import { formatCount, readFigure, type FigureLabels } from "./report-format";
import {
  capitalised,
  countPhrase,
  QUESTIONS,
  REGIONS,
  sharePhrase,
  verbFor,
  type Figure,
  type FigureSource,
  type Noun,
  type Phrase,
  type Sentence,
} from "./report-phrases";
import type { PublishedCell, PublishedReport } from "./report-suppression";

export type { Figure, FigureSource, Sentence } from "./report-phrases";

/**
 * The year's figures written as the seed report writes them ("In totaal kwamen er 343 vragen binnen"), with Dutch
 * for every value a figure can have (report-phrases.ts). Each figure carries the selection behind it, so the staff
 * view can link it to the inbox or trajectory list that shows exactly those records; the published view renders
 * the same sentences without links.
 */

const sentence = (...parts: (Sentence | string)[]): Sentence => capitalised(parts.flatMap((part) => (typeof part === "string" ? [part] : part)));

export function signalSentences(report: PublishedReport, labels: FigureLabels): Sentence[] {
  const { signals, year } = report;
  const inbox = (filter: Record<string, string> = {}): FigureSource => ({ list: "signals", filter: { year: String(year), ...filter } });
  if (signals.total === 0) return [[`In ${year} zijn geen vragen of signalen vastgelegd.`]];

  const total = readFigure(signals.total, "signals.total", labels);
  const counted = countPhrase(total, QUESTIONS, inbox());
  const sentences: Sentence[] = [
    total.kind === "protected"
      ? ["Het aantal vragen is afgeschermd."]
      : sentence("In totaal ", verbFor(counted, { one: "kwam", many: "kwamen" }), " er ", counted.pieces, " binnen."),
  ];
  const none = { count: 0, share: 0 };
  const part = (cell: PublishedCell | undefined, path: string, filter: Record<string, string>, of = "van alle vragen"): Phrase =>
    sharePhrase(cell ?? none, path, labels, inbox(filter), of);
  const requester = (code: string, of?: string) =>
    part(signals.byRequesterType[code], `signals.byRequesterType.${code}`, { requester: code }, of);
  const topic = (code: string, of: string) => part(signals.byTopic[code], `signals.byTopic.${code}`, { topic: code }, of);

  const tender = part(signals.tenderRelated, "signals.tenderRelated", { tender: "yes" });
  sentences.push(sentence(tender.pieces, ` ${verbFor(tender, { one: "gaat", many: "gaan" })} over een komende of lopende aanbesteding, of het nog te sluiten contract.`));

  const providers = requester("provider");
  const municipalities = requester("municipality", "");
  sentences.push(
    sentence(providers.pieces, ` ${verbFor(providers, { one: "kwam", many: "kwamen" })} van vrijgevestigden, `, municipalities.pieces, " rechtstreeks van gemeenten."),
  );

  const names = { region: "jeugdhulpregio's", association: "beroeps- of brancheorganisaties", other: "anderen" } as const;
  const others = (["region", "association", "other"] as const).filter((code) => signals.byRequesterType[code]?.count !== 0);
  if (others.length > 0) {
    const listed = others.flatMap((code, index): Sentence => {
      const phrase = requester(code, "");
      return [...(index === 0 ? [] : [index === others.length - 1 ? " en " : ", "]), `${names[code]} (`, ...phrase.pieces, ")"];
    });
    sentences.push(["Verder kwamen er vragen van ", ...listed, "."]);
  }

  const strategy = topic("strategy_advice", "van de vragen");
  const quality = topic("quality_admission", "");
  sentences.push(
    sentence(
      strategy.pieces,
      ` ${verbFor(strategy, { one: "is een adviesvraag", many: "zijn adviesvragen", share: "zijn adviesvragen" })} over het bepalen van de strategie bij wijzigende omstandigheden, `,
      quality.pieces,
      ` ${verbFor(quality, { one: "gaat", many: "gaan" })} over kwaliteits- en/of toelatingseisen, `,
      topic("gdpr", "").pieces,
      " over AVG-gerelateerde zaken en ",
      topic("contract_change", "").pieces,
      " over wijzigingen in een lopend contract, zoals budgetplafonds, extra opgevraagde documenten of een moeizame relatie met de gemeente.",
    ),
  );
  if (signals.byTopic.other?.count !== 0) {
    const other = topic("other", "van de vragen");
    sentences.push(sentence(other.pieces, ` ${verbFor(other, { one: "ging", many: "gingen" })} over andere onderwerpen.`));
  }
  return sentences;
}

const TRAJECTORIES: Noun = { one: "bemiddelingstraject", many: "bemiddelingstrajecten", none: "geen bemiddelingstrajecten" };
const MUNICIPALITIES: Noun = { one: "gemeente", many: "gemeenten", none: "geen enkele gemeente" };
const COOPERATIVES: Noun = { one: "coöperatie", many: "coöperaties", none: "geen coöperatie" };

/** Trajectories count in regions (one trajectory per region and period), municipalities consulted in municipalities. */
export function trajectorySentences(report: PublishedReport, labels: FigureLabels): Sentence[] {
  const { trajectories, year } = report;
  const list = (filter: Record<string, string> = {}): FigureSource => ({ list: "trajectories", filter: { year: String(year), ...filter } });
  if (trajectories.total === 0) return [[`In ${year} liepen geen bemiddelingstrajecten.`]];
  const o = trajectories.outcomes;
  const figure = (value: number | null, path: string) => readFigure(value, path, labels);
  const outcome = (key: keyof typeof o, noun: Noun = REGIONS) => countPhrase(figure(o[key], `trajectories.outcomes.${key}`), noun, list({ outcome: key }));

  const total = countPhrase(figure(trajectories.total, "trajectories.total"), TRAJECTORIES, list());
  const regionFigure = figure(trajectories.regions, "trajectories.regions");
  const inRegions =
    regionFigure.kind === "count" && regionFigure.count > 1
      ? countPhrase(regionFigure, { one: "jeugdhulpregio", many: "verschillende jeugdhulpregio's", none: "" }, list())
      : countPhrase(regionFigure, { one: "jeugdhulpregio", many: "jeugdhulpregio's", none: "" }, list());
  const sentences: Sentence[] = [sentence(`In ${year} ${verbFor(total, { one: "liep", many: "liepen" })} `, total.pieces, " in ", inRegions.pieces, ".")];

  sentences.push(
    sentence("In ", outcome("forces_bundled").pieces, " is het gelukt om de krachten van de vrijgevestigde aanbieders te bundelen en een sterke gesprekspartner van de gemeente te worden."),
    sentence("In ", outcome("joint_vision").pieces, " formuleerden de vrijgevestigden een gezamenlijke visie en missie."),
  );

  const formed = outcome("cooperative_formed", COOPERATIVES);
  const cooperatives = sentence("Er ", verbFor(formed, { one: "is", many: "zijn" }), " ", formed.pieces, " ontstaan");
  // The contract clause only where all three figures are shown: it would otherwise narrow down a suppressed count.
  if (o.cooperative_formed !== null && o.cooperative_formed > 0 && o.contract_won !== null && o.contracts_awarded_total !== null) {
    const awarded = o.contracts_awarded_total === 1 ? "van het ene gegunde contract" : `van de in totaal ${o.contracts_awarded_total} contracten`;
    const won: Figure = { text: o.contract_won === 1 ? "één" : formatCount(o.contract_won), source: list({ outcome: "contract_won" }) };
    if (o.contract_won === 0) cooperatives.push(o.cooperative_formed === 1 ? ", die nog geen contract heeft bemachtigd" : ", waarvan nog geen een contract heeft bemachtigd");
    else if (o.cooperative_formed === 1) cooperatives.push(`, die een contract heeft bemachtigd ${awarded}`);
    else cooperatives.push(", waarvan ", won, ` een contract ${o.contract_won === 1 ? "heeft" : "hebben"} bemachtigd ${awarded}`);
  }
  sentences.push([...cooperatives, "."]);

  const heard = sentence("In ", outcome("municipalities_consulted", MUNICIPALITIES).pieces, " mochten de vrijgevestigden meepraten over de inhoud van de inkoopvisie");
  const adapted = outcome("vision_adapted");
  if (o.municipalities_consulted === 0) {
    sentences.push([...heard, "."]);
    if (o.vision_adapted !== 0) sentences.push(sentence("In ", adapted.pieces, " is de inkoopvisie aangepast."));
  } else {
    const linked = o.vision_adapted === 0 ? " maar dit heeft nog in " : " en dit heeft in ";
    sentences.push([...heard, linked, ...adapted.pieces, " geleid tot aanpassing van de inkoopvisie."]);
  }

  const escalated = outcome("escalated");
  sentences.push(
    o.escalated === 0
      ? sentence("In ", escalated.pieces, " was escalatie nodig.")
      : sentence("In ", escalated.pieces, " was escalatie nodig in de vorm van juridische stappen, contact met de gemeenteraden en/of het opzoeken van publiciteit."),
  );
  return sentences;
}

/** The staff list behind a figure; the filters are those the inbox and the trajectory list read from their URL. */
export function hrefOf(source: FigureSource): string {
  const path = source.list === "signals" ? "/signalen" : "/trajecten";
  return `${path}?${new URLSearchParams(source.filter).toString()}`;
}
