import { data } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import type { z } from "zod";
import { DomainError } from "~/domain/errors";
import { BodyTooLargeError } from "./body-limit.server";
import { isDatabaseBusy } from "./database-busy.server";
import { requireCsrf } from "./csrf.server";
import { refusal } from "./refusal.server";

/** The form data of a request. A body over the route's size limit (body-limit.server.ts) is answered 413 here. */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw refusal(413, error.limit.refusal);
    throw error;
  }
}

/** conform's name of a field: `a.b[0]`. */
function fieldName(path: (string | number)[]): string {
  return path.reduce<string>((name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${part}` : part), "");
}

type Replyable = { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] } | { resetForm?: boolean }) => SubmissionResult<string[]> };

/**
 * A value over its field's maximum never travels back to the browser, whatever the action answers: echoing it would
 * hand an attacker a page as large as the post. Everything else typed is kept, as the form pattern promises.
 */
function withoutOversized<S extends Replyable>(submission: S, oversized: string[]): S {
  if (oversized.length === 0) return submission;
  return {
    ...submission,
    reply: (options = {}) =>
      submission.reply("resetForm" in options ? options : { ...options, hideFields: [...("hideFields" in options ? (options.hideFields ?? []) : []), ...oversized] }),
  };
}

/**
 * Step one of every action that takes a form: read it once, check the CSRF token and origin, validate with the
 * route's zod schema. Returns the conform submission; `submission.status === "success"` means `value` is typed.
 */
export async function readForm<Schema extends z.ZodTypeAny>(request: Request, schema: Schema) {
  const formData = await readFormData(request);
  await requireCsrf(request, formData);
  const oversized: string[] = [];
  const submission = parseWithZod(formData, {
    schema,
    formatError: (issues: z.ZodIssue[]) => {
      for (const issue of issues) if (issue.code === "too_big" && issue.type === "string") oversized.push(fieldName(issue.path));
      return issues.map((issue) => issue.message);
    },
  });
  return { formData, submission: withoutOversized(submission, oversized) };
}

/** Fields whose values never travel back to the browser, even after a validation error. */
const SECRET_FIELDS = ["password", "currentPassword", "newPassword", "confirmPassword", "temporaryPassword", "csrf"];

/** Another process held the write lock past busy_timeout: the transaction was rolled back, the form comes back whole. */
export const DATABASE_BUSY = "Rode Draad is even bezig met een ander groot werk (zoals een import of een back-up). Er is niets opgeslagen; uw invoer staat er nog. Probeer het over een minuut opnieuw.";

/**
 * The one way an action answers a form it could not accept: conform's result, with a domain error placed on its field,
 * and a busy database as a message above the form instead of a 500 that would lose what was typed.
 */
export function replyWithError(submission: Replyable, error?: unknown): SubmissionResult<string[]> {
  if (error === undefined) return submission.reply({ hideFields: SECRET_FIELDS });
  if (isDatabaseBusy(error)) return submission.reply({ hideFields: SECRET_FIELDS, formErrors: [DATABASE_BUSY] });
  if (error instanceof DomainError) {
    return submission.reply({
      hideFields: SECRET_FIELDS,
      ...(error.field ? { fieldErrors: { [error.field]: [error.message] } } : { formErrors: [error.message] }),
    });
  }
  throw error;
}

/**
 * Step one of an action on a page with several forms, each sending its `intent`: `readForm`, plus the one answer for
 * a form it could not accept — 400 with conform's result tagged with the intent, so the page puts the errors on the
 * form that was sent (`resultFor` in components/form.tsx) and keeps the others as they were.
 */
export async function readIntentForm<Schema extends z.ZodTypeAny>(request: Request, schema: Schema) {
  const { formData, submission } = await readForm(request, schema);
  const intent = String(submission.payload.intent);
  const refuse = (error?: unknown) => data({ intent, result: replyWithError(submission, error) }, { status: isDatabaseBusy(error) ? 503 : 400 });
  return { formData, submission, intent, refuse };
}
