import { sql } from "drizzle-orm";
import { getSetting, setSetting } from "~/models/settings.server";
import { db } from "./db.server";
import { createFieldCipher, DecryptionError, type FieldCipher } from "./crypto.server";
import { databasePath } from "../../db/client";
import { SEALED_COLUMNS } from "../../db/sealed-columns";
import { loadSecrets, SecretsError, type Secrets } from "./secrets.server";

const KEY_CHECK_SETTING = "data_key_check";
const KEY_CHECK_CONTEXT = SEALED_COLUMNS.dataKeyCheck.context;
const KEY_CHECK_PLAIN = "rode-draad";

let loaded: { secrets: Secrets; cipher: FieldCipher } | undefined;

/**
 * The database keeps a value sealed with the data key. Its presence means "data exists under some key", so no new key
 * may be generated; failing to open it means the configured key is the wrong one.
 */
function load() {
  const checkValue = getSetting(KEY_CHECK_SETTING);
  const secrets = loadSecrets({
    databaseFile: databasePath(),
    mayGenerate: checkValue === undefined,
    mayGenerateReceiptKey: !db().get<{ one: number }>(sql`select 1 as one from signals where receipt_hash is not null limit 1`),
  });
  const cipher = createFieldCipher(secrets.dataKey, secrets.previousDataKeys);
  if (checkValue === undefined) setSetting(KEY_CHECK_SETTING, cipher.encrypt(KEY_CHECK_PLAIN, KEY_CHECK_CONTEXT));
  else assertKeyFits(cipher);
  return { secrets, cipher };
}

/** Refuses a cipher that cannot open the database's key check: the configured key is not the one the data is under. */
export function assertKeyFits(cipher: FieldCipher): void {
  const checkValue = getSetting(KEY_CHECK_SETTING);
  if (checkValue === undefined) return;
  try {
    cipher.decrypt(checkValue, KEY_CHECK_CONTEXT);
  } catch (error) {
    if (error instanceof DecryptionError) {
      throw new SecretsError("De datasleutel past niet bij deze database. Zet de juiste DATA_KEY of secrets.json terug.");
    }
    throw error;
  }
}

export function secrets(): Secrets {
  loaded ??= load();
  return loaded.secrets;
}

/** The one way to seal and open confidential fields. */
export function fieldCipher(): FieldCipher {
  loaded ??= load();
  return loaded.cipher;
}
