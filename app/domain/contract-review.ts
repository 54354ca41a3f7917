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

export function formatScore(score: Pick<ReviewScore, "percent" | "unknown">): string {
  if (score.percent === null) return "geen score (alles onbekend)";
  const unknown = score.unknown === 0 ? "" : `, ${score.unknown} onbekend`;
  return `${score.percent}%${unknown}`;
}

/**
 * The map's shade of a score (SHADES of domain/region-map.ts): 0 for no review or no known criterion, then darker as
 * the contract shuts out more: from 75 % 1, from 50 % 2, from 25 % 3, below 25 % 4.
 */
export function scoreStep(percent: number | null): number {
  if (percent === null) return 0;
  return 4 - Math.min(3, Math.floor(percent / 25));
}

export const SCORE_STEP_LABELS = ["geen toets of geen score", "75% of meer", "50% tot 75%", "25% tot 50%", "minder dan 25%"] as const;

export type OverviewRow = { regionName: string; createdAt: string; score: { percent: number | null; unknown: number }; ratings: readonly { code: string; rating: Rating }[] };

/** Least accessible first for a criterion: belemmerend, deels, onbekend, toegankelijk (what needs talking about). */
const CRITERION_ORDER: Record<Rating, number> = { obstructive: 0, partly: 1, unknown: 2, accessible: 3 };

/**
 * The overview's order by the URL's `sorteer`: region name; score (lowest first, no score last); most unknowns; newest
 * version; or one criterion's code. Ties go by region name, so the order is always the same.
 */
export function sortOverview<Row extends OverviewRow>(rows: readonly Row[], key: string): Row[] {
  const byName = (a: Row, b: Row) => a.regionName.localeCompare(b.regionName, "nl");
  const rank = (row: Row): number => {
    if (key === "score") return row.score.percent ?? 101;
    if (key === "onbekend") return -row.score.unknown;
    const rating = row.ratings.find((r) => r.code === key)?.rating;
    return rating === undefined ? 4 : CRITERION_ORDER[rating];
  };
  if (key === "datum") return [...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || byName(a, b));
  if (key === "regio" || key === "") return [...rows].sort(byName);
  return [...rows].sort((a, b) => rank(a) - rank(b) || byName(a, b));
}

export const REVIEW_STATES = ["concept", "published"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = { concept: "concept", published: "gepubliceerd" };

export type CriterionRating = { code: string; rating: Rating; note: string; source: string };
/** A stored rating keeps the question as it was asked, so an old version reads right after a criterion changes. */
export type StoredRating = CriterionRating & { question: string };

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
  active: z
    .literal("yes")
    .optional()
    .transform((v) => v === "yes"),
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

export const OVERVIEW_SORTS = [
  { key: "regio", label: "regio" },
  { key: "score", label: "score (laagste eerst)" },
  { key: "onbekend", label: "meeste onbekend" },
  { key: "datum", label: "nieuwste toets" },
] as const;
