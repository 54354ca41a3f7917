import { z } from "zod";

/**
 * Contract accessibility reviews (issue 18, item 4): a region's contract scored criterion by criterion against what
 * keeps free-practice providers (sole practitioners, small practices) out. The score rule is pure so the overview,
 * the map and the summary page all read the same number.
 */
export const RATINGS = ["accessible", "partly", "obstructive", "unknown"] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Record<Rating, string> = {
  accessible: "toegankelijk",
  partly: "deels",
  obstructive: "belemmerend",
  unknown: "onbekend",
};

/** Points per rating; "unknown" has none because it is left out of the maximum (README Decisions). */
const POINTS: Record<Exclude<Rating, "unknown">, number> = { accessible: 2, partly: 1, obstructive: 0 };

export type ReviewScore = { percent: number | null; known: number; unknown: number };

/**
 * The score: the points of the known criteria as a whole percentage of their maximum (2 each), rounded half up, and
 * how many were unknown beside it. No known criterion → no percentage (null), never 0 or 100.
 */
export function scoreOf(ratings: readonly Rating[]): ReviewScore {
  let points = 0;
  let known = 0;
  for (const rating of ratings) {
    if (rating === "unknown") continue;
    known += 1;
    points += POINTS[rating];
  }
  return { percent: known === 0 ? null : Math.round((points * 100) / (known * 2)), known, unknown: ratings.length - known };
}

export function formatScore(score: ReviewScore): string {
  if (score.percent === null) return "geen score (alles onbekend)";
  const unknown = score.unknown === 0 ? "" : `, ${score.unknown} onbekend`;
  return `${score.percent}%${unknown}`;
}

/** Five map shades: no review/no score (0), then below 25, 50, 75 and from 75 % (1–4); darker is more accessible. */
export function scoreStep(percent: number | null): number {
  if (percent === null) return 0;
  return Math.min(4, Math.floor(percent / 25) + 1);
}

export const REVIEW_STATES = ["concept", "published"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = { concept: "concept", published: "gepubliceerd" };

export type CriterionRating = { code: string; rating: Rating; note: string; source: string };

const text = (max: number) => z.string().trim().max(max).optional().default("");

export const criterionSchema = z.object({
  id: z.coerce.number().int().positive().optional(),
  code: z
    .string({ required_error: "Vul een code in." })
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, "Een code is 2 tot 40 kleine letters, cijfers of streepjes."),
  question: z.string({ required_error: "Vul de vraag in." }).trim().min(5, "Vul de vraag in.").max(300),
  help: text(1000),
  position: z.coerce.number({ invalid_type_error: "Vul een volgnummer in." }).int().min(0).max(999),
  active: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
export type CriterionInput = z.infer<typeof criterionSchema>;

/** The review form: a title, the procurement it is about, and per criterion code `r_<code>`, `n_<code>`, `s_<code>`. */
export const reviewHeadSchema = z.object({
  regionCode: z.string({ required_error: "Kies een regio." }).trim().min(1, "Kies een regio."),
  title: z.string({ required_error: "Noem de aanbesteding of het contract." }).trim().min(3, "Noem de aanbesteding of het contract.").max(200),
  milestoneId: z.coerce.number().int().positive().optional(),
  reason: text(300),
});

/** Reads the per-criterion fields of a submitted review form; a missing or strange rating counts as "unknown". */
export function ratingsFromForm(form: Readonly<Record<string, unknown>>, codes: readonly string[]): CriterionRating[] {
  const field = (name: string, max: number) => {
    const value = form[name];
    return typeof value === "string" ? value.trim().slice(0, max) : "";
  };
  return codes.map((code) => {
    const rating = field(`r_${code}`, 20);
    return {
      code,
      rating: (RATINGS as readonly string[]).includes(rating) ? (rating as Rating) : "unknown",
      note: field(`n_${code}`, 2000),
      source: field(`s_${code}`, 500),
    };
  });
}

export const OVERVIEW_SORTS = ["regio", "score", "onbekend", "datum"] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];
