// The floor for "node to the first /healthz 200": plain node:http and better-sqlite3 on the same file, nothing else.
// Plain JavaScript on purpose: a baseline must not pay for a TypeScript loader.
import http from "node:http";
import Database from "better-sqlite3";

const database = new Database(process.env.DATABASE_PATH, { fileMustExist: true });
database.pragma("journal_mode = WAL");
const probe = database.prepare("select 1");
http
  .createServer((_req, res) => {
    probe.get();
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  })
  .listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
