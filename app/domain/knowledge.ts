import { z } from "zod";
import { dateField } from "./dates";
import { PHASES, TOPICS } from "./signal-codes";

/**
 * Kennisbank articles: a reusable answer to a question providers ask, written to be published at /vragen. The answer
 * uses the simple formatting of the report's narrative (report-narrative.ts). States: a concept is worked on, a
 * published article is on the public site with the version that passed the confidentiality guard, a withdrawn one is
 * gone from it (and may be published again).
 */

export const ARTICLE_STATES = ["concept", "published", "withdrawn"] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

export const ARTICLE_STATE_LABELS: Record<ArticleState, string> = {
  concept: "Concept",
  published: "Gepubliceerd",
  withdrawn: "Ingetrokken",
};

/** A law, a document or a link; only http(s) links become links. */
export type Reference = { label: string; url: string | null };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The link as an absolute http(s) URL, or null: the only links the kennisbank ever renders. */
export function httpUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * One reference per line: "Jeugdwet, artikel 2.6", "Handreiking inkoop | https://…" or a bare "https://…". A line
 * naming a link of any other kind (javascript:, mailto:, file:) is refused, never shown as a link.
 */
export function parseReferences(text: string): { references: Reference[] } | { problem: string } {
  const references: Reference[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "")) {
    const bar = line.lastIndexOf("|");
    const label = (bar >= 0 ? line.slice(0, bar) : line).trim();
    const link = bar >= 0 ? line.slice(bar + 1).trim() : SCHEME.test(line) ? line : "";
    if (link === "") {
      references.push({ label, url: null });
      continue;
    }
    const url = httpUrl(link);
    if (!url) return { problem: `“${link}” is geen webadres dat met http:// of https:// begint.` };
    references.push({ label: bar >= 0 && label !== "" ? label : url, url });
  }
  return { references };
}

/** The references as the form shows them again: one per line, the way parseReferences reads them. */
export function referencesText(references: readonly Reference[]): string {
  return references.map((r) => (r.url === null ? r.label : r.label === r.url ? r.url : `${r.label} | ${r.url}`)).join("\n");
}

const text = (max: number, required?: string) => {
  const base = z.string({ required_error: required }).trim().max(max, `Gebruik hoogstens ${max.toLocaleString("nl-NL")} tekens.`);
  return required ? base.min(1, required) : base.default("");
};

export const articleSchema = z.object({
  question: text(500, "Schrijf de vraag."),
  answer: text(20_000, "Schrijf het antwoord."),
  topic: z.enum(TOPICS, { errorMap: () => ({ message: "Kies het onderwerp." }) }),
  procurementPhase: z.enum(PHASES, { errorMap: () => ({ message: "Kies de fase van de inkoop." }) }),
  references: text(5_000).superRefine((value, ctx) => {
    const parsed = parseReferences(value);
    if ("problem" in parsed) ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.problem });
  }),
  checkedOn: dateField("past", "Vul in wanneer het antwoord voor het laatst is gecontroleerd."),
  /** Names that must not reach the public site, one per line (sealed: they are exactly what must stay inside). */
  sensitiveNames: text(5_000),
  /** The answered signal the article is made from; kept internally, never shown on the public site. */
  signalId: z.coerce.number().int().positive().optional(),
});
export type ArticleInput = z.infer<typeof articleSchema>;

export const publishSchema = z.object({
  intent: z.literal("publish"),
  /** Publishing while the guard finds something: the intermediary's explicit choice, audited. */
  despiteHits: z.literal("yes").optional(),
});

/** The filters of /vragen, from its URL: a topic that is no code is dropped, words are capped at a sane length. */
export const publicFilterSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  onderwerp: z.enum(TOPICS).optional().catch(undefined),
});

export function linesOf(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ""))];
}
