import type { SignalStatus } from "./signal-codes";

const FLOW: readonly SignalStatus[] = ["new", "in_progress", "answered", "closed"];

/**
 * A signal moves one step along new → in behandeling → beantwoord → afgerond, or one step back; any open signal can be
 * marked as part of a trajectory, and leaves it back into "in behandeling".
 */
export function allowedTransitions(from: SignalStatus): SignalStatus[] {
  if (from === "in_trajectory") return ["in_progress"];
  const at = FLOW.indexOf(from);
  const steps = [FLOW[at - 1], FLOW[at + 1]].filter((s): s is SignalStatus => s !== undefined);
  return from === "closed" ? steps : [...steps, "in_trajectory"];
}

export function canTransition(from: SignalStatus, to: SignalStatus): boolean {
  return allowedTransitions(from).includes(to);
}
