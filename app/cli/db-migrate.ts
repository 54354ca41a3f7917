import { prepareDatabase } from "~/boot.server";
import { closeDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";

prepareDatabase();
closeDb();
process.stdout.write(`Database ${env().DATABASE_PATH} is bijgewerkt.\n`);
