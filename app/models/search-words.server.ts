/**
 * A word index over the columns' text, so a search reads a few posting lists instead of every summary. A word is a run
 * of word bytes: ASCII letters and digits and every byte of a multi-byte character; other ASCII bytes (space,
 * punctuation, control) separate words. The rule is per byte, so a well-formed needle's UTF-8 splits at the same places
 * as the text it occurs in: each of its pieces lies inside one word of that text (a piece at an end of the needle may be
 * part of a longer word, an inner one is a whole word). Finding, per piece, the words that contain it (a substring search
 * in the dictionary, all pieces alike) and intersecting their slots gives a superset of the matches; only when the needle
 * is a single piece is that set exact, otherwise each candidate is checked against its text.
 */
const WORD_BYTE = Uint8Array.from({ length: 256 }, (_, b) => (b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) ? 1 : 0));

/** Calls `word(from, to)` for each word of `bytes[from .. to)`. */
function eachWord(bytes: Uint8Array, from: number, to: number, word: (start: number, end: number) => void): void {
  let at = from;
  while (at < to) {
    while (at < to && WORD_BYTE[bytes[at] as number] === 0) at += 1;
    const start = at;
    while (at < to && WORD_BYTE[bytes[at] as number] === 1) at += 1;
    if (at > start) word(start, at);
  }
}

function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  return hash >>> 0;
}

function grown<T extends Int32Array | Uint32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

export type Candidates = { mask: Uint8Array; level: number; exact: boolean };

export class WordIndex {
  /** The distinct words, each followed by a 0 byte (never a word byte, so no match crosses two words). */
  private dictionary: Buffer;
  /** Word `w` is `dictionary[wordStart[w] .. wordStart[w + 1] - 1)`. */
  private wordStart: Uint32Array;
  private words = 0;
  /** Open addressing: word ids, -1 for free. Entries are never taken out, so a probe passes erased words. */
  private table: Int32Array;
  /** How many living slots have word `w`; at 0 its bytes are zeroed. */
  private docs: Int32Array;
  /** The slots of word `w`, ascending: `posts[postStart[w] .. postStart[w + 1])`. */
  private postStart: Uint32Array;
  private posts: Uint32Array;

  /** While building: per slot its distinct words, in slot order; slot `s`'s are `tokens[tokenEnd[s - 1] .. tokenEnd[s])`. */
  private build: { tokens: Int32Array; tokenEnd: Uint32Array; count: number; lastSlot: Int32Array; next: number } | undefined;

  /**
   * Starts indexing the slots of `text` (slot `s` is `text[start[s] .. start[s + 1])`); `continueBuild` does the work.
   * The columns may lose slots meanwhile (`dead`, their text zeroed): the lists are made at the end, without them.
   */
  constructor(
    private readonly text: Uint8Array,
    private readonly start: Uint32Array,
    private readonly size: number,
    private readonly dead: Uint8Array,
  ) {
    this.dictionary = Buffer.alloc(Math.max(64, text.length >>> 3));
    this.wordStart = new Uint32Array(1024);
    this.table = new Int32Array(1 << 12).fill(-1);
    this.docs = new Int32Array(0);
    this.postStart = new Uint32Array(1);
    this.posts = new Uint32Array(0);
    const tokens = new Int32Array(Math.max(1024, text.length >>> 2));
    this.build = { tokens, tokenEnd: new Uint32Array(size), count: 0, lastSlot: new Int32Array(1024), next: 0 };
  }

  /** Reads the next `slots` slots' words (all of them with Infinity); true once the index is complete. */
  continueBuild(slots: number): boolean {
    const build = this.build;
    if (!build) return true;
    const { text, start, dead } = this;
    const until = Math.min(this.size, build.next + slots);
    for (let slot = build.next; slot < until; slot += 1) {
      if (dead[slot] === 0) {
        eachWord(text, start[slot] as number, start[slot + 1] as number, (from, to) => {
          const id = this.intern(text, from, to);
          build.lastSlot = grown(build.lastSlot, this.words); // slot + 1 of the last slot with the word (0: none yet)
          if (build.lastSlot[id] === slot + 1) return;
          build.lastSlot[id] = slot + 1;
          build.tokens = grown(build.tokens, build.count + 1);
          build.tokens[build.count++] = id;
        });
      }
      build.tokenEnd[slot] = build.count;
    }
    build.next = until;
    if (until < this.size) return false;
    this.makeLists(build.tokens, build.tokenEnd);
    this.build = undefined;
    return true;
  }

