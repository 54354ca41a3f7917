import type { APIRequestContext, APIResponse, Browser, BrowserContext, Page } from "@playwright/test";
import { admin, createStaffUser, expect, login, loginAndChoosePassword, recordSecret, uniqueEmail, WORKER_ORIGIN, type Credentials } from "../e2e/support";
import { todayInTheNetherlands } from "../../app/domain/dates";
import { CONFIDENTIAL } from "./confidential-strings";

export { recordedSecrets, recordSecret } from "../e2e/support";

/** This worker's server (see e2e/worker-app.ts). */
export const ORIGIN = WORKER_ORIGIN;
export const TODAY = todayInTheNetherlands();

/** The CSRF token of this context's session, read from the first form of the page (every page has the logout form). */
export async function csrfToken(request: APIRequestContext, pagePath = "/"): Promise<string> {
  const html = await (await request.get(pagePath)).text();
  const token = /<input[^>]*name="csrf"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? /<input[^>]*value="([^"]+)"[^>]*name="csrf"/.exec(html)?.[1];
  if (!token) throw new Error(`Geen CSRF-token op ${pagePath}.`);
  return token;
}

type Fields = Record<string, string | readonly string[]>;

/**
 * Posts a form as the browser of this context would from one of our pages: with the session's CSRF token and our
 * own Origin, unless the test says otherwise. Returns the server's first answer, not that of a redirect.
 */
export async function postForm(
  request: APIRequestContext,
  pagePath: string,
  fields: Fields,
  options: { csrf?: string | null; origin?: string | null; headers?: Record<string, string> } = {},
): Promise<APIResponse> {
  const form = new FormData();
  const csrf = options.csrf === undefined ? await csrfToken(request) : options.csrf;
  if (csrf !== null) form.append("csrf", csrf);
  for (const [name, value] of Object.entries(fields)) {
    for (const item of typeof value === "string" ? [value] : value) form.append(name, item);
  }
  const origin = options.origin === undefined ? ORIGIN : options.origin;
  const response = await request.post(pagePath, { form, maxRedirects: 0, headers: { ...(origin === null ? {} : { Origin: origin }), ...options.headers } });
  // Like a browser, load where the redirect points: that takes the one-time message, which would otherwise show up on
  // the next page a test opens in this context.
  const location = response.headers()["location"];
  if (location) await request.get(location);
  return response;
}

