import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";

export type Secrets = { sessionSecret: string; dataKey: Buffer };

export class SecretsError extends Error {}

const KEY_BYTES = 32;

function decodeDataKey(value: string, source: string): Buffer {
  const key = Buffer.from(value, "base64");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || key.length !== KEY_BYTES) {
    throw new SecretsError(
      `${source}: de datasleutel moet ${KEY_BYTES} bytes zijn, base64-gecodeerd (maak er een met: openssl rand -base64 32).`,
    );
  }
  return key;
}

function checkSessionSecret(value: string, source: string): string {
  if (value.length < 32) throw new SecretsError(`${source}: het sessiegeheim moet minstens 32 tekens lang zijn.`);
  return value;
}

const fileSchema = z.object({ sessionSecret: z.string().optional(), dataKey: z.string().optional() });
type StoredSecrets = z.infer<typeof fileSchema>;

export function secretsFilePath(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), "secrets.json");
}

function readSecretsFile(file: string): StoredSecrets | undefined {
  if (!fs.existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new SecretsError(`${file} is geen geldige JSON. Zet de reservekopie terug; maak geen nieuw bestand aan.`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new SecretsError(`${file} heeft een onbekende vorm (verwacht: sessionSecret en dataKey).`);
  return parsed.data;
}

/**
 * Secrets come from SESSION_SECRET / DATA_KEY, else from secrets.json beside the database. The file is only
 * written when it does not exist and the database holds nothing encrypted yet (`mayGenerate`), and it only holds
 * what the environment does not give: a lost key must stop the start with a clear message, never be replaced by a
 * fresh one that leaves existing data unreadable.
 */
export function loadSecrets(options: { databaseFile: string; mayGenerate: boolean }): Secrets {
  const file = secretsFilePath(options.databaseFile);
  // An empty variable (common in env files) counts as not set.
  const fromEnv = { sessionSecret: process.env.SESSION_SECRET || undefined, dataKey: process.env.DATA_KEY || undefined };
  let stored = readSecretsFile(file);

  if (!stored && (!fromEnv.sessionSecret || !fromEnv.dataKey)) {
    if (!options.mayGenerate) {
      throw new SecretsError(
        `Geen DATA_KEY/SESSION_SECRET en geen ${file}, maar de database bevat al gegevens. Zet de sleutels terug.`,
      );
    }
    stored = {
      ...(fromEnv.sessionSecret ? {} : { sessionSecret: crypto.randomBytes(48).toString("base64url") }),
      ...(fromEnv.dataKey ? {} : { dataKey: crypto.randomBytes(KEY_BYTES).toString("base64") }),
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600, flag: "wx" });
  }

  const sessionSecret = fromEnv.sessionSecret ?? stored?.sessionSecret;
  const dataKey = fromEnv.dataKey ?? stored?.dataKey;
  if (!sessionSecret) throw new SecretsError(`Het sessiegeheim ontbreekt: zet SESSION_SECRET of sessionSecret in ${file}.`);
  if (!dataKey) throw new SecretsError(`De datasleutel ontbreekt: zet DATA_KEY of dataKey in ${file}.`);
  return {
    sessionSecret: checkSessionSecret(sessionSecret, fromEnv.sessionSecret ? "SESSION_SECRET" : file),
    dataKey: decodeDataKey(dataKey, fromEnv.dataKey ? "DATA_KEY" : file),
  };
}
