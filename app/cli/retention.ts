import { parseArgs } from "node:util";
import { anonymiseDue, dueForAnonymisation } from "~/models/retention.server";
import { prepareDatabase } from "~/boot.server";
import { closeDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";

/** npm run retention [-- --dry-run]: anonymises closed signals past RETENTION_MONTHS, or lists them. */
const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });
try {
  prepareDatabase();
  if (values["dry-run"]) {
    const due = dueForAnonymisation();
    process.stdout.write(`${due.length} afgeronde signalen zijn ouder dan ${env().RETENTION_MONTHS} maanden na afronding en zouden worden geanonimiseerd.\n`);
    for (const s of due) process.stdout.write(`signaal ${s.id} (binnen ${s.receivedOn}, afgerond ${s.closedAt.slice(0, 10)})\n`);
  } else {
    process.stdout.write(`${anonymiseDue({ userId: null, clientAddress: "cli" })} signalen geanonimiseerd.\n`);
  }
} catch (error) {
  process.stderr.write(`Bewaartermijn mislukt: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  closeDb();
}
