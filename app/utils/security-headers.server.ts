import crypto from "node:crypto";

export function newNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

/**
 * Headers for every response. Scripts run only from this origin or with the request's nonce; nothing is loaded from
 * other hosts; the app cannot be framed; nothing leaks through the Referer header or search engines.
 */
export function securityHeaders(nonce: string, options: { secureCookies: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // React and recharts set style attributes; scripts stay strictly nonce-bound.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Robots-Tag": "noindex, nofollow",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(options.secureCookies ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** The client address: the socket's, or the last value a trusted reverse proxy appended to the configured header. */
export function resolveClientAddress(
  socketAddress: string | undefined,
  headers: Record<string, string | string[] | undefined>,
  trustedHeader: string | undefined,
): string {
  let address = socketAddress ?? "unknown";
  if (trustedHeader) {
    const raw = headers[trustedHeader];
    const value = Array.isArray(raw) ? raw.join(",") : raw;
    const last = value?.split(",").map((v) => v.trim()).filter(Boolean).at(-1);
    if (last) address = last;
  }
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}
