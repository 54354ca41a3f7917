import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadSecrets, SecretsError, secretsFilePath, storeRotatedDataKey, type SecretsEnvironment } from "./secrets.server";

let dir: string;
let databaseFile: string;
let secretsFile: string;
/** What the operator would have set: each test starts with nothing in the environment. */
let environment: SecretsEnvironment;

beforeEach(() => {
  environment = {};
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-secrets-"));
  databaseFile = path.join(dir, "data", "rode-draad.sqlite");
  secretsFile = path.join(dir, "data", "secrets.json");
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const validKey = () => crypto.randomBytes(32).toString("base64");
const validSecret = () => crypto.randomBytes(48).toString("base64url");

function writeSecretsFile(content: unknown) {
  fs.mkdirSync(path.dirname(secretsFile), { recursive: true });
  fs.writeFileSync(secretsFile, typeof content === "string" ? content : JSON.stringify(content), { mode: 0o600 });
}

function secretsErrorOf(run: () => unknown): SecretsError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SecretsError);
    return error as SecretsError;
  }
  throw new Error("expected a SecretsError, nothing was thrown");
}

describe("secretsFilePath", () => {
  it("puts secrets.json beside the database", () => {
    expect(secretsFilePath(databaseFile)).toBe(secretsFile);
  });
});

