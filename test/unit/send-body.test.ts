import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Response as ExpressResponse } from "express";
import { expect, it } from "vitest";
import { sendBody } from "~/remix-handler.server";

/**
 * remixHandler sends a streamed body at the pace of the client: with a client that reads nothing, only what fits in
 * the socket's buffers is produced (Remix's own writeReadableStreamToWritable would produce the whole body into
 * memory), and when the client goes away the body is cancelled, which releases an export's cursor.
 */
it("produces a streamed body only as fast as the client reads, and cancels it when the client leaves", async () => {
  const CHUNK = new Uint8Array(64 * 1024).fill(65);
  let pulled = 0;
  let cancelled: () => void = () => undefined;
  const wasCancelled = new Promise<void>((resolve) => (cancelled = resolve));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1;
      controller.enqueue(CHUNK); // endless: 64 kB for every read
    },
    cancel: () => cancelled(),
  });
  const server = http.createServer((_req, res) => void sendBody(body, res as unknown as ExpressResponse).catch(() => undefined));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let received = 0;
  const request = http.get({ host: "127.0.0.1", port, path: "/" }, (response) => {
    response.once("data", (chunk: Buffer) => {
      received += chunk.length;
      response.pause(); // a client that stops reading
    });
  });
  request.on("error", () => undefined);
  // Give an unbounded writer every chance to run ahead: it would pull thousands of chunks in this time.
  for (let turn = 0; turn < 200; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(received).toBeGreaterThan(0);
  // What the socket buffers hold (a few MB on loopback), not an ever-growing body.
  expect(pulled * CHUNK.length).toBeLessThan(32 * 1024 * 1024);
  const settled = pulled;
  request.destroy();
  await wasCancelled;
  expect(pulled - settled).toBeLessThanOrEqual(2);
  server.close();
});
