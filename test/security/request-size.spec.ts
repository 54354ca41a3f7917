import type { APIRequestContext } from "@playwright/test";
import { csrfToken, intermediarySession, ORIGIN, postForm, type Session } from "./support";
import { cookieHeader, healthz, streamPost } from "./streaming";
import { expect, test } from "../e2e/support";

/**
 * Bodies larger than a route takes are cut off while they stream in, whether or not they declare a length. The
 * attacker sends chunked bodies (no Content-Length) as fast as the server reads them; the server must answer 413 and
 * stop reading, and keep answering everyone else meanwhile.
 */
const MB = 1024 * 1024;
const CLIENT = "198.51.100.71";
const BOUNDARY = "----rode-draad-grens";

let staff: Session;

test.beforeAll(async ({ browser }) => {
  staff = await intermediarySession(browser);
});

test.afterAll(async () => {
  await staff.context.close();
});

async function portalPrefix(request: APIRequestContext): Promise<{ headers: Record<string, string>; prefix: string }> {
  const token = await csrfToken(request, "/melden");
  return {
    headers: { Cookie: await cookieHeader(request), "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": CLIENT },
    prefix: `csrf=${encodeURIComponent(token)}&requesterType=provider&regionCode=JZ38&topic=other&procurementPhase=none&contact=anonymous&message=`,
  };
}

function multipartPrefix(token: string): string {
  const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return `${field("csrf", token)}${field("intent", "upload")}--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="groot.csv"\r\nContent-Type: text/csv\r\n\r\nreceived_on,channel,requester_type,referred_by,region_code,municipality_code,association,topic,procurement_phase,triggers,procedure,funding,segment,status,summary\n`;
}

test("a chunked public form post of 5 MB is answered 413 with a Dutch page, and /healthz answers meanwhile", async ({ request }) => {
  const { headers, prefix } = await portalPrefix(request);
  let healthDuring = 0;
  const outcome = await streamPost("/melden", {
    headers,
    prefix,
    fill: "A",
    total: 5 * MB,
    onResponse: async () => {
      healthDuring = await healthz();
    },
  });
  expect(outcome.status).toBe(413);
  expect(outcome.headers["cache-control"]).toBe("no-store");
  expect(outcome.headers["content-type"]).toContain("text/html");
  expect(outcome.body).toContain("Te groot");
  expect(outcome.body).toContain("256 kB");
  expect(outcome.body).not.toContain("AAAAAAAAAA");
  expect(healthDuring).toBe(200);
  expect(await healthz()).toBe(200);
});

test("an endless chunked public form post is cut off: the server stops reading and closes the connection", async ({ request }) => {
  const { headers, prefix } = await portalPrefix(request);
  const outcome = await streamPost("/melden", { headers, prefix, fill: "A", total: 64 * MB });
  expect(outcome.status).toBe(413);
  expect(outcome.complete, `${outcome.written} bytes went out before the server closed`).toBe(false);
  expect(await healthz()).toBe(200);
});

