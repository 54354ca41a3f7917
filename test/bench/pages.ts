import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildApp, startServer } from "./app-server";

/**
 * npm run bench -- pages: what a browser transfers for GET /melden (the page, then every stylesheet, script and icon
 * it names), compressed as a browser asks (Accept-Encoding: br, gzip) beside the same files uncompressed. Prints
 * figures; asserts nothing (the byte budget is checked in test/e2e/page-weight.spec.ts).
 */
const PORT = Number(process.env.BENCH_PORT ?? 3150);
const PAGE = "/melden";

type Transfer = { url: string; encoding: string; bytes: number; headerBytes: number };

function get(base: string, url: string, acceptEncoding: string): Promise<Transfer & { body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${url}`, { headers: { "accept-encoding": acceptEncoding, "sec-fetch-site": "none" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        const headerBytes = response.rawHeaders.reduce((sum, part) => sum + part.length + 2, 0) + 17;
        resolve({ url, encoding: String(response.headers["content-encoding"] ?? "identity"), bytes: body.length, headerBytes, body });
      });
    });
    request.on("error", reject);
  });
}

/** The stylesheets, scripts (module preloads included) and icons the page makes a browser fetch. */
function assetsOf(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<link[^>]+>/g)) {
    const tag = match[0];
    if (/rel="(stylesheet|modulepreload|icon)"/.test(tag)) urls.add(/href="([^"]+)"/.exec(tag)?.[1] ?? "");
  }
  for (const match of html.matchAll(/<script[^>]+src="([^"]+)"/g)) urls.add(match[1] ?? "");
  for (const match of html.matchAll(/import\s*(?:[^"']*from\s*)?["'](\/build\/[^"']+)["']/g)) urls.add(match[1] ?? "");
  urls.delete("");
  return [...urls];
}

buildApp();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-pages-bench-"));
const server = await startServer({ port: PORT, databasePath: path.join(dir, "pages.db") });
const page = await get(server.base, PAGE, "br, gzip");
const plainPage = await get(server.base, PAGE, "identity");
const assets = assetsOf(plainPage.body.toString("utf8"));
const rows = [{ compressed: page, plain: plainPage }];
for (const url of assets) rows.push({ compressed: await get(server.base, url, "br, gzip"), plain: await get(server.base, url, "identity") });
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
process.stdout.write(`GET ${PAGE} as a browser loads it (headers included):\n`);
for (const { compressed, plain } of rows) {
  process.stdout.write(`  ${compressed.url}: ${kB(compressed.bytes + compressed.headerBytes)} (${compressed.encoding}; ${kB(plain.bytes + plain.headerBytes)} uncompressed)\n`);
}
const total = rows.reduce((sum, { compressed }) => sum + compressed.bytes + compressed.headerBytes, 0);
const plainTotal = rows.reduce((sum, { plain }) => sum + plain.bytes + plain.headerBytes, 0);
const scripts = assets.filter((url) => url.endsWith(".js")).length;
process.stdout.write(`  total: ${kB(total)} transferred (${kB(plainTotal)} uncompressed), ${rows.length} files, ${scripts} scripts (target < 60 kB)\n`);
