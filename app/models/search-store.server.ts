import { factsMatcher, type InboxFilters, type SignalFacts } from "~/domain/inbox-filters";
import { STATUSES, type SignalStatus } from "~/domain/signal-codes";
import { FACT_COLUMNS, newDictionaries, newerFirst, SearchColumns, type FactColumn, type IndexedSignal } from "./search-columns.server";

/** Which filters look at which column (assigned and trigger aside); the rule itself stays factsMatcher's. */
const FILTERS_OF: Record<FactColumn, (keyof InboxFilters)[]> = {
  receivedOn: ["year", "month"],
  status: [],
  topic: ["topic"],
  phase: ["phase", "tender"],
  requester: ["requester"],
  region: ["region"],
  channel: ["channel"],
  referrer: ["referrer"],
};

/** Changes wait in a small list of objects; past this many (or this many removed slots) the columns are rebuilt. */
const MAX_CHANGES = 4096;
const MAX_KILLED = 65536;

export type SearchResult = { counts: Record<SignalStatus, number>; total: number; pageIds: number[] };

const statusRank = (status: string) => (STATUSES as readonly string[]).indexOf(status);

/**
 * The search index's memory: the columns (most signals, flat, see SearchColumns) plus the signals added or changed
 * since they were built, as objects. A change takes the signal out of the columns at once (its text overwritten) and
 * puts its current version in the list; `rebuild` merges the list into new columns. Pure: the database side is
 * search-index.server.ts.
 */
export class SearchStore {
  private readonly dictionaries = newDictionaries();
  private columns = new SearchColumns(this.dictionaries, 0, 0, 0);
  private readonly changed = new Map<number, IndexedSignal>();
  private changedInOrder: IndexedSignal[] | undefined;

  /** Adds a signal or replaces the version held. */
  put(signal: IndexedSignal): void {
    this.remove(signal.id);
    this.changed.set(signal.id, signal);
  }

  remove(id: number): void {
    const slot = this.columns.slotOf(id);
    if (slot >= 0) this.columns.kill(slot);
    this.changed.delete(id);
    this.changedInOrder = undefined;
  }

  get pending(): number {
    return this.changed.size;
  }

  needsRebuild(): boolean {
    return this.changed.size > MAX_CHANGES || this.columns.killed > MAX_KILLED;
  }

  /**
   * New columns from the living slots and the changes, in the inbox's order; the old text memory is overwritten. With
   * `words` (the default) the new columns get their word index at once; otherwise `indexWords` builds it later, in slices.
   */
  rebuild({ words = true } = {}): void {
    const old = this.columns;
    const changes = this.inOrder();
    let bytes = 0;
    for (let slot = 0; slot < old.size; slot += 1) if (old.dead[slot] === 0) bytes += old.textBytes(slot);
    for (const signal of changes) bytes += Buffer.byteLength(signal.text, "utf8");
    const maxId = changes.reduce((max, signal) => Math.max(max, signal.id), old.maxId);
    const next = new SearchColumns(this.dictionaries, old.size - old.killed + changes.length, bytes, maxId);
    let slot = 0;
    // The living slots before `end`, in runs between removed ones: a million slots are a few copies, not a million.
    const copyUntil = (end: number) => {
      for (; slot < end; ) {
        let run = slot;
        while (run < end && old.dead[run] === 0) run += 1;
        if (run > slot) next.copyRun(old, slot, run);
        slot = Math.max(run, slot + 1);
      }
    };
    for (const signal of changes) {
      let end = slot;
      while (end < old.size && (old.dead[end] === 1 || newerFirst(old.day(end), old.ids[end] as number, signal.receivedOn, signal.id) < 0)) end += 1;
      copyUntil(end);
      next.push(signal);
    }
    copyUntil(old.size);
    if (words) next.indexWords();
    old.wipe();
    this.columns = next;
    this.changed.clear();
    this.changedInOrder = undefined;
  }

  /** Goes on building the columns' word index, `slots` more of them; true once it is ready (see SearchColumns). */
  indexWords(slots = Infinity): boolean {
    return this.columns.indexWords(slots);
  }

  /** What the word index takes in memory. */
  get wordIndexBytes(): number {
    return this.columns.wordIndexBytes;
  }

  /** How many signals have a text (the start log reports it). */
  textCount(): number {
    let count = 0;
    for (let slot = 0; slot < this.columns.size; slot += 1) if (this.columns.hasText(slot)) count += 1;
    for (const signal of this.changed.values()) if (signal.text !== "") count += 1;
    return count;
  }

