import { formatDate } from "./dates-nl";
import { STEP_LABELS, STEPS, type Step, type StepState, type TrajectoryStatus } from "./trajectory-codes";

/**
 * The actions on one step of a trajectory. Steps are not all followed nor in this order, and new tender documents send
 * the work back to analysis and plan (DESIGN.md, "Mediation trajectories"), so a step's actions depend only on its own
 * state, never on the other steps: any step can be started, finished, skipped or reopened at any time.
 */
export const STEP_ACTIONS = {
  start: { from: ["open", "skipped"], to: "active" },
  finish: { from: ["open", "active"], to: "done" },
  skip: { from: ["open", "active"], to: "skipped" },
  reopen: { from: ["done", "skipped"], to: "active" },
} as const satisfies Record<string, { from: readonly StepState[]; to: StepState }>;
export type StepActionCode = keyof typeof STEP_ACTIONS;

export const STEP_ACTION_CODES = Object.keys(STEP_ACTIONS) as StepActionCode[];

export const STEP_ACTION_LABELS: Record<StepActionCode, string> = {
  start: "Starten",
  finish: "Afronden",
  skip: "Overslaan",
  reopen: "Heropenen",
};

/** The state after the action, or undefined when the action is not allowed from this state. */
export function stepAction(from: StepState, action: StepActionCode): StepState | undefined {
  const { from: allowed, to } = STEP_ACTIONS[action];
  return (allowed as readonly StepState[]).includes(from) ? to : undefined;
}

/** The actions a step in this state offers, in the order of STEP_ACTIONS (the order of the buttons). */
export function actionsFor(state: StepState): StepActionCode[] {
  return STEP_ACTION_CODES.filter((action) => stepAction(state, action) !== undefined);
}

export const MILESTONE_WARNING_DAYS = 14;
export const STALE_STEP_DAYS = 30;

export interface AttentionInput {
  status: TrajectoryStatus;
  needsReanalysis: boolean;
  /** Current state per step; a step that is missing counts as "open". `updatedAt` is a date or ISO timestamp. */
  steps: { step: Step; state: StepState; updatedAt: string }[];
  planVersions: number;
  /** Procurement milestones of the region not yet passed; those more than 14 days away (or past) are ignored. */
  upcomingMilestones: { title: string; dueOn: string }[];
  /** YYYY-MM-DD, passed in so the outcome does not depend on the clock. */
  today: string;
}

export interface AttentionItem {
  level: "urgent" | "info";
  text: string;
}

/**
 * What needs attention on a running trajectory now, most urgent first: new tender documents (the analysis and plan
 * must be looked at again), milestones in the coming two weeks (soonest first), a plan step without any plan, steps
 * that have been "bezig" for over a month without change, nothing started at all, and everything finished while the
 * trajectory still runs. A completed or stopped trajectory needs nothing.
 */
export function attentionItems(input: AttentionInput): AttentionItem[] {
  if (input.status !== "active") return [];
  const items: AttentionItem[] = [];

  if (input.needsReanalysis) {
    items.push({ level: "urgent", text: "Nieuwe aanbestedingsstukken: analyse en plan opnieuw bekijken" });
  }

  const soon = input.upcomingMilestones
    .map((m) => ({ ...m, days: daysBetween(input.today, m.dueOn) }))
    .filter((m) => m.days >= 0 && m.days <= MILESTONE_WARNING_DAYS)
    .sort((a, b) => a.days - b.days || a.title.localeCompare(b.title, "nl"));
  for (const m of soon) {
    items.push({ level: "urgent", text: `${m.title} op ${formatDate(m.dueOn)} (${inDays(m.days)})` });
  }

  const current = new Map(input.steps.map((s) => [s.step, s]));
  const stateOf = (step: Step): StepState => current.get(step)?.state ?? "open";

  if (stateOf("plan") === "active" && input.planVersions === 0) {
    items.push({ level: "info", text: "Het plan van aanpak is gestart, maar er is nog geen versie vastgelegd" });
  }

  for (const step of STEPS) {
    const s = current.get(step);
    if (s?.state !== "active") continue;
    const days = daysBetween(s.updatedAt, input.today);
    if (days > STALE_STEP_DAYS) {
      items.push({ level: "info", text: `${STEP_LABELS[step]}: al ${days} dagen bezig zonder wijziging` });
    }
  }

  const allFinished = STEPS.every((step) => stateOf(step) === "done" || stateOf(step) === "skipped");
  const anyStarted = STEPS.some((step) => stateOf(step) === "active" || stateOf(step) === "done");
  if (!anyStarted && !allFinished) {
    items.push({ level: "info", text: "Nog geen stap gestart" });
  }
  if (allFinished) {
    items.push({ level: "info", text: "Alle stappen zijn klaar: sluit het traject af" });
  }

  return items;
}

/** Whole days from `from` to `to` (dates or ISO timestamps; only the date part counts); NaN when either is not a date. */
function daysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return b - a;
}

function dayNumber(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

function inDays(days: number): string {
  if (days === 0) return "vandaag";
  if (days === 1) return "morgen";
  return `over ${days} dagen`;
}
