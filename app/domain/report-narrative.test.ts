import { describe, expect, it } from "vitest";
import { blocksOf, narrativeSchema, spansOf } from "./report-narrative";

describe("narrative formatting", () => {
  it("splits paragraphs on blank lines and joins wrapped lines", () => {
    expect(blocksOf("Eerste regel\nloopt door.\n\nTweede alinea.")).toEqual([
      { kind: "paragraph", spans: [{ text: "Eerste regel loopt door.", bold: false }] },
      { kind: "paragraph", spans: [{ text: "Tweede alinea.", bold: false }] },
    ]);
  });

  it("reads bullets and numbered lists", () => {
    const blocks = blocksOf("Conclusies:\n1. Niet goed gepositioneerd\n2. Krachten bundelen\n\n- een\n- twee");
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "numbered", "bullets"]);
    expect(blocks[1]).toEqual({
      kind: "numbered",
      items: [[{ text: "Niet goed gepositioneerd", bold: false }], [{ text: "Krachten bundelen", bold: false }]],
    });
  });

  it("marks bold text and leaves an unpaired marker as typed", () => {
    expect(spansOf("van **beleid** ontmoet inhoud")).toEqual([
      { text: "van ", bold: false },
      { text: "beleid", bold: true },
      { text: " ontmoet inhoud", bold: false },
    ]);
    expect(spansOf("5 ** 2")).toEqual([{ text: "5 ** 2", bold: false }]);
  });

  it("keeps markup as text: nothing becomes HTML", () => {
    expect(blocksOf("<script>alert(1)</script>")).toEqual([
      { kind: "paragraph", spans: [{ text: "<script>alert(1)</script>", bold: false }] },
    ]);
  });

  it("asks for at least one part", () => {
    const result = narrativeSchema.safeParse({ introduction: " ", threads: "", conclusions: "" });
    expect(result.success).toBe(false);
    expect(narrativeSchema.safeParse({ introduction: "", threads: "Rode draad", conclusions: "" }).success).toBe(true);
    expect(narrativeSchema.safeParse({ method: "Vraaggericht" }).success).toBe(true);
  });
});
