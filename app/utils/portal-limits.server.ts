import { refusal } from "./refusal.server";
import { env } from "./env.server";
import { take, type Counter } from "./rate-limit.server";

const HOUR = 60 * 60_000;

/**
 * The portal's limits per client address (and per receipt code for follow-up messages), counted in memory by
 * rate-limit.server.ts. A receipt code is counted by its keyed hash, never as the code itself.
 */
export const portalLimits = {
  /** Every post to /melden or /melden/volgen, taken before the body is read. */
  posts: (address: string): Counter => ({ bucket: "portal-post", key: address, max: env().PORTAL_POSTS_PER_HOUR, windowMs: HOUR }),
  submissions: (address: string): Counter => ({ bucket: "portal-submit", key: address, max: env().PORTAL_SUBMISSIONS_PER_HOUR, windowMs: HOUR }),
  messagesFrom: (address: string): Counter => ({ bucket: "portal-message-address", key: address, max: env().PORTAL_MESSAGES_PER_HOUR, windowMs: HOUR }),
  messagesFor: (receiptHash: string): Counter => ({ bucket: "portal-message-code", key: receiptHash, max: env().PORTAL_MESSAGES_PER_HOUR, windowMs: HOUR }),
  wrongCodes: (address: string): Counter => ({
    bucket: "receipt-failure",
    key: address,
    max: env().RECEIPT_MAX_FAILURES,
    windowMs: env().RECEIPT_LOCK_MINUTES * 60_000,
  }),
};

/**
 * First in every portal action, before the body is read: an address past its posts per hour is refused (429) at
 * once, so a flood costs a map lookup per request. The text of such a post is not read, so it cannot be shown again;
 * the lower limits after reading (reports, messages) do keep it.
 */
export function takePortalPost(address: string): void {
  if (!take([portalLimits.posts(address)])) {
    throw refusal(429, "Er komen vanaf uw adres te veel verzoeken. Wacht een uur en probeer het dan opnieuw.");
  }
}
