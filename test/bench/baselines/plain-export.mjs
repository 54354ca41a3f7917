// The floor for "a signals export as CSV": plain node:http, a better-sqlite3 cursor and csv-stringify's stream on
// the same file, the same columns and order as the app's export without summary, and nothing else (no login, no
// audit, no batching by us). Plain JavaScript on purpose: a baseline must not pay for a TypeScript loader.
import http from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import Database from "better-sqlite3";
import { stringify } from "csv-stringify";

const HEADER = ["received_on", "channel", "requester_type", "referred_by", "region_code", "municipality_code", "association", "topic",
  "procurement_phase", "triggers", "procedure", "funding", "segment", "status"];
const QUERY = `select received_on, channel, requester_type, referred_by, region_code, coalesce(municipality_code, ''), coalesce(association, ''),
  topic, procurement_phase, coalesce((select group_concat("trigger", ';') from signal_triggers t where t.signal_id = s.id), ''), procedure,
  funding, coalesce(segment, ''), status from signals s order by received_on desc, id desc`;

const database = new Database(process.env.DATABASE_PATH, { fileMustExist: true, readonly: true });
const probe = database.prepare("select 1");
http
  .createServer((req, res) => {
    if (req.url === "/healthz") {
      probe.get();
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      return;
    }
    // Its own connection per export, as in the app: the cursor keeps a connection busy.
    const connection = new Database(process.env.DATABASE_PATH, { fileMustExist: true, readonly: true });
    const rows = connection.prepare(QUERY).raw().iterate();
    res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
    pipeline(Readable.from((function* () { yield HEADER; yield* rows; })()), stringify({ record_delimiter: "windows" }), res)
      .catch(() => undefined)
      .finally(() => connection.close());
  })
  .listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