describe("loadSecrets", () => {
  describe("generating secrets.json", () => {
    it("creates the file (and its folder) with mode 0600 when allowed", () => {
      const secrets = loadSecrets({ databaseFile, mayGenerate: true, environment });
      expect(fs.existsSync(secretsFile)).toBe(true);
      expect(fs.statSync(secretsFile).mode & 0o777).toBe(0o600);
      expect(secrets.dataKey).toBeInstanceOf(Buffer);
      expect(secrets.dataKey).toHaveLength(32);
      expect(secrets.sessionSecret.length).toBeGreaterThanOrEqual(32);

      const stored = JSON.parse(fs.readFileSync(secretsFile, "utf8")) as { sessionSecret: string; dataKey: string };
      expect(stored.sessionSecret).toBe(secrets.sessionSecret);
      expect(Buffer.from(stored.dataKey, "base64").equals(secrets.dataKey)).toBe(true);
    });

    it("reuses the file on the next call, even when generating is no longer allowed", () => {
      const first = loadSecrets({ databaseFile, mayGenerate: true, environment });
      const contents = fs.readFileSync(secretsFile, "utf8");
      const second = loadSecrets({ databaseFile, mayGenerate: true, environment });
      const third = loadSecrets({ databaseFile, mayGenerate: false, environment });
      expect(second.sessionSecret).toBe(first.sessionSecret);
      expect(second.dataKey.equals(first.dataKey)).toBe(true);
      expect(third.sessionSecret).toBe(first.sessionSecret);
      expect(third.dataKey.equals(first.dataKey)).toBe(true);
      expect(fs.readFileSync(secretsFile, "utf8")).toBe(contents);
    });

    it("generates different secrets for different installations", () => {
      const a = loadSecrets({ databaseFile, mayGenerate: true, environment });
      const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-secrets-"));
      try {
        const b = loadSecrets({ databaseFile: path.join(otherDir, "db.sqlite"), mayGenerate: true, environment });
        expect(b.sessionSecret).not.toBe(a.sessionSecret);
        expect(b.dataKey.equals(a.dataKey)).toBe(false);
      } finally {
        fs.rmSync(otherDir, { recursive: true, force: true });
      }
    });

    it("refuses to generate when the database already holds data, and writes nothing", () => {
      const error = secretsErrorOf(() => loadSecrets({ databaseFile, mayGenerate: false, environment }));
      expect(error.message).toContain("DATA_KEY");
      expect(error.message).toContain("SESSION_SECRET");
      expect(error.message).toContain(secretsFile);
      expect(error.message).toContain("Zet de sleutels terug");
      expect(fs.existsSync(secretsFile)).toBe(false);
    });

    it("adds a missing receipt key to an existing file only while nothing depends on it", () => {
      fs.mkdirSync(path.dirname(secretsFile), { recursive: true });
      fs.writeFileSync(secretsFile, JSON.stringify({ sessionSecret: validSecret(), dataKey: validKey() }));
      expect(() => loadSecrets({ databaseFile, mayGenerate: false, mayGenerateReceiptKey: false, environment })).toThrow(/ontvangstcodes ontbreekt/);
      const secrets = loadSecrets({ databaseFile, mayGenerate: false, mayGenerateReceiptKey: true, environment });
      expect(secrets.receiptKey.length).toBe(32);
      expect(JSON.parse(fs.readFileSync(secretsFile, "utf8")).receiptKey).toBe(secrets.receiptKey.toString("base64"));
      expect(fs.statSync(secretsFile).mode & 0o777).toBe(0o600);
    });

    it("refuses to generate when only one of the variables is set and the database holds data", () => {
      environment.DATA_KEY = validKey();
      secretsErrorOf(() => loadSecrets({ databaseFile, mayGenerate: false, environment }));
      expect(fs.existsSync(secretsFile)).toBe(false);
    });
  });

  describe("from the environment", () => {
    it("needs no file when all three variables are set", () => {
      const key = validKey();
      const sessionSecret = validSecret();
      environment.DATA_KEY = key;
      environment.SESSION_SECRET = sessionSecret;
      environment.RECEIPT_KEY = validKey();
      const secrets = loadSecrets({ databaseFile, mayGenerate: false, environment });
      expect(secrets.sessionSecret).toBe(sessionSecret);
      expect(secrets.dataKey.equals(Buffer.from(key, "base64"))).toBe(true);
      expect(fs.existsSync(secretsFile)).toBe(false);
    });

    it("takes precedence over the file", () => {
      const fromFile = loadSecrets({ databaseFile, mayGenerate: true, environment });
      const key = validKey();
      const sessionSecret = validSecret();
      environment.DATA_KEY = key;
      environment.SESSION_SECRET = sessionSecret;
      const secrets = loadSecrets({ databaseFile, mayGenerate: false, environment });
      expect(secrets.sessionSecret).toBe(sessionSecret);
      expect(secrets.sessionSecret).not.toBe(fromFile.sessionSecret);
      expect(secrets.dataKey.equals(Buffer.from(key, "base64"))).toBe(true);
      expect(secrets.dataKey.equals(fromFile.dataKey)).toBe(false);
    });

    it("takes each variable separately, the rest from the file", () => {
      const fromFile = loadSecrets({ databaseFile, mayGenerate: true, environment });
      const sessionSecret = validSecret();
      environment.SESSION_SECRET = sessionSecret;
      const secrets = loadSecrets({ databaseFile, mayGenerate: false, environment });
      expect(secrets.sessionSecret).toBe(sessionSecret);
      expect(secrets.dataKey.equals(fromFile.dataKey)).toBe(true);
    });

    it("accepts a 32-byte DATA_KEY without padding", () => {
      const key = crypto.randomBytes(32);
      environment.DATA_KEY = key.toString("base64").replace(/=+$/, "");
      environment.SESSION_SECRET = validSecret();
      environment.RECEIPT_KEY = validKey();
      expect(loadSecrets({ databaseFile, mayGenerate: false, environment }).dataKey.equals(key)).toBe(true);
    });

    it.each([
      ["16 bytes", crypto.randomBytes(16).toString("base64")],
      ["33 bytes", crypto.randomBytes(33).toString("base64")],
      ["base64url instead of base64", Buffer.alloc(32, 0xfb).toString("base64url")],
      ["hex", crypto.randomBytes(32).toString("hex")],
      ["a passphrase", "dit is geen sleutel maar een zin van tekst"],
      ["base64 with whitespace", ` ${validKey()}`],
    ])("refuses a DATA_KEY of %s", (_label, value) => {
      environment.DATA_KEY = value;
      environment.SESSION_SECRET = validSecret();
      environment.RECEIPT_KEY = validKey();
      const error = secretsErrorOf(() => loadSecrets({ databaseFile, mayGenerate: true, environment }));
      expect(error.message).toContain("DATA_KEY");
      expect(error.message).toContain("32 bytes");
    });

    it("refuses a SESSION_SECRET shorter than 32 characters", () => {
      environment.DATA_KEY = validKey();
      environment.SESSION_SECRET = "x".repeat(31);
      const error = secretsErrorOf(() => loadSecrets({ databaseFile, mayGenerate: true, environment }));
      expect(error.message).toContain("SESSION_SECRET");
      expect(error.message).toContain("32 tekens");

      environment.SESSION_SECRET = "x".repeat(32);
      expect(loadSecrets({ databaseFile, mayGenerate: true, environment }).sessionSecret).toBe("x".repeat(32));
    });

    it("checks environment values even when a valid file exists", () => {
      loadSecrets({ databaseFile, mayGenerate: true, environment });
      environment.SESSION_SECRET = "te kort";
      expect(() => loadSecrets({ databaseFile, mayGenerate: false, environment })).toThrow(SecretsError);
    });
  });

  describe("a damaged secrets.json", () => {
    it("is refused when it is not JSON, and left as it is", () => {
      writeSecretsFile("{ sessionSecret: ");
      const error = secretsErrorOf(() => loadSecrets({ databaseFile, mayGenerate: true, environment }));
      expect(error.message).toContain(secretsFile);
      expect(error.message).toContain("geen geldige JSON");
      expect(fs.readFileSync(secretsFile, "utf8")).toBe("{ sessionSecret: ");
    });

    it("is refused when it is empty", () => {
      writeSecretsFile("");
      expect(() => loadSecrets({ databaseFile, mayGenerate: true, environment })).toThrow(SecretsError);
    });

    it("is refused when a field is missing or not a string", () => {
      writeSecretsFile({ sessionSecret: validSecret() });
      expect(secretsErrorOf(() => loadSecrets({ databaseFile, mayGenerate: true, environment })).message).toContain(
        "De datasleutel ontbreekt",
      );
      writeSecretsFile({ sessionSecret: validSecret(), dataKey: 42 });
      expect(() => loadSecrets({ databaseFile, mayGenerate: true, environment })).toThrow(SecretsError);
      writeSecretsFile([]);
      expect(() => loadSecrets({ databaseFile, mayGenerate: true, environment })).toThrow(SecretsError);
    });

    it("is refused when its data key is not 32 bytes, naming the file", () => {
      writeSecretsFile({ sessionSecret: validSecret(), dataKey: crypto.randomBytes(24).toString("base64") });
      const error = secretsErrorOf(() => loadSecrets({ databaseFile, mayGenerate: true, environment }));
      expect(error.message).toContain(secretsFile);
      expect(error.message).not.toContain("DATA_KEY:");
    });

    it("is refused when its session secret is too short, naming the file", () => {
      writeSecretsFile({ sessionSecret: "kort", dataKey: validKey() });
      const error = secretsErrorOf(() => loadSecrets({ databaseFile, mayGenerate: true, environment }));
      expect(error.message).toContain(secretsFile);
      expect(error.message).toContain("sessiegeheim");
    });

    it("is not needed when the environment supplies both values", () => {
      writeSecretsFile({ sessionSecret: "kort", dataKey: "geen sleutel" });
      environment.DATA_KEY = validKey();
      environment.SESSION_SECRET = validSecret();
      environment.RECEIPT_KEY = validKey();
      expect(loadSecrets({ databaseFile, mayGenerate: false, environment }).sessionSecret).toBe(environment.SESSION_SECRET);
    });
  });
});

