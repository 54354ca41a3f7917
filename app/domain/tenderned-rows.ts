import { z } from "zod";
import { isCalendarDate } from "./dates";

/**
 * TenderNed's publication interface, read tolerantly: zod drops every field not named here, so new fields and the
 * day counters (aantalDagenTotSluitingsDatum and the like, which change daily without the notice changing) never
 * reach the database or the comparison that decides whether a publication changed.
 */
const DAY = /^(\d{4}-\d{2}-\d{2})/;
const day = z
  .string()
  .regex(DAY)
  .transform((s) => s.slice(0, 10))
  .refine(isCalendarDate);
const codeAndLabel = z.object({ code: z.string().min(1), omschrijving: z.string().nullish() });
const id = z.union([z.string().min(1), z.number().int()]).transform(String);

export const listRowSchema = z.object({
  publicatieId: id,
  publicatieDatum: day,
  typePublicatie: codeAndLabel,
  aanbestedingNaam: z.string().nullish(),
  opdrachtgeverNaam: z.string().nullish(),
  opdrachtBeschrijving: z.string().nullish(),
  /** A deadline that is no day (2026-02-30) is dropped, not the notice: the run would otherwise fail on it every day. */
  sluitingsDatum: day.nullish().catch(null),
  procedure: codeAndLabel.nullish(),
  typeOpdracht: codeAndLabel.partial({ omschrijving: true }).nullish(),
  /** Only a web address is kept: the pages link to it, and a javascript: URL in a file must never become a link. */
  link: z.object({ href: z.string().url().regex(/^https?:\/\//i) }).nullish().catch(null),
  /** The procurement's own number, shared by its notices (announcement, rectification, award). */
  kenmerk: id.nullish(),
  /** Only in export files that carry them; the list of the interface has none (they are on the detail). */
  cpvCodes: z.array(z.object({ code: z.string() })).nullish(),
});

export const listPageSchema = z.object({
  content: z.array(listRowSchema),
  totalElements: z.number().int().nonnegative(),
  totalPages: z.number().int().nonnegative(),
});

export const detailSchema = z.object({
  publicatieId: id,
  cpvCodes: z.array(z.object({ code: z.string() })).nullish(),
});

/** One notice as Rode Draad keeps it. */
export type Publication = {
  publicatieId: string;
  procurementKey: string;
  publishedOn: string;
  typeCode: string;
  typeLabel: string;
  title: string;
  authority: string;
  description: string;
  closingOn: string | null;
  procedureCode: string | null;
  link: string | null;
  cpvCodes: string[];
};

export type ListPage = { rows: Publication[]; totalElements: number; totalPages: number };

/** CPV codes as 8 digits: TenderNed writes them with a check digit ("85311300-5"). */
export function cpvDigits(code: string): string {
  return code.replace(/[^0-9]/g, "").slice(0, 8);
}

function toPublication(row: z.infer<typeof listRowSchema>): Publication {
  return {
    publicatieId: row.publicatieId,
    procurementKey: row.kenmerk ?? row.publicatieId,
    publishedOn: row.publicatieDatum,
    typeCode: row.typePublicatie.code.toUpperCase(),
    typeLabel: row.typePublicatie.omschrijving ?? row.typePublicatie.code,
    title: (row.aanbestedingNaam ?? "").trim() || "(zonder naam)",
    authority: (row.opdrachtgeverNaam ?? "").trim(),
    description: (row.opdrachtBeschrijving ?? "").trim(),
    closingOn: row.sluitingsDatum ?? null,
    procedureCode: row.procedure?.code ?? null,
    link: row.link?.href ?? null,
    cpvCodes: (row.cpvCodes ?? []).map((c) => cpvDigits(c.code)).filter((c) => c.length === 8),
  };
}

/** A page of the list, or null when the body is not the list format (the run then stops and changes nothing). */
export function parseListPage(body: unknown): ListPage | null {
  const parsed = listPageSchema.safeParse(body);
  if (!parsed.success) return null;
  return { rows: parsed.data.content.map(toPublication), totalElements: parsed.data.totalElements, totalPages: parsed.data.totalPages };
}

/** An export file: the list format, or a bare array of its rows; else the first problem, in Dutch, for the admin. */
export function parseExport(body: unknown): { publications: Publication[] } | { problem: string } {
  const rows = Array.isArray(body) ? z.array(listRowSchema).safeParse(body) : listPageSchema.safeParse(body);
  if (rows.success) return { publications: (Array.isArray(rows.data) ? rows.data : rows.data.content).map(toPublication) };
  const issue = rows.error.issues[0];
  const path = (issue?.path ?? []).filter((part) => part !== "content");
  const [row, ...field] = path;
  if (typeof row !== "number") return { problem: "Dit bestand heeft niet het formaat van de publicatielijst van TenderNed." };
  return { problem: `Publicatie ${row + 1} in het bestand: het veld ${field.join(".") || "(de hele rij)"} ontbreekt of is ongeldig.` };
}

export function parseDetailCpv(body: unknown): string[] | null {
  const parsed = detailSchema.safeParse(body);
  if (!parsed.success) return null;
  return (parsed.data.cpvCodes ?? []).map((c) => cpvDigits(c.code)).filter((c) => c.length === 8);
}

/**
 * What a change of the notice is: its own fields, never the CPV codes (known only after a detail request, which an
 * unchanged notice does not get) nor anything zod dropped. Equal content means nothing to do.
 */
export function publicationContent(p: Publication): string {
  const { cpvCodes: _cpv, ...notice } = p;
  return JSON.stringify(Object.entries(notice).sort(([a], [b]) => (a < b ? -1 : 1)));
}
