import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DomainError } from "~/domain/errors";
import { checkImport, importSignals } from "~/models/signal-import.server";
import { prepareDatabase } from "~/utils/boot.server";
import { closeDb } from "~/utils/db.server";

/** npm run import -- signals <file.csv> [--allow-duplicate]: all rows in one transaction, or none. */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { "allow-duplicate": { type: "boolean", default: false } } });
const [kind, file] = positionals;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  closeDb();
  process.exit(code);
}

if (kind !== "signals" || !file) fail("Gebruik: npm run import -- signals <bestand.csv> [--allow-duplicate]", 2);
if (!fs.existsSync(file)) fail(`Bestand niet gevonden: ${file}`, 2);

prepareDatabase();
const text = fs.readFileSync(file, "utf8");
const check = checkImport(text);
if (!check.ok) {
  for (const issue of check.issues) {
    process.stderr.write(`regel ${issue.line}${issue.column ? `, kolom ${issue.column}` : ""}: ${issue.message}\n`);
  }
  fail(`Niets geïmporteerd: ${check.issues.length} fouten.`);
}
try {
  const result = importSignals(text, path.basename(file), { userId: null, clientAddress: "cli" }, { allowDuplicate: values["allow-duplicate"] });
  process.stdout.write(`imported ${result.count} signals\n`);
  closeDb();
} catch (error) {
  if (error instanceof DomainError) fail(`${error.message}${error.code === "IMPORT.DUPLICATE" ? " Gebruik --allow-duplicate om toch te importeren." : ""}`);
  throw error;
}
