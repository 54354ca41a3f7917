import { DomainError } from "~/domain/errors";
import { demoLoginText } from "~/demo/accounts";
import { seedDemo } from "~/models/demo-seed.server";
import { prepareDatabase } from "~/boot.server";
import { closeDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";

/**
 * npm run seed:demo — the demo dataset (invented, reproducing the 2021 report's figures) into the database at
 * DATABASE_PATH, which must hold no signals or trajectories yet.
 */
prepareDatabase();
try {
  const result = await seedDemo({ userId: null, clientAddress: "cli" });
  process.stdout.write(`Demodata in ${env().DATABASE_PATH}: ${result.signals} signalen, ${result.trajectories} trajecten.\n${demoLoginText()}\n`);
  closeDb();
} catch (error) {
  closeDb();
  if (!(error instanceof DomainError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