describe("previous data keys and rotation", () => {
  it("reads previous keys from secrets.json, or from DATA_KEY_PREVIOUS when set", () => {
    const [old, older, fromEnv] = [validKey(), validKey(), validKey()];
    writeSecretsFile({ sessionSecret: validSecret(), dataKey: validKey(), previousDataKeys: [old, older], receiptKey: validKey() });
    expect(loadSecrets({ databaseFile, mayGenerate: false, environment }).previousDataKeys.map((k) => k.toString("base64"))).toEqual([old, older]);
    environment.DATA_KEY_PREVIOUS = ` ${fromEnv} ,`;
    expect(loadSecrets({ databaseFile, mayGenerate: false, environment }).previousDataKeys.map((k) => k.toString("base64"))).toEqual([fromEnv]);
  });

  it("refuses a previous key of the wrong length", () => {
    writeSecretsFile({ sessionSecret: validSecret(), dataKey: validKey(), previousDataKeys: ["kort"], receiptKey: validKey() });
    expect(secretsErrorOf(() => loadSecrets({ databaseFile, mayGenerate: false, environment })).message).toContain("een vorige datasleutel");
  });

  it("stores a new data key with the old ones kept as previous, mode 0600, other secrets untouched", () => {
    const [current, older, sessionSecret] = [validKey(), validKey(), validSecret()];
    writeSecretsFile({ sessionSecret, dataKey: current, previousDataKeys: [older], receiptKey: validKey() });
    const next = crypto.randomBytes(32);
    storeRotatedDataKey(databaseFile, next, environment);
    const stored = JSON.parse(fs.readFileSync(secretsFile, "utf8")) as Record<string, unknown>;
    expect(stored).toMatchObject({ sessionSecret, dataKey: next.toString("base64"), previousDataKeys: [current, older] });
    expect(fs.statSync(secretsFile).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(secretsFile))).toEqual(["secrets.json"]);
  });

  it("refuses to store a key while DATA_KEY comes from the environment, or the same key again", () => {
    const current = validKey();
    writeSecretsFile({ sessionSecret: validSecret(), dataKey: current, receiptKey: validKey() });
    expect(() => storeRotatedDataKey(databaseFile, Buffer.from(current, "base64"), environment)).toThrow(SecretsError);
    environment.DATA_KEY = current;
    expect(() => storeRotatedDataKey(databaseFile, crypto.randomBytes(32), environment)).toThrow(/omgeving/);
  });
});
