import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { PAGE_SIZE, parseInboxFilters } from "~/domain/inbox-filters";
import { normaliseSearchText } from "~/domain/search-text";
import { CHANNELS, PHASES, REQUESTER_TYPES, STATUSES, TENDER_PHASES, TOPICS, type SignalStatus } from "~/domain/signal-codes";
import { signalsToCsv, type SignalRecord } from "~/domain/signal-csv";
import { allowedTransitions } from "~/domain/signal-status";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { unseal } from "./sealed.server";
import { listInbox } from "./signal-inbox.server";
import { importSignals, undoImportBatch } from "./signal-import.server";
import { changeStatus, createSignal, updateClassification } from "./signal.server";

/**
 * The status tabs count from `signal_counts`, which triggers keep. Whatever happens to the signals (intake, status
 * changes, reclassification, imports and their undo), every tab must show what a plain COUNT over the signals says.
 */
const actor = { userId: null, clientAddress: "test" };
const REGIONS = ["JZ14", "JZ38"] as const;

beforeAll(() => {
  useTempDatabase();
  prepareDatabase();
});

// Few values per field, so signals often share a counted combination and every change lands on an existing row.
const classification = fc.record({
  receivedOn: fc.constantFrom("2020-03-01", "2021-01-31", "2021-12-31", "2022-06-15"),
  channel: fc.constantFrom("email", "phone"),
  requesterType: fc.constantFrom("provider", "municipality"),
  regionCode: fc.constantFrom(...REGIONS),
  topic: fc.constantFrom("gdpr", "other"),
  procurementPhase: fc.constantFrom("upcoming_tender", "none"),
  summary: fc.constantFrom("Een vraag", "Budgetplafond bereikt", "Vraag over het consortium"),
});
type Classified = typeof classification extends fc.Arbitrary<infer T> ? T : never;

function intake(c: Classified) {
  return { ...c, referredBy: "direct" as const, triggers: [], procedure: "unknown" as const, funding: "unknown" as const, summary: c.summary };
}

