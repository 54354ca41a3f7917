import { z } from "zod";

/**
 * The intermediary's text of a year report, one part per section of the document in the seed report's order:
 * introduction, assignment, how the requests came in, the method, the findings ("rode draden") and the conclusion.
 * Simple formatting only — paragraphs, "- " bullets, "1. " numbered lists and **bold** — parsed into blocks that React
 * renders as elements, so no text is ever inserted as HTML.
 */

export const NARRATIVE_PARTS = ["introduction", "assignment", "requests", "method", "threads", "conclusions"] as const;
export type NarrativePart = (typeof NARRATIVE_PARTS)[number];

export const NARRATIVE_LABELS: Record<NarrativePart, string> = {
  introduction: "Inleiding",
  assignment: "Opdracht",
  requests: "Samenvatting van de hulpvragen",
  method: "Werkwijze",
  threads: "De bevindingen",
  conclusions: "Conclusie",
};

export type NarrativeText = Record<NarrativePart, string>;

export const EMPTY_NARRATIVE: NarrativeText = { introduction: "", assignment: "", requests: "", method: "", threads: "", conclusions: "" };

const MAX_PART_LENGTH = 20_000;
const part = (label: string) =>
  z
    .string()
    .trim()
    .max(MAX_PART_LENGTH, `De tekst bij ${label} is te lang (meer dan ${MAX_PART_LENGTH.toLocaleString("nl-NL")} tekens).`)
    .default("");

export const narrativeSchema = z
  .object(Object.fromEntries(NARRATIVE_PARTS.map((key) => [key, part(NARRATIVE_LABELS[key])])) as Record<NarrativePart, ReturnType<typeof part>>)
  .refine((text) => NARRATIVE_PARTS.some((key) => text[key] !== ""), {
    message: "Schrijf ten minste één van de delen.",
    path: ["introduction"],
  });

/** The text of a stored version; parts added later read as empty in older versions. */
export function narrativeText(row: Partial<NarrativeText>): NarrativeText {
  return Object.fromEntries(NARRATIVE_PARTS.map((key) => [key, row[key] ?? ""])) as NarrativeText;
}

export function sameNarrative(a: NarrativeText, b: NarrativeText): boolean {
  return NARRATIVE_PARTS.every((key) => a[key] === b[key]);
}

export type Span = { text: string; bold: boolean };
export type Block = { kind: "paragraph"; spans: Span[] } | { kind: "bullets" | "numbered"; items: Span[][] };

/** "**vet**" marks bold; an unpaired "**" stays as typed. */
export function spansOf(line: string): Span[] {
  const parts = line.split("**");
  if (parts.length % 2 === 0) return [{ text: line, bold: false }];
  return parts.map((text, index) => ({ text, bold: index % 2 === 1 })).filter((span) => span.text !== "");
}

const BULLET = /^[-*•]\s+/;
const NUMBERED = /^\d+[.)]\s+/;

/** Blank lines separate paragraphs; consecutive bullet or numbered lines form one list; other lines join with a space. */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk.split("\n").map((line) => line.trim()).filter((line) => line !== "");
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ kind: "paragraph", spans: spansOf(paragraph.join(" ")) });
      paragraph = [];
    };
    for (const line of lines) {
      const kind = BULLET.test(line) ? "bullets" : NUMBERED.test(line) ? "numbered" : null;
      if (!kind) {
        paragraph.push(line);
        continue;
      }
      flush();
      const item = spansOf(line.replace(kind === "bullets" ? BULLET : NUMBERED, ""));
      const last = blocks.at(-1);
      if (last && last.kind === kind) last.items.push(item);
      else blocks.push({ kind, items: [item] });
    }
    flush();
  }
  return blocks;
}
