import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import type { z } from "zod";
import { DomainError } from "~/domain/errors";
import { requireCsrf } from "./csrf.server";

/**
 * Step one of every action that takes a form: read it once, check the CSRF token and origin, validate with the
 * route's zod schema. Returns the conform submission; `submission.status === "success"` means `value` is typed.
 */
export async function readForm<Schema extends z.ZodTypeAny>(request: Request, schema: Schema) {
  const formData = await request.formData();
  await requireCsrf(request, formData);
  return { formData, submission: parseWithZod(formData, { schema }) };
}

/** Fields whose values never travel back to the browser, even after a validation error. */
const SECRET_FIELDS = ["password", "currentPassword", "newPassword", "confirmPassword", "temporaryPassword", "csrf"];

type Replyable = { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] }) => SubmissionResult<string[]> };

/** The one way an action answers a form it could not accept: conform's result, with a domain error placed on its field. */
export function replyWithError(submission: Replyable, error?: unknown): SubmissionResult<string[]> {
  if (error === undefined) return submission.reply({ hideFields: SECRET_FIELDS });
  if (error instanceof DomainError) {
    return submission.reply({
      hideFields: SECRET_FIELDS,
      ...(error.field ? { fieldErrors: { [error.field]: [error.message] } } : { formErrors: [error.message] }),
    });
  }
  throw error;
}
