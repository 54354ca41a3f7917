import fs from "node:fs";
import Database from "better-sqlite3";
import { createFieldCipher, DecryptionError } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { loadSecrets } from "~/utils/secrets.server";
import { refreshAuditAnchor } from "./audit-anchor.server";
import { SEALED_COLUMNS } from "../../db/sealed-columns";
import { env } from "~/utils/env.server";

/** What makes a file a usable Rode Draad database: intact, migrated, and readable with the configured data key. */
export function checkDatabaseFile(file: string): { ok: true; signals: number } | { ok: false; problem: string } {
  if (!fs.existsSync(file)) return { ok: false, problem: `${file} bestaat niet.` };
  let copy: Database.Database | undefined;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (copy.pragma("integrity_check") as { integrity_check: string }[])[0]?.integrity_check;
    if (integrity !== "ok") return { ok: false, problem: `integrity_check meldt: ${integrity}` };
    const check = copy.prepare("select value from settings where key = 'data_key_check'").get() as { value: string } | undefined;
    if (!check) return { ok: false, problem: "Dit is geen (gebruikte) Rode Draad-database: de sleutelcontrole ontbreekt." };
    try {
      // The key comes from the environment or secrets.json, never from the database being replaced: a restore onto a
      // new machine has no database yet.
      // Previous keys count: a copy made before a key rotation is still a good copy.
      const { dataKey, previousDataKeys } = loadSecrets({ databaseFile: env().DATABASE_PATH, mayGenerate: false, mayGenerateReceiptKey: false, environment: env() });
      createFieldCipher(dataKey, previousDataKeys).decrypt(check.value, SEALED_COLUMNS.dataKeyCheck.context);
    } catch (error) {
      if (error instanceof DecryptionError) return { ok: false, problem: "Deze kopie is met een andere datasleutel gemaakt; met de huidige sleutel is ze onleesbaar." };
      throw error;
    }
    const signals = (copy.prepare("select count(*) as n from signals").get() as { n: number }).n;
    return { ok: true, signals };
  } catch (error) {
    if (error instanceof Error && error.name === "SecretsError") return { ok: false, problem: error.message };
    return { ok: false, problem: `Het bestand is geen leesbare SQLite-database (${error instanceof Error ? error.name : "fout"}).` };
  } finally {
    copy?.close();
  }
}

/**
 * A consistent copy while the app runs: `VACUUM INTO` writes the database as one read transaction sees it, so writers
 * go on and the copy never starts over (the online backup API restarts whenever another process writes, and under a
 * steady stream of portal reports it never finished). The copy is flushed to disk, then checked.
 */
export function backupTo(file: string): { bytes: number; signals: number } {
  if (fs.existsSync(file)) throw new Error(`${file} bestaat al; kies een nieuwe bestandsnaam.`);
  // The live log's anchor is brought up to date with every backup, whatever else wrote last.
  refreshAuditAnchor();
  db().$client.prepare("vacuum into ?").run(file);
  const handle = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  const check = checkDatabaseFile(file);
  if (!check.ok) throw new Error(`De kopie is gemaakt maar klopt niet: ${check.problem}`);
  return { bytes: fs.statSync(file).size, signals: check.signals };
}
