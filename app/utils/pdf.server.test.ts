import { describe, expect, it } from "vitest";
import { PdfUnavailableError, pdfOfHtml } from "./pdf.server";

const NO_CHROMIUM = "/nonexistent/chromium";

describe("the PDF maker", () => {
  it("says Chromium is missing instead of failing somewhere inside", async () => {
    const error = await pdfOfHtml("<p>x</p>", NO_CHROMIUM).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfUnavailableError);
    expect((error as PdfUnavailableError).reason).toBe("missing");
  });

  it("keeps taking requests after one failed (the queue does not stay blocked)", async () => {
    const results = await Promise.allSettled([pdfOfHtml("<p>a</p>", NO_CHROMIUM), pdfOfHtml("<p>b</p>", NO_CHROMIUM)]);
    expect(results.map((r) => r.status === "rejected" && (r.reason as PdfUnavailableError).reason)).toEqual(["missing", "missing"]);
  });
});
