import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { factsMatcher, PAGE_SIZE, type InboxFilters } from "~/domain/inbox-filters";
import { CHANNELS, PHASES, REFERRERS, REQUESTER_TYPES, STATUSES, TOPICS } from "~/domain/signal-codes";
import { normaliseSearchText } from "~/domain/search-text";
import type { IndexedSignal } from "./search-columns.server";
import { SearchStore } from "./search-store.server";

/**
 * The store (flat columns plus a list of changes) must answer every search exactly as a plain filter over the signals
 * in the inbox's order would, whatever mix of additions, changes, removals and rebuilds came before.
 */
const WORDS = ["budget", "plafond", "a", "aa", "ß", "€uro", "zorg😀", "", "x\u0000y"];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((words) => words.join(" "));
const signal = (id: number, texts = text) =>
  fc.record({
    id: fc.constant(id),
    text: texts,
    receivedOn: fc.constantFrom("2019-12-31", "2020-01-01", "2020-02-15", "2020-12-31", "2021-03-04"),
    status: fc.constantFrom(...STATUSES),
    topic: fc.constantFrom(...TOPICS.slice(0, 3)),
    phase: fc.constantFrom(...PHASES),
    requester: fc.constantFrom(...REQUESTER_TYPES.slice(0, 2)),
    region: fc.constantFrom("JZ14", "JZ38"),
    channel: fc.constantFrom(...CHANNELS.slice(0, 2)),
    referrer: fc.constantFrom(...REFERRERS.slice(0, 2)),
    assignedTo: fc.constantFrom(null, 1, 2),
  });
type Step = { put: IndexedSignal } | { remove: number } | { rebuild: boolean };
const stepsWith = (texts: fc.Arbitrary<string>) =>
  fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 1, max: 40 }).chain((id) => signal(id, texts).map((put): Step => ({ put }))) },
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }).map((remove): Step => ({ remove })) },
      // A rebuild with or without its word index (a bulk load leaves the index to its end).
      { weight: 1, arbitrary: fc.boolean().map((words): Step => ({ rebuild: words })) },
    ),
    { maxLength: 80 },
  );
const steps = stepsWith(text);

function replay(history: Step[]): { store: SearchStore; live: Map<number, IndexedSignal> } {
  const store = new SearchStore();
  const live = new Map<number, IndexedSignal>();
  for (const step of history) {
    if ("put" in step) (store.put(step.put), live.set(step.put.id, step.put));
    else if ("remove" in step) (store.remove(step.remove), live.delete(step.remove));
    else store.rebuild({ words: step.rebuild });
  }
  return { store, live };
}
const filters = fc.record(
  {
    status: fc.constantFrom(...STATUSES),
    topic: fc.constantFrom(...TOPICS),
    phase: fc.constantFrom(...PHASES),
    region: fc.constantFrom("JZ14", "JZ99"),
    year: fc.constantFrom(2019, 2020, 2021),
    month: fc.constantFrom("2020-01", "2020-12"),
    channel: fc.constantFrom(...CHANNELS.slice(0, 2)),
    assigned: fc.constantFrom("none" as const, 1, 3),
    tender: fc.constantFrom("yes" as const, "no" as const),
  },
  { requiredKeys: [] },
);
const needle = fc.constantFrom("budget", "a", "aa", "a a", "ß", "€", "😀", "get pla", "\u0000", "d\u0000", "\uD83D", "", "onbekend");

function reference(live: Map<number, IndexedSignal>, view: InboxFilters, q: string, withTrigger: Set<number> | undefined, pageSize = PAGE_SIZE) {
  const order = [...live.values()].sort((a, b) => (a.receivedOn === b.receivedOn ? b.id - a.id : a.receivedOn < b.receivedOn ? 1 : -1));
  if (view.sort === "oldest") order.reverse();
  const matches = factsMatcher(view);
  const found = order.filter((s) => s.text !== "" && s.text.includes(q) && matches(s) && (!withTrigger || withTrigger.has(s.id)));
  const counts = Object.fromEntries(STATUSES.map((status) => [status, found.filter((s) => s.status === status).length]));
  const inView = found.filter((s) => !view.status || s.status === view.status);
  const from = (view.page - 1) * pageSize;
  return { counts, total: inView.length, pageIds: inView.slice(from, from + pageSize).map((s) => s.id), ids: found.map((s) => s.id) };
}

