import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { constantTimeEqual, createFieldCipher, DecryptionError, keyId } from "./crypto.server";

const key = (fill?: number) => (fill === undefined ? crypto.randomBytes(32) : Buffer.alloc(32, fill));
const CONTEXT = "signal.summary";

type Parts = { version: string; id: string; nonce: Buffer; body: Buffer };

function split(sealed: string): Parts {
  const parts = sealed.split(".");
  expect(parts).toHaveLength(4);
  const [version, id, nonce, body] = parts as [string, string, string, string];
  return { version, id, nonce: Buffer.from(nonce, "base64url"), body: Buffer.from(body, "base64url") };
}

function join(parts: Parts): string {
  return [parts.version, parts.id, parts.nonce.toString("base64url"), parts.body.toString("base64url")].join(".");
}

function flipByte(buffer: Buffer, index: number): Buffer {
  const copy = Buffer.from(buffer);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

describe("keyId", () => {
  it("is a deterministic 8-character base64url id that differs per key", () => {
    const a = key(1);
    expect(keyId(a)).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(keyId(Buffer.from(a))).toBe(keyId(a));
    expect(keyId(key(2))).not.toBe(keyId(a));
  });

  it("is the start of the key's base64url SHA-256 digest", () => {
    const a = key(7);
    expect(keyId(a)).toBe(crypto.createHash("sha256").update(a).digest("base64url").slice(0, 8));
  });
});

describe("createFieldCipher", () => {
  it("refuses a key that is not 32 bytes", () => {
    expect(() => createFieldCipher(Buffer.alloc(16))).toThrow("32 bytes");
    expect(() => createFieldCipher(Buffer.alloc(31))).toThrow(Error);
    expect(() => createFieldCipher(Buffer.alloc(33))).toThrow(Error);
    expect(() => createFieldCipher(Buffer.alloc(0))).toThrow(Error);
    expect(() => createFieldCipher(key())).not.toThrow();
  });

  describe("round trip", () => {
    const cipher = createFieldCipher(key());

    it.each([
      ["a short text", "Melding over de woonsituatie."],
      ["the empty string", ""],
      ["unicode (accents, CJK, emoji, combining marks)", "Zoë — café ✓ 日本語 👩‍👩‍👧 e\u0301 \u0000 null byte"],
      ["a 10,000-character text", "abcdefghij".repeat(1000)],
      ["text with dots, which also separate the sealed parts", "a.b.c.d.e"],
    ])("returns %s unchanged", (_label, plain) => {
      const sealed = cipher.encrypt(plain, CONTEXT);
      expect(cipher.decrypt(sealed, CONTEXT)).toBe(plain);
    });

    it("round-trips a 10,000-character random unicode text", () => {
      const chars = Array.from({ length: 10_000 }, (_, i) => String.fromCodePoint(0x20 + ((i * 7919) % 0x2000)));
      const plain = chars.join("");
      expect(plain).toHaveLength(10_000);
      expect(cipher.decrypt(cipher.encrypt(plain, CONTEXT), CONTEXT)).toBe(plain);
    });

    it("does not contain the plain text", () => {
      const sealed = cipher.encrypt("geheime-inhoud", CONTEXT);
      expect(sealed).not.toContain("geheime-inhoud");
      expect(sealed).not.toContain(Buffer.from("geheime-inhoud").toString("base64url"));
    });
  });

  it("uses a fresh nonce for every value, so the same text seals differently", () => {
    const cipher = createFieldCipher(key());
    const sealed = Array.from({ length: 20 }, () => cipher.encrypt("dezelfde tekst", CONTEXT));
    expect(new Set(sealed).size).toBe(sealed.length);
    expect(new Set(sealed.map((s) => split(s).nonce.toString("hex"))).size).toBe(sealed.length);
    for (const s of sealed) expect(cipher.decrypt(s, CONTEXT)).toBe("dezelfde tekst");
  });

  it("writes v1.<keyId>.<nonce>.<body> with a 12-byte nonce and a 16-byte tag", () => {
    const k = key();
    const cipher = createFieldCipher(k);
    const plain = "hallo wereld";
    const sealed = cipher.encrypt(plain, CONTEXT);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const parts = split(sealed);
    expect(parts.version).toBe("v1");
    expect(parts.id).toBe(keyId(k));
    expect(parts.nonce).toHaveLength(12);
    expect(parts.body).toHaveLength(Buffer.byteLength(plain, "utf8") + 16);
  });

  it("is standard AES-256-GCM with the context as associated data", () => {
    const k = key();
    const parts = split(createFieldCipher(k).encrypt("interoperabel", CONTEXT));
    const decipher = crypto.createDecipheriv("aes-256-gcm", k, parts.nonce);
    decipher.setAAD(Buffer.from(CONTEXT, "utf8"));
    decipher.setAuthTag(parts.body.subarray(parts.body.length - 16));
    const plain = Buffer.concat([decipher.update(parts.body.subarray(0, parts.body.length - 16)), decipher.final()]);
    expect(plain.toString("utf8")).toBe("interoperabel");
  });

  describe("rejects anything that was not sealed as-is by a known key", () => {
    const k = key();
    const cipher = createFieldCipher(k);
    const plain = "vertrouwelijk";
    const sealed = cipher.encrypt(plain, CONTEXT);
    const parts = split(sealed);

    it("every single flipped byte of the nonce", () => {
      for (let i = 0; i < parts.nonce.length; i++) {
        const tampered = join({ ...parts, nonce: flipByte(parts.nonce, i) });
        expect(() => cipher.decrypt(tampered, CONTEXT), `nonce byte ${i}`).toThrow(DecryptionError);
      }
    });

    it("every single flipped byte of the body (ciphertext and tag)", () => {
      for (let i = 0; i < parts.body.length; i++) {
        const tampered = join({ ...parts, body: flipByte(parts.body, i) });
        expect(() => cipher.decrypt(tampered, CONTEXT), `body byte ${i}`).toThrow(DecryptionError);
      }
    });

    it("a changed key id", () => {
      const otherId = keyId(key());
      expect(() => cipher.decrypt(join({ ...parts, id: otherId }), CONTEXT)).toThrow(DecryptionError);
      const firstChar = parts.id[0] === "A" ? "B" : "A";
      expect(() => cipher.decrypt(join({ ...parts, id: firstChar + parts.id.slice(1) }), CONTEXT)).toThrow(
        DecryptionError,
      );
      expect(() => cipher.decrypt(join({ ...parts, id: "" }), CONTEXT)).toThrow(DecryptionError);
    });

    it("a wrong or missing version prefix", () => {
      for (const version of ["v2", "v0", "V1", "", "v1 "]) {
        expect(() => cipher.decrypt(join({ ...parts, version }), CONTEXT), `version ${JSON.stringify(version)}`).toThrow(
          DecryptionError,
        );
      }
      expect(() => cipher.decrypt(sealed.slice(3), CONTEXT)).toThrow(DecryptionError);
    });

    it("a truncated value", () => {
      const truncatedBody = (n: number) => join({ ...parts, body: parts.body.subarray(0, n) });
      expect(() => cipher.decrypt(truncatedBody(parts.body.length - 1), CONTEXT)).toThrow(DecryptionError);
      expect(() => cipher.decrypt(truncatedBody(16), CONTEXT)).toThrow(DecryptionError);
      expect(() => cipher.decrypt(truncatedBody(15), CONTEXT)).toThrow(DecryptionError);
      expect(() => cipher.decrypt(join({ ...parts, nonce: parts.nonce.subarray(0, 11) }), CONTEXT)).toThrow(
        DecryptionError,
      );
      for (let length = 0; length < sealed.length; length += 5) {
        expect(() => cipher.decrypt(sealed.slice(0, length), CONTEXT), `first ${length} chars`).toThrow(DecryptionError);
      }
    });

    it("extra parts, a longer nonce or appended bytes", () => {
      expect(() => cipher.decrypt(`${sealed}.extra`, CONTEXT)).toThrow(DecryptionError);
      expect(() => cipher.decrypt(join({ ...parts, nonce: Buffer.concat([parts.nonce, Buffer.alloc(1)]) }), CONTEXT)).toThrow(
        DecryptionError,
      );
      expect(() => cipher.decrypt(join({ ...parts, body: Buffer.concat([parts.body, Buffer.alloc(1)]) }), CONTEXT)).toThrow(
        DecryptionError,
      );
    });

    it("garbage", () => {
      for (const garbage of ["", ".", "...", "v1...", "niet versleuteld", plain]) {
        expect(() => cipher.decrypt(garbage, CONTEXT), JSON.stringify(garbage)).toThrow(DecryptionError);
      }
    });

    it("a value sealed under another context", () => {
      const a = cipher.encrypt(plain, "a");
      expect(cipher.decrypt(a, "a")).toBe(plain);
      expect(() => cipher.decrypt(a, "b")).toThrow(DecryptionError);
      expect(() => cipher.decrypt(a, "")).toThrow(DecryptionError);
      expect(() => cipher.decrypt(a, "A")).toThrow(DecryptionError);
    });

    it("the same value still opens when left untouched", () => {
      expect(cipher.decrypt(join(parts), CONTEXT)).toBe(plain);
    });
  });

  it("rejects a value sealed with another key, with a Dutch message", () => {
    const sealed = createFieldCipher(key()).encrypt("tekst", CONTEXT);
    const other = createFieldCipher(key());
    let caught: unknown;
    try {
      other.decrypt(sealed, CONTEXT);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DecryptionError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).message).toBe("Versleutelde waarde is ongeldig of hoort bij een andere sleutel.");
  });

  it("rejects a value sealed with another key even when the key id is relabelled", () => {
    const k = key();
    const sealed = createFieldCipher(key()).encrypt("tekst", CONTEXT);
    const relabelled = join({ ...split(sealed), id: keyId(k) });
    expect(() => createFieldCipher(k).decrypt(relabelled, CONTEXT)).toThrow(DecryptionError);
  });

  describe("key rotation", () => {
    const oldKey = key();
    const olderKey = key();
    const newKey = key();
    const oldValue = createFieldCipher(oldKey).encrypt("oud", CONTEXT);
    const olderValue = createFieldCipher(olderKey).encrypt("ouder", CONTEXT);

    it("opens values sealed with a previous key", () => {
      const rotated = createFieldCipher(newKey, [oldKey, olderKey]);
      expect(rotated.decrypt(oldValue, CONTEXT)).toBe("oud");
      expect(rotated.decrypt(olderValue, CONTEXT)).toBe("ouder");
    });

    it("seals new values with the current key only", () => {
      const rotated = createFieldCipher(newKey, [oldKey]);
      const sealed = rotated.encrypt("nieuw", CONTEXT);
      expect(split(sealed).id).toBe(keyId(newKey));
      expect(createFieldCipher(newKey).decrypt(sealed, CONTEXT)).toBe("nieuw");
      expect(() => createFieldCipher(oldKey).decrypt(sealed, CONTEXT)).toThrow(DecryptionError);
    });

    it("re-encrypting an old value moves it to the current key", () => {
      const rotated = createFieldCipher(newKey, [oldKey]);
      const resealed = rotated.encrypt(rotated.decrypt(oldValue, CONTEXT), CONTEXT);
      expect(split(resealed).id).toBe(keyId(newKey));
      expect(createFieldCipher(newKey).decrypt(resealed, CONTEXT)).toBe("oud");
    });

    it("no longer opens values of a key that was dropped", () => {
      const withoutOld = createFieldCipher(newKey, [olderKey]);
      expect(() => withoutOld.decrypt(oldValue, CONTEXT)).toThrow(DecryptionError);
      expect(withoutOld.decrypt(olderValue, CONTEXT)).toBe("ouder");
    });

    it("keeps the context binding for previous keys", () => {
      const rotated = createFieldCipher(newKey, [oldKey]);
      expect(() => rotated.decrypt(oldValue, "other.field")).toThrow(DecryptionError);
    });
  });
});

describe("constantTimeEqual", () => {
  it("is true for equal strings", () => {
    expect(constantTimeEqual("", "")).toBe(true);
    expect(constantTimeEqual("token-123", "token-123")).toBe(true);
    expect(constantTimeEqual("café ✓", "café ✓")).toBe(true);
  });

  it("is false for different strings of the same length", () => {
    expect(constantTimeEqual("token-123", "token-124")).toBe(false);
    expect(constantTimeEqual("abc", "ABC")).toBe(false);
  });

  it("is false (without throwing) for strings of different length", () => {
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
    expect(constantTimeEqual("", "a")).toBe(false);
    // Same number of UTF-16 units, different number of UTF-8 bytes.
    expect(constantTimeEqual("é", "e")).toBe(false);
  });

  it("compares characters, not normalised forms", () => {
    expect(constantTimeEqual("\u00e9", "e\u0301")).toBe(false);
  });
});
