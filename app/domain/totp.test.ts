import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { acceptTotp, groupInBlocks, normaliseRecoveryCode, normaliseTotpCode, timeStep, totpUri } from "./totp";

const secretBase32 = new Secret({ size: 20 }).base32;
const app = new TOTP({ secret: Secret.fromBase32(secretBase32) });
const NOW = Date.UTC(2026, 0, 15, 10, 0, 10);
const STEP = timeStep(NOW);
const codeAt = (step: number) => app.generate({ timestamp: step * 30_000 });

describe("acceptTotp", () => {
  it("accepts the current code and returns its step", () => {
    expect(acceptTotp({ secretBase32, code: codeAt(STEP), nowMs: NOW, lastStep: null })).toBe(STEP);
  });

  it("accepts one step of drift either way, not two", () => {
    expect(acceptTotp({ secretBase32, code: codeAt(STEP - 1), nowMs: NOW, lastStep: null })).toBe(STEP - 1);
    expect(acceptTotp({ secretBase32, code: codeAt(STEP + 1), nowMs: NOW, lastStep: null })).toBe(STEP + 1);
    expect(acceptTotp({ secretBase32, code: codeAt(STEP - 2), nowMs: NOW, lastStep: null })).toBeUndefined();
    expect(acceptTotp({ secretBase32, code: codeAt(STEP + 2), nowMs: NOW, lastStep: null })).toBeUndefined();
  });

  it("refuses a code of an accepted step or an earlier one (no replay within the window)", () => {
    expect(acceptTotp({ secretBase32, code: codeAt(STEP), nowMs: NOW, lastStep: STEP })).toBeUndefined();
    expect(acceptTotp({ secretBase32, code: codeAt(STEP - 1), nowMs: NOW, lastStep: STEP })).toBeUndefined();
    expect(acceptTotp({ secretBase32, code: codeAt(STEP + 1), nowMs: NOW, lastStep: STEP })).toBe(STEP + 1);
    // The same code 30 s later is still inside the window, and still refused once used.
    expect(acceptTotp({ secretBase32, code: codeAt(STEP), nowMs: NOW + 30_000, lastStep: STEP })).toBeUndefined();
  });

  it("refuses a wrong code and a code of another secret", () => {
    const wrong = String((Number(codeAt(STEP)) + 1) % 1_000_000).padStart(6, "0");
    expect(acceptTotp({ secretBase32, code: wrong, nowMs: NOW, lastStep: null })).toBeUndefined();
    const other = new TOTP({ secret: new Secret({ size: 20 }) }).generate({ timestamp: NOW });
    expect(acceptTotp({ secretBase32, code: other, nowMs: NOW, lastStep: null })).toBeUndefined();
  });
});

describe("codes as typed", () => {
  it("takes six digits with spaces, nothing else", () => {
    expect(normaliseTotpCode(" 123 456 ")).toBe("123456");
    expect(normaliseTotpCode("12345")).toBeUndefined();
    expect(normaliseTotpCode("12345a")).toBeUndefined();
  });

  it("reads recovery codes regardless of case, spaces and dashes, only from the unambiguous alphabet", () => {
    expect(normaliseRecoveryCode("abcde fghjk")).toBe("ABCDE-FGHJK");
    expect(normaliseRecoveryCode("ABCDE-FGHJK")).toBe("ABCDE-FGHJK");
    expect(normaliseRecoveryCode("ABCDE-FGHJ0")).toBeUndefined();
    expect(normaliseRecoveryCode("ABCDE-FGH")).toBeUndefined();
  });

  it("groups a key in blocks of four and builds the otpauth URI", () => {
    expect(groupInBlocks("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
    const uri = totpUri(secretBase32, "ilse@example.org");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Rode%20Draad:ilse%40example\.org\?/);
    expect(uri).toContain(`secret=${secretBase32}`);
    expect(uri).toContain("period=30");
  });
});
