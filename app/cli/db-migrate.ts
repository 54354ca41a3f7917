import { prepareDatabase } from "~/utils/boot.server";
import { closeDb } from "~/utils/db.server";
import { databasePath } from "../../db/client";

prepareDatabase();
closeDb();
process.stdout.write(`Database ${databasePath()} is bijgewerkt.\n`);
