import { z } from "zod";
import { isCalendarDate } from "./dates";
import { pageParam } from "./url-params";

/** TenderNed's notice types the page filters on, with the labels it shows. */
export const NOTICE_TYPE_LABELS: Record<string, string> = {
  MAC: "Marktconsultatie",
  VOP: "Vooraankondiging",
  AAO: "Aankondiging opdracht",
  RVO: "Rectificatie",
  REC: "Rectificatie",
  AGO: "Gunning",
};

const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional().catch(undefined);
const date = optional(z.string().refine(isCalendarDate));

/** The view of page "Aanbestedingen" lives in the URL; a bad value is dropped, so an old bookmark still opens. */
export const procurementFilterSchema = z.object({
  van: date,
  tot: date,
  soort: optional(z.enum(Object.keys(NOTICE_TYPE_LABELS) as [string, ...string[]])),
  regio: optional(z.string().regex(/^JZ\d{2}$/)),
  /** Deadline on or after this day: the procurements one can still respond to. */
  sluitVanaf: date,
  page: pageParam,
});

export type ProcurementFilters = z.infer<typeof procurementFilterSchema>;

export const PROCUREMENT_PAGE_SIZE = 50;

export function parseProcurementFilters(params: URLSearchParams): ProcurementFilters {
  return procurementFilterSchema.parse(Object.fromEntries([...params].filter(([, v]) => v !== "")));
}

export function procurementSearch(filters: ProcurementFilters, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, page })) if (value !== undefined && !(key === "page" && value === 1)) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
