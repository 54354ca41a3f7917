import fs from "node:fs";
import { parseArgs } from "node:util";
import { isCalendarDate } from "~/domain/dates";
import { DomainError } from "~/domain/errors";
import { importExportFile, runMonitor, type RunSummary } from "~/models/tenderned-run.server";
import { prepareDatabase } from "~/boot.server";
import { closeDb } from "~/utils/db.server";
import { configuredTenderNed } from "~/utils/tenderned.server";

/**
 * npm run tenderned -- fetch [--since YYYY-MM-DD]   one run of the monitor (TENDERNED_URL)
 * npm run tenderned -- import <file.json>           an export in TenderNed's list format
 * One summary line; exit 0 when the run or import went through (a short day included: it is read again next time),
 * 1 when it failed, 2 for wrong use.
 */
const USAGE = "Gebruik: npm run tenderned -- fetch [--since JJJJ-MM-DD] | import <bestand.json>";
const { positionals, values } = parseArgs({ allowPositionals: true, options: { since: { type: "string" } } });
const [command, file] = positionals;
const actor = { userId: null, clientAddress: "cli" };

function finish(message: string, code: number): never {
  (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
  closeDb();
  process.exit(code);
}

function report(summary: RunSummary): never {
  finish(summary.status === "failed" ? summary.message : `TenderNed: ${summary.message}`, summary.status === "failed" ? 1 : 0);
}

if (command === "fetch") {
  if (values.since !== undefined && !isCalendarDate(values.since)) finish(`--since: "${values.since}" is geen datum (JJJJ-MM-DD).`, 2);
  const client = configuredTenderNed();
  if (!client) finish("TENDERNED_URL is niet ingesteld: de monitor staat uit.", 1);
  prepareDatabase();
  report(await runMonitor({ client, trigger: "cli", actor, since: values.since }));
} else if (command === "import" && file) {
  if (!fs.existsSync(file)) finish(`Bestand niet gevonden: ${file}`, 2);
  prepareDatabase();
  try {
    report(importExportFile(fs.readFileSync(file, "utf8"), actor));
  } catch (error) {
    if (error instanceof DomainError) finish(error.message, 1);
    throw error;
  }
} else {
  finish(USAGE, 2);
}
