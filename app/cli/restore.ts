import fs from "node:fs";
import { resetAuditAnchor } from "~/models/audit-anchor.server";
import { checkDatabaseFile } from "~/models/backup.server";
import { closeDb } from "~/utils/db.server";
import { takeInstanceLock } from "~/utils/instance-lock.server";
import { env } from "~/utils/env.server";

/**
 * npm run restore -- <file>: only while no server holds the database (it would keep writing to the old file), only
 * a checked copy, and the current database is kept beside it as <name>.voor-herstel-<time>. The instance lock is held
 * throughout, so no server can start halfway.
 */
const file = process.argv[2];
function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  closeDb();
  process.exit(code);
}
if (!file) fail("Gebruik: npm run restore -- <bestand>", 2);

const target = env().DATABASE_PATH;
let lock: ReturnType<typeof takeInstanceLock>;
try {
  lock = takeInstanceLock(target);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const check = checkDatabaseFile(file);
if (!check.ok) fail(`Niet hersteld: ${check.problem}`);

closeDb();
if (fs.existsSync(target)) {
  const kept = `${target}.voor-herstel-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  fs.renameSync(target, kept);
  for (const suffix of ["-wal", "-shm"]) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, kept + suffix);
  process.stdout.write(`De huidige database is bewaard als ${kept}.\n`);
}
fs.copyFileSync(file, target);
// The restored log is older than the anchor of the one it replaces: the anchor starts again at its head.
resetAuditAnchor();
closeDb();
lock.release();
process.stdout.write(`Hersteld uit ${file} (${check.signals} signalen). Start de app opnieuw.\n`);
