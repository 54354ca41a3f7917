export * from "./users";
export * from "./audit";
export * from "./reference";
export * from "./settings";
export * from "./signals";
export * from "./trajectories";
export * from "./reports";
