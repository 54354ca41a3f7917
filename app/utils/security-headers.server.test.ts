import { describe, expect, it } from "vitest";
import { newNonce, resolveClientAddress, securityHeaders } from "./security-headers.server";

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(map.has(name), `directive ${name} appears once`).toBe(false);
    map.set(name, values);
  }
  return map;
}

function cspOf(nonce: string, secureCookies = false) {
  const csp = securityHeaders(nonce, { secureCookies })["Content-Security-Policy"];
  expect(csp).toBeTypeOf("string");
  return directives(csp ?? "");
}

describe("newNonce", () => {
  it("is 16 random bytes, base64", () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    expect(new Set(Array.from({ length: 50 }, newNonce)).size).toBe(50);
  });
});

describe("securityHeaders", () => {
  const nonce = "dGVzdC1ub25jZS0xMjM0NQ==";

  it("allows scripts only from this origin or with the request's nonce", () => {
    const scriptSrc = cspOf(nonce).get("script-src");
    expect(scriptSrc).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
  });

  it("puts each request's own nonce in script-src", () => {
    const a = newNonce();
    const b = newNonce();
    expect(cspOf(a).get("script-src")).toContain(`'nonce-${a}'`);
    expect(cspOf(a).get("script-src")).not.toContain(`'nonce-${b}'`);
  });

  it("forbids framing, foreign form targets, plugins and base changes", () => {
    const csp = cspOf(nonce);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("loads nothing from other hosts", () => {
    for (const [name, values] of cspOf(nonce)) {
      for (const value of values) {
        expect(value, `${name} ${value}`).not.toMatch(/^(https?:|\*|wss?:)/);
      }
    }
  });

  it("sets the other protective headers", () => {
    const headers = securityHeaders(nonce, { secureCookies: false });
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["X-Robots-Tag"]).toContain("noindex");
    expect(headers["Cross-Origin-Opener-Policy"]).toBe("same-origin");
  });

  it("sends HSTS only with secure cookies (HTTPS)", () => {
    expect(securityHeaders(nonce, { secureCookies: false })).not.toHaveProperty("Strict-Transport-Security");
    const hsts = securityHeaders(nonce, { secureCookies: true })["Strict-Transport-Security"];
    expect(hsts).toMatch(/max-age=\d+/);
    expect(Number(/max-age=(\d+)/.exec(hsts ?? "")?.[1])).toBeGreaterThanOrEqual(31536000);
  });

  it("keeps the CSP the same with or without secure cookies", () => {
    expect(securityHeaders(nonce, { secureCookies: true })["Content-Security-Policy"]).toBe(
      securityHeaders(nonce, { secureCookies: false })["Content-Security-Policy"],
    );
  });
});

describe("resolveClientAddress", () => {
  it("uses the socket address when no trusted header is configured", () => {
    expect(resolveClientAddress("192.0.2.10", {}, undefined)).toBe("192.0.2.10");
    expect(resolveClientAddress("2001:db8::1", {}, undefined)).toBe("2001:db8::1");
  });

  it("strips the IPv4-mapped IPv6 prefix", () => {
    expect(resolveClientAddress("::ffff:192.0.2.10", {}, undefined)).toBe("192.0.2.10");
    expect(resolveClientAddress("::1", {}, undefined)).toBe("::1");
  });

  it("says unknown when there is no socket address", () => {
    expect(resolveClientAddress(undefined, {}, undefined)).toBe("unknown");
  });

  it("ignores forwarding headers when no trusted header is configured", () => {
    const headers = { "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.8" };
    expect(resolveClientAddress("::ffff:10.0.0.1", headers, undefined)).toBe("10.0.0.1");
  });

  it("ignores headers other than the configured one", () => {
    const headers = { "x-forwarded-for": "203.0.113.7" };
    expect(resolveClientAddress("10.0.0.1", headers, "x-real-ip")).toBe("10.0.0.1");
  });

  it("uses the last value of a comma-separated trusted header", () => {
    const headers = { "x-forwarded-for": "198.51.100.1, 203.0.113.7" };
    expect(resolveClientAddress("10.0.0.1", headers, "x-forwarded-for")).toBe("203.0.113.7");
  });

  it("ignores a spoofed first value and empty trailing entries", () => {
    const headers = { "x-forwarded-for": "1.2.3.4,203.0.113.7 , ,  " };
    expect(resolveClientAddress("10.0.0.1", headers, "x-forwarded-for")).toBe("203.0.113.7");
  });

  it("uses a single value and strips its IPv4-mapped prefix", () => {
    expect(resolveClientAddress("10.0.0.1", { "x-forwarded-for": "203.0.113.7" }, "x-forwarded-for")).toBe(
      "203.0.113.7",
    );
    expect(resolveClientAddress("10.0.0.1", { "x-real-ip": "::ffff:203.0.113.9" }, "x-real-ip")).toBe("203.0.113.9");
  });

  it("uses the last value over all lines of a repeated header", () => {
    const headers = { "x-forwarded-for": ["198.51.100.1, 198.51.100.2", "203.0.113.7"] };
    expect(resolveClientAddress("10.0.0.1", headers, "x-forwarded-for")).toBe("203.0.113.7");
    const split = { "x-forwarded-for": ["198.51.100.1", "203.0.113.5, 203.0.113.6"] };
    expect(resolveClientAddress("10.0.0.1", split, "x-forwarded-for")).toBe("203.0.113.6");
  });

  it("falls back to the socket when the trusted header is missing or empty", () => {
    expect(resolveClientAddress("::ffff:10.0.0.1", {}, "x-forwarded-for")).toBe("10.0.0.1");
    expect(resolveClientAddress("10.0.0.1", { "x-forwarded-for": "" }, "x-forwarded-for")).toBe("10.0.0.1");
    expect(resolveClientAddress("10.0.0.1", { "x-forwarded-for": " , " }, "x-forwarded-for")).toBe("10.0.0.1");
    expect(resolveClientAddress("10.0.0.1", { "x-forwarded-for": [] }, "x-forwarded-for")).toBe("10.0.0.1");
    expect(resolveClientAddress("10.0.0.1", { "x-forwarded-for": undefined }, "x-forwarded-for")).toBe("10.0.0.1");
  });
});
