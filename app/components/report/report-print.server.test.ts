import { describe, expect, it } from "vitest";
import { pdfUnavailableHtml } from "./report-print.server";

describe("the page a PDF download answers with when no PDF can be made", () => {
  it("says in Dutch what happened, what to do instead, and links back", () => {
    const html = pdfUnavailableHtml("missing", "/rapportage/2021/versie/1");
    expect(html).toContain('<html lang="nl"');
    expect(html).toContain("De PDF kan nu niet worden gemaakt");
    expect(html).toContain("Chromium");
    expect(html).toContain("CHROMIUM_PATH");
    expect(html).toContain("PDF of afdrukken");
    expect(html).toContain('href="/rapportage/2021/versie/1"');
    expect(pdfUnavailableHtml("busy", "/x")).toContain("Probeer het over een minuut opnieuw.");
  });
});
