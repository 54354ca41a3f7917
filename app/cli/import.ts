import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DomainError } from "~/domain/errors";
import { checkImport, importSignals } from "~/models/signal-import.server";
import { checkTrajectoryImport, importTrajectories } from "~/models/trajectory-import.server";
import { prepareDatabase } from "~/boot.server";
import { closeDb } from "~/utils/db.server";
import { readUpload } from "~/utils/upload-sheet.server";

/**
 * npm run import -- signals <file.csv|file.xlsx> [--allow-duplicate]
 * npm run import -- trajectories <file.csv|file.xlsx>
 * All rows in one transaction, or none.
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { "allow-duplicate": { type: "boolean", default: false } } });
const [kind, file] = positionals;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  closeDb();
  process.exit(code);
}

if ((kind !== "signals" && kind !== "trajectories") || !file) {
  fail("Gebruik: npm run import -- signals|trajectories <bestand.csv> [--allow-duplicate]", 2);
}
if (!fs.existsSync(file)) fail(`Bestand niet gevonden: ${file}`, 2);

prepareDatabase();
// Bytes, not text: readUpload tells an .xlsx from a CSV and UTF-8 from Windows-1252, as the web import does.
const upload = await readUpload(new Uint8Array(fs.readFileSync(file)));
const check = kind === "signals" ? checkImport(upload) : checkTrajectoryImport(upload);
if (!check.ok) {
  for (const issue of check.issues) {
    process.stderr.write(`regel ${issue.line}${issue.column ? `, kolom ${issue.column}` : ""}: ${issue.message}\n`);
  }
  fail(`Niets geïmporteerd: ${check.issues.length} fouten.`);
}
try {
  const actor = { userId: null, clientAddress: "cli" };
  const result =
    kind === "signals"
      ? importSignals(upload, path.basename(file), actor, { allowDuplicate: values["allow-duplicate"] })
      : importTrajectories(upload, path.basename(file), actor);
  process.stdout.write(`imported ${result.count} ${kind}\n`);
  closeDb();
} catch (error) {
  if (error instanceof DomainError) fail(`${error.message}${error.code === "IMPORT.DUPLICATE" ? " Gebruik --allow-duplicate om toch te importeren." : ""}`);
  throw error;
}
