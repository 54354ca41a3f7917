import type { TrajectoryCounts } from "../report";

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
