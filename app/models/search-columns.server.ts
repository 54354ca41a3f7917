import type { SignalFacts } from "~/domain/inbox-filters";
import { STATUSES } from "~/domain/signal-codes";
import { WordIndex } from "./search-words.server";

/** A signal as the search index holds it: what the inbox filters by, and the summary normalised for search. */
export type IndexedSignal = SignalFacts & { id: number; text: string };

/** The inbox's default order (received_on desc, id desc), on the values the columns hold. */
export function newerFirst(aDay: string, aId: number, bDay: string, bId: number): number {
  return aDay === bDay ? bId - aId : aDay < bDay ? 1 : -1;
}

/** Codes and dates repeat (a few thousand distinct values): each column holds a number per signal, not a string. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      if (this.values.length === 0xffff) throw new Error("Zoekindex: te veel verschillende waarden in één kolom");
      code = this.values.push(value) - 1;
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of a value a filter asks for; -2 (never a code) when no signal has it. */
  wanted(value: string | undefined): number {
    return value === undefined ? -1 : (this.codes.get(value) ?? -2);
  }
}

export const FACT_COLUMNS = ["receivedOn", "status", "topic", "phase", "requester", "region", "channel", "referrer"] as const;
export type FactColumn = (typeof FACT_COLUMNS)[number];
export type Dictionaries = Record<FactColumn, Dictionary>;
export const newDictionaries = (): Dictionaries => Object.fromEntries(FACT_COLUMNS.map((column) => [column, new Dictionary()])) as Dictionaries;

/** A status's place in STATUSES; 255 for a value outside it (counted in no tab, as before). */
const rankOf = (status: string) => {
  const rank = (STATUSES as readonly string[]).indexOf(status);
  return rank < 0 ? 255 : rank;
};

/**
 * The bulk of the index, in the inbox's order: one number per signal in typed arrays and every summary as UTF-8 in one
 * Buffer with offsets. A million signals are then a few dozen arrays rather than a million objects the garbage
 * collector walks again and again, and a search is Buffer.indexOf over flat memory. Immutable apart from `kill`: new
 * and changed signals wait in the index's small list of changes until the next rebuild (SearchStore).
 */
export class SearchColumns {
  readonly size: number;
  readonly ids: Int32Array;
  readonly rank: Uint8Array;
  readonly facts: Record<FactColumn, Uint16Array>;
  /** 0: nobody (user ids start at 1). */
  readonly assigned: Int32Array;
  /** Slot `s`'s text is `text[start[s] .. start[s + 1])`. */
  readonly start: Uint32Array;
  readonly dead: Uint8Array;
  private readonly text: Buffer;
  private readonly slotOfId: Int32Array;
  private deadCount = 0;
  /** Built once the columns are filled (indexWords, possibly in slices); until it is ready a search scans. */
  private words: WordIndex | undefined;
  private building: WordIndex | undefined;

  private filled = 0;
  private at = 0;

  constructor(
    readonly dictionaries: Dictionaries,
    size: number,
    textBytes: number,
    maxId: number,
  ) {
    this.size = size;
    this.ids = new Int32Array(size);
    this.rank = new Uint8Array(size);
    this.facts = Object.fromEntries(FACT_COLUMNS.map((column) => [column, new Uint16Array(size)])) as Record<FactColumn, Uint16Array>;
    this.assigned = new Int32Array(size);
    this.start = new Uint32Array(size + 1);
    this.dead = new Uint8Array(size);
    this.text = Buffer.alloc(textBytes);
    this.slotOfId = new Int32Array(maxId + 1).fill(-1);
  }

  get maxId(): number {
    return this.slotOfId.length - 1;
  }

  /** Fills the next slot (the caller adds them in the inbox's order). */
  push(signal: IndexedSignal): void {
    const slot = this.filled;
    this.ids[slot] = signal.id;
    this.rank[slot] = rankOf(signal.status);
    for (const column of FACT_COLUMNS) this.facts[column][slot] = this.dictionaries[column].code(signal[column]);
    this.assigned[slot] = signal.assignedTo ?? 0;
    this.at += this.text.write(signal.text, this.at, "utf8");
    this.filled = slot + 1;
    this.start[slot + 1] = this.at;
    this.slotOfId[signal.id] = slot;
  }

  /** Fills the next slots with slots `from .. to)` of older columns, all living (same dictionaries): one copy per column. */
  copyRun(source: SearchColumns, from: number, to: number): void {
    const slot = this.filled;
    this.ids.set(source.ids.subarray(from, to), slot);
    this.rank.set(source.rank.subarray(from, to), slot);
    for (const column of FACT_COLUMNS) this.facts[column].set(source.facts[column].subarray(from, to), slot);
    this.assigned.set(source.assigned.subarray(from, to), slot);
    const shift = this.at - (source.start[from] as number);
    this.at += source.text.copy(this.text, this.at, source.start[from], source.start[to]);
    for (let i = 0; i < to - from; i += 1) {
      this.start[slot + i + 1] = (source.start[from + i + 1] as number) + shift;
      this.slotOfId[this.ids[slot + i] as number] = slot + i;
    }
    this.filled = slot + to - from;
  }

