// The floor for "one durable write per form post": a minimal Express server that parses the urlencoded body and
// inserts one row with better-sqlite3 (WAL, synchronous=FULL, a prepared statement), nothing else (no CSRF, no
// encryption, no rendering). Plain JavaScript on purpose: a baseline must not pay for a TypeScript loader.
import Database from "better-sqlite3";
import express from "express";

const database = new Database(process.env.DATABASE_PATH);
database.pragma("journal_mode = WAL");
database.pragma("synchronous = FULL");
database.exec("create table if not exists reports (id integer primary key, received_at text not null, topic text, message text not null)");
const insert = database.prepare("insert into reports (received_at, topic, message) values (?, ?, ?)");
const probe = database.prepare("select 1");

const app = express();
app.get("/healthz", (_req, res) => {
  probe.get();
  res.json({ ok: true });
});
app.post("/melden", express.urlencoded({ extended: false, limit: "64kb" }), (req, res) => {
  const { lastInsertRowid } = insert.run(new Date().toISOString(), String(req.body.topic ?? ""), String(req.body.message ?? ""));
  res.type("html").send(`<p data-testid="receipt-code">${lastInsertRowid}</p>`);
});
app.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
