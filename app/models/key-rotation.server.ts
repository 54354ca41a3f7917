import crypto from "node:crypto";
import { createFieldCipher, keyId, type FieldCipher } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { assertKeyFits } from "./keys.server";
import { loadSecrets, SecretsError, storeRotatedDataKey, type SecretsEnvironment } from "~/utils/secrets.server";
import { SEALED_COLUMNS, sqlNameOf, type SealedColumn } from "../../db/sealed-columns";
import { audit, type Actor } from "./audit.server";
import { env } from "~/utils/env.server";

type TableSpec = { table: string; columns: [column: string, context: string][]; where?: string };

/**
 * The registry's columns per table (and per row filter). A column missing there is not silently left behind: after
 * re-encrypting, `leftovers` scans every text column of every table for a value under another key and the whole
 * rotation is rolled back.
 */
function sealedTables(): TableSpec[] {
  const byTable = new Map<string, TableSpec>();
  for (const name of Object.keys(SEALED_COLUMNS) as SealedColumn[]) {
    const { table, column, context, where } = sqlNameOf(name);
    const key = `${table}|${where ?? ""}`;
    const spec = byTable.get(key) ?? { table, columns: [], where };
    spec.columns.push([column, context]);
    byTable.set(key, spec);
  }
  return [...byTable.values()];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function reencryptTable(spec: TableSpec, from: FieldCipher, to: FieldCipher): number {
  const client = db().$client;
  const names = spec.columns.map(([column]) => quote(column));
  const rows = client
    .prepare(`select rowid as rowid, ${names.join(", ")} from ${quote(spec.table)} where (${names.map((n) => `${n} is not null`).join(" or ")})${spec.where ? ` and ${spec.where}` : ""}`)
    .raw()
    .all() as (string | number | null)[][];
  const update = client.prepare(`update ${quote(spec.table)} set ${names.map((n) => `${n} = ?`).join(", ")} where rowid = ?`);
  let values = 0;
  for (const [rowid, ...sealed] of rows) {
    const next = sealed.map((value, i) => {
      if (typeof value !== "string") return value;
      const context = spec.columns[i]?.[1] ?? "";
      values += 1;
      return to.encrypt(from.decrypt(value, context), context);
    });
    update.run(...next, rowid);
  }
  return values;
}

/** Every text value in the database that looks sealed but not under `keyIdNow`, as "table.column". */
function leftovers(keyIdNow: string): string[] {
  const client = db().$client;
  const tables = client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[];
  const found: string[] = [];
  for (const table of tables) {
    const columns = client.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[];
    for (const column of columns) {
      const count = client
        .prepare(`select count(*) from ${quote(table)} where typeof(${quote(column)}) = 'text' and ${quote(column)} glob 'v1.????????.*' and substr(${quote(column)}, 4, 8) <> ?`)
        .pluck()
        .get(keyIdNow) as number;
      if (count > 0) found.push(`${table}.${column}`);
    }
  }
  return found;
}

export class KeyRotationError extends Error {
  override name = "KeyRotationError";
}

/**
 * `npm run rotate-key`: a new data key, then every sealed value re-encrypted under it in one transaction.
 *
 * Crash safety: with the key in secrets.json, the new key is stored (old one kept as previous) before the transaction
 * starts, so whatever happens the data is under a key the file holds. With DATA_KEY from the environment nothing can be
 * stored here, so the operator must bring the new key (NEW_DATA_KEY) and therefore holds it before anything changes.
 */
export function rotateDataKey(
  actor: Actor,
  options: { newKey?: Buffer; environment?: SecretsEnvironment } = {},
): { values: number; fromKeyId: string; toKeyId: string; stored: boolean } {
  const { DATABASE_PATH: databaseFile, ...configured } = env();
  const environment = options.environment ?? configured;
  // Read afresh, not from the process cache: the keys on disk are the ones this rotation replaces.
  const current = loadSecrets({ databaseFile, mayGenerate: false, mayGenerateReceiptKey: false, environment });
  const fromEnvironment = Boolean(environment.DATA_KEY);
  if (fromEnvironment && !options.newKey) {
    throw new SecretsError(
      "DATA_KEY komt uit de omgeving; dit commando kan die niet aanpassen. Maak een nieuwe sleutel (openssl rand -base64 32) en start opnieuw met NEW_DATA_KEY=<nieuwe sleutel>.",
    );
  }
  const newKey = options.newKey ?? crypto.randomBytes(32);
  if (newKey.length !== 32) throw new SecretsError("De nieuwe datasleutel moet 32 bytes zijn, base64-gecodeerd.");
  if (newKey.equals(current.dataKey)) throw new SecretsError("De nieuwe datasleutel is gelijk aan de huidige.");
  const from = createFieldCipher(current.dataKey, current.previousDataKeys);
  assertKeyFits(from);
  const to = createFieldCipher(newKey, [current.dataKey, ...current.previousDataKeys]);
  const toKeyId = keyId(newKey);

  if (!fromEnvironment) storeRotatedDataKey(databaseFile, newKey, environment);
  const values = db().transaction((tx) => {
    const count = sealedTables().reduce((sum, spec) => sum + reencryptTable(spec, from, to), 0);
    const left = leftovers(toKeyId);
    if (left.length > 0) throw new KeyRotationError(`Versleutelde waarden in een kolom die dit commando niet kent: ${left.join(", ")}.`);
    audit(actor, "security.data_key_rotated", null, { values: count, fromKeyId: keyId(current.dataKey), toKeyId }, tx);
    return count;
  });
  return { values, fromKeyId: keyId(current.dataKey), toKeyId, stored: !fromEnvironment };
}
