import { describe, expect, it } from "vitest";
import { newDictionaries, SearchColumns } from "./search-columns.server";

const facts = { receivedOn: "2021-03-04", status: "new", topic: "gdpr", phase: "none", requester: "provider", region: "JZ14", channel: "email", referrer: "direct", assignedTo: null } as const;

function filled(texts: string[]): SearchColumns {
  const columns = new SearchColumns(newDictionaries(), texts.length, texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0), texts.length);
  texts.forEach((text, i) => columns.push({ ...facts, id: i + 1, text }));
  return columns;
}

function indexed(texts: string[]): SearchColumns {
  const columns = filled(texts);
  columns.indexWords();
  return columns;
}

const found = (columns: SearchColumns, needle: string) => {
  const slots: number[] = [];
  columns.eachContaining(needle, (slot) => slots.push(slot));
  return slots;
};

describe("WordIndex", () => {
  it("forgets a removed summary: its slot leaves every word's list, a word nobody else has leaves memory", () => {
    const columns = indexed(["gedeeld jansen", "gedeeld pietersen, jansen", "gedeeld", "pietersen"]);
    expect(columns.wordIndexBytes).toBeGreaterThan(0);
    columns.kill(1);
    expect(columns.wordsList(1)).toBe(false);
    expect(columns.holdsBytes("pietersen")).toBe(true); // slot 3 still has it
    expect(found(columns, "gedeeld")).toEqual([0, 2]);
    columns.kill(3);
    expect(columns.holdsBytes("pietersen")).toBe(false);
    expect(found(columns, "pieter")).toEqual([]);
    columns.kill(0);
    expect(columns.holdsBytes("jansen")).toBe(false);
    expect(found(columns, "gedeeld")).toEqual([2]);
    columns.wipe();
    expect(columns.holdsBytes("gedeeld")).toBe(false);
  });

  it("built in slices, leaves out what was removed meanwhile, and scans until it is ready", () => {
    const columns = filled(["gedeeld jansen", "gedeeld pietersen", "gedeeld", "klaas"]);
    expect(columns.indexWords(2)).toBe(false);
    columns.kill(1); // read already
    columns.kill(3); // not yet read
    expect(found(columns, "gedeeld")).toEqual([0, 2]); // a scan
    expect(columns.wordIndexBytes).toBe(0);
    expect(columns.indexWords(2)).toBe(true);
    expect(columns.wordIndexBytes).toBeGreaterThan(0);
    expect(columns.wordsList(1)).toBe(false);
    expect(columns.holdsBytes("pietersen")).toBe(false);
    expect(found(columns, "gedeeld")).toEqual([0, 2]);
    expect(found(columns, "pietersen")).toEqual([]);
  });
});
