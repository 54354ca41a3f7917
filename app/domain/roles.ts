export const ROLES = ["admin", "intermediary", "adviser", "reader"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Beheerder",
  intermediary: "Intermediair",
  adviser: "Regioadviseur",
  reader: "Lezer",
};

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A user may hold several roles; access is granted when any of them is among the allowed ones. */
export function hasAnyRole(userRoles: readonly Role[], allowed: readonly Role[]): boolean {
  return userRoles.some((role) => allowed.includes(role));
}
