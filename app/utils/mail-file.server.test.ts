import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/errors";
import { outlookMessage } from "../../test/fixtures/mail/outlook-msg";
import { mailFormatOf, readMailFile } from "./mail-file.server";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../../test/fixtures/mail", name)));

describe("reading a saved e-mail", () => {
  it("reads a plain .eml: sender, subject, date and text", async () => {
    const mail = await readMailFile(fixture("plain.eml"));
    expect(mail).toMatchObject({ fromName: "Petra de Vries", fromAddress: "Petra@Praktijk-DeVries.nl", subject: "Vraag over de aanbesteding jeugdhulp Zeist" });
    expect(mail.sentAt?.toISOString()).toBe("2026-11-30T23:40:00.000Z");
    expect(mail.text).toContain("Wij zijn met z'n tweeën.");
  });

  it("turns an HTML-only mail into text without its scripts, styles or images", async () => {
    const mail = await readMailFile(fixture("html-only.eml"));
    expect(mail.text).toContain("nota van inlichtingen");
    expect(mail.text).toContain("gepubliceerd");
    expect(mail.text).not.toMatch(/alert|color:red|<p>|pixel\.png/i);
  });

  it("decodes a mail in ISO-8859-1, headers and body", async () => {
    const mail = await readMailFile(fixture("latin1.eml"));
    expect(mail.fromName).toBe("José Müller");
    expect(mail.subject).toBe("Café-overleg over tarieven");
    expect(mail.text).toContain("caf\u00e9 over de tarieven. Co\u00f6peratie?");
  });

  it("lists the attachments of a mail", async () => {
    const mail = await readMailFile(fixture("with-attachment.eml"));
    expect(mail.attachmentNames).toEqual(["brief.pdf"]);
    expect(mail.text.trim()).toBe("In de bijlage de brief die wij kregen.");
  });

  it("reads an Outlook .msg", async () => {
    const bytes = outlookMessage({
      subject: "Aanbesteding Utrecht",
      body: "Wij begrijpen de gunningscriteria niet.",
      senderName: "Anna Jansen",
      senderEmail: "anna@jansen-praktijk.nl",
      deliveredAt: new Date("2026-11-20T08:30:00Z"),
    });
    expect(mailFormatOf(bytes)).toBe("msg");
    const mail = await readMailFile(bytes);
    expect(mail).toMatchObject({ subject: "Aanbesteding Utrecht", fromName: "Anna Jansen", fromAddress: "anna@jansen-praktijk.nl", text: "Wij begrijpen de gunningscriteria niet." });
    expect(mail.sentAt?.toISOString()).toBe("2026-11-20T08:30:00.000Z");
  });

  it("reads the HTML of an HTML-only Outlook .msg as text", async () => {
    const mail = await readMailFile(outlookMessage({ subject: "Alleen HTML", bodyHtml: "<p>Tekst <img src='http://x.example/a.png'> in <b>HTML</b></p>" }));
    expect(mail.text).toBe("Tekst in HTML");
  });

  it.each([
    ["a PDF named .eml", fixture("not-a-mail.eml")],
    ["a broken compound file", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3])],
    ["an empty file", new Uint8Array()],
  ])("refuses %s in Dutch, at the file field", async (_, bytes) => {
    const refused = await readMailFile(bytes).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: "MAIL.UNREADABLE", field: "file" });
    expect((refused as Error).message).toMatch(/geen leesbare e-mail/);
  });
});