  /** The ids of the signals whose text contains `needle` (normalised), newest first. */
  idsMatching(needle: string): number[] {
    const { columns } = this;
    const slots: number[] = [];
    columns.eachContaining(needle, (slot) => slots.push(slot));
    const changes = this.inOrder().filter((signal) => signal.text !== "" && signal.text.includes(needle));
    return this.merged(slots, changes, false, 0, slots.length + changes.length);
  }

  /**
   * An inbox view with a search: the count per status of the signals that match (the other filters applied), how
   * many the view's status has, and the ids of its page, in the view's order.
   */
  search(filters: InboxFilters, needle: string, withTrigger: Set<number> | undefined, pageSize: number): SearchResult {
    const { columns } = this;
    const perRank = STATUSES.map(() => 0);
    const wanted = filters.status ? statusRank(filters.status) : -1;
    const passes = this.slotTest(filters);
    const slots: number[] = [];
    columns.eachContaining(needle, (slot) => {
      if (!passes(slot) || (withTrigger && !withTrigger.has(columns.ids[slot] as number))) return;
      const rank = columns.rank[slot] as number;
      if (rank < perRank.length) perRank[rank] = (perRank[rank] as number) + 1;
      if (wanted < 0 || rank === wanted) slots.push(slot);
    });
    const matches = factsMatcher(filters);
    const changes: IndexedSignal[] = [];
    for (const signal of this.inOrder()) {
      if (signal.text === "" || !signal.text.includes(needle) || !matches(signal) || (withTrigger && !withTrigger.has(signal.id))) continue;
      const rank = statusRank(signal.status);
      if (rank >= 0) perRank[rank] = (perRank[rank] as number) + 1;
      if (wanted < 0 || rank === wanted) changes.push(signal);
    }
    const counts = Object.fromEntries(STATUSES.map((status, i) => [status, perRank[i] ?? 0])) as Record<SignalStatus, number>;
    const from = (filters.page - 1) * pageSize;
    return { counts, total: slots.length + changes.length, pageIds: this.merged(slots, changes, filters.sort === "oldest", from, from + pageSize) };
  }

  /** Positions `from` to `to` of columns slots and changes (each in the inbox's order) merged, as ids. */
  private merged(slots: number[], changes: IndexedSignal[], oldest: boolean, from: number, to: number): number[] {
    const { columns } = this;
    if (oldest) {
      slots.reverse();
      changes.reverse();
    }
    const ids: number[] = [];
    let i = 0;
    let j = 0;
    for (let position = 0; position < to && (i < slots.length || j < changes.length); position += 1) {
      const slot = slots[i];
      const change = changes[j];
      let fromColumns = change === undefined;
      if (slot !== undefined && change !== undefined) {
        const order = newerFirst(columns.day(slot), columns.ids[slot] as number, change.receivedOn, change.id);
        fromColumns = oldest ? order > 0 : order < 0;
      }
      const id = fromColumns ? (columns.ids[slots[i++] as number] as number) : (changes[j++] as IndexedSignal).id;
      if (position >= from) ids.push(id);
    }
    return ids;
  }

  /** The filters as a test on a slot: per column a table of which codes pass, each entry decided by factsMatcher. */
  private slotTest(filters: InboxFilters): (slot: number) => boolean {
    const { facts, assigned } = this.columns;
    const tables: [Uint16Array, Uint8Array][] = [];
    for (const column of FACT_COLUMNS) {
      const keys = FILTERS_OF[column].filter((key) => filters[key] !== undefined);
      if (keys.length === 0) continue;
      const only = factsMatcher({ ...Object.fromEntries(keys.map((key) => [key, filters[key]])), sort: "newest", page: 1 } as InboxFilters);
      const values = this.dictionaries[column].values;
      tables.push([facts[column], Uint8Array.from(values, (value) => (only({ [column]: value } as unknown as SignalFacts) ? 1 : 0))]);
    }
    const assignedTo = filters.assigned === "none" ? 0 : (filters.assigned ?? -1);
    return (slot) => {
      if (assignedTo >= 0 && assigned[slot] !== assignedTo) return false;
      for (const [codes, passes] of tables) if (passes[codes[slot] as number] === 0) return false;
      return true;
    };
  }

  private inOrder(): IndexedSignal[] {
    this.changedInOrder ??= [...this.changed.values()].sort((a, b) => newerFirst(a.receivedOn, a.id, b.receivedOn, b.id));
    return [...this.changedInOrder];
  }

  /** For the confidentiality test: whether a text is anywhere in the index's memory. */
  holds(text: string): boolean {
    return this.columns.holdsBytes(text) || [...this.changed.values()].some((signal) => signal.text.includes(text));
  }
}