  slotOf(id: number): number {
    return id < this.slotOfId.length ? (this.slotOfId[id] as number) : -1;
  }

  day(slot: number): string {
    return this.dictionaries.receivedOn.values[this.facts.receivedOn[slot] as number] as string;
  }

  hasText(slot: number): boolean {
    return this.dead[slot] === 0 && (this.start[slot + 1] as number) > (this.start[slot] as number);
  }

  textBytes(slot: number): number {
    return (this.start[slot + 1] as number) - (this.start[slot] as number);
  }

  get killed(): number {
    return this.deadCount;
  }

  /**
   * Builds the word index over the filled slots (see WordIndex), the next `slots` of them per call; true once it is
   * ready. The columns take no more pushes after the first call.
   */
  indexWords(slots = Infinity): boolean {
    if (this.words) return true;
    this.building ??= new WordIndex(this.text, this.start, this.filled, this.dead);
    if (!this.building.continueBuild(slots)) return false;
    this.words = this.building;
    this.building = undefined;
    return true;
  }

  /** Takes a signal out; its text bytes are overwritten at once, so an erased summary does not stay in memory. */
  kill(slot: number): void {
    if (this.dead[slot] === 1) return;
    this.dead[slot] = 1;
    this.deadCount += 1;
    this.words?.forget(slot, this.text.subarray(this.start[slot], this.start[slot + 1]));
    this.text.fill(0, this.start[slot], this.start[slot + 1]);
    this.slotOfId[this.ids[slot] as number] = -1;
  }

  /** Before the columns are dropped for a rebuild: no copy of the summaries is left for the collector to free. */
  wipe(): void {
    this.text.fill(0);
    this.words?.wipe();
    this.building?.wipe();
  }

  /** Calls `found` for every living slot whose text contains `needle`, in slot order. */
  eachContaining(needle: string, found: (slot: number) => void): void {
    const { start, size, text } = this;
    if (needle === "") {
      for (let slot = 0; slot < size; slot += 1) if (this.hasText(slot)) found(slot);
      return;
    }
    if (!WELL_FORMED.test(needle)) {
      // A lone surrogate has no UTF-8 form: compare decoded text (never happens with text from a URL or the database).
      for (let slot = 0; slot < size; slot += 1) if (this.hasText(slot) && text.toString("utf8", start[slot], start[slot + 1]).includes(needle)) found(slot);
      return;
    }
    // UTF-8 is self-synchronising: a byte match of a well-formed needle is a match of whole characters.
    const bytes = Buffer.from(needle, "utf8");
    const candidates = this.words?.candidates(bytes, size);
    if (candidates) {
      const { mask, level, exact } = candidates;
      // A candidate is checked with the next match at or after its start; one search answers for every candidate it
      // passes, so dense candidates cost at most the scan and sparse ones a short search each.
      let next = -1;
      for (let slot = 0; slot < size; slot += 1) {
        if (mask[slot] !== level || this.dead[slot] === 1) continue;
        if (exact) {
          found(slot);
          continue;
        }
        const from = start[slot] as number;
        const end = start[slot + 1] as number;
        if (next < from) next = text.indexOf(bytes, from);
        while (next !== -1 && next < end && next + bytes.length > end) next = text.indexOf(bytes, next + 1);
        if (next === -1) return;
        if (next < end) found(slot);
      }
      return;
    }
    let slot = 0;
    for (let at = text.indexOf(bytes, 0); at !== -1; ) {
      slot = this.slotAt(at, slot);
      const end = start[slot + 1] as number;
      if (at + bytes.length <= end) {
        if (this.dead[slot] === 0) found(slot);
        at = end < text.length ? text.indexOf(bytes, end) : -1;
      } else {
        at = text.indexOf(bytes, at + 1); // a match across two summaries (the texts lie side by side without a separator)
      }
    }
  }

  /** For the confidentiality test: whether a removed slot is still in a word's list. */
  wordsList(slot: number): boolean {
    return this.words?.listsSlot(slot) ?? false;
  }

  /** What the word index takes in memory (0 before it is built). */
  get wordIndexBytes(): number {
    return this.words?.bytes ?? 0;
  }

  /**
   * The slot whose text holds byte `at`, at or after slot `from`: the last slot starting at or before it (empty texts
   * start where the next does). Galloping from `from`: matches come in order, mostly a few slots apart.
   */
  private slotAt(at: number, from: number): number {
    let low = from;
    let step = 1;
    while (low + step < this.size && (this.start[low + step] as number) <= at) {
      low += step;
      step *= 2;
    }
    let high = Math.min(low + step, this.size) - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.start[middle] as number) <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** For the confidentiality test: whether these bytes are anywhere in the text memory, living slots or not. */
  holdsBytes(text: string): boolean {
    const bytes = Buffer.from(text, "utf8");
    return this.text.includes(bytes) || (this.words ?? this.building)?.holdsBytes(bytes) === true;
  }
}

const WELL_FORMED = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
