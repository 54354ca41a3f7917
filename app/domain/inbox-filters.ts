import { z } from "zod";
import { formatMonth } from "./report-format";
import { pageParam } from "./url-params";
import {
  CHANNELS,
  PHASES,
  REFERRERS,
  REQUESTER_TYPES,
  STATUSES,
  TENDER_PHASES,
  TOPICS,
  TRIGGERS,
  type Channel,
  type Phase,
  type Referrer,
  type RequesterType,
  type SignalStatus,
  type Topic,
} from "./signal-codes";

/**
 * The inbox view lives in the URL (bookmarkable, shareable among intermediaries, survives a reload). Unknown or bad
 * values are dropped rather than refused: a stale bookmark still opens.
 */
const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional().catch(undefined);

export const inboxFilterSchema = z.object({
  status: optional(z.enum(STATUSES)),
  topic: optional(z.enum(TOPICS)),
  phase: optional(z.enum(PHASES)),
  requester: optional(z.enum(REQUESTER_TYPES)),
  region: optional(z.string().regex(/^JZ\d{2}$/)),
  year: optional(z.coerce.number().int().min(2000).max(2100)),
  /** "YYYY-MM": the report's signals-per-month figures link here. */
  month: optional(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  channel: optional(z.enum(CHANNELS)),
  /** Who referred it: the report's summary of how signals came in links here. */
  referrer: optional(z.enum(REFERRERS)),
  trigger: optional(z.enum(TRIGGERS)),
  assigned: optional(z.union([z.literal("none"), z.coerce.number().int().positive()])),
  tender: optional(z.enum(["yes", "no"])),
  /** Only the mailbox's signals that nobody has classified yet ("Te classificeren"). */
  unclassified: optional(z.literal("yes")),
  q: optional(z.string().trim().min(1).max(200)),
  sort: z.enum(["newest", "oldest"]).catch("newest"),
  page: pageParam,
});

export type InboxFilters = z.infer<typeof inboxFilterSchema>;

export const PAGE_SIZE = 25;

export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") raw[key] = value;
  return inboxFilterSchema.parse(raw);
}

/** The query string for a view; `overrides` changes one thing (a status tab, a page) and keeps the rest. */
export function inboxSearch(filters: InboxFilters, overrides: Partial<Record<keyof InboxFilters, string | number | undefined>> = {}): string {
  const params = new URLSearchParams();
  const merged: Record<string, unknown> = { ...filters, ...overrides };
  for (const key of Object.keys(inboxFilterSchema.shape)) {
    const value = merged[key];
    if (value === undefined || value === null || value === "") continue;
    if ((key === "sort" && value === "newest") || (key === "page" && Number(value) === 1)) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The days of a "YYYY-MM" month as a half-open range of dates, so an index on the date finds them. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

/** The twelve months of a year as choices of the month filter. */
export function monthOptions(year: number): { value: string; label: string }[] {
  return Array.from({ length: 12 }, (_, index) => {
    const value = `${year}-${String(index + 1).padStart(2, "0")}`;
    return { value, label: formatMonth(value) };
  });
}

/** What the inbox filters a signal by, as the in-memory search holds it (the trigger aside: another table). */
export type SignalFacts = {
  receivedOn: string;
  status: SignalStatus;
  topic: Topic;
  phase: Phase;
  requester: RequesterType;
  region: string;
  channel: Channel;
  referrer: Referrer;
  assignedTo: number | null;
};

/**
 * The filters of a view as a test on one signal, status and trigger left out: the same choices as the SQL conditions
 * of the inbox (signal-inbox.server.ts), for the search, which filters in memory.
 */
export function factsMatcher(filters: InboxFilters): (facts: SignalFacts) => boolean {
  const tests: ((facts: SignalFacts) => boolean)[] = [];
  const { topic, phase, requester, region, year, month, channel, referrer, assigned, tender } = filters;
  if (topic) tests.push((f) => f.topic === topic);
  if (phase) tests.push((f) => f.phase === phase);
  if (requester) tests.push((f) => f.requester === requester);
  if (region) tests.push((f) => f.region === region);
  if (year) tests.push((f) => f.receivedOn >= `${year}-01-01` && f.receivedOn < `${year + 1}-01-01`);
  if (month) {
    const { from, to } = monthRange(month);
    tests.push((f) => f.receivedOn >= from && f.receivedOn < to);
  }
  if (channel) tests.push((f) => f.channel === channel);
  if (referrer) tests.push((f) => f.referrer === referrer);
  if (assigned === "none") tests.push((f) => f.assignedTo === null);
  else if (assigned) tests.push((f) => f.assignedTo === assigned);
  if (tender === "yes") tests.push((f) => TENDER_PHASES.includes(f.phase));
  if (tender === "no") tests.push((f) => !TENDER_PHASES.includes(f.phase));
  const [only] = tests;
  if (tests.length <= 1) return only ?? (() => true);
  return (facts) => tests.every((test) => test(facts));
}
