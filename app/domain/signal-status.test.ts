import { describe, expect, it } from "vitest";
import { allowedTransitions, canTransition } from "./signal-status";

describe("signal status transitions", () => {
  it("moves one step forward or back along the flow", () => {
    expect(allowedTransitions("new")).toEqual(["in_progress", "in_trajectory"]);
    expect(allowedTransitions("in_progress")).toEqual(["new", "answered", "in_trajectory"]);
    expect(allowedTransitions("answered")).toEqual(["in_progress", "closed", "in_trajectory"]);
    expect(allowedTransitions("closed")).toEqual(["answered"]);
  });

  it("does not skip steps", () => {
    expect(canTransition("new", "closed")).toBe(false);
    expect(canTransition("new", "answered")).toBe(false);
    expect(canTransition("closed", "new")).toBe(false);
  });

  it("leaves a trajectory back into 'in behandeling' only", () => {
    expect(allowedTransitions("in_trajectory")).toEqual(["in_progress"]);
    expect(canTransition("in_trajectory", "closed")).toBe(false);
  });
});
