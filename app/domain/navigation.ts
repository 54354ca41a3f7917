import { can, type Capability } from "./permissions";
import type { Role } from "./roles";

/** A menu item; without a capability it is for every staff member. */
export type NavItem = { to: string; label: string; capability?: Capability };

/** The header shows what the user's capabilities open; the role guard checks the same capability on every request. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "Start" },
  { to: "/signalen", label: "Signalen", capability: "signal.read" },
  { to: "/trajecten", label: "Trajecten", capability: "trajectory.readAssigned" },
  { to: "/aanbestedingen", label: "Aanbestedingen", capability: "procurement.readOwn" },
  { to: "/kennisbank", label: "Kennisbank", capability: "knowledge.manage" },
  { to: "/rapportage", label: "Rapportage", capability: "report.readPublished" },
  { to: "/beheer/gebruikers", label: "Gebruikers", capability: "user.manage" },
  { to: "/beheer/regios", label: "Regio's", capability: "regionTable.manage" },
  { to: "/beheer/tenderned", label: "TenderNed", capability: "tenderned.manage" },
  { to: "/beheer/audit", label: "Auditlog", capability: "audit.read" },
  { to: "/betrokkenen", label: "Betrokkenen", capability: "dataSubject.handle" },
  { to: "/beheer/bewaartermijn", label: "Bewaartermijn", capability: "retention.oversee" },
  { to: "/beheer/e-mail", label: "E-mail", capability: "notification.oversee" },
  { to: "/beheer/postvak", label: "Postvak", capability: "mailbox.oversee" },
];

export function navFor(userRoles: readonly Role[]): NavItem[] {
  if (userRoles.length === 0) return [];
  return NAV_ITEMS.filter((item) => item.capability === undefined || can(userRoles, item.capability));
}
