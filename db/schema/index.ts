export * from "./users";
export * from "./audit";
export * from "./reference";
export * from "./settings";
export * from "./signals";
export * from "./signal-counts";
export * from "./trajectories";
export * from "./reports";
