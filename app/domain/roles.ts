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

export type NavItem = { to: string; label: string; roles: readonly Role[] };

/** The header shows only what the user's roles can open; the server checks the same roles on every request. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "Start", roles: ROLES },
  { to: "/signalen", label: "Signalen", roles: ["intermediary"] },
  { to: "/trajecten", label: "Trajecten", roles: ["intermediary", "adviser"] },
  { to: "/aanbestedingen", label: "Aanbestedingen", roles: ["intermediary", "adviser"] },
  { to: "/rapportage", label: "Rapportage", roles: ["intermediary", "reader"] },
  { to: "/beheer/gebruikers", label: "Gebruikers", roles: ["admin"] },
  { to: "/beheer/regios", label: "Regio's", roles: ["admin"] },
  { to: "/beheer/tenderned", label: "TenderNed", roles: ["admin"] },
  { to: "/beheer/audit", label: "Auditlog", roles: ["admin", "intermediary"] },
  { to: "/betrokkenen", label: "Betrokkenen", roles: ["intermediary"] },
  { to: "/beheer/bewaartermijn", label: "Bewaartermijn", roles: ["admin"] },
];

export function navFor(userRoles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => hasAnyRole(userRoles, item.roles));
}
