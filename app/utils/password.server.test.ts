import { describe, expect, it } from "vitest";
import { newPasswordField, obviousPasswordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/domain/password-rules";
import { decoyPasswordHash, hashPassword, isCommonPassword, passwordProblem, verifyPassword } from "./password.server";

const COMMON_MESSAGE = "Dit wachtwoord staat op een lijst van veelgebruikte wachtwoorden. Kies een ander.";
const SIMPLE_MESSAGE = "Dit wachtwoord is te eenvoudig: gebruik meer verschillende tekens.";
const EMAIL_MESSAGE = "Het wachtwoord mag het deel van uw e-mailadres vóór de @ niet bevatten.";
const OTHER_EMAIL_MESSAGE = "Het wachtwoord mag het deel van het e-mailadres vóór de @ niet bevatten.";
const PASSPHRASE = "zeven groene kikkers op een vlot";

function firstIssue(value: unknown): string | undefined {
  const result = newPasswordField.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe("newPasswordField", () => {
  it("uses 12 and 256 as limits", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(256);
  });

  it("refuses fewer than 12 characters", () => {
    expect(newPasswordField.safeParse("a".repeat(11)).success).toBe(false);
    expect(newPasswordField.safeParse("").success).toBe(false);
    expect(firstIssue("kort1234567")).toBe("Gebruik minstens 12 tekens.");
  });

  it("accepts exactly 12 and exactly 256 characters", () => {
    expect(newPasswordField.safeParse("abcdefghijkl").success).toBe(true);
    expect(newPasswordField.parse("abcdefghijkl")).toBe("abcdefghijkl");
    expect(newPasswordField.safeParse("x".repeat(256)).success).toBe(true);
  });

  it("refuses more than 256 characters", () => {
    expect(newPasswordField.safeParse("x".repeat(257)).success).toBe(false);
    expect(firstIssue("x".repeat(1000))).toBe("Gebruik hoogstens 256 tekens.");
  });

  it("asks for a password when none is given", () => {
    expect(firstIssue(undefined)).toBe("Vul een wachtwoord in.");
    expect(newPasswordField.safeParse(123456789012).success).toBe(false);
  });
});

describe("isCommonPassword", () => {
  it.each(["password1234", "123qweasdzxc", "1qaz2wsx3edc", "qwerty123456", "q1w2e3r4t5y6", "qazwsxedcrfv", "wachtwoord"])(
    "catches %s, which is on the list",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it("ignores case", () => {
    expect(isCommonPassword("PASSWORD1234")).toBe(true);
    expect(isCommonPassword("QwErTy123456")).toBe(true);
  });

  it("catches a common word with digits and signs appended", () => {
    expect(isCommonPassword("Password1234!")).toBe(true);
    expect(isCommonPassword("Welkom2024!!")).toBe(true);
    expect(isCommonPassword("football_99#")).toBe(true);
  });

  it("only matches on the stem when it has at least 4 characters", () => {
    // "bob" and "love" are both on the list; only the 4-letter stem counts.
    expect(isCommonPassword("bob!98765432")).toBe(false);
    expect(isCommonPassword("love!98765432")).toBe(true);
  });

  it("only strips digits and signs at the end", () => {
    expect(isCommonPassword("98765432!love")).toBe(false);
  });

  it("lets a long unusual passphrase pass", () => {
    expect(isCommonPassword(PASSPHRASE)).toBe(false);
    expect(isCommonPassword("Fietsbel-Tulp-Regenjas-42")).toBe(false);
  });
});

describe("passwordProblem", () => {
  it("accepts a long unusual passphrase, also with an e-mail address", () => {
    expect(passwordProblem(PASSPHRASE)).toBeUndefined();
    expect(passwordProblem(PASSPHRASE, "j.jansen@gemeente.nl")).toBeUndefined();
  });

  it("refuses a common password with the Dutch message", () => {
    expect(passwordProblem("Password1234!")).toBe(COMMON_MESSAGE);
    expect(passwordProblem("1qaz2wsx3edc", "iemand@example.nl")).toBe(COMMON_MESSAGE);
  });

  it("refuses a password with too few distinct characters", () => {
    expect(passwordProblem("aaaaaaaaaaaaa")).toBe(SIMPLE_MESSAGE);
    expect(passwordProblem("xyxyxyxyxyxyxy")).toBe(SIMPLE_MESSAGE);
    expect(passwordProblem("xyzxyzxyzxyzxyz")).toBeUndefined();
  });

  it("refuses a password that contains the e-mail's local part, in any case", () => {
    const email = "Marieke.Vos@gemeente.nl";
    expect(passwordProblem("marieke.vos-2025!", email)).toBe(EMAIL_MESSAGE);
    expect(passwordProblem("Geheim MARIEKE.VOS geheim", email)).toBe(EMAIL_MESSAGE);
    expect(passwordProblem("Geheim marieke geheim", email)).toBeUndefined();
  });

  it("says 'the address', not 'your address', when an admin sets a password for someone else", () => {
    expect(passwordProblem("marieke.vos-2025!", "marieke.vos@gemeente.nl", "someone-else")).toBe(OTHER_EMAIL_MESSAGE);
    expect(obviousPasswordProblem("xx marieke.vos xx", "marieke.vos@gemeente.nl", "someone-else")).not.toMatch(/\buw\b/);
  });

  it("does not apply the e-mail rule without an e-mail", () => {
    expect(passwordProblem("marieke.vos-2025!")).toBeUndefined();
    expect(obviousPasswordProblem("marieke.vos-2025!", "")).toBeUndefined();
  });
});

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id using the OWASP profile, salted per call", async () => {
    const first = await hashPassword(PASSPHRASE);
    const second = await hashPassword(PASSPHRASE);
    expect(first.startsWith("$argon2id$")).toBe(true);
    expect(first).toContain("m=19456,t=2,p=1");
    expect(first).not.toContain(PASSPHRASE);
    expect(second).not.toBe(first);
    expect(await verifyPassword(first, PASSPHRASE)).toBe(true);
    expect(await verifyPassword(second, PASSPHRASE)).toBe(true);
  });

  it("round-trips unicode passwords", async () => {
    const password = "Zoë’s wachtwoord ✓ 日本";
    expect(await verifyPassword(await hashPassword(password), password)).toBe(true);
  });

  it("returns false for a wrong password", async () => {
    const stored = await hashPassword(PASSPHRASE);
    expect(await verifyPassword(stored, "zeven groene kikkers op een vlot!")).toBe(false);
    expect(await verifyPassword(stored, "Zeven groene kikkers op een vlot")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("returns false, without throwing, for a malformed hash", async () => {
    const valid = await hashPassword(PASSPHRASE);
    for (const malformed of [
      "",
      "not-a-hash",
      "$argon2id$",
      "$argon2id$v=19$m=19456,t=2,p=1$garbage",
      valid.slice(0, valid.length - 10),
      "$2b$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
    ]) {
      await expect(verifyPassword(malformed, PASSPHRASE), JSON.stringify(malformed)).resolves.toBe(false);
    }
  });

  it("provides one decoy hash that does not match real passwords", async () => {
    const decoy = await decoyPasswordHash();
    expect(decoy.startsWith("$argon2id$")).toBe(true);
    expect(await decoyPasswordHash()).toBe(decoy);
    expect(await verifyPassword(decoy, PASSPHRASE)).toBe(false);
  });
});
