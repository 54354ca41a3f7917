/**
 * A request the app refuses itself (403, 404, 413, 429) may carry a Dutch explanation written by the app — which
 * record does not exist, which limit was met. The error page shows it; it shows nothing else of an error, since an
 * error's message may quote confidential input. The shape, not the wording, tells the two apart.
 */
export type Refusal = { refusal: string };

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === "object" && value !== null && typeof (value as { refusal?: unknown }).refusal === "string";
}
