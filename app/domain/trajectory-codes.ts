/** Codes of DESIGN.md for mediation trajectories, with the Dutch labels the UI shows. */
export const TRAJECTORY_STATUSES = ["active", "completed", "stopped"] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];

export const STEPS = ["situation", "analysis", "scenarios", "plan", "talks", "support_escalation", "monitoring", "sharing"] as const;
export type Step = (typeof STEPS)[number];

export const STEP_STATES = ["open", "active", "done", "skipped"] as const;
export type StepState = (typeof STEP_STATES)[number];

export const OUTCOMES = ["forces_bundled", "joint_vision", "cooperative_formed", "vision_adapted"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ESCALATION_TYPES = ["legal", "council", "publicity"] as const;
export type EscalationType = (typeof ESCALATION_TYPES)[number];

export const CONTACT_KINDS = ["municipality", "region", "council", "providers", "other"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const MILESTONE_KINDS = [
  "market_consultation",
  "procurement_strategy",
  "tender_published",
  "clarifications",
  "submission_deadline",
  "award",
  "contract_start",
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const TRAJECTORY_STATUS_LABELS: Record<TrajectoryStatus, string> = {
  active: "Lopend",
  completed: "Afgerond, doel bereikt",
  stopped: "Gestopt",
};

export const STEP_LABELS: Record<Step, string> = {
  situation: "1. Situatieschets door de vrijgevestigde aanbieders",
  analysis: "2. Analyse met regioadviseurs en regioambassadeurs",
  scenarios: "3. Strategische scenario's",
  plan: "4. Plan van aanpak",
  talks: "5. Gesprekken met externen",
  support_escalation: "6. Ondersteuning door OZJ en VNG, zo nodig escaleren",
  monitoring: "7. Ontwikkelingen bijhouden en anticiperen",
  sharing: "8. Ervaringen bespreken en delen",
};

export const STEP_STATE_LABELS: Record<StepState, string> = {
  open: "Nog niet begonnen",
  active: "Bezig",
  done: "Klaar",
  skipped: "Overgeslagen",
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  forces_bundled: "Krachten gebundeld (sterke gesprekspartner)",
  joint_vision: "Gezamenlijke visie en missie",
  cooperative_formed: "Coöperatie opgericht",
  vision_adapted: "Inkoopvisie aangepast",
};

export const ESCALATION_LABELS: Record<EscalationType, string> = {
  legal: "Juridische stappen",
  council: "Contact met gemeenteraden",
  publicity: "Publiciteit",
};

export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  municipality: "Overleg gemeente",
  region: "Overleg regio",
  council: "Gemeenteraad",
  providers: "Aanbieders",
  other: "Anders",
};

export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  market_consultation: "Marktconsultatie",
  procurement_strategy: "Inkoopstrategie",
  tender_published: "Publicatie aanbesteding",
  clarifications: "Nota van inlichtingen",
  submission_deadline: "Inschrijfdeadline",
  award: "Gunning",
  contract_start: "Contractstart",
};

/** What the year report counts per trajectory; each figure links to the list filtered on it. */
export const REPORTED_OUTCOMES = [
  "forces_bundled",
  "joint_vision",
  "cooperative_formed",
  "contract_won",
  "municipalities_consulted",
  "vision_adapted",
  "escalated",
] as const;
export type ReportedOutcome = (typeof REPORTED_OUTCOMES)[number];

export const REPORTED_OUTCOME_LABELS: Record<ReportedOutcome, string> = {
  ...OUTCOME_LABELS,
  contract_won: "Contract gewonnen door coöperatie",
  municipalities_consulted: "Gemeenten meegepraat over inkoopvisie",
  escalated: "Escalatie nodig",
};
