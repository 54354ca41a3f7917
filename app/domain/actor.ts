import type { Role } from "./roles";

/**
 * Who did something: the logged-in user (null for anonymous or failed logins), the client address, and the user's
 * roles, by which a model that returns confidential fields checks the permission table (none for system work).
 */
export type Actor = { userId: number | null; clientAddress: string; roles?: readonly Role[] };
