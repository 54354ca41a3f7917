import fs from "node:fs";
import { rotateDataKey } from "~/models/key-rotation.server";
import { prepareDatabase } from "~/boot.server";
import { closeDb } from "~/utils/db.server";
import { takeInstanceLock } from "~/utils/instance-lock.server";
import { decodeKey } from "~/utils/secrets.server";
import { env } from "~/utils/env.server";

/**
 * npm run rotate-key: only while no server holds the database (a running server keeps the old key in memory and would
 * go on sealing with it); the instance lock is held throughout, so no server starts halfway. With secrets.json the new key is generated and stored there; with DATA_KEY from the environment the operator
 * passes it as NEW_DATA_KEY and afterwards moves it into DATA_KEY.
 */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  closeDb();
  process.exit(1);
}

const file = env().DATABASE_PATH;
if (!fs.existsSync(file) || !fs.statSync(file).isFile()) fail(`Geen database op ${file}. Controleer DATABASE_PATH.`);
let lock: ReturnType<typeof takeInstanceLock>;
try {
  lock = takeInstanceLock(file);
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)} Een draaiende app houdt de oude sleutel vast.`);
}

try {
  const { NEW_DATA_KEY } = env();
  const newKey = NEW_DATA_KEY ? decodeKey(NEW_DATA_KEY, "NEW_DATA_KEY") : undefined;
  prepareDatabase();
  const result = rotateDataKey({ userId: null, clientAddress: "cli" }, { newKey });
  process.stdout.write(`Datasleutel vervangen: ${result.values} versleutelde waarden opnieuw versleuteld (sleutel ${result.fromKeyId} → ${result.toKeyId}).\n`);
  process.stdout.write(
    result.stored
      ? "secrets.json heeft de nieuwe sleutel; de oude staat erin als vorige sleutel, zodat eerdere reservekopieën leesbaar blijven.\n"
      : "Zet nu DATA_KEY op de waarde van NEW_DATA_KEY en zet de oude waarde in DATA_KEY_PREVIOUS (bij meer: komma-gescheiden), en start dan de app.\n",
  );
  closeDb();
  lock.release();
} catch (error) {
  fail(
    `Sleutelrotatie mislukt: ${error instanceof Error ? error.message : String(error)}\n` +
      "De database is niet gewijzigd. Staat de sleutel in secrets.json, dan is daar de nieuwe sleutel al de huidige en de oude de vorige: alles blijft leesbaar.",
  );
}
