import path from "node:path";
import { pathToFileURL } from "node:url";
import compression from "compression";
import express from "express";
import type { ServerBuild } from "@remix-run/node";
import type { AppEntryExports } from "./entry.server";
import { remixHandler } from "./remix-handler.server";

/**
 * A small express server instead of remix-serve: it resolves the client address (for login throttling and the
 * audit log), sets the security headers with a per-request CSP nonce, limits request bodies, and runs `boot`
 * (migrations, keys, setup link) before it accepts a single request.
 */
// React picks its production build by NODE_ENV, which whoever starts the server sets (npm start, npm run demo, the
// tests); this process only reads its environment.
if (process.env.NODE_ENV !== "production") {
  process.stderr.write("Let op: NODE_ENV is niet production, dus React draait in ontwikkelmodus. Start met npm start.\n");
}
const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const entry = build.entry.module as unknown as AppEntryExports;

let settings: ReturnType<AppEntryExports["boot"]>;
try {
  settings = entry.boot();
} catch (error) {
  process.stderr.write(`Rode Draad kan niet starten: ${entry.describeStartupFailure(error)}\n`);
  process.exit(1);
}

const app = express();
app.disable("x-powered-by");

app.use((req, res, next) => {
  const started = performance.now();
  res.on("finish", () =>
    entry.logRequest({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) }),
  );
  next();
});

app.use((req, res, next) => {
  res.locals.cspNonce = entry.newNonce();
  res.locals.clientAddress = entry.clientAddressOf(req.socket.remoteAddress, req.headers);
  res.set(entry.headersFor(res.locals.cspNonce as string));
  next();
});

// Text responses (pages, CSS, JS, CSV) are compressed, unless the request could carry a BREACH attack (see mayCompress).
app.use(compression({ filter: (req, res) => entry.mayCompress(req.headers) && compression.filter(req, res) }));

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", index: false }));
app.use(express.static("public", { maxAge: "1h", index: false }));

// Every answer past the static files, refusals included, may show confidential data or a form token: no browser or
// proxy keeps a copy.
app.use((_req, res, next) => {
  res.set("Cache-Control", "no-store");
  next();
});

// A foreign origin is refused here, before Remix's own check turns it into a 500. `Origin: null` (a plain form
// post under Referrer-Policy: no-referrer) is judged by Sec-Fetch-Site instead, and removed so Remix accepts it.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const verdict = entry.sameOrigin({
    origin: req.get("origin") ?? null,
    secFetchSite: req.get("sec-fetch-site") ?? null,
    host: req.get("host") ?? null,
  });
  if (!verdict) {
    res.status(403).type("text/plain; charset=utf-8").send("Dit formulier komt niet van deze site en is geweigerd.");
    return;
  }
  if (req.headers.origin === "null") delete req.headers.origin;
  next();
});

// `?_data=` is the data protocol from before single fetch; our pages never use it. Remix would report every such
// request as an error (a warning per request, a 500 for a loader without a response), so it never gets there.
app.use((req, res, next) => {
  if (!new URL(req.originalUrl, "http://localhost").searchParams.has("_data")) return next();
  res.status(400).type("text/plain; charset=utf-8").send("Dit verzoek wordt niet ondersteund.");
});

// While a command-line process holds the write lock, requests wait here, off the event loop, instead of in SQLite
// (pages write too: sessions, audit entries). The health check only reads, and answers meanwhile.
app.use((req, _res, next) => {
  if (req.path === "/healthz") return next();
  entry.untilWritable().then(() => next(), next);
});

// Every body reaches the routes through the app's size limit, cut off while it streams in (413).
app.all(
  "*",
  remixHandler({
    build,
    body: entry.requestBody,
    context: (res) => ({
      clientAddress: res.locals.clientAddress as string,
      cspNonce: res.locals.cspNonce as string,
    }),
  }),
);

const server = app.listen(settings.port, settings.host, () => {
  entry.announce(`Rode Draad draait op http://${settings.host}:${settings.port}`);
});
server.on("error", (error) => {
  process.stderr.write(`Rode Draad kan niet luisteren op ${settings.host}:${settings.port}: ${error.message}\n`);
  process.exit(1);
});

function stop() {
  server.close(() => {
    entry.shutdown();
    process.exit(0);
  });
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
