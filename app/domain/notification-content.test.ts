import fc from "fast-check";
import { expect, it } from "vitest";
import { notificationMail } from "./notification-content";
import type { OutboxKind } from "./notification-kinds";
import { NOTIFICATION_KINDS } from "./notification-kinds";
import { errorClassOf, MAX_ATTEMPTS, retryDelayMs } from "./notification-retry";

const KINDS: OutboxKind[] = [...NOTIFICATION_KINDS, "reporter_answer"];
const ORIGIN = "https://rode-draad.example";

it("says only what happened and where: the same text whatever record the link is for", () => {
  fc.assert(
    fc.property(fc.constantFrom(...KINDS), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (kind, a, b) => {
      const one = notificationMail(kind, `/signalen/${a}`, ORIGIN);
      const other = notificationMail(kind, `/signalen/${b}`, ORIGIN);
      expect(one.subject).toBe(other.subject);
      expect(one.text.replace(`/signalen/${a}`, "")).toBe(other.text.replace(`/signalen/${b}`, ""));
      expect(one.text).toContain(`${ORIGIN}/signalen/${a}`);
    }),
  );
});

it("refuses a link that is not a path of this app", () => {
  for (const link of ["https://elders.example/", "//elders.example", "/a?x=<b>", "signalen/1", "/a b"]) {
    expect(() => notificationMail("portal_signal", link, ORIGIN), link).toThrow();
  }
});

it("tells the reporter only that there is news at /melden/volgen", () => {
  const mail = notificationMail("reporter_answer", "/melden/volgen", `${ORIGIN}/`);
  expect(mail.subject).toBe("Rode Draad: Er is nieuws over uw melding");
  expect(mail.text).toContain(`${ORIGIN}/melden/volgen`);
  expect(mail.text).not.toContain("inloggen");
});

it("waits longer after every failure, from 30 seconds to at most 6 hours and a tenth", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r1, r2) => {
      const now = retryDelayMs(n, r1);
      expect(now).toBeGreaterThanOrEqual(30_000);
      expect(now).toBeLessThanOrEqual(6.6 * 60 * 60_000);
      expect(retryDelayMs(n + 1, 0)).toBeGreaterThanOrEqual(retryDelayMs(n, 0));
      // Jitter spreads the retries but never shortens the schedule or doubles it.
      expect(Math.abs(retryDelayMs(n, r1) - retryDelayMs(n, r2))).toBeLessThanOrEqual(retryDelayMs(n, 0) * 0.1);
    }),
  );
  expect(retryDelayMs(1)).toBe(30_000);
  expect(retryDelayMs(2)).toBe(60_000);
  const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
  expect(total / 3_600_000, "hours of trying before giving up").toBeGreaterThan(12);
});

it("names an error by its code, never by the server's text, and treats only 5xx answers as final", () => {
  expect(errorClassOf({ responseCode: 550, message: "550 <mirjam@example.org> unknown" })).toEqual({ errorClass: "SMTP_550", permanent: true });
  expect(errorClassOf({ responseCode: 451 })).toEqual({ errorClass: "SMTP_451", permanent: false });
  expect(errorClassOf({ code: "ECONNECTION" })).toEqual({ errorClass: "ECONNECTION", permanent: false });
  fc.assert(
    fc.property(fc.string(), (text) => {
      const { errorClass } = errorClassOf({ code: text, message: text });
      expect(errorClass === "UNKNOWN" || /^[A-Z][A-Z0-9_]{1,30}$/.test(errorClass)).toBe(true);
    }),
  );
});
