import { describe, expect, it } from "vitest";
import { PdfUnavailableError, pdfOfHtml } from "./pdf.server";

// Read by env() at its first use, which is in this file.
process.env.CHROMIUM_PATH = "/nonexistent/chromium";

describe("the PDF maker", () => {
  it("says Chromium is missing instead of failing somewhere inside", async () => {
    const error = await pdfOfHtml("<p>x</p>").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfUnavailableError);
    expect((error as PdfUnavailableError).reason).toBe("missing");
  });

  it("keeps taking requests after one failed (the queue does not stay blocked)", async () => {
    const results = await Promise.allSettled([pdfOfHtml("<p>a</p>"), pdfOfHtml("<p>b</p>")]);
    expect(results.map((r) => r.status === "rejected" && (r.reason as PdfUnavailableError).reason)).toEqual(["missing", "missing"]);
  });
});
