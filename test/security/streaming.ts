import http from "node:http";
import type { APIRequestContext } from "@playwright/test";
import { ORIGIN } from "./support";

export type StreamOutcome = {
  status: number | undefined;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes the client managed to hand to its socket before the request ended or the server closed it. */
  written: number;
  /** True when the whole body went out; false when the server stopped it first. */
  complete: boolean;
};

/**
 * Posts a body as an attacker would: chunked (no Content-Length, so no size is declared up front), `prefix` first,
 * then `fill` repeated until `total` bytes, then `suffix`. Writes as fast as the server reads and stops only when the
 * server closes the connection. `onResponse` runs when the answer arrives, while the body may still be going out.
 */
export function streamPost(
  path: string,
  options: {
    headers: Record<string, string>;
    prefix: string;
    fill: string;
    suffix?: string;
    total: number;
    onResponse?: () => Promise<void>;
  },
): Promise<StreamOutcome> {
  const url = new URL(path, ORIGIN);
  const filler = Buffer.from(options.fill.repeat(Math.max(1, Math.floor(64 * 1024 / options.fill.length))));
  return new Promise((resolve) => {
    const outcome: StreamOutcome = { status: undefined, headers: {}, body: "", written: 0, complete: false };
    let closed = false;
    let answered = Promise.resolve();
    const request = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: "POST",
      headers: { Origin: ORIGIN, ...options.headers, "Transfer-Encoding": "chunked" },
    });
    request.on("response", (response) => {
      outcome.status = response.statusCode;
      outcome.headers = response.headers;
      response.setEncoding("utf8");
      response.on("data", (text: string) => (outcome.body += text));
      response.on("error", () => undefined);
      if (options.onResponse) answered = options.onResponse();
    });
    // A server that stops reading and closes the connection makes the client's writes fail: that is the point.
    request.on("error", () => undefined);
    request.on("close", () => {
      closed = true;
      void answered.then(() => resolve(outcome));
    });
    const drainedOrClosed = () =>
      new Promise<void>((done) => {
        const finish = () => {
          request.off("drain", finish);
          request.off("close", finish);
          done();
        };
        request.on("drain", finish);
        request.on("close", finish);
      });
    void (async () => {
      const write = async (chunk: Buffer | string) => {
        const ok = request.write(chunk);
        outcome.written += Buffer.byteLength(chunk);
        if (!ok) await drainedOrClosed();
      };
      await write(options.prefix);
      while (!closed && outcome.written < options.total) await write(filler);
      if (closed) return;
      outcome.complete = true;
      request.end(options.suffix ?? "");
    })();
  });
}

/** The Cookie header of a Playwright request context, for requests sent outside it. */
export async function cookieHeader(request: APIRequestContext): Promise<string> {
  const { cookies } = await request.storageState();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** A GET outside every other connection: the server must answer it while an oversized request is in progress. */
export async function healthz(): Promise<number> {
  return (await fetch(new URL("/healthz", ORIGIN))).status;
}
