import { parseDetailCpv, parseListPage, type ListPage } from "~/domain/tenderned-rows";

/** TenderNed refuses page 100 and beyond (10,000 rows per query); one day rarely has more than a few hundred. */
export const PAGE_SIZE = 100;
export const MAX_PAGES = 100;

/** A failure of TenderNed or the way there, with the Dutch status the admin page shows. */
export class TenderNedError extends Error {
  override name = "TenderNedError";
}

export type TenderNedClient = {
  listPage(day: string, page: number): Promise<ListPage>;
  detailCpv(publicatieId: string): Promise<string[]>;
  readonly requests: number;
};

export type ClientOptions = {
  baseUrl: string;
  /** Attempts per request; waits backoffMs, 2·backoffMs, … between them. */
  attempts?: number;
  backoffMs?: number;
  timeoutMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Reads TenderNed's publication interface. Network errors, 429 and 5xx are tried again with back-off; other 4xx and a
 * body that is not the expected JSON are not (asking again gives the same answer).
 */
export function tendernedClient(options: ClientOptions): TenderNedClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const attempts = options.attempts ?? 4;
  const backoffMs = options.backoffMs ?? 2000;
  let requests = 0;

  async function getJson(url: string): Promise<unknown> {
    let lastProblem = "";
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await sleep(backoffMs * 2 ** (attempt - 2));
      requests++;
      let response: Response;
      try {
        response = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
      } catch {
        lastProblem = "TenderNed is niet bereikbaar (netwerkfout of time-out).";
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        lastProblem = `TenderNed antwoordde met foutcode ${response.status}.`;
        if (retryable(response.status)) continue;
        throw new TenderNedError(lastProblem);
      }
      try {
        return await response.json();
      } catch {
        throw new TenderNedError("TenderNed stuurde een antwoord dat geen geldige JSON is.");
      }
    }
    throw new TenderNedError(`${lastProblem} Na ${attempts} pogingen opgegeven.`);
  }

  return {
    get requests() {
      return requests;
    },
    async listPage(day, page) {
      if (page >= MAX_PAGES) throw new TenderNedError(`Meer dan ${MAX_PAGES * PAGE_SIZE} publicaties op ${day}: TenderNed geeft die niet in één zoekvraag.`);
      const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE), publicatieDatumVanaf: day, publicatieDatumTot: day });
      const parsed = parseListPage(await getJson(`${base}/publicaties?${query}`));
      if (!parsed) throw new TenderNedError("TenderNed stuurde een lijst in een onbekend formaat.");
      return parsed;
    },
    async detailCpv(publicatieId) {
      const parsed = parseDetailCpv(await getJson(`${base}/publicaties/${encodeURIComponent(publicatieId)}`));
      if (!parsed) throw new TenderNedError(`TenderNed stuurde de publicatie ${publicatieId} in een onbekend formaat.`);
      return parsed;
    },
  };
}
