/**
 * The codes of DESIGN.md (what CSV and JSON carry) with the Dutch labels the UI shows. Order is the order of
 * DESIGN.md, which is also the order of every list, filter and report table.
 */
export const CHANNELS = ["portal", "email", "phone", "meeting", "other"] as const;
export const REQUESTER_TYPES = ["provider", "municipality", "region", "association", "other"] as const;
export const REFERRERS = ["direct", "region_adviser", "programme", "other"] as const;
export const ASSOCIATIONS = ["NIP", "LVVP", "NVO", "FVB", "NVVP", "other"] as const;
export const TOPICS = ["strategy_advice", "quality_admission", "gdpr", "contract_change", "other"] as const;
export const PHASES = ["upcoming_tender", "running_tender", "contracting", "running_contract", "none"] as const;
export const TRIGGERS = ["provider_reduction", "legal_or_funding_change", "stricter_requirements", "admin_burden", "other"] as const;
export const PROCEDURES = ["open_house", "tender", "subsidy", "unknown"] as const;
export const FUNDINGS = ["effort", "output", "task", "unknown"] as const;
export const STATUSES = ["new", "in_progress", "answered", "closed", "in_trajectory"] as const;

export type Channel = (typeof CHANNELS)[number];
export type RequesterType = (typeof REQUESTER_TYPES)[number];
export type Referrer = (typeof REFERRERS)[number];
export type Association = (typeof ASSOCIATIONS)[number];
export type Topic = (typeof TOPICS)[number];
export type Phase = (typeof PHASES)[number];
export type Trigger = (typeof TRIGGERS)[number];
export type Procedure = (typeof PROCEDURES)[number];
export type Funding = (typeof FUNDINGS)[number];
export type SignalStatus = (typeof STATUSES)[number];

/** Tender-related: about an upcoming or running tender, or a contract still to be concluded. */
export const TENDER_PHASES: readonly Phase[] = ["upcoming_tender", "running_tender", "contracting"];

export function isTenderRelated(phase: Phase): boolean {
  return TENDER_PHASES.includes(phase);
}

export const CHANNEL_LABELS: Record<Channel, string> = {
  portal: "Meldformulier",
  email: "E-mail",
  phone: "Telefoon",
  meeting: "Overleg",
  other: "Anders",
};
export const REQUESTER_TYPE_LABELS: Record<RequesterType, string> = {
  provider: "Vrijgevestigde aanbieder",
  municipality: "Gemeente",
  region: "Jeugdhulpregio",
  association: "Beroeps- of brancheorganisatie",
  other: "Anders",
};
export const REFERRER_LABELS: Record<Referrer, string> = {
  direct: "Rechtstreeks",
  region_adviser: "Regioadviseur of -ambassadeur",
  programme: "Aanpalend programma",
  other: "Anders",
};
export const ASSOCIATION_LABELS: Record<Association, string> = {
  NIP: "NIP",
  LVVP: "LVVP",
  NVO: "NVO",
  FVB: "FVB",
  NVVP: "NVVP",
  other: "Anders",
};
export const TOPIC_LABELS: Record<Topic, string> = {
  strategy_advice: "Adviesvraag: strategie bepalen",
  quality_admission: "Kwaliteits- of toelatingseisen",
  gdpr: "AVG",
  contract_change: "Wijziging in lopend contract",
  other: "Anders",
};
export const PHASE_LABELS: Record<Phase, string> = {
  upcoming_tender: "Komende aanbesteding",
  running_tender: "Lopende aanbesteding",
  contracting: "Nog te sluiten contract",
  running_contract: "Lopend contract",
  none: "Geen",
};
export const TRIGGER_LABELS: Record<Trigger, string> = {
  provider_reduction: "Drastisch minder aanbieders, consortia of hoofdaannemerschap",
  legal_or_funding_change: "Wijziging wettelijke voorwaarden of financieringsvorm",
  stricter_requirements: "Verscherpte toelatings- of kwaliteitseisen",
  admin_burden: "Sterk toenemende administratieve lasten",
  other: "Anders",
};
export const PROCEDURE_LABELS: Record<Procedure, string> = {
  open_house: "Open house",
  tender: "Aanbesteding (SAS-procedure)",
  subsidy: "Subsidie",
  unknown: "Onbekend",
};
export const FUNDING_LABELS: Record<Funding, string> = {
  effort: "Inspanningsgericht (P×Q)",
  output: "Outputgericht",
  task: "Taakgericht (lumpsum)",
  unknown: "Onbekend",
};
export const STATUS_LABELS: Record<SignalStatus, string> = {
  new: "Nieuw",
  in_progress: "In behandeling",
  answered: "Beantwoord",
  closed: "Afgerond",
  in_trajectory: "In traject",
};

export function optionsOf<Code extends string>(codes: readonly Code[], labels: Record<Code, string>) {
  return codes.map((value) => ({ value, label: labels[value] }));
}
