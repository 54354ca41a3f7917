import { describe, expect, it } from "vitest";
import { hasAnyRole, isRole, ROLE_LABELS, ROLE_OPTIONS, ROLES } from "./roles";

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

describe("role labels", () => {
  it("has a Dutch label for every role and one option per role", () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
    expect(ROLE_LABELS.admin).toBe("Beheerder");
    expect(ROLE_OPTIONS).toEqual(ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })));
  });
});
