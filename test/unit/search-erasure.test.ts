import { beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_LIMIT, runCli } from "./run-cli";
import { useTempDatabase } from "./temp-database";
import { parseInboxFilters } from "~/domain/inbox-filters";

/**
 * The search index lives in the server's memory. What erases or deletes text elsewhere — a command-line process on the
 * same file, or another path inside the server — must take effect in the next search at once. This test file is the
 * "server" (its own module instance with the index); the retention command runs as a separate process.
 */
const actor = { userId: null, clientAddress: "test" };

let models: {
  listInbox: typeof import("~/models/signal-inbox.server").listInbox;
  searchIndexSize: typeof import("~/models/search-index.server").searchIndexSize;
  createSignal: typeof import("~/models/signal.server").createSignal;
  changeStatus: typeof import("~/models/signal.server").changeStatus;
  importSignals: typeof import("~/models/signal-import.server").importSignals;
  undoImportBatch: typeof import("~/models/signal-import.server").undoImportBatch;
  db: typeof import("~/utils/db.server").db;
};

function search(q: string) {
  return models.listInbox(parseInboxFilters(new URLSearchParams({ q })));
}

let databasePath: string;

beforeAll(async () => {
  databasePath = useTempDatabase();
  const { prepareDatabase } = await import("~/boot.server");
  prepareDatabase();
  models = {
    ...(await import("~/models/signal-inbox.server")),
    ...(await import("~/models/search-index.server")),
    ...(await import("~/models/signal.server")),
    ...(await import("~/models/signal-import.server")),
    ...(await import("~/utils/db.server")),
  };
});

describe("erasure reaches the running server's search at once", () => {
  it("npm run retention in another process: the next search no longer lists the anonymised signals", async () => {
    const ids = ["eerste", "tweede"].map((n) =>
      models.createSignal(
        {
          receivedOn: "2021-03-04",
          channel: "email",
          requesterType: "provider",
          referredBy: "direct",
          regionCode: "JZ14",
          topic: "contract_change",
          procurementPhase: "running_contract",
          triggers: [],
          procedure: "unknown",
          funding: "unknown",
          summary: `Wisbaar budgetplafondgeheim ${n}`,
        },
        actor,
      ),
    );
    const kept = models.createSignal(
      {
        receivedOn: "2021-03-05",
        channel: "email",
        requesterType: "provider",
        referredBy: "direct",
        regionCode: "JZ14",
        topic: "contract_change",
        procurementPhase: "running_contract",
        triggers: [],
        procedure: "unknown",
        funding: "unknown",
        summary: "Blijvend budgetplafondgeheim",
      },
      actor,
    );
    for (const id of ids) for (const to of ["in_progress", "answered", "closed"] as const) models.changeStatus(id, to, actor);
    // Closed three years ago, as far as the retention period is concerned.
    models.db().$client.prepare("update signal_events set at = '2021-04-01T10:00:00.000Z' where kind = 'status'").run();
    expect(search("budgetplafondgeheim").rows.map((r) => r.id).sort()).toEqual([...ids, kept].sort());

    const cli = await runCli("app/cli/retention.ts", [], { DATABASE_PATH: databasePath, RETENTION_MONTHS: "12", SESSION_SECRET: "", DATA_KEY: "", RECEIPT_KEY: "" });
    expect(cli.stderr).toBe("");
    expect(cli.stdout).toContain("2 signalen geanonimiseerd");

    const after = search("budgetplafondgeheim");
    expect(after.rows.map((r) => r.id)).toEqual([kept]);
    expect(after.total).toBe(1);
    expect(search("wisbaar").total).toBe(0);
  }, CLI_TEST_LIMIT);

  it("undoing an import inside the server drops the batch's summaries from search and from memory", () => {
    const csv = [
      "received_on,requester_type,region_code,topic,procurement_phase,summary",
      "2022-01-10,provider,JZ14,gdpr,none,Teruggedraaid inkoopgeheim een",
      "2022-01-11,provider,JZ14,gdpr,none,Teruggedraaid inkoopgeheim twee",
    ].join("\n");
    search("inkoopgeheim");
    const before = models.searchIndexSize();
    const { batchId } = models.importSignals(csv, "undo.csv", actor);
    expect(search("inkoopgeheim").total).toBe(2);
    expect(models.searchIndexSize()).toBe(before + 2);

    expect(models.undoImportBatch(batchId, actor)).toBe(2);
    expect(models.searchIndexSize()).toBe(before);
    expect(search("inkoopgeheim").total).toBe(0);
  });
});
