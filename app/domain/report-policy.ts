import { REGION_PREFIX } from "./report-cells";

/**
 * Which published cells must not count fewer than k. The intermediary chooses per publication, and the publication
 * records the choice (DESIGN.md: "the JSON names the suppression policy it was published under").
 * - `breakdowns_below_k` (default): national counts identify no one — "2 coöperaties", "in 3 regio's escalatie" say
 *   nothing about which region or provider — so they are shown as counted; a breakdown by region (or municipality)
 *   does point at a few providers in one place, so those cells below k are suppressed, with whatever would reveal one.
 * - `all_cells_below_k` (strict): every cell below k is suppressed, national counts and outcomes included.
 */
export const POLICIES = ["breakdowns_below_k", "all_cells_below_k"] as const;
export type Policy = (typeof POLICIES)[number];
export const DEFAULT_POLICY: Policy = "breakdowns_below_k";

export function policyLabel(policy: Policy, threshold: number): string {
  return policy === "breakdowns_below_k" ? `Uitsplitsingen naar regio of gemeente onder ${threshold}` : `Alle cellen onder ${threshold}`;
}

export function policyDescription(policy: Policy, threshold: number): string {
  return policy === "breakdowns_below_k"
    ? `Landelijke aantallen en uitkomsten van trajecten staan er zoals geteld; aantallen per regio onder ${threshold} worden afgeschermd, en alles waaruit die terug te rekenen zijn.`
    : `Elk aantal onder ${threshold} wordt afgeschermd, ook landelijke aantallen en uitkomsten van trajecten, en alles waaruit die terug te rekenen zijn.`;
}

export function isPolicy(value: unknown): value is Policy {
  return typeof value === "string" && (POLICIES as readonly string[]).includes(value);
}

/** Whether the policy protects this cell (a path of the report JSON) when it counts fewer than k. */
export function isSensitive(path: string, policy: Policy): boolean {
  return policy === "all_cells_below_k" || path.startsWith(REGION_PREFIX);
}

export const DEFAULT_THRESHOLD = 5;
/**
 * At least 3: zero is published as 0, so "< k" means 1 to k−1, and with k = 2 that would be exactly 1.
 */
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 20;

export function isThreshold(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_THRESHOLD && value <= MAX_THRESHOLD;
}