describe("SearchStore", () => {
  it("answers every search like a plain filter over the signals, after any changes and rebuilds", () => {
    fc.assert(
      fc.property(
        steps,
        fc.array(fc.tuple(filters, needle, fc.constantFrom("newest" as const, "oldest" as const), fc.integer({ min: 1, max: 3 }), fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 40 })))), { minLength: 1, maxLength: 5 }),
        (history, queries) => {
          const { store, live } = replay(history);
          for (const [chosen, q, sort, page, triggered] of queries) {
            const view = { ...chosen, sort, page } as InboxFilters;
            const withTrigger = triggered ? new Set(triggered) : undefined;
            const pageSize = page === 3 ? 2 : PAGE_SIZE; // small pages too, so pages cut through the merge of columns and changes
            const expected = reference(live, view, q, withTrigger, pageSize);
            expect(store.search(view, q, withTrigger, pageSize)).toEqual({ counts: expected.counts, total: expected.total, pageIds: expected.pageIds });
            expect(store.idsMatching(q)).toEqual(reference(live, { sort: "newest", page: 1 }, q, undefined).ids);
            expect(store.textCount()).toBe([...live.values()].filter((s) => s.text !== "").length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds through its word index exactly what a scan finds: any text, short needles, spaces, punctuation, accents", () => {
    // Summaries as the index holds them (normalised), from pieces that split words in every way: separators the index
    // knows (space, punctuation, control), and multi-byte ones it keeps inside words (’, €, emoji).
    const piece = fc.constantFrom("a", "e", "ij", "é", "Ë", "ï", "Ö", "İ", "ß", "€", "😀", "’", "1", "42", "b", " ", " ", ".", ",", ":", "-", "'", "(", "\u0000", "\n");
    const texts = fc.array(piece, { maxLength: 12 }).map((pieces) => normaliseSearchText(pieces.join("")));
    // A needle cut from a living text (so most needles hit, including ones cut through a word or a surrogate pair), or made up.
    const cut = fc.record({ which: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 8 }) });
    const madeUp = fc.array(piece, { minLength: 1, maxLength: 4 }).map((pieces) => normaliseSearchText(pieces.join("")));
    fc.assert(
      fc.property(stepsWith(texts), fc.array(fc.oneof(cut, madeUp), { minLength: 1, maxLength: 6 }), (history, wanted) => {
        const { store, live } = replay(history);
        const textsLive = [...live.values()].map((s) => s.text).filter((t) => t !== "");
        for (const want of wanted) {
          let q = typeof want === "string" ? want : "";
          if (typeof want !== "string" && textsLive.length > 0) {
            const from = textsLive[want.which % textsLive.length] as string;
            const at = want.from % from.length;
            q = from.slice(at, at + want.length);
          }
          expect(store.idsMatching(q)).toEqual(reference(live, { sort: "newest", page: 1 }, q, undefined).ids);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("overwrites a removed or replaced summary at once, also in the columns", () => {
    const store = new SearchStore();
    const facts = { receivedOn: "2021-03-04", status: "new", topic: "gdpr", phase: "none", requester: "provider", region: "JZ14", channel: "email", referrer: "direct", assignedTo: null } as const;
    for (let id = 1; id <= 5; id += 1) store.put({ ...facts, id, text: `geheim${id}` });
    store.rebuild();
    store.remove(2);
    store.put({ ...facts, id: 3, text: "" });
    expect(store.holds("geheim2")).toBe(false);
    expect(store.holds("geheim3")).toBe(false);
    expect(store.holds("geheim4")).toBe(true);
    store.put({ ...facts, id: 6, text: "geheim6" });
    store.rebuild();
    store.remove(6);
    store.remove(1);
    expect(store.holds("geheim6")).toBe(false);
    expect(store.holds("geheim1")).toBe(false);
    expect(store.idsMatching("geheim")).toEqual([5, 4]);
  });
});
