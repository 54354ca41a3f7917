import { describe, expect, it } from "vitest";
import { STEP_STATES, STEPS, type Step, type StepState } from "./trajectory-codes";
import {
  actionsFor,
  attentionItems,
  STEP_ACTION_CODES,
  STEP_ACTION_LABELS,
  stepAction,
  type AttentionInput,
  type StepActionCode,
} from "./trajectory-workflow";

describe("step actions", () => {
  const allowed: [StepState, StepActionCode, StepState][] = [
    ["open", "start", "active"],
    ["skipped", "start", "active"],
    ["open", "finish", "done"],
    ["active", "finish", "done"],
    ["open", "skip", "skipped"],
    ["active", "skip", "skipped"],
    ["done", "reopen", "active"],
    ["skipped", "reopen", "active"],
  ];

  it.each(allowed)("%s --%s--> %s", (from, action, to) => {
    expect(stepAction(from, action)).toBe(to);
  });

  it("refuses every other combination", () => {
    const refused: [StepState, StepActionCode][] = [];
    for (const from of STEP_STATES) {
      for (const action of STEP_ACTION_CODES) {
        if (!allowed.some(([f, a]) => f === from && a === action)) refused.push([from, action]);
      }
    }
    expect(refused).toEqual([
      ["open", "reopen"],
      ["active", "start"],
      ["active", "reopen"],
      ["done", "start"],
      ["done", "finish"],
      ["done", "skip"],
      ["skipped", "finish"],
      ["skipped", "skip"],
    ]);
    for (const [from, action] of refused) expect(stepAction(from, action)).toBeUndefined();
  });

  it("offers the buttons per state", () => {
    expect(actionsFor("open")).toEqual(["start", "finish", "skip"]);
    expect(actionsFor("active")).toEqual(["finish", "skip"]);
    expect(actionsFor("done")).toEqual(["reopen"]);
    expect(actionsFor("skipped")).toEqual(["start", "reopen"]);
  });

  it("labels the actions in Dutch", () => {
    expect(STEP_ACTION_LABELS).toEqual({ start: "Starten", finish: "Afronden", skip: "Overslaan", reopen: "Heropenen" });
  });

  it("lets steps go out of order, independently of each other", () => {
    // The tender is already published: talks start before any situation sketch or analysis, scenarios are skipped.
    const states = new Map<Step, StepState>(STEPS.map((s) => [s, "open"]));
    const apply = (step: Step, action: StepActionCode) => {
      const next = stepAction(states.get(step) ?? "open", action);
      expect(next, `${action} on ${step}`).toBeDefined();
      if (next) states.set(step, next);
    };
    apply("talks", "start");
    apply("monitoring", "start");
    apply("scenarios", "skip");
    apply("situation", "finish");
    apply("talks", "finish");
    expect(Object.fromEntries(states)).toMatchObject({
      situation: "done",
      analysis: "open",
      scenarios: "skipped",
      talks: "done",
      monitoring: "active",
      sharing: "open",
    });
  });

  it("reopens analysis and plan when new tender documents appear", () => {
    expect(stepAction("done", "reopen")).toBe("active");
    const analysis = stepAction(stepAction("open", "finish") ?? "open", "reopen");
    expect(analysis).toBe("active");
    expect(stepAction(analysis ?? "open", "finish")).toBe("done");
    // A skipped step can be picked up after all, by starting or reopening it.
    expect(stepAction("skipped", "start")).toBe("active");
    expect(stepAction("skipped", "reopen")).toBe("active");
  });
});

