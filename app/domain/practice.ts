import { z } from "zod";
import { articleSchema, publicFilterSchema } from "./knowledge";

/**
 * Goede voorbeelden: a practice of regional cooperation, written up — often from a trajectory's lesson learned (step
 * 8) — to be published at /voorbeelden. A practice is a kennisbank entry of kind "practice": the same versions,
 * states and confidentiality guard as an answer article (knowledge.server.ts), with its own fields on top.
 */

export const KNOWLEDGE_KINDS = ["answer", "practice"] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

const text = (max: number, required: string) =>
  z.string({ required_error: required }).trim().min(1, required).max(max, `Gebruik hoogstens ${max.toLocaleString("nl-NL")} tekens.`);

const { question: _question, answer: _answer, signalId: _signalId, ...shared } = articleSchema.shape;

export const practiceSchema = z.object({
  ...shared,
  title: text(300, "Geef het voorbeeld een titel."),
  whatWasDone: text(20_000, "Beschrijf wat er is gedaan."),
  outcome: text(20_000, "Beschrijf wat het heeft opgeleverd."),
  /** The region the practice comes from; shown publicly only when `showRegion` is ticked. */
  regionCode: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^JZ\d{2}$/, "Kies een regio.").optional()),
  showRegion: z.preprocess((v) => v === "on" || v === "yes" || v === true, z.boolean()),
  /** The lesson learned the practice is made from; kept internally, never shown on the public site. */
  lessonId: z.coerce.number().int().positive().optional(),
});
export type PracticeInput = z.infer<typeof practiceSchema>;

/** The filters of /voorbeelden: those of /vragen plus a region code (only regions shown publicly ever match). */
export const practiceFilterSchema = publicFilterSchema.extend({
  regio: z.string().regex(/^JZ\d{2}$/).optional().catch(undefined),
});
