import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";
import { createFileDurably, replaceFileDurably } from "./durable-file.server";
import type { Env } from "./env.server";

/** The keys the operator may give in the environment (env()), passed in by whoever loads them. */
export type SecretsEnvironment = Partial<Pick<Env, "SESSION_SECRET" | "DATA_KEY" | "DATA_KEY_PREVIOUS" | "RECEIPT_KEY">>;

/** `previousDataKeys` only open values (and backups) sealed before a key rotation; new values use `dataKey`. */
export type Secrets = { sessionSecret: string; dataKey: Buffer; previousDataKeys: Buffer[]; receiptKey: Buffer };

export class SecretsError extends Error {
  override name = "SecretsError";
}

const KEY_BYTES = 32;

export function decodeKey(value: string, source: string, what = "de datasleutel"): Buffer {
  const key = Buffer.from(value, "base64");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || key.length !== KEY_BYTES) {
    throw new SecretsError(`${source}: ${what} moet ${KEY_BYTES} bytes zijn, base64-gecodeerd (maak er een met: openssl rand -base64 32).`);
  }
  return key;
}

function checkSessionSecret(value: string, source: string): string {
  if (value.length < 32) throw new SecretsError(`${source}: het sessiegeheim moet minstens 32 tekens lang zijn.`);
  return value;
}

const fileSchema = z.object({
  sessionSecret: z.string().optional(),
  dataKey: z.string().optional(),
  previousDataKeys: z.array(z.string()).optional(),
  receiptKey: z.string().optional(),
});
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
 * Secrets come from SESSION_SECRET / DATA_KEY / RECEIPT_KEY, else from secrets.json beside the database. The file is
 * only written when the database holds nothing that depends on the missing key yet (`mayGenerate`), and it only holds
 * what the environment does not give: a lost key must stop the start with a clear message, never be replaced by a
 * fresh one that leaves existing data unreadable.
 */
export function loadSecrets(options: {
  databaseFile: string;
  mayGenerate: boolean;
  mayGenerateReceiptKey?: boolean;
  environment: SecretsEnvironment;
}): Secrets {
  const file = secretsFilePath(options.databaseFile);
  const { environment } = options;
  // An empty variable (common in env files) counts as not set.
  const fromEnv = {
    sessionSecret: environment.SESSION_SECRET || undefined,
    dataKey: environment.DATA_KEY || undefined,
    receiptKey: environment.RECEIPT_KEY || undefined,
  };
  let stored = readSecretsFile(file);

  const generated: StoredSecrets = {
    ...(fromEnv.sessionSecret || stored?.sessionSecret ? {} : { sessionSecret: crypto.randomBytes(48).toString("base64url") }),
    ...(fromEnv.dataKey || stored?.dataKey ? {} : { dataKey: crypto.randomBytes(KEY_BYTES).toString("base64") }),
    ...(fromEnv.receiptKey || stored?.receiptKey ? {} : { receiptKey: crypto.randomBytes(KEY_BYTES).toString("base64") }),
  };
  // The receipt key came after the first release: it may be added to an existing file as long as no receipt code
  // depends on it yet. The other two are only ever generated together with a new file.
  const mayAddReceiptKey = options.mayGenerateReceiptKey ?? options.mayGenerate;
  if (!stored && (generated.sessionSecret || generated.dataKey)) {
    if (!options.mayGenerate) {
      throw new SecretsError(`Geen DATA_KEY/SESSION_SECRET en geen ${file}, maar de database bevat al gegevens. Zet de sleutels terug.`);
    }
    // Two processes starting on a new installation at once (a command beside the server) must end up with the same
    // keys: the file is only created where none exists, and the process that finds one made meanwhile takes its keys.
    if (!createFileDurably(file, serialised(generated))) return loadSecrets(options);
    stored = generated;
  } else if (generated.receiptKey && mayAddReceiptKey) {
    stored = { ...stored, receiptKey: generated.receiptKey };
    writeSecretsFile(file, stored);
  }

  const sessionSecret = fromEnv.sessionSecret ?? stored?.sessionSecret;
  const receiptKey = fromEnv.receiptKey ?? stored?.receiptKey;
  const dataKey = fromEnv.dataKey ?? stored?.dataKey;
  const previousFromEnv = environment.DATA_KEY_PREVIOUS?.split(",").map((k) => k.trim()).filter(Boolean);
  const previousDataKeys = previousFromEnv?.length ? previousFromEnv : (stored?.previousDataKeys ?? []);
  if (!sessionSecret) throw new SecretsError(`Het sessiegeheim ontbreekt: zet SESSION_SECRET of sessionSecret in ${file}.`);
  if (!dataKey) throw new SecretsError(`De datasleutel ontbreekt: zet DATA_KEY of dataKey in ${file}.`);
  if (!receiptKey) throw new SecretsError(`De sleutel voor ontvangstcodes ontbreekt: zet RECEIPT_KEY of receiptKey in ${file}.`);
  return {
    sessionSecret: checkSessionSecret(sessionSecret, fromEnv.sessionSecret ? "SESSION_SECRET" : file),
    dataKey: decodeKey(dataKey, fromEnv.dataKey ? "DATA_KEY" : file),
    previousDataKeys: previousDataKeys.map((key) => decodeKey(key, previousFromEnv?.length ? "DATA_KEY_PREVIOUS" : file, "een vorige datasleutel")),
    receiptKey: decodeKey(receiptKey, fromEnv.receiptKey ? "RECEIPT_KEY" : file, "de sleutel voor ontvangstcodes"),
  };
}

/** The keys in it are the only way to read the database, so it is replaced whole or not at all. */
function writeSecretsFile(file: string, content: StoredSecrets): void {
  replaceFileDurably(file, serialised(content));
}

function serialised(content: StoredSecrets): string {
  return JSON.stringify(content, null, 2) + "\n";
}

/**
 * Key rotation, step one: secrets.json gets the new data key as current and keeps the old one (and any before it) as
 * previous, so everything sealed so far stays readable, whether or not the re-encryption that follows commits.
 * Refused when DATA_KEY comes from the environment: this process cannot change the operator's configuration.
 */
export function storeRotatedDataKey(databaseFile: string, newKey: Buffer, environment: SecretsEnvironment): void {
  if (environment.DATA_KEY) throw new SecretsError("DATA_KEY komt uit de omgeving; die kan dit commando niet aanpassen.");
  const file = secretsFilePath(databaseFile);
  const stored = readSecretsFile(file);
  if (!stored?.dataKey) throw new SecretsError(`${file} bevat geen datasleutel om te vervangen.`);
  const current = decodeKey(stored.dataKey, file);
  if (current.equals(newKey)) throw new SecretsError("De nieuwe datasleutel is gelijk aan de huidige.");
  const previous = [stored.dataKey, ...(stored.previousDataKeys ?? [])].filter((key, i, all) => all.indexOf(key) === i && !Buffer.from(key, "base64").equals(newKey));
  writeSecretsFile(file, { ...stored, dataKey: newKey.toString("base64"), previousDataKeys: previous });
}
