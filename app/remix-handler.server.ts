import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";

/**
 * Hands express requests to Remix (for app/server.ts only; not part of the Remix build). It replaces
 * @remix-run/express, whose request streams the whole body to the route without a limit: here the body is whatever
 * `body` makes of the request — the app's limited stream.
 */
export function remixHandler(options: {
  build: ServerBuild;
  body: (req: IncomingMessage, res: ServerResponse) => ReadableStream<Uint8Array>;
  context: (res: ExpressResponse) => AppLoadContext;
}) {
  const handle = createRequestHandler(options.build, "production");
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const controller = new AbortController();
      // A loader or action stops when its answer can no longer be sent (the client went away).
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        for (const one of [value ?? []].flat()) headers.append(name, one);
      }
      const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
      if (req.method !== "GET" && req.method !== "HEAD") {
        init.body = options.body(req, res);
        init.duplex = "half";
      }
      const response = await handle(new Request(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, init), options.context(res));
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers) res.append(name, value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}
