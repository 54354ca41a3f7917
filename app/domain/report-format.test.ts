import { describe, expect, it } from "vitest";
import { formatCount, formatDifference, formatFigure, formatMonth, formatShare, formatShareDifference } from "./report-format";

describe("Dutch report notation", () => {
  it("groups thousands with a dot", () => {
    expect(formatCount(343)).toBe("343");
    expect(formatCount(1234567)).toBe("1.234.567");
    expect(formatCount(0)).toBe("0");
  });

  it("writes a suppressed count as below the threshold, and a protected one as afgeschermd", () => {
    const labels = { threshold: 5, protected: ["signals.byTopic.gdpr"], withheld: ["signals.byMonth.2021-01"] };
    expect(formatFigure(null, "signals.byTopic.other", labels)).toBe("< 5");
    expect(formatFigure(null, "signals.byTopic.other", { ...labels, threshold: 10 })).toBe("< 10");
    expect(formatFigure(null, "signals.byTopic.gdpr", labels)).toBe("afgeschermd");
    expect(formatFigure(null, "signals.byMonth.2021-01", labels)).toBe("afgeschermd");
    expect(formatFigure(0, "signals.byTopic.other", labels)).toBe("0");
    expect(formatFigure(1234, "signals.byTopic.gdpr", labels)).toBe("1.234");
  });

  it("writes shares as whole percents as the seed report does", () => {
    expect(formatShare(0.98)).toBe("98%");
    expect(formatShare(0.85)).toBe("85%");
    expect(formatShare(0.1)).toBe("10%");
    expect(formatShare(0.05)).toBe("5%");
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(1)).toBe("100%");
    expect(formatShare(0.57)).toBe("57%");
    expect(formatShare(null)).toBe("–");
    expect(formatShare(0, 1)).toBe("< 1%");
    expect(formatShare(0, 0)).toBe("0%");
  });

  it("signs differences with a real minus", () => {
    expect(formatDifference(343, 250)).toBe("+93");
    expect(formatDifference(250, 343)).toBe("−93");
    expect(formatDifference(5, 5)).toBe("0");
    expect(formatDifference(2500, 1000)).toBe("+1.500");
    expect(formatDifference(null, 5)).toBe("–");
  });

  it("gives share differences in percentage points", () => {
    expect(formatShareDifference(0.98, 0.95)).toBe("+3 procentpunt");
    expect(formatShareDifference(0.8, 0.85)).toBe("−5 procentpunt");
    expect(formatShareDifference(0.5, 0.5)).toBe("0 procentpunt");
  });

  it("names months in Dutch", () => {
    expect(formatMonth("2021-03")).toBe("maart 2021");
    expect(formatMonth("2021-12")).toBe("december 2021");
  });
});
