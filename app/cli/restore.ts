import fs from "node:fs";
import { checkDatabaseFile } from "~/models/backup.server";
import { closeDb } from "~/utils/db.server";
import { appIsRunning } from "~/utils/running.server";
import { databasePath } from "../../db/client";

/**
 * npm run restore -- <file>: only into a stopped instance (a running server would keep writing to the old file), only
 * a checked copy, and the current database is kept beside it as <name>.voor-herstel-<time>.
 */
const file = process.argv[2];
function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  closeDb();
  process.exit(code);
}
if (!file) fail("Gebruik: npm run restore -- <bestand>", 2);

const { running, where } = await appIsRunning();
if (running) fail(`Rode Draad draait nog op ${where}. Stop de app eerst.`);

const check = checkDatabaseFile(file);
if (!check.ok) fail(`Niet hersteld: ${check.problem}`);

const target = databasePath();
closeDb();
if (fs.existsSync(target)) {
  const kept = `${target}.voor-herstel-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  fs.renameSync(target, kept);
  for (const suffix of ["-wal", "-shm"]) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, kept + suffix);
  process.stdout.write(`De huidige database is bewaard als ${kept}.\n`);
}
fs.copyFileSync(file, target);
process.stdout.write(`Hersteld uit ${file} (${check.signals} signalen). Start de app opnieuw.\n`);
