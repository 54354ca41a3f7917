import { env } from "~/utils/env.server";

/** RFC 9116: how to report a vulnerability. Without a configured contact there is nothing true to publish. */
export function loader() {
  const contact = env().SECURITY_CONTACT;
  if (!contact) return new Response("Geen beveiligingscontact ingesteld (SECURITY_CONTACT).\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const expires = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const body = [`Contact: ${contact}`, `Expires: ${expires}`, "Preferred-Languages: nl, en", ""].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
