import autocannon from "autocannon";
import { cpuMsOf, type RunningServer } from "./app-server";
import Database from "better-sqlite3";
import { receiptHash } from "~/utils/receipt.server";

/**
 * Load on the public form and the check that follows it, shared by `npm run bench -- portal` and the durability e2e
 * test. The server under load must run with PORTAL_SUBMISSIONS_PER_HOUR and PORTAL_POSTS_PER_HOUR raised (every
 * request comes from one address) and with a RECEIPT_KEY the caller knows, so acknowledged receipt codes can be looked
 * up in the file afterwards.
 */

/** The CSRF cookie and token of one form, as a browser without JavaScript would get them. */
async function formSession(base: string): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${base}/melden`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const token = /name="csrf" value="([^"]+)"/.exec(await response.text())?.[1] ?? "";
  if (!cookie || !token) throw new Error("Het meldformulier gaf geen CSRF-cookie of -token.");
  return { cookie, token };
}

export function reportBody(token: string): string {
  return new URLSearchParams({
    csrf: token,
    requesterType: "provider",
    regionCode: "JZ14",
    topic: "contract_change",
    procurementPhase: "running_contract",
    message: "Benchmarkmelding: het budgetplafond is halverwege het jaar bereikt en de gemeente neemt geen nieuwe cliënten meer aan.",
    contact: "anonymous",
  }).toString();
}

export type PortalLoad = { result: autocannon.Result; codes: string[]; cpuMs: number };

/**
 * Posts reports with 10 connections for `seconds` and collects the receipt code of every report answered with one.
 * With `kill`, `kill.kill` is called after `kill.afterMs`; once the server is gone the load stops, since nothing can succeed.
 * With `cpuOf`, `cpuMs` is the CPU time that server used during the load (NaN without).
 */
export async function submitReports(
  base: string,
  options: { seconds: number; kill?: { afterMs: number; kill: () => Promise<unknown> }; cpuOf?: RunningServer },
): Promise<PortalLoad> {
  const { cookie, token } = await formSession(base);
  const cpuBefore = cpuMsOf(options.cpuOf?.child.pid);
  const codes: string[] = [];
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `${base}/melden`,
        connections: 10,
        duration: options.seconds,
        requests: [
          {
            method: "POST",
            headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
            body: reportBody(token),
            onResponse: (status: number, responseBody: string) => {
              const code = /data-testid="receipt-code">([\d ]+)</.exec(responseBody)?.[1];
              if (status === 200 && code) codes.push(code.replaceAll(" ", ""));
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  const { kill } = options;
  if (kill) setTimeout(() => void kill.kill().then(() => instance?.stop()), kill.afterMs);
  const result = await finished;
  return { result, codes, cpuMs: cpuMsOf(options.cpuOf?.child.pid) - cpuBefore };
}

/** Which acknowledged codes the database file lacks, and what `PRAGMA integrity_check` says of it. */
export function checkStored(databasePath: string, codes: string[], receiptKey: Buffer): { missing: string[]; integrity: string } {
  const database = new Database(databasePath, { fileMustExist: true });
  try {
    const lookup = database.prepare("select 1 from signals where receipt_hash = ?");
    const missing = codes.filter((code) => !lookup.get(receiptHash(code, receiptKey)));
    const integrity = (database.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check).join("; ");
    return { missing, integrity };
  } finally {
    database.close();
  }
}
