import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./components/nonce";
import { limitedBody } from "./utils/body-limit.server";
import { boot } from "./boot.server";
import { mayCompress } from "./utils/compression.server";
import { closeDb, untilWritable } from "./utils/db.server";
import { env } from "./utils/env.server";
import { describeError, describeStartupFailure, log } from "./utils/log.server";
import { isSameOriginRequest } from "./utils/origin.server";
import { newNonce, resolveClientAddress, securityHeaders } from "./utils/security-headers.server";

const ABORT_DELAY = 5_000;

/** What app/server.ts calls: one module instance, so the server and the routes share the database and the keys. */
export type AppEntryExports = {
  boot: typeof boot;
  shutdown: () => void;
  newNonce: typeof newNonce;
  headersFor: (nonce: string) => Record<string, string>;
  clientAddressOf: (socketAddress: string | undefined, headers: Record<string, string | string[] | undefined>) => string;
  logRequest: (fields: { method: string; path: string; status: number; ms: number }) => void;
  announce: (message: string) => void;
  sameOrigin: typeof isSameOriginRequest;
  mayCompress: typeof mayCompress;
  describeStartupFailure: typeof describeStartupFailure;
  requestBody: typeof limitedBody;
  untilWritable: typeof untilWritable;
};

export { boot, describeStartupFailure, mayCompress, newNonce, untilWritable };
export const shutdown: AppEntryExports["shutdown"] = closeDb;
export const headersFor: AppEntryExports["headersFor"] = (nonce) => securityHeaders(nonce, { secureCookies: env().COOKIE_SECURE });
export const clientAddressOf: AppEntryExports["clientAddressOf"] = (socket, headers) =>
  resolveClientAddress(socket, headers, env().TRUSTED_PROXY_HEADER);
export const logRequest: AppEntryExports["logRequest"] = (fields) => log.info("request", fields);
export const sameOrigin: AppEntryExports["sameOrigin"] = isSameOriginRequest;
export const requestBody: AppEntryExports["requestBody"] = limitedBody;
export const announce: AppEntryExports["announce"] = (message) => log.info(message);

/**
 * Logged by type and place only: an error message can quote what a user typed. An error response below 500 (no such
 * page, a method the route does not take) is an ordinary client error, not ours: the request log has its status.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  log.error("unhandled error", { path: new URL(request.url).pathname, error: describeError(error) });
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log.error("render error", { error: describeError(error) });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
