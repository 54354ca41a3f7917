import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { auditLog } from "../../db/schema";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { DomainError } from "~/domain/errors";
import { verifyPassword } from "~/utils/password.server";
import { createSession, sessionUserId } from "~/auth/session.server";
import { chainHash } from "./audit.server";
import { createFirstAccount, createStaffUser, setTemporaryPassword, setUserDisabled, updateStaffUser } from "./account.server";
import { findLoginCandidate, getPasswordHash, getUser } from "./user.server";

const actor = { userId: null, clientAddress: "192.0.2.1" };
let adminId: number;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

beforeAll(async () => {
  useTempDatabase();
  prepareDatabase();
  adminId = await createFirstAccount({ email: "Beheer@Example.org ", name: "Bea Beheer", password: "een lange zin als wachtwoord" }, actor);
});

describe("accounts", () => {
  it("creates the first account as admin + intermediary, with a normalised e-mail and an argon2id hash", async () => {
    const user = getUser(adminId);
    expect(user).toMatchObject({ email: "beheer@example.org", roles: ["admin", "intermediary"], mustChangePassword: false });
    const hash = getPasswordHash(adminId) ?? "";
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "een lange zin als wachtwoord")).toBe(true);
  });

  it("allows only one first account", async () => {
    await expect(createFirstAccount({ email: "tweede@example.org", name: "Twee", password: "nog een lange zin hier" }, actor)).rejects.toMatchObject({
      code: "SETUP.DONE",
    });
  });

  it("refuses a duplicate e-mail address and a common password, naming the field", async () => {
    const me = { userId: adminId, clientAddress: "192.0.2.1" };
    await expect(createStaffUser({ email: "BEHEER@example.org", name: "X", roles: ["reader"], temporaryPassword: "een lange zin als wachtwoord" }, me)).rejects.toMatchObject({
      code: "ACCOUNT.EMAIL_TAKEN",
      field: "email",
    });
    await expect(createStaffUser({ email: "nieuw@example.org", name: "X", roles: ["reader"], temporaryPassword: "qwerty123456" }, me)).rejects.toMatchObject({
      code: "ACCOUNT.WEAK_PASSWORD",
      field: "temporaryPassword",
    });
    expect(findLoginCandidate("nieuw@example.org")).toBeUndefined();
  });

  it("keeps the last active admin: no disabling, no losing the role; a second admin lifts the rule", async () => {
    const me = { userId: adminId, clientAddress: "192.0.2.1" };
    const otherId = await createStaffUser({ email: "tweede-beheer@example.org", name: "Tom", roles: ["intermediary"], temporaryPassword: "tijdelijk maar lang genoeg" }, me);
    expect(codeOf(() => updateStaffUser(adminId, { email: "beheer@example.org", name: "Bea", roles: ["intermediary"] }, { ...me, userId: otherId }))).toBe("ACCOUNT.LAST_ADMIN");
    expect(codeOf(() => setUserDisabled(adminId, true, { ...me, userId: otherId }))).toBe("ACCOUNT.LAST_ADMIN");
    expect(codeOf(() => setUserDisabled(adminId, true, me))).toBe("ACCOUNT.SELF_DISABLE");
    expect(getUser(adminId)?.roles).toEqual(["admin", "intermediary"]);

    updateStaffUser(otherId, { email: "tweede-beheer@example.org", name: "Tom", roles: ["admin"] }, me);
    setUserDisabled(adminId, true, { ...me, userId: otherId });
    expect(getUser(adminId)?.disabled).toBe(true);
    setUserDisabled(adminId, false, { ...me, userId: otherId });
  });

  it("ends a user's sessions when the account is disabled or gets a temporary password", async () => {
    const me = { userId: adminId, clientAddress: "192.0.2.1" };
    const id = await createStaffUser({ email: "sessie@example.org", name: "Sam", roles: ["reader"], temporaryPassword: "tijdelijk maar lang genoeg" }, me);
    const requestWith = async () => {
      const cookie = await createSession(id, { clientAddress: "192.0.2.9", userAgent: null });
      return new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0] ?? "" } });
    };
    const first = await requestWith();
    expect((await sessionUserId(first))?.userId).toBe(id);
    setUserDisabled(id, true, me);
    expect(await sessionUserId(first)).toBeUndefined();

    setUserDisabled(id, false, me);
    const second = await requestWith();
    await setTemporaryPassword(id, "weer een tijdelijk wachtwoord", me);
    expect(await sessionUserId(second)).toBeUndefined();
    expect(getUser(id)?.mustChangePassword).toBe(true);
  });
});

describe("audit log", () => {
  it("records the changes above as a hash chain with codes only", () => {
    const rows = db().select().from(auditLog).orderBy(auditLog.id).all();
    expect(rows.map((r) => r.action)).toContain("setup.first_account");
    expect(rows.map((r) => r.action)).toContain("user.disabled");
    let prev = "0".repeat(64);
    for (const row of rows) {
      expect(row.prevHash).toBe(prev);
      expect(row.hash).toBe(chainHash(prev, [row.at, row.actorUserId, row.action, row.entityType, row.entityId, row.clientAddress, row.detail]));
      prev = row.hash;
    }
    expect(JSON.stringify(rows)).not.toContain("wachtwoord");
  });

  it("refuses UPDATE and DELETE, even from the application's own connection", () => {
    expect(() => db().$client.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db().$client.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
  });

  it("audit:verify finds the chain intact, and the first altered or removed entry after tampering", async () => {
    const { verifyAuditChain } = await import("./audit-verify.server");
    // What the app does within a second of every append.
    (await import("./audit-anchor.server")).refreshAuditAnchor();
    const intact = verifyAuditChain();
    expect(intact.ok).toBe(true);
    // Someone with the database file can drop the triggers; the chain still tells.
    const sqlite = db().$client;
    sqlite.exec("DROP TRIGGER audit_log_no_update");
    sqlite.exec("UPDATE audit_log SET action = 'auth.login' WHERE id = 3");
    expect(verifyAuditChain()).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringContaining("gewijzigd") });
    sqlite.exec("DROP TRIGGER audit_log_no_delete");
    sqlite.exec("DELETE FROM audit_log WHERE id = 3");
    expect(verifyAuditChain()).toMatchObject({ ok: false, brokenAt: 4, reason: expect.stringContaining("verwijderd") });
  });
});
