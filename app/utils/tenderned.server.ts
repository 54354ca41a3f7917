import { env } from "./env.server";
import { tendernedClient, type TenderNedClient } from "./tenderned-client.server";

/** The client for TENDERNED_URL, or null while it is unset: then nothing in the app reaches out. */
export function configuredTenderNed(): TenderNedClient | null {
  const baseUrl = env().TENDERNED_URL;
  return baseUrl ? tendernedClient({ baseUrl }) : null;
}
