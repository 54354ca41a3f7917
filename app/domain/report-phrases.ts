import { formatCount, formatShare, readFigure, type FigureLabels, type ShownFigure } from "./report-format";
import type { PublishedCell } from "./report-suppression";

/**
 * Dutch for a figure in running text, for every value it can have: none ("geen vragen", "in geen enkele regio"),
 * one ("één vraag"), many ("343 vragen"), below k ("minder dan 5 vragen") and hidden to protect another ("een
 * afgeschermd aantal vragen"). Each phrase says which verb form it takes, so sentences agree with their subject.
 */

export type FigureSource =
  | { list: "signals"; filter: Record<string, string> }
  | { list: "trajectories"; filter: Record<string, string> };

export type Figure = { text: string; source: FigureSource };
export type Sentence = (string | Figure)[];

/** "one": singular verb; "many": plural; "share": a percentage, whose verb the sentence picks as the seed report does. */
export type Form = "one" | "many" | "share";
export type Phrase = { pieces: Sentence; form: Form };
export type Verb = { one: string; many: string; share?: string };

export type Noun = { one: string; many: string; none: string };
export const QUESTIONS: Noun = { one: "vraag", many: "vragen", none: "geen enkele vraag" };
export const REGIONS: Noun = { one: "regio", many: "regio's", none: "geen enkele regio" };

export function countPhrase(figure: ShownFigure, noun: Noun, source: FigureSource): Phrase {
  if (figure.kind === "small") return { pieces: [{ text: `minder dan ${figure.threshold} ${noun.many}`, source }], form: "many" };
  if (figure.kind === "protected") return { pieces: [{ text: `een afgeschermd aantal ${noun.many}`, source }], form: "one" };
  if (figure.count === 0) return { pieces: [noun.none], form: "one" };
  if (figure.count === 1) return { pieces: [{ text: `één ${noun.one}`, source }], form: "one" };
  return { pieces: [{ text: `${formatCount(figure.count)} ${noun.many}`, source }], form: "many" };
}

/**
 * Part of all signals as a subject: "98% van alle vragen" (`of`), or the count where a percentage would mislead
 * ("één vraag", "3 vragen" when that rounds to 0%), or the suppressed forms. An empty `of` gives the short form of a
 * list ("…, 5% over AVG-gerelateerde zaken").
 */
export function sharePhrase(cell: PublishedCell, path: string, labels: FigureLabels, source: FigureSource, of: string): Phrase {
  const figure = readFigure(cell.count, path, labels);
  if (figure.kind !== "count" || figure.count <= 1 || cell.share === null) return countPhrase(figure, QUESTIONS, source);
  const share = formatShare(cell.share, cell.count);
  if (share === "< 1%") return countPhrase(figure, QUESTIONS, source);
  return { pieces: of === "" ? [{ text: share, source }] : [{ text: share, source }, ` ${of}`], form: "share" };
}

export function verbFor(phrase: Phrase, verb: Verb): string {
  if (phrase.form === "share") return verb.share ?? verb.one;
  return phrase.form === "one" ? verb.one : verb.many;
}

/** A sentence starts with a capital, whether its first piece is text or a figure. */
export function capitalised(sentence: Sentence): Sentence {
  const [first, ...rest] = sentence;
  if (first === undefined) return sentence;
  // Dutch capitalises "één" as "Eén": the accent stays on the letter that carries the stress.
  const upper = (text: string) => (text.startsWith("één") ? `Eén${text.slice(3)}` : text.charAt(0).toUpperCase() + text.slice(1));
  return [typeof first === "string" ? upper(first) : { ...first, text: upper(first.text) }, ...rest];
}
