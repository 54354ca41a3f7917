import fs from "node:fs";
import { env } from "./env.server";
import { describeError, log } from "./log.server";

/**
 * HTML to PDF with the system Chromium (CHROMIUM_PATH), driven by playwright-core: the same engine and the same
 * print stylesheet as the browser's own "Opslaan als PDF", so page numbers, running footer and page breaks come out
 * alike. The page gets the finished HTML by setContent — styles inlined, charts as SVG — with JavaScript off and
 * every request refused, so nothing is fetched and no session is needed. One Chromium at a time (it takes a few
 * hundred MB): later requests wait their turn, a few at most, and each has a time limit.
 */

export class PdfUnavailableError extends Error {
  override name = "PdfUnavailableError";
  constructor(readonly reason: "missing" | "busy" | "timeout" | "failed") {
    super(`PDF not made: ${reason}`);
  }
}

const TIMEOUT_MS = 45_000;
/** Requests beyond this many waiting get "busy" at once instead of a long wait. */
const MAX_WAITING = 4;

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

/** `chromium`: the browser to drive; the configured CHROMIUM_PATH unless the caller (a test) names another. */
export function pdfOfHtml(html: string, chromium: string = env().CHROMIUM_PATH): Promise<Buffer> {
  if (waiting >= MAX_WAITING) return Promise.reject(new PdfUnavailableError("busy"));
  waiting += 1;
  const job = queue.then(() => render(html, chromium));
  queue = job.catch(() => undefined).finally(() => {
    waiting -= 1;
  });
  return job;
}

async function render(html: string, executablePath: string): Promise<Buffer> {
  if (!fs.existsSync(executablePath)) throw new PdfUnavailableError("missing");
  // Loaded with the first PDF, not at every start.
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath, args: ["--disable-gpu", "--no-first-run"], timeout: TIMEOUT_MS }).catch((error: unknown) => {
    log.error("pdf.launch_failed", { error: describeError(error) });
    throw new PdfUnavailableError("failed");
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const work = (async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.route("**/*", (route) => route.abort());
      await page.setContent(html, { waitUntil: "load", timeout: TIMEOUT_MS });
      await page.emulateMedia({ media: "print" });
      return page.pdf({ format: "A4", printBackground: false, preferCSSPageSize: true, tagged: true, outline: true });
    })();
    // Past the time limit the browser is closed under it; that late failure is no one's to hear.
    work.catch(() => undefined);
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PdfUnavailableError("timeout")), TIMEOUT_MS);
    });
    return await Promise.race([work, limit]);
  } catch (error) {
    if (error instanceof PdfUnavailableError) throw error;
    log.error("pdf.failed", { error: describeError(error) });
    throw new PdfUnavailableError("failed");
  } finally {
    clearTimeout(timer);
    await browser.close().catch(() => undefined);
  }
}
