import { eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { auditLog, recoveryCodes, users } from "../../db/schema";
import { timeStep } from "~/domain/totp";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { createSession, renewSession, sessionUserId } from "~/auth/session.server";
import { createFirstAccount, createStaffUser, updateStaffUser } from "./account.server";
import { confirmEnrolment, enrolmentKey, resetSecondFactor, unusedRecoveryCodes, verifySecondFactor } from "./second-factor.server";
import { getUser } from "./user.server";

const actor = { userId: null, clientAddress: "192.0.2.1" };
const T0 = Date.UTC(2026, 0, 15, 9, 0, 5);
let adminId: number;
let userId: number;

const codeAt = (key: string, ms: number) => new TOTP({ secret: Secret.fromBase32(key) }).generate({ timestamp: ms });
const requestWith = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0] ?? "" } });
const actionsFor = (id: number) =>
  db()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.entityId, String(id)))
    .all()
    .map((r) => r.action);

beforeAll(async () => {
  useTempDatabase();
  prepareDatabase();
  adminId = await createFirstAccount({ email: "beheer@example.org", name: "Bea Beheer", password: "een lange zin als wachtwoord" }, actor);
  userId = await createStaffUser(
    { email: "tina@example.org", name: "Tina", roles: ["intermediary"], temporaryPassword: "tijdelijk maar lang genoeg" },
    { ...actor, userId: adminId },
  );
});

describe("enrolment", () => {
  let key: string;

  it("makes a 160-bit key once, kept sealed and unconfirmed across reloads", () => {
    key = enrolmentKey(userId);
    expect(Secret.fromBase32(key).bytes.length).toBe(20);
    expect(enrolmentKey(userId)).toBe(key);
    const row = db().select().from(users).where(eq(users.id, userId)).get();
    expect(row?.totpSecret).toMatch(/^v1\./);
    expect(row?.totpSecret).not.toContain(key);
    expect(row?.totpConfirmedAt).toBeNull();
    expect(getUser(userId)?.secondFactor).toBe(false);
  });

  it("refuses a wrong first code, naming the field", async () => {
    const wrong = String((Number(codeAt(key, T0)) + 1) % 1_000_000).padStart(6, "0");
    await expect(confirmEnrolment(userId, wrong, actor, T0)).rejects.toMatchObject({ code: "SECOND_FACTOR.WRONG_CODE", field: "code" });
    expect(getUser(userId)?.secondFactor).toBe(false);
  });

  it("confirms with a right code, remembers its step and gives 10 distinct recovery codes, stored as argon2 hashes only", async () => {
    const codes = await confirmEnrolment(userId, codeAt(key, T0), actor, T0);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    const row = db().select().from(users).where(eq(users.id, userId)).get();
    expect(row?.totpLastStep).toBe(timeStep(T0));
    expect(getUser(userId)?.secondFactor).toBe(true);
    const stored = db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).all();
    expect(stored).toHaveLength(10);
    expect(stored.every((r) => r.codeHash.startsWith("$argon2id$"))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(codes[0]);
    expect(actionsFor(userId)).toContain("auth.second_factor_enrolled");
    expect(() => enrolmentKey(userId)).toThrow(/al ingesteld/);
  });
});

describe("login with the second factor", () => {
  let key: string;
  let spare: string[];

  beforeAll(async () => {
    resetSecondFactor(userId, actor);
    key = enrolmentKey(userId);
    spare = await confirmEnrolment(userId, codeAt(key, T0), actor, T0);
  });

  it("accepts a newer code once; the same code again is refused, also while still within its window", async () => {
    const later = T0 + 60_000;
    expect(await verifySecondFactor(userId, codeAt(key, later), actor, later)).toBe("totp");
    expect(await verifySecondFactor(userId, codeAt(key, later), actor, later)).toBeUndefined();
    expect(await verifySecondFactor(userId, codeAt(key, later), actor, later + 30_000)).toBeUndefined();
    // The next step's code (drift ahead) is still fine, and then that step is spent too.
    expect(await verifySecondFactor(userId, codeAt(key, later + 30_000), actor, later)).toBe("totp");
    expect(await verifySecondFactor(userId, codeAt(key, later + 30_000), actor, later + 30_000)).toBeUndefined();
  });

  it("refuses the enrolment code and codes outside ±1 step", async () => {
    expect(await verifySecondFactor(userId, codeAt(key, T0), actor, T0)).toBeUndefined();
    const now = T0 + 10 * 60_000;
    expect(await verifySecondFactor(userId, codeAt(key, now - 60_000), actor, now)).toBeUndefined();
    expect(await verifySecondFactor(userId, codeAt(key, now + 60_000), actor, now)).toBeUndefined();
  });

  it("takes a recovery code once, in any case and spacing, and audits its use", async () => {
    const code = spare[3] ?? "";
    expect(await verifySecondFactor(userId, code.toLowerCase().replace("-", " "), actor)).toBe("recovery");
    expect(await verifySecondFactor(userId, code, actor)).toBeUndefined();
    expect(unusedRecoveryCodes(userId)).toBe(9);
    expect(await verifySecondFactor(userId, "ABCDE-FGHJK", actor)).toBeUndefined();
    expect(actionsFor(userId)).toContain("auth.recovery_code_used");
  });

  it("an admin reset clears key, step and recovery codes, ends the user's sessions and is audited", async () => {
    const cookie = await createSession(userId, { clientAddress: "192.0.2.9", userAgent: null });
    resetSecondFactor(userId, { ...actor, userId: adminId });
    expect(await sessionUserId(requestWith(cookie))).toBeUndefined();
    const row = db().select().from(users).where(eq(users.id, userId)).get();
    expect(row).toMatchObject({ totpSecret: null, totpConfirmedAt: null, totpLastStep: null });
    expect(unusedRecoveryCodes(userId)).toBe(0);
    expect(getUser(userId)?.secondFactor).toBe(false);
    expect(await verifySecondFactor(userId, spare[0] ?? "", actor)).toBeUndefined();
    expect(actionsFor(userId)).toContain("user.second_factor_reset");
    expect(enrolmentKey(userId)).not.toBe(key);
  });
});

describe("session renewal", () => {
  it("moves a pending session to a fresh id with the second factor cleared; the old id opens nothing", async () => {
    const old = await createSession(userId, { clientAddress: "192.0.2.9", userAgent: null }, { secondFactorPending: true });
    const before = await sessionUserId(requestWith(old));
    expect(before?.secondFactorPending).toBe(true);
    const renewed = await renewSession(before?.sessionHash ?? "");
    expect(await sessionUserId(requestWith(old))).toBeUndefined();
    expect(await sessionUserId(requestWith(renewed))).toMatchObject({ userId, secondFactorPending: false });
  });

  it("reports a change of one's own roles (the route renews that session) and ends another user's sessions", async () => {
    const me = { ...actor, userId: adminId };
    const own = await createSession(adminId, { clientAddress: "192.0.2.9", userAgent: null });
    expect(updateStaffUser(adminId, { email: "beheer@example.org", name: "Bea", roles: ["admin", "intermediary"] }, me)).toBe(false);
    const other = await createSession(userId, { clientAddress: "192.0.2.9", userAgent: null });
    expect(updateStaffUser(userId, { email: "tina@example.org", name: "Tina", roles: ["reader"] }, me)).toBe(true);
    expect(await sessionUserId(requestWith(other))).toBeUndefined();
    expect(await sessionUserId(requestWith(own))).toBeDefined();
  });
});
