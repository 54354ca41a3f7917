import { verifyAuditChain } from "~/models/audit-verify.server";
import { prepareDatabase } from "~/boot.server";
import { closeDb } from "~/utils/db.server";

/** npm run audit:verify — exit 0 when the hash chain of the audit log is intact, 1 at the first broken link. */
prepareDatabase();
const result = verifyAuditChain();
closeDb();
if (result.ok) {
  process.stdout.write(`Auditlog in orde: ${result.entries} regels, keten ongebroken.\n`);
} else {
  process.stderr.write(`Auditlog gebroken bij regel ${result.brokenAt}: ${result.reason}.\n`);
  process.exitCode = 1;
}