  /** The slot lists from the words read, leaving out slots that died meanwhile; a word only they had is zeroed. */
  private makeLists(tokens: Int32Array, tokenEnd: Uint32Array): void {
    const { words, dead } = this;
    this.docs = new Int32Array(words);
    let token = 0;
    for (let slot = 0; slot < this.size; slot += 1) {
      for (const end = tokenEnd[slot] as number; token < end; token += 1) if (dead[slot] === 0) this.docs[tokens[token] as number] = (this.docs[tokens[token] as number] as number) + 1;
    }
    this.postStart = new Uint32Array(words + 1);
    for (let w = 0; w < words; w += 1) this.postStart[w + 1] = (this.postStart[w] as number) + (this.docs[w] as number);
    this.posts = new Uint32Array(this.postStart[words] as number);
    const cursor = this.postStart.slice(0, words);
    token = 0;
    for (let slot = 0; slot < this.size; slot += 1) {
      for (const end = tokenEnd[slot] as number; token < end; token += 1) {
        const id = tokens[token] as number;
        if (dead[slot] === 0) this.posts[cursor[id] as number] = slot;
        cursor[id] = (cursor[id] as number) + (dead[slot] === 0 ? 1 : 0);
      }
    }
    // Growing left spare room; the index lives as long as its columns, so give it back.
    const spacious = this.dictionary;
    this.dictionary = Buffer.from(spacious.subarray(0, this.wordStart[words]));
    spacious.fill(0);
    this.wordStart = this.wordStart.slice(0, words + 1);
    for (let w = 0; w < words; w += 1) if (this.docs[w] === 0) this.dictionary.fill(0, this.wordStart[w], (this.wordStart[w + 1] as number) - 1);
  }

  /** The id of the word `bytes[from .. to)`, added when new (only while building). */
  private intern(bytes: Uint8Array, from: number, to: number): number {
    const found = this.lookup(bytes, from, to);
    if (found.id >= 0) return found.id;
    const id = this.words;
    const at = this.wordStart[id] as number;
    const length = to - from;
    if (at + length + 1 > this.dictionary.length) {
      const old = this.dictionary;
      this.dictionary = Buffer.alloc(Math.max(at + length + 1, old.length * 2));
      old.copy(this.dictionary);
      old.fill(0); // no copy of the words left for the collector
    }
    this.dictionary.set(bytes.subarray(from, to), at);
    this.dictionary[at + length] = 0;
    this.wordStart = grown(this.wordStart, id + 2);
    this.wordStart[id + 1] = at + length + 1;
    this.table[found.place] = id;
    this.words = id + 1;
    if (this.words * 2 > this.table.length) this.rehash();
    return id;
  }

