import { backupTo } from "~/models/backup.server";
import { prepareDatabase } from "~/boot.server";
import { closeDb } from "~/utils/db.server";

/** npm run backup -- <file>: works while the app runs; keep the data key with the copy, or it cannot be read. */
const file = process.argv[2];
if (!file) {
  process.stderr.write("Gebruik: npm run backup -- <bestand>\n");
  process.exit(2);
}
try {
  prepareDatabase();
  const result = backupTo(file);
  process.stdout.write(`Reservekopie gemaakt en gecontroleerd: ${file} (${result.bytes} bytes, ${result.signals} signalen).\n`);
} catch (error) {
  process.stderr.write(`Reservekopie mislukt: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  closeDb();
}
