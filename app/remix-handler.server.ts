import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
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
      if (response.body) await sendBody(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * Writes a body as it is produced. Unlike Remix's writeReadableStreamToWritable, which writes every chunk at once and
 * so buffers a large download in memory when the client reads slower than the server produces, the next chunk is
 * read only when the socket has drained: a streamed export is produced at the pace of the client. When the client
 * goes away the body is cancelled, which releases what produces it (an export's database cursor).
 */
export async function sendBody(body: ReadableStream<Uint8Array>, res: ExpressResponse): Promise<void> {
  const reader = body.getReader();
  let gone = res.destroyed;
  const onClose = () => {
    gone = true;
  };
  res.on("close", onClose);
  try {
    while (!gone) {
      const { done, value } = await reader.read();
      if (done) {
        res.end();
        return;
      }
      const drained = res.write(value);
      // The compression middleware holds output back until flushed; a streamed page must reach the browser as it comes.
      (res as ExpressResponse & { flush?: () => void }).flush?.();
      if (!drained && !gone) {
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off("drain", done);
            res.off("close", done);
            resolve();
          };
          res.on("drain", done);
          res.on("close", done);
        });
      }
    }
    await reader.cancel();
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    res.destroy(error as Error);
    throw error;
  } finally {
    res.off("close", onClose);
  }
}
