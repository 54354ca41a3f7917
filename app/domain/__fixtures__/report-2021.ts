import type { TrajectoriesReport, TrajectoryCounts } from "../report";

/** The trajectory figures of DESIGN.md (the 2021 report), as the database counts them. */
export const TRAJECTORY_COUNTS_2021: TrajectoryCounts = {
  total: 14,
  regions: 14,
  forcesBundled: 13,
  jointVision: 11,
  cooperativeFormed: 2,
  contractWon: 1,
  contractsAwardedTotal: 15,
  municipalitiesConsulted: 10,
  visionAdapted: 8,
  escalated: 3,
  legal: 1,
  council: 1,
  publicity: 1,
};

/** The trajectories part of the report JSON for those figures, in DESIGN.md's key order. */
export const TRAJECTORIES_REPORT_2021: TrajectoriesReport = {
  total: 14,
  regions: 14,
  outcomes: {
    forces_bundled: 13,
    joint_vision: 11,
    cooperative_formed: 2,
    contract_won: 1,
    contracts_awarded_total: 15,
    municipalities_consulted: 10,
    vision_adapted: 8,
    escalated: 3,
  },
  escalationTypes: { legal: 1, council: 1, publicity: 1 },
};