test("a chunked upload of 30 MB by the intermediary is answered 413 and cut off before the body is through", async () => {
  const token = await csrfToken(staff.request, "/signalen/import");
  let healthDuring = 0;
  const outcome = await streamPost("/signalen/import", {
    headers: { Cookie: await cookieHeader(staff.request), "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    prefix: multipartPrefix(token),
    fill: "2019-02-11,email,provider,direct,JZ43,,,strategy_advice,upcoming_tender,,,,,closed,Een regel van de te grote upload\n",
    suffix: `\r\n--${BOUNDARY}--\r\n`,
    total: 30 * MB,
    onResponse: async () => {
      healthDuring = await healthz();
    },
  });
  expect(outcome.status).toBe(413);
  expect(outcome.body).toContain("5 MB");
  expect(outcome.complete, `${outcome.written} bytes went out before the server closed`).toBe(false);
  expect(healthDuring).toBe(200);
  expect(await healthz()).toBe(200);
  // Nothing was staged: the import page offers the upload form, not a preview.
  expect(await (await staff.request.get("/signalen/import")).text()).not.toContain("Een regel van de te grote upload");
});

test("a chunked upload without a session is not read at all: login first, and the connection is closed", async () => {
  const token = await csrfToken(staff.request, "/signalen/import");
  const outcome = await streamPost("/signalen/import", {
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    prefix: multipartPrefix(token),
    fill: "x".repeat(1000),
    total: 64 * MB,
  });
  expect(outcome.status).toBe(302);
  expect(outcome.headers.location).toMatch(/^\/login/);
  expect(outcome.complete).toBe(false);
});

test("a field over its maximum length gets a Dutch error without its text; normal fields are kept", async ({ request }) => {
  const token = await csrfToken(request, "/melden");
  const tooLong = `Veel te lange tekst ${"Zeeuwse-klei-".repeat(1_000)}`;
  const response = await postForm(
    request,
    "/melden",
    { requesterType: "provider", regionCode: "JZ38", topic: "other", procurementPhase: "none", contact: "anonymous", message: tooLong, reporterName: "Karin Kwetsbaar" },
    { csrf: token, headers: { "X-Forwarded-For": CLIENT } },
  );
  const html = await response.text();
  expect(response.status()).toBe(400);
  expect(html).toContain("Gebruik hoogstens 10.000 tekens.");
  expect(html).not.toContain("Zeeuwse-klei-Zeeuwse-klei-");
  expect(html).toContain("Karin Kwetsbaar");
});

/** Uploads a CSV as the intermediary and returns the preview's address. */
async function stage(csv: string, name: string): Promise<string> {
  const response = await staff.request.post("/signalen/import", {
    multipart: { csrf: await csrfToken(staff.request, "/signalen/import"), intent: "upload", file: { name, mimeType: "text/csv", buffer: Buffer.from(csv) } },
    headers: { Origin: ORIGIN },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  return response.headers()["location"] ?? "";
}

const HEADER = "received_on,channel,requester_type,referred_by,region_code,municipality_code,association,topic,procurement_phase,triggers,procedure,funding,segment,status,summary";
/** The page as text: React separates adjacent text with empty comments. */
const pageAt = async (path: string) => (await (await staff.request.get(path)).text()).replaceAll("<!-- -->", "");
const rowsIn = (html: string, caption: string) => {
  const table = html.slice(html.indexOf(caption));
  return (table.slice(0, table.indexOf("</table>")).match(/<tr/g) ?? []).length - 1;
};

test("the preview of a large file shows one page of rows at a time, with links to the others", async () => {
  const count = 40_000;
  const rows = Array.from({ length: count }, (_, i) => `2019-02-11,email,provider,direct,JZ43,,,strategy_advice,upcoming_tender,,,,,closed,Voorbeeldregel ${i + 1} van de grote proef`);
  const csv = [HEADER, ...rows].join("\n");
  expect(csv.length).toBeGreaterThan(4 * MB);
  expect(csv.length).toBeLessThan(5 * MB - 1024);
  const preview = await stage(csv, "groot.csv");

  const first = await pageAt(preview);
  expect(first).toContain("40.000 signalen");
  expect(rowsIn(first, "Regels die worden geïmporteerd, 1 tot en met 50 van 40.000")).toBe(50);
  expect(first).toContain("Voorbeeldregel 50 van de grote proef");
  expect(first).not.toContain("Voorbeeldregel 51 van de grote proef");
  expect(first).toContain("Pagina 1 van 800");

  const last = await pageAt(`${preview}&page=800`);
  expect(rowsIn(last, "Regels die worden geïmporteerd, 39.951 tot en met 40.000 van 40.000")).toBe(50);
  expect(last).toContain("Voorbeeldregel 40000 van de grote proef");
  expect(last).not.toContain("Voorbeeldregel 39950 van de grote proef");
});

test("the errors of a file are shown a page at a time, with their count", async () => {
  const rows = Array.from({ length: 3_000 }, (_, i) => `2019-02-11,fax,provider,direct,JZ43,,,strategy_advice,upcoming_tender,,,,,closed,Foute regel ${i + 1}`);
  const preview = await stage([HEADER, ...rows].join("\n"), "fouten.csv");
  const first = await pageAt(preview);
  expect(first).toContain("fouten.csv: 500 fouten");
  expect(rowsIn(first, "Fouten per regel en kolom, 1 tot en met 50 van 500")).toBe(50);
  expect(first).toContain("Pagina 1 van 10");
  const last = await pageAt(`${preview}&page=10`);
  expect(last).toContain("andere problemen");
});
