import path from "node:path";
import { pathToFileURL } from "node:url";
import { demoLoginText } from "~/demo/accounts";
import { holdsCaseData, seedDemo } from "~/models/demo-seed.server";
import { prepareDatabase } from "~/utils/boot.server";
import { closeDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { databasePath } from "../../db/client";

/**
 * npm run demo — the app on its own demo database (data/demo.db unless DATABASE_PATH says otherwise), seeded with the
 * demo dataset on the first run, then started exactly as `npm start` starts it.
 */
process.env.DATABASE_PATH ||= "data/demo.db";

prepareDatabase();
if (holdsCaseData()) {
  process.stdout.write(`Demodatabase ${databasePath()} bevat al gegevens; die worden gebruikt.\n`);
} else {
  const result = await seedDemo({ userId: null, clientAddress: "cli" });
  process.stdout.write(`Demodata in ${databasePath()}: ${result.signals} signalen, ${result.trajectories} trajecten.\n`);
}
// The server opens the database through its own build of these modules; this connection is done.
closeDb();
const { HOST, PORT } = env();
process.stdout.write(`${demoLoginText()}\nDe demo start op http://${HOST}:${PORT}\n`);
// The built server, as `npm start` runs it (npm run demo builds first).
await import(pathToFileURL(path.resolve("build/server.js")).href);
