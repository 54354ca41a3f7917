import { describe, expect, it } from "vitest";
import { pageRules, runningFooter } from "./report-print";

describe("the printed report's running footer", () => {
  it("names year and version and numbers the pages, not on the cover", () => {
    expect(runningFooter(2021, 2)).toBe("Rode draden 2021 · versie 2");
    expect(runningFooter(2021, null)).toBe("Rode draden 2021 · werkversie");
    expect(runningFooter(2021, 2, " Stichting Rode Draad ")).toBe("Stichting Rode Draad · Rode draden 2021 · versie 2");
    expect(runningFooter(2021, 2, "  ")).toBe("Rode draden 2021 · versie 2");
    const css = pageRules(runningFooter(2021, 2));
    expect(css).toContain('@bottom-left { content: "Rode draden 2021 · versie 2"');
    expect(css).toContain('content: "pagina " counter(page) " van " counter(pages)');
    expect(css).toMatch(/@page :first \{ @bottom-left \{ content: none; \}/);
  });

  it("cannot end the style element or the CSS string", () => {
    const css = pageRules('a"b</style><script>');
    expect(css).not.toContain("</style>");
    expect(css).toContain('"a\\22 b\\3c /style\\3e \\3c script\\3e "');
  });
});