describe("attention items", () => {
  const today = "2024-03-01";
  const steps = (states: Partial<Record<Step, StepState>>, updatedAt = "2024-02-20"): AttentionInput["steps"] =>
    STEPS.map((step) => ({ step, state: states[step] ?? "open", updatedAt }));
  const base: AttentionInput = {
    status: "active",
    needsReanalysis: false,
    steps: steps({ situation: "done", analysis: "active" }),
    planVersions: 1,
    upcomingMilestones: [],
    today,
  };
  const texts = (input: Partial<AttentionInput>) => attentionItems({ ...base, ...input });

  it("asks nothing of a trajectory that is on track", () => {
    expect(attentionItems(base)).toEqual([]);
  });

  it("flags re-analysis as urgent", () => {
    expect(texts({ needsReanalysis: true })).toEqual([
      { level: "urgent", text: "Nieuwe aanbestedingsstukken: analyse en plan opnieuw bekijken" },
    ]);
  });

  it("flags milestones within 14 days, soonest first, and ignores later or past ones", () => {
    const items = texts({
      upcomingMilestones: [
        { title: "Inschrijfdeadline", dueOn: "2024-03-15" },
        { title: "Gunning", dueOn: "2024-03-16" },
        { title: "Nota van inlichtingen", dueOn: "2024-03-02" },
        { title: "Marktconsultatie", dueOn: "2024-03-01" },
        { title: "Inkoopstrategie", dueOn: "2024-02-29" },
        { title: "Publicatie aanbesteding", dueOn: "2024-03-08" },
      ],
    });
    expect(items).toEqual([
      { level: "urgent", text: "Marktconsultatie op 1 maart 2024 (vandaag)" },
      { level: "urgent", text: "Nota van inlichtingen op 2 maart 2024 (morgen)" },
      { level: "urgent", text: "Publicatie aanbesteding op 8 maart 2024 (over 7 dagen)" },
      { level: "urgent", text: "Inschrijfdeadline op 15 maart 2024 (over 14 dagen)" },
    ]);
  });

  it("flags an active plan step without any plan version", () => {
    expect(texts({ steps: steps({ plan: "active" }), planVersions: 0 })).toEqual([
      { level: "info", text: "Het plan van aanpak is gestart, maar er is nog geen versie vastgelegd" },
    ]);
    expect(texts({ steps: steps({ plan: "active" }), planVersions: 2 })).toEqual([]);
    expect(texts({ steps: steps({ plan: "open", situation: "active" }), planVersions: 0 })).toEqual([]);
  });

  it("flags an active step untouched for more than 30 days", () => {
    const at = (state: StepState, updatedAt: string) => ({ step: "talks" as const, state, updatedAt });
    const others = base.steps.filter((s) => s.step !== "talks");
    expect(texts({ steps: [...others, at("active", "2024-01-31T09:00:00.000Z")] })).toEqual([]); // exactly 30 days
    expect(texts({ steps: [...others, at("active", "2024-01-30")] })).toEqual([
      { level: "info", text: "5. Gesprekken met externen: al 31 dagen bezig zonder wijziging" },
    ]);
    expect(texts({ steps: [...others, at("done", "2023-06-01")] })).toEqual([]); // only active steps go stale
  });

  it("flags a trajectory where no step has started yet", () => {
    expect(texts({ steps: steps({}) })).toEqual([{ level: "info", text: "Nog geen stap gestart" }]);
    expect(texts({ steps: [] })).toEqual([{ level: "info", text: "Nog geen stap gestart" }]);
    expect(texts({ steps: steps({ scenarios: "skipped" }) })).toEqual([{ level: "info", text: "Nog geen stap gestart" }]);
  });

  it("asks to close a running trajectory whose steps are all done or skipped", () => {
    const finished = Object.fromEntries(STEPS.map((s, i) => [s, i % 3 === 0 ? "skipped" : "done"]));
    expect(texts({ steps: steps(finished) })).toEqual([
      { level: "info", text: "Alle stappen zijn klaar: sluit het traject af" },
    ]);
    // A step without a row still counts as open.
    expect(texts({ steps: steps(finished).filter((s) => s.step !== "sharing") })).toEqual([]);
  });

  it("orders everything most urgent first", () => {
    const items = attentionItems({
      status: "active",
      needsReanalysis: true,
      steps: [
        { step: "plan", state: "active", updatedAt: "2024-01-01" },
        { step: "analysis", state: "active", updatedAt: "2024-01-15" },
      ],
      planVersions: 0,
      upcomingMilestones: [{ title: "Inschrijfdeadline", dueOn: "2024-03-10" }],
      today,
    });
    expect(items).toEqual([
      { level: "urgent", text: "Nieuwe aanbestedingsstukken: analyse en plan opnieuw bekijken" },
      { level: "urgent", text: "Inschrijfdeadline op 10 maart 2024 (over 9 dagen)" },
      { level: "info", text: "Het plan van aanpak is gestart, maar er is nog geen versie vastgelegd" },
      { level: "info", text: "2. Analyse met regioadviseurs en regioambassadeurs: al 46 dagen bezig zonder wijziging" },
      { level: "info", text: "4. Plan van aanpak: al 60 dagen bezig zonder wijziging" },
    ]);
  });

  it("asks nothing of a completed or stopped trajectory", () => {
    for (const status of ["completed", "stopped"] as const) {
      expect(
        attentionItems({
          status,
          needsReanalysis: true,
          steps: steps({ plan: "active" }, "2023-01-01"),
          planVersions: 0,
          upcomingMilestones: [{ title: "Gunning", dueOn: today }],
          today,
        }),
      ).toEqual([]);
    }
  });
});
