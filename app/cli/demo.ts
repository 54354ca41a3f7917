import { spawn } from "node:child_process";
import { demoLoginText } from "~/demo/accounts";
import { holdsCaseData, seedDemo } from "~/models/demo-seed.server";
import { prepareDatabase } from "~/boot.server";
import { closeDb } from "~/utils/db.server";
import { loadEnv } from "~/utils/env.server";

/**
 * npm run demo — the app on its own demo database (data/demo.db unless DATABASE_PATH says otherwise), seeded with the
 * demo dataset on the first run, then started exactly as `npm start` starts it, in a process of its own that is
 * handed the demo's configuration.
 */
const environment = { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH || "data/demo.db", NODE_ENV: process.env.NODE_ENV || "production" };
const { DATABASE_PATH, HOST, PORT } = loadEnv(environment);

prepareDatabase();
if (holdsCaseData()) {
  process.stdout.write(`Demodatabase ${DATABASE_PATH} bevat al gegevens; die worden gebruikt.\n`);
} else {
  const result = await seedDemo({ userId: null, clientAddress: "cli" });
  process.stdout.write(`Demodata in ${DATABASE_PATH}: ${result.signals} signalen, ${result.trajectories} trajecten.\n`);
}
// The server opens the database itself; this connection is done.
closeDb();
process.stdout.write(`${demoLoginText()}\nDe demo start op http://${HOST}:${PORT}\n`);
// The built server, as `npm start` runs it (npm run demo builds first).
const server = spawn(process.execPath, ["build/server.js"], { env: environment, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
