import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateProblem, todayInTheNetherlands } from "./dates";
import { intakeDraftOf, type MailFile } from "./mail-draft";
import { confidentialSchema } from "./signal-form";

const NOW = new Date("2026-12-02T10:00:00Z");
const mail = (fields: Partial<MailFile>): MailFile => ({ sentAt: null, fromName: null, fromAddress: null, subject: null, text: "", attachmentNames: [], ...fields });

describe("an e-mail as a draft signal", () => {
  it("takes the day the mail was sent in Dutch time: 23:40 UTC on 30 November is 1 December", () => {
    expect(intakeDraftOf(mail({ sentAt: new Date("2026-11-30T23:40:00Z") }), NOW).receivedOn).toBe("2026-12-01");
  });

  it("takes today for a mail without a date, dated in the future, or before the first year", () => {
    for (const sentAt of [null, new Date("2027-01-05T10:00:00Z"), new Date("1999-06-01T10:00:00Z"), new Date(Number.NaN)]) {
      expect(intakeDraftOf(mail({ sentAt }), NOW).receivedOn).toBe("2026-12-02");
    }
  });

  it("uses the subject as summary, else the first line of the text, and keeps the sender", () => {
    expect(intakeDraftOf(mail({ subject: "  Vraag\tover  tarieven ", fromName: "Petra", fromAddress: "Petra@Example.NL", text: "a\n\n\n\nb" }), NOW)).toEqual({
      receivedOn: "2026-12-02",
      channel: "email",
      reporterName: "Petra",
      reporterEmail: "petra@example.nl",
      summary: "Vraag over tarieven",
      details: "a\n\nb",
    });
    expect(intakeDraftOf(mail({ text: "\n  Eerste regel  \ntweede" }), NOW).summary).toBe("Eerste regel");
  });

  it("leaves out an address the intake would refuse", () => {
    expect(intakeDraftOf(mail({ fromAddress: "undisclosed-recipients:;" }), NOW).reporterEmail).toBeUndefined();
  });

  it("always gives what the intake accepts: lengths within its limits, a date it takes", () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ minLength: 1900, maxLength: 12_000 }), fc.constant(""));
    fc.assert(
      fc.property(
        fc.record({
          sentAt: fc.option(fc.date({ min: new Date("1990-01-01"), max: new Date("2030-12-31") }), { nil: null }),
          fromName: fc.option(fc.oneof(fc.string({ maxLength: 30 }), fc.string({ minLength: 190, maxLength: 400 })), { nil: null }),
          fromAddress: fc.option(fc.oneof(fc.emailAddress(), fc.string({ maxLength: 40 })), { nil: null }),
          subject: fc.option(text, { nil: null }),
          text,
          attachmentNames: fc.constant<string[]>([]),
        }),
        (input) => {
          const draft = intakeDraftOf(input, NOW);
          expect(dateProblem(draft.receivedOn, { kind: "past", today: todayInTheNetherlands(NOW) })).toBeUndefined();
          const checked = confidentialSchema.safeParse({ ...draft, summary: draft.summary.length >= 3 ? draft.summary : "abc" });
          expect(checked.success ? [] : checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
