import { data } from "@remix-run/node";
import type { Refusal } from "~/domain/refusal";

/** A refusal with the app's own Dutch explanation, for the error page to show (domain/refusal.ts). Throw it. */
export function refusal(status: number, explanation: string, statusText?: string) {
  return data({ refusal: explanation } satisfies Refusal, { status, statusText });
}
