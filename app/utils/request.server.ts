import type { AppLoadContext } from "@remix-run/node";
import type { Actor } from "~/models/audit.server";

/** The client address comes from the server context, resolved once there (honouring TRUSTED_PROXY_HEADER). */
export function actorOf(user: { id: number } | null | undefined, context: AppLoadContext): Actor {
  return { userId: user?.id ?? null, clientAddress: context.clientAddress };
}

/** Only same-site paths: a crafted ?redirectTo= must not send a user elsewhere after login. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}
