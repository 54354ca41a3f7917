import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { STATUSES } from "~/domain/signal-codes";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { dueForAnonymisation } from "./retention.server";

/**
 * The retention check reads partial indexes; whatever the histories, it must find exactly the signals the plain
 * definition finds: closed, not anonymised, and closed (last change to "afgerond", else last update) before the cutoff.
 */
const PLAIN_DEFINITION = `
  select s.id as id, s.received_on as receivedOn, coalesce((select max(e.at) from signal_events e where e.signal_id = s.id
    and e.kind = 'status' and json_extract(e.detail, '$.to') = 'closed'), s.updated_at) as closedAt
  from signals s where s.status = 'closed' and s.anonymised_at is null and closedAt <= ? order by s.id`;

beforeAll(() => {
  useTempDatabase();
  prepareDatabase();
});

const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2018, 0, 1) + n * 86_400_000).toISOString());
const history = fc.array(fc.record({ at: day, kind: fc.constantFrom("status", "note", "created"), to: fc.constantFrom(...STATUSES) }), { maxLength: 3 });
const signal = fc.record({ status: fc.constantFrom(...STATUSES), anonymised: fc.boolean(), updatedAt: day, history });

it("finds exactly the signals the plain definition finds, for any histories and any day", () => {
  const client = db().$client;
  const insertSignal = client.prepare(
    `insert into signals (received_on, channel, requester_type, referred_by, region_code, topic, procurement_phase, procedure, funding, status, anonymised_at, updated_at)
     values ('2019-01-01', 'email', 'provider', 'direct', 'JZ14', 'gdpr', 'none', 'unknown', 'unknown', ?, ?, ?)`,
  );
  const insertEvent = client.prepare("insert into signal_events (signal_id, at, kind, detail) values (?, ?, ?, ?)");
  fc.assert(
    fc.property(fc.array(signal, { maxLength: 12 }), fc.integer({ min: 0, max: 60 }), (signals, monthsOn) => {
      // One transaction per case: a commit per row under synchronous=FULL would be most of the test's time.
      client.transaction(() => {
        client.exec("delete from signal_events; delete from signals");
        for (const s of signals) {
          const id = insertSignal.run(s.status, s.anonymised ? s.updatedAt : null, s.updatedAt).lastInsertRowid;
          for (const e of s.history) insertEvent.run(id, e.at, e.kind, e.kind === "status" ? JSON.stringify({ from: "new", to: e.to }) : null);
        }
      })();
      const now = new Date(Date.UTC(2019, monthsOn, 1));
      const cutoff = new Date(now);
      cutoff.setUTCMonth(cutoff.getUTCMonth() - 24);
      expect(dueForAnonymisation(now)).toEqual(client.prepare(PLAIN_DEFINITION).all(cutoff.toISOString()));
    }),
    { numRuns: 200 },
  );
});
