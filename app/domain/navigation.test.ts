import { describe, expect, it } from "vitest";
import { NAV_ITEMS, navFor } from "./navigation";
import { can } from "./permissions";
import { ROLES, type Role } from "./roles";

const labels = (roles: readonly Role[]) => navFor(roles).map((item) => item.label);
const ADMIN_PATHS = ["/beheer/gebruikers", "/beheer/regios", "/beheer/tenderned", "/beheer/audit", "/beheer/bewaartermijn", "/beheer/e-mail", "/beheer/postvak"];

describe("navFor", () => {
  it("shows the admin Start, Gebruikers and Regio's, in that order", () => {
    expect(labels(["admin"])).toEqual(["Start", "Gebruikers", "Regio's", "TenderNed", "Auditlog", "Bewaartermijn", "E-mail", "Postvak"]);
    expect(navFor(["admin"]).map((item) => item.to)).toEqual(["/", ...ADMIN_PATHS]);
  });

  it("shows the intermediary the signals, no admin items", () => {
    expect(labels(["intermediary"])).toEqual(["Start", "Signalen", "Trajecten", "Aanbestedingen", "Kennisbank", "Rapportage", "Auditlog", "Betrokkenen", "Postvak"]);
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
    expect(labels(["reader", "admin", "adviser"])).toEqual(["Start", "Trajecten", "Aanbestedingen", "Rapportage", "Gebruikers", "Regio's", "TenderNed", "Auditlog", "Bewaartermijn", "E-mail", "Postvak"]);
  });

  it("shows non-admin combinations no admin-only items", () => {
    const items = navFor(["adviser", "reader", "intermediary"]);
    expect(items.map((item) => item.to)).toEqual(["/", "/signalen", "/trajecten", "/aanbestedingen", "/kennisbank", "/rapportage", "/beheer/audit", "/betrokkenen", "/beheer/postvak"]);
  });

  it("shows nothing to a user without roles", () => {
    expect(navFor([])).toEqual([]);
  });

  it("every role sees Start", () => {
    for (const role of ROLES) expect(labels([role])).toContain("Start");
  });

  it("returns items from NAV_ITEMS whose capability the roles hold", () => {
    for (const item of navFor(["reader"])) {
      expect(NAV_ITEMS).toContain(item);
      if (item.capability) expect(can(["reader"], item.capability)).toBe(true);
    }
  });
});

