import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeDay } from "./fixtures";

export type FakeTenderNed = {
  url: string;
  /** Requests answered so far. */
  requests: () => number;
  /** The next n requests answer 500 / a body that is not JSON. */
  failNext: (n: number) => void;
  malformedNext: (n: number) => void;
  /** Days pass at TenderNed: every row's day counter changes, nothing else. */
  tick: () => void;
  setDays: (days: Map<string, FakeDay>, cpv?: Map<string, string[]>) => void;
  close: () => Promise<void>;
};

/**
 * TenderNed's publication interface as far as Rode Draad reads it, on 127.0.0.1 only: the list by day with paging
 * (page, size ≤ 100, totalElements, totalPages) and the detail with CPV codes.
 */
export async function startFakeTenderNed(input: { days: Map<string, FakeDay>; cpv?: Map<string, string[]>; port?: number; /** Added to every answer, as a network would. */ latencyMs?: number }): Promise<FakeTenderNed> {
  let days = input.days;
  let cpv = input.cpv ?? new Map<string, string[]>();
  let requests = 0;
  let failures = 0;
  let malformed = 0;
  let counterShift = 0;

  const server = http.createServer((req, res) => {
    if (input.latencyMs) setTimeout(() => answer(req, res), input.latencyMs);
    else answer(req, res);
  });
  function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    requests++;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (failures > 0) {
      failures--;
      return json(500, { message: "Internal Server Error" });
    }
    if (malformed > 0) {
      malformed--;
      return res.writeHead(200, { "content-type": "application/json" }).end('{"content": [ {"publicatieId": ');
    }
    const detail = /^\/publicaties\/([^/]+)$/.exec(url.pathname);
    if (detail) {
      const id = decodeURIComponent(detail[1]!);
      const known = [...days.values()].some((d) => d.rows.some((r) => r.publicatieId === id));
      if (!known) return json(404, { message: "Not Found" });
      return json(200, { publicatieId: id, cpvCodes: (cpv.get(id) ?? []).map((code) => ({ code, omschrijving: "CPV" })), documenten: [] });
    }
    if (url.pathname !== "/publicaties") return json(404, { message: "Not Found" });
    const from = url.searchParams.get("publicatieDatumVanaf") ?? "";
    const to = url.searchParams.get("publicatieDatumTot") ?? "";
    const page = Number(url.searchParams.get("page") ?? 0);
    const size = Number(url.searchParams.get("size") ?? 20);
    if (size > 100 || page >= 100) return json(400, { message: "Bad Request" });
    const matching = [...days.entries()].filter(([day]) => day >= from && day <= to);
    const rows = matching.flatMap(([, d]) => d.rows);
    const missing = matching.reduce((n, [, d]) => n + (d.missing ?? 0), 0);
    const totalElements = rows.length + missing;
    const content = rows.slice(page * size, (page + 1) * size).map((r, i) => ({ ...r, aantalDagenTotSluitingsDatum: 30 - counterShift + i }));
    json(200, { content, totalElements, totalPages: Math.ceil(totalElements / size), size, number: page });
  }
  await new Promise<void>((resolve) => server.listen(input.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    failNext: (n) => (failures = n),
    malformedNext: (n) => (malformed = n),
    tick: () => counterShift++,
    setDays: (next, nextCpv) => {
      days = next;
      if (nextCpv) cpv = nextCpv;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
