import { describe, expect, it } from "vitest";
import { hasAnyRole, isRole, NAV_ITEMS, navFor, ROLE_LABELS, ROLE_OPTIONS, ROLES, type Role } from "./roles";

const labels = (roles: readonly Role[]) => navFor(roles).map((item) => item.label);
const ADMIN_PATHS = ["/beheer/gebruikers", "/beheer/regios", "/beheer/tenderned", "/beheer/audit", "/beheer/bewaartermijn"];

describe("isRole", () => {
  it("accepts every known role", () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
  });

  it("refuses unknown, differently cased or padded values and labels", () => {
    for (const value of ["", "Admin", "ADMIN", " admin", "admin ", "beheerder", "Beheerder", "superuser", "toString", "constructor"]) {
      expect(isRole(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe("hasAnyRole", () => {
  it("grants access when one of several roles is allowed", () => {
    expect(hasAnyRole(["reader", "adviser"], ["adviser"])).toBe(true);
    expect(hasAnyRole(["reader", "admin"], ["admin", "intermediary"])).toBe(true);
    expect(hasAnyRole(["intermediary"], ROLES)).toBe(true);
  });

  it("refuses when none of the user's roles is allowed", () => {
    expect(hasAnyRole(["reader", "adviser"], ["admin"])).toBe(false);
    expect(hasAnyRole(["intermediary"], ["admin", "adviser"])).toBe(false);
  });

  it("refuses a user without roles, even when everything is allowed", () => {
    expect(hasAnyRole([], ROLES)).toBe(false);
  });

  it("refuses everyone when nothing is allowed", () => {
    expect(hasAnyRole(ROLES, [])).toBe(false);
    expect(hasAnyRole([], [])).toBe(false);
  });
});

describe("navFor", () => {
  it("shows the admin Start, Gebruikers and Regio's, in that order", () => {
    expect(labels(["admin"])).toEqual(["Start", "Gebruikers", "Regio's", "TenderNed", "Auditlog", "Bewaartermijn"]);
    expect(navFor(["admin"]).map((item) => item.to)).toEqual(["/", ...ADMIN_PATHS]);
  });

  it("shows the intermediary the signals, no admin items", () => {
    expect(labels(["intermediary"])).toEqual(["Start", "Signalen", "Trajecten", "Aanbestedingen", "Rapportage", "Auditlog", "Betrokkenen"]);
  });

  it("shows the adviser the trajectories and the procurements of their regions only", () => {
    expect(labels(["adviser"])).toEqual(["Start", "Trajecten", "Aanbestedingen"]);
  });

  it("shows the reader the published reports only, no admin items", () => {
    const items = navFor(["reader"]);
    expect(items.map((item) => item.to)).toEqual(["/", "/rapportage"]);
    expect(items.map((item) => item.label)).toEqual(["Start", "Rapportage"]);
  });

  it("shows admin items once when a user combines admin with other roles", () => {
    expect(labels(["reader", "admin", "adviser"])).toEqual(["Start", "Trajecten", "Aanbestedingen", "Rapportage", "Gebruikers", "Regio's", "TenderNed", "Auditlog", "Bewaartermijn"]);
  });

  it("shows non-admin combinations no admin items", () => {
    const items = navFor(["adviser", "reader", "intermediary"]);
    expect(items.map((item) => item.to)).toEqual(["/", "/signalen", "/trajecten", "/aanbestedingen", "/rapportage", "/beheer/audit", "/betrokkenen"]);
  });

  it("shows nothing to a user without roles", () => {
    expect(navFor([])).toEqual([]);
  });

  it("every role sees Start", () => {
    for (const role of ROLES) expect(labels([role])).toContain("Start");
  });

  it("returns items from NAV_ITEMS whose roles match", () => {
    for (const item of navFor(["reader"])) {
      expect(NAV_ITEMS).toContain(item);
      expect(item.roles).toContain("reader");
    }
  });
});

describe("role labels", () => {
  it("has a Dutch label for every role and one option per role", () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
    expect(ROLE_LABELS.admin).toBe("Beheerder");
    expect(ROLE_OPTIONS).toEqual(ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })));
  });
});