const change = fc.oneof(
  classification.map((c) => ({ kind: "create" as const, c })),
  fc.record({ kind: fc.constant("status" as const), pick: fc.nat(), step: fc.nat() }),
  fc.record({ kind: fc.constant("reclassify" as const), pick: fc.nat(), c: classification }),
  fc.record({ kind: fc.constant("import" as const), rows: fc.array(fc.record({ c: classification, status: fc.constantFrom(...STATUSES) }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant("undo" as const), pick: fc.nat() }),
);

const ids = () => db().$client.prepare("select id, status from signals order by id").all() as { id: number; status: SignalStatus }[];
const batches = () => db().$client.prepare("select id from import_batches where undone_at is null order by id").all() as { id: number }[];

function apply(step: typeof change extends fc.Arbitrary<infer T> ? T : never): void {
  const all = ids();
  if (step.kind === "create") createSignal(intake(step.c), actor);
  if (step.kind === "status" && all.length > 0) {
    const signal = all[step.pick % all.length]!;
    const options = allowedTransitions(signal.status);
    changeStatus(signal.id, options[step.step % options.length]!, actor);
  }
  if (step.kind === "reclassify" && all.length > 0) updateClassification(all[step.pick % all.length]!.id, intake(step.c), actor);
  if (step.kind === "import") {
    const records: SignalRecord[] = step.rows.map(({ c, status }) => ({
      ...intake(c),
      municipalityCode: null,
      association: null,
      segment: null,
      status,
    }));
    importSignals(signalsToCsv(records, { includeSummary: true, cells: "exact" }), "test.csv", actor, { allowDuplicate: true });
  }
  const open = batches();
  if (step.kind === "undo" && open.length > 0) undoImportBatch(open[step.pick % open.length]!.id, actor);
}

// Each filter set in about a third of the views, so views with none, one or a few filters all come up.
const maybe = <T>(values: fc.Arbitrary<T>) => fc.option(values, { nil: undefined, freq: 2 });
const view = fc.record({
  topic: maybe(fc.constantFrom(...TOPICS)),
  phase: maybe(fc.constantFrom(...PHASES)),
  requester: maybe(fc.constantFrom(...REQUESTER_TYPES)),
  channel: maybe(fc.constantFrom(...CHANNELS)),
  year: maybe(fc.constantFrom("2020", "2021", "2022")),
  month: maybe(fc.constantFrom("2021-01", "2021-12", "2022-06")),
  region: maybe(fc.constantFrom(...REGIONS)),
  tender: maybe(fc.constantFrom("yes", "no")),
  status: maybe(fc.constantFrom(...STATUSES)),
  sort: maybe(fc.constantFrom("oldest")),
  page: maybe(fc.constantFrom("2")),
});

/** The plain definition, written out here on purpose rather than shared with the model. */
type View = Partial<typeof view extends fc.Arbitrary<infer T> ? T : never>;

function rawWhere(v: View): { where: string[]; params: string[] } {
  const where: string[] = ["1 = 1"];
  const params: string[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  equal("topic", v.topic);
  equal("procurement_phase", v.phase);
  equal("requester_type", v.requester);
  equal("channel", v.channel);
  equal("region_code", v.region);
  equal("substr(received_on, 1, 4)", v.year);
  equal("substr(received_on, 1, 7)", v.month);
  const tender = TENDER_PHASES.map((p) => `'${p}'`).join(", ");
  if (v.tender) where.push(`procurement_phase ${v.tender === "yes" ? "in" : "not in"} (${tender})`);
  return { where, params };
}

function rawCounts(v: View): Record<SignalStatus, number> {
  const { where, params } = rawWhere(v);
  const rows = db().$client.prepare(`select status, count(*) as n from signals where ${where.join(" and ")} group by status`).all(...params) as { status: SignalStatus; n: number }[];
  return Object.fromEntries(STATUSES.map((s) => [s, rows.find((r) => r.status === s)?.n ?? 0])) as Record<SignalStatus, number>;
}

it("every status tab shows the plain COUNT of its view, after any sequence of changes", () => {
  fc.assert(
    fc.property(fc.array(change, { maxLength: 8 }), fc.array(view, { minLength: 1, maxLength: 6 }), (changes, views) => {
      for (const step of changes) apply(step);
      for (const v of [{} as View, ...views]) {
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(v)) if (value !== undefined) params.set(key, value);
        expect(listInbox(parseInboxFilters(params)).counts, params.toString()).toEqual(rawCounts(v));
      }
    }),
    { numRuns: 40 },
  );
}, 120_000);

function viewParams(v: View & { q?: string }): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(v)) if (value !== undefined) params.set(key, value);
  return params;
}

/** A search view the plain way: every summary opened, the filters in SQL, the order and page by hand. */
function rawSearch(v: View, q: string) {
  const { where, params } = rawWhere(v);
  const order = v.sort === "oldest" ? "received_on asc, id asc" : "received_on desc, id desc";
  const rows = (db().$client.prepare(`select id, status, summary_sealed from signals where ${where.join(" and ")} order by ${order}`).all(...params) as {
    id: number;
    status: SignalStatus;
    summary_sealed: string | null;
  }[]).filter((row) => normaliseSearchText(unseal(row.summary_sealed, "summary") ?? "").includes(normaliseSearchText(q)));
  const counts = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length]));
  const inStatus = rows.filter((row) => !v.status || row.status === v.status);
  const page = Number(v.page ?? 1);
  return { counts, total: inStatus.length, ids: inStatus.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((row) => row.id) };
}

it("a search view counts, orders and pages exactly what opening every summary finds, after any sequence of changes", () => {
  fc.assert(
    fc.property(fc.array(change, { maxLength: 8 }), fc.array(fc.tuple(view, fc.constantFrom("vraag", "PLAFOND", "consortium", "geen")), { minLength: 1, maxLength: 6 }), (changes, views) => {
      for (const step of changes) apply(step);
      for (const [v, q] of views) {
        const params = viewParams({ ...v, q });
        const { counts, total, rows } = listInbox(parseInboxFilters(params));
        expect({ counts, total, ids: rows.map((row) => row.id) }, params.toString()).toEqual(rawSearch(v, q));
      }
    }),
    { numRuns: 40 },
  );
}, 120_000);
