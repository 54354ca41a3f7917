import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatReceiptCode, newReceiptCode, normaliseReceiptCode, receiptHash, RECEIPT_DIGITS } from "./receipt.server";

describe("receipt codes", () => {
  it("are 20 digits, at least 64 bits, and differ every time", () => {
    expect(Math.log2(10 ** RECEIPT_DIGITS)).toBeGreaterThanOrEqual(64);
    const codes = new Set(Array.from({ length: 1000 }, () => newReceiptCode()));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^\d{20}$/);
  });

  it("use every digit about equally often (no modulo bias worth the name)", () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 2000; i += 1) for (const d of newReceiptCode()) counts[Number(d)] = (counts[Number(d)] ?? 0) + 1;
    for (const count of counts) expect(count).toBeGreaterThan(3500);
  });

  it("are shown in groups of four and read back with spaces or dashes", () => {
    expect(formatReceiptCode("12345678901234567890")).toBe("1234 5678 9012 3456 7890");
    expect(normaliseReceiptCode("1234 5678-9012 3456  7890")).toBe("12345678901234567890");
    expect(normaliseReceiptCode(" 1234-5678-9012-3456-7890 ")).toBe("12345678901234567890");
    expect(normaliseReceiptCode("1234 5678 9012 3456 789")).toBeUndefined();
    expect(normaliseReceiptCode("1234 5678 9012 3456 789a")).toBeUndefined();
    expect(normaliseReceiptCode("")).toBeUndefined();
  });

  it("are stored as a keyed hash that needs the key", () => {
    const key = crypto.randomBytes(32);
    const other = crypto.randomBytes(32);
    const code = newReceiptCode();
    expect(receiptHash(code, key)).toBe(receiptHash(code, key));
    expect(receiptHash(code, key)).not.toBe(receiptHash(code, other));
    expect(receiptHash(code, key)).not.toContain(code);
    expect(receiptHash(code, key)).toMatch(/^[0-9a-f]{64}$/);
  });
});