  /** Where the word `bytes[from .. to)` is in the table (id -1: not there, `place` the free entry it would take). */
  private lookup(bytes: Uint8Array, from: number, to: number): { id: number; place: number } {
    const mask = this.table.length - 1;
    const length = to - from;
    for (let place = hashOf(bytes, from, to) & mask; ; place = (place + 1) & mask) {
      const id = this.table[place] as number;
      if (id < 0) return { id: -1, place };
      const at = this.wordStart[id] as number;
      if ((this.wordStart[id + 1] as number) - at - 1 !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i += 1) same = this.dictionary[at + i] === bytes[from + i];
      if (same) return { id, place };
    }
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let id = 0; id < this.words; id += 1) {
      let place = hashOf(this.dictionary, this.wordStart[id] as number, (this.wordStart[id + 1] as number) - 1) & mask;
      while ((table[place] as number) >= 0) place = (place + 1) & mask;
      table[place] = id;
    }
    this.table = table;
  }

  /**
   * The slots that may contain `needle` (UTF-8, well-formed): those with `mask[slot] === level`; `exact` when every one
   * of them does. Undefined when the needle has no word (only separators): the index cannot narrow that down.
   */
  candidates(needle: Uint8Array, size: number): Candidates | undefined {
    const edges: [number, number][] = [];
    const inner: [number, number][] = [];
    eachWord(needle, 0, needle.length, (from, to) => (from > 0 && to < needle.length ? inner : edges).push([from, to]));
    if (edges.length + inner.length === 0) return undefined;
    // An inner piece is a whole word: one lookup. Only without one are the words containing an end piece looked for
    // (a search through the whole dictionary); the check of each candidate against its text makes up for what is skipped.
    const pieces = (inner.length > 0 ? inner : edges).map(([from, to]) => {
      const words = inner.length > 0 ? [this.lookup(needle, from, to).id].filter((id) => id >= 0) : this.wordsContaining(needle.subarray(from, to));
      let posts = 0;
      for (const w of words) posts += (this.postStart[w + 1] as number) - (this.postStart[w] as number);
      return { words, posts };
    });
    // One piece and no separator around it: the needle is that piece, and a word containing it is a match.
    const exact = edges.length + inner.length === 1 && WORD_BYTE[needle[0] as number] === 1 && WORD_BYTE[needle[needle.length - 1] as number] === 1;
    // The rarest piece first; each further one keeps the slots that have all pieces so far (the level they reached).
    pieces.sort((a, b) => a.posts - b.posts);
    const mask = new Uint8Array(size);
    const used = pieces.slice(0, 255);
    used.forEach(({ words }, level) => {
      for (const w of words) {
        for (let k = this.postStart[w] as number, end = this.postStart[w + 1] as number; k < end; k += 1) {
          const slot = this.posts[k] as number;
          if (mask[slot] === level) mask[slot] = level + 1;
        }
      }
    });
    return { mask, level: used.length, exact };
  }

  /** The ids of the words that contain `piece` (no separator in it, so no match crosses into the next word). */
  private wordsContaining(piece: Uint8Array): number[] {
    const words: number[] = [];
    const { dictionary, wordStart } = this;
    let word = 0;
    for (let at = dictionary.indexOf(piece, 0); at !== -1 && at < (wordStart[this.words] as number); ) {
      // The last word starting at or before `at`; matches come in order, so search on from the previous one.
      let low = word;
      let high = this.words - 1;
      while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if ((wordStart[middle] as number) <= at) low = middle;
        else high = middle - 1;
      }
      words.push(low);
      word = low + 1;
      at = dictionary.indexOf(piece, wordStart[word] as number);
    }
    return words;
  }

  /**
   * A slot leaves (its text, `bytes`, is about to be zeroed): it is taken out of its words' slot lists (each entry
   * becomes a copy of a neighbour, so the lists stay sorted), and a word no living slot has any more is zeroed, so
   * neither an erased word nor the fact that this slot had a word stays in memory.
   */
  forget(slot: number, bytes: Uint8Array): void {
    const seen = new Set<number>();
    eachWord(bytes, 0, bytes.length, (from, to) => {
      const { id } = this.lookup(bytes, from, to);
      if (id < 0 || seen.has(id)) return;
      seen.add(id);
      const first = this.postStart[id] as number;
      const end = this.postStart[id + 1] as number;
      let low = first;
      let high = end;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((this.posts[middle] as number) < slot) low = middle + 1;
        else high = middle;
      }
      let after = low;
      while (after < end && this.posts[after] === slot) after += 1;
      this.docs[id] = (this.docs[id] as number) - 1;
      if (this.docs[id] === 0) {
        this.posts.fill(0, first, end);
        this.dictionary.fill(0, this.wordStart[id], (this.wordStart[id + 1] as number) - 1);
      } else if (after > low) {
        this.posts.fill(low > first ? (this.posts[low - 1] as number) : (this.posts[after] as number), low, after);
      }
    });
  }

  /** Before the index is dropped: no copy of the words is left for the collector to free. */
  wipe(): void {
    this.dictionary.fill(0);
  }

  /** For the confidentiality test: whether these bytes are in the dictionary. */
  holdsBytes(bytes: Buffer): boolean {
    return this.dictionary.includes(bytes);
  }

  /** For the slot list test: whether a slot is in the list of any word. */
  listsSlot(slot: number): boolean {
    for (let w = 0; w < this.words; w += 1) {
      if (this.docs[w] === 0) continue;
      for (let k = this.postStart[w] as number; k < (this.postStart[w + 1] as number); k += 1) if (this.posts[k] === slot) return true;
    }
    return false;
  }

  /** What the index takes in memory. */
  get bytes(): number {
    return this.dictionary.length + this.wordStart.byteLength + this.table.byteLength + this.docs.byteLength + this.postStart.byteLength + this.posts.byteLength;
  }
}