/** The id at the end of a redirect's Location, after a create action. */
export function createdId(response: APIResponse, prefix: string): number {
  expect(response.status(), `${prefix}: ${response.status()}`).toBe(302);
  const id = Number(new RegExp(`^${prefix}/(\\d+)$`).exec(response.headers()["location"] ?? "")?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

export type SignalText = { summary: string; details?: string; reporterName?: string; reporterOrganisation?: string; reporterEmail?: string };

/** Logs a signal through the intake form's action (as the intermediary) and returns its id. */
export async function createSignal(request: APIRequestContext, text: SignalText, regionCode = "JZ38"): Promise<number> {
  const fields: Fields = {
    receivedOn: TODAY,
    channel: "email",
    requesterType: "provider",
    referredBy: "direct",
    regionCode,
    topic: "strategy_advice",
    procurementPhase: "upcoming_tender",
    ...Object.fromEntries(Object.entries(text).filter(([, v]) => v !== undefined)),
  };
  return createdId(await postForm(request, "/signalen/nieuw", fields), "/signalen");
}

/**
 * A signal made from a saved e-mail, as the intake does it: the file staged, then the form saved with it. Returns the
 * signal and the id of the attachment that keeps the e-mail.
 */
export async function createSignalFromMail(request: APIRequestContext, mail: Uint8Array): Promise<{ signalId: number; attachmentId: number }> {
  const form = new FormData();
  form.append("csrf", await csrfToken(request));
  form.append("intent", "upload");
  form.append("file", new Blob([new Uint8Array(mail)], { type: "message/rfc822" }), "vraag.eml");
  const staged = await request.post("/signalen/nieuw", { multipart: form, maxRedirects: 0, headers: { Origin: ORIGIN } });
  const mailUpload = /[?&]mail=(\d+)$/.exec(staged.headers()["location"] ?? "")?.[1];
  expect(mailUpload, `staging the e-mail: ${staged.status()}`).toBeTruthy();
  const fields: Fields = {
    intent: "save", mailUpload: mailUpload ?? "", receivedOn: TODAY, channel: "email", requesterType: "provider", referredBy: "direct",
    regionCode: "JZ38", topic: "strategy_advice", procurementPhase: "upcoming_tender", summary: "Een vraag per e-mail",
  };
  const signalId = createdId(await postForm(request, "/signalen/nieuw", fields), "/signalen");
  const page = await (await request.get(`/signalen/${signalId}`)).text();
  const attachmentId = Number(new RegExp(`/signalen/${signalId}/bijlagen/(\\d+)`).exec(page)?.[1]);
  expect(attachmentId).toBeGreaterThan(0);
  return { signalId, attachmentId };
}

/** Adds a text file to a record's page (a signal's, a trajectory's) through its upload form; returns the file's id. */
export async function attachFile(request: APIRequestContext, pagePath: string, text: string, fields: Record<string, string> = {}, linkPattern = `${pagePath}/bijlagen/(\\d+)`): Promise<number> {
  const form = new FormData();
  form.append("csrf", await csrfToken(request));
  form.append("intent", "upload");
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new Blob([text], { type: "text/plain" }), "notitie.txt");
  const response = await request.post(pagePath, { multipart: form, maxRedirects: 0, headers: { Origin: ORIGIN } });
  expect(response.status(), `adding a file to ${pagePath}`).toBe(302);
  const page = await (await request.get(pagePath)).text();
  const fileId = Number(new RegExp(linkPattern).exec(page)?.[1]);
  expect(fileId).toBeGreaterThan(0);
  return fileId;
}

/** Starts a trajectory through the form's action (as the intermediary) and returns its id. */
export async function createTrajectory(request: APIRequestContext, strategicGoal: string, regionCode = "JZ38"): Promise<number> {
  const response = await postForm(request, "/trajecten/nieuw", { regionCode, strategicGoal, providersInvolved: "7", startedOn: TODAY });
  return createdId(response, "/trajecten");
}

/** Sends the public form (anonymous unless contact details are given) and returns the receipt code shown once. */
export async function submitPortalReport(
  request: APIRequestContext,
  text: { message: string; reporterName?: string; reporterOrganisation?: string; reporterEmail?: string },
  clientAddress: string,
): Promise<string> {
  const fields: Fields = {
    requesterType: "provider",
    regionCode: "JZ38",
    topic: "contract_change",
    procurementPhase: "running_contract",
    contact: text.reporterEmail ? "confidential" : "anonymous",
    ...Object.fromEntries(Object.entries(text).filter(([, v]) => v !== undefined)),
  };
  const response = await postForm(request, "/melden", fields, { csrf: await csrfToken(request, "/melden"), headers: { "X-Forwarded-For": clientAddress } });
  const html = await response.text();
  expect(response.status(), html.slice(0, 300)).toBe(200);
  const code = /data-testid="receipt-code"[^>]*>([\d ]+)</.exec(html)?.[1];
  if (!code) throw new Error("Geen ontvangstcode in het antwoord.");
  recordSecret(code.replaceAll(" ", ""));
  return code;
}

export type Session = { context: BrowserContext; page: Page; request: APIRequestContext };

/** The intermediary of the e2e run (roles beheerder + intermediair), in a browser context of its own. */
export async function intermediarySession(browser: Browser): Promise<Session> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, admin());
  return { context, page, request: context.request };
}

/**
 * A new staff account with the given role labels, created by the admin and logged in (password chosen, second
 * factor enrolled where the role needs it) in a browser context of its own.
 */
export async function staffSession(browser: Browser, adminPage: Page, name: string, roles: string[]): Promise<Session & { credentials: Credentials; id: number }> {
  const credentials = await createStaffUser(adminPage, { name, roles, email: uniqueEmail("beveiliging") });
  const id = await staffId(adminPage, credentials.email);
  const context = await browser.newContext();
  const page = await context.newPage();
  const password = `${name.split(" ")[0]} toetst de beveiliging 2026`;
  recordSecret(password);
  await loginAndChoosePassword(page, credentials, password);
  return { context, page, request: context.request, credentials: { ...credentials, password }, id };
}

/** The id of a staff account, from the admin's user list. */
export async function staffId(adminPage: Page, email: string): Promise<number> {
  const html = await (await adminPage.request.get("/beheer/gebruikers")).text();
  const row = html.split("<tr").find((r) => r.includes(email));
  const id = Number(/href="\/beheer\/gebruikers\/(\d+)"/.exec(row ?? "")?.[1]);
  expect(id, `id van ${email}`).toBeGreaterThan(0);
  return id;
}

/** Text that must never be in an answer to someone who may not see the record. */
export const RECORD_TEXT = [CONFIDENTIAL.signalSummary, CONFIDENTIAL.reporterName, CONFIDENTIAL.reporterEmail, CONFIDENTIAL.trajectoryGoal, CONFIDENTIAL.planText, CONFIDENTIAL.staffEmail, CONFIDENTIAL.knowledgeConcept];

/** Refusal texts of the origin and CSRF checks: an authorization test must not be satisfied by them. */
export const CSRF_REFUSALS = ["Het formulier is verlopen of komt niet van deze site", "Dit formulier komt niet van deze site"];
