import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTenderNed, type FakeTenderNed } from "../../test/tenderned/fake-server";
import { scenario } from "../../test/tenderned/fixtures";
import { tendernedClient, TenderNedError } from "./tenderned-client.server";

let fake: FakeTenderNed;
const fixtures = scenario("2026-11-30");

beforeAll(async () => {
  fake = await startFakeTenderNed({ days: fixtures.days, cpv: fixtures.cpv });
});
afterAll(() => fake.close());

/** A port on 127.0.0.1 that nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the TenderNed client", () => {
  it("reads a day page by page, at most 100 rows a page", async () => {
    const client = tendernedClient({ baseUrl: `${fake.url}/`, backoffMs: 1 });
    const first = await client.listPage(fixtures.d3, 0);
    expect(first).toMatchObject({ totalElements: 133, totalPages: 2 });
    expect(first.rows).toHaveLength(100);
    expect((await client.listPage(fixtures.d3, 1)).rows).toHaveLength(33);
    expect(await client.detailCpv("1002")).toEqual(["85312000"]);
    expect(client.requests).toBe(3);
  });

  it("does not ask again after a 404: the answer would be the same", async () => {
    const client = tendernedClient({ baseUrl: fake.url, backoffMs: 1 });
    await expect(client.detailCpv("bestaat-niet")).rejects.toThrow(new TenderNedError("TenderNed antwoordde met foutcode 404."));
    expect(client.requests).toBe(1);
  });

  it("tries an unreachable TenderNed again with back-off, then gives up with a Dutch message", async () => {
    const client = tendernedClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, attempts: 3, backoffMs: 1 });
    await expect(client.listPage("2026-11-01", 0)).rejects.toThrow("TenderNed is niet bereikbaar (netwerkfout of time-out). Na 3 pogingen opgegeven.");
    expect(client.requests).toBe(3);
  });

  it("refuses page 100, which TenderNed never gives", async () => {
    const client = tendernedClient({ baseUrl: fake.url });
    await expect(client.listPage("2026-11-01", 100)).rejects.toBeInstanceOf(TenderNedError);
    expect(client.requests).toBe(0);
  });
});
