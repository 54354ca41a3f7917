import crypto from "node:crypto";

/**
 * Confidential fields are stored as `v1.<keyId>.<nonce>.<ciphertext+tag>` (base64url parts):
 * AES-256-GCM, a fresh 96-bit nonce per value, and the id of the key that sealed it so a key rotation can
 * re-encrypt under a new key while old values stay readable. The version prefix leaves room for another scheme.
 * `context` (e.g. "signal.summary") is bound as associated data, so a value copied into another field is rejected.
 */
const VERSION = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor() {
    super("Versleutelde waarde is ongeldig of hoort bij een andere sleutel.");
  }
}

export function keyId(key: Buffer): string {
  return crypto.createHash("sha256").update(key).digest("base64url").slice(0, 8);
}

export type FieldCipher = {
  encrypt(plain: string, context: string): string;
  decrypt(sealed: string, context: string): string;
};

export function createFieldCipher(currentKey: Buffer, previousKeys: Buffer[] = []): FieldCipher {
  if (currentKey.length !== 32) throw new Error("De datasleutel moet 32 bytes zijn.");
  const keys = new Map([currentKey, ...previousKeys].map((k) => [keyId(k), k]));
  const currentId = keyId(currentKey);

  return {
    encrypt(plain, context) {
      const nonce = crypto.randomBytes(NONCE_BYTES);
      const cipher = crypto.createCipheriv("aes-256-gcm", currentKey, nonce);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return [VERSION, currentId, nonce.toString("base64url"), body.toString("base64url")].join(".");
    },
    decrypt(sealed, context) {
      const [version, id, nonceText, bodyText, ...rest] = sealed.split(".");
      const key = id ? keys.get(id) : undefined;
      if (version !== VERSION || !key || !nonceText || !bodyText || rest.length > 0) throw new DecryptionError();
      const nonce = Buffer.from(nonceText, "base64url");
      const body = Buffer.from(bodyText, "base64url");
      if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) throw new DecryptionError();
      try {
        const decipher = crypto.createDecipheriv("aes-256-gcm", key, nonce);
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        throw new DecryptionError();
      }
    },
  };
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value, "utf8").digest("hex");
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
