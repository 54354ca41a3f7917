import { isNotNull } from "drizzle-orm";
import { signals } from "../../db/schema";
import { SEALED_COLUMNS } from "../../db/sealed-columns";
import { createFieldCipher, DecryptionError, type FieldCipher } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { provideKeys, type Keys } from "~/utils/keys.server";
import { loadSecrets, SecretsError } from "~/utils/secrets.server";
import { getSetting, setSetting } from "./settings.server";

export { fieldCipher, secrets } from "~/utils/keys.server";

const KEY_CHECK_SETTING = "data_key_check";
const KEY_CHECK_CONTEXT = SEALED_COLUMNS.dataKeyCheck.context;
const KEY_CHECK_PLAIN = "rode-draad";

/** Whether a portal receipt code depends on the receipt key: then it may no longer be generated. */
function receiptCodesExist(): boolean {
  return Boolean(db().select({ id: signals.id }).from(signals).where(isNotNull(signals.receiptHash)).limit(1).get());
}

/**
 * The database keeps a value sealed with the data key. Its presence means "data exists under some key", so no new key
 * may be generated; failing to open it means the configured key is the wrong one.
 */
function load(): Keys {
  const checkValue = getSetting(KEY_CHECK_SETTING);
  const config = env();
  const secrets = loadSecrets({
    databaseFile: config.DATABASE_PATH,
    mayGenerate: checkValue === undefined,
    mayGenerateReceiptKey: !receiptCodesExist(),
    environment: config,
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

// Whatever imports a model has the keys within reach: the cookies, CSRF tokens and receipt codes of utils/ ask
// utils/keys.server.ts, which loads them through this the first time.
provideKeys(load);
