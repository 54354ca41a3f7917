import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keptFileTypeOf } from "./file-type";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

/** A zip whose first local file header names `name` (stored, empty). */
function zipWith(...names: string[]): Uint8Array {
  const parts: number[] = [];
  for (const name of names) {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(name.length, 26);
    parts.push(...header, ...Buffer.from(name));
  }
  return new Uint8Array(parts);
}

describe("the kind of a file, from its own bytes", () => {
  it.each([
    ["a PDF", bytes("%PDF-1.7\n..."), "pdf"],
    ["a PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "png"],
    ["a JPEG", bytes([0xff, 0xd8, 0xff, 0xe0]), "jpeg"],
    ["a GIF", bytes("GIF89a..."), "gif"],
    ["a .docx", zipWith("[Content_Types].xml", "_rels/.rels", "word/document.xml"), "docx"],
    ["an .xlsx", zipWith("[Content_Types].xml", "xl/workbook.xml"), "xlsx"],
    ["a .doc, .xls or .msg", bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), "office97"],
    ["an e-mail", bytes("From: a@b.nl\r\nSubject: Vraag\r\n\r\nTekst"), "eml"],
    ["plain text with accents", bytes(...[[...Buffer.from("Notulen van het overleg: coöperatie, één regio.")]]), "text"],
  ])("keeps %s", (_, file, kind) => {
    expect(keptFileTypeOf(file)?.kind).toBe(kind);
  });

  it.each([
    ["a Windows program", bytes("MZ\x90\x00\x03")],
    ["a Linux program", bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1])],
    ["a shell script", bytes("#!/bin/sh\nrm -rf /")],
    ["a web page called brief.pdf.html", bytes("<!DOCTYPE html><script>alert(1)</script>")],
    ["an SVG with a script", bytes("  <svg onload=alert(1)>")],
    ["a zip that is no Office file", zipWith("setup.exe")],
    ["an empty file", bytes()],
    ["text in another encoding with a NUL", bytes([0x41, 0, 0x42])],
  ])("refuses %s", (_, file) => {
    expect(keptFileTypeOf(file)).toBeUndefined();
  });

  it("refuses every file that starts like a program, whatever follows", () => {
    const program = fc.constantFrom([0x4d, 0x5a], [0x7f, 0x45, 0x4c, 0x46], [0xca, 0xfe, 0xba, 0xbe], [0x23, 0x21]);
    fc.assert(
      fc.property(program, fc.uint8Array({ maxLength: 200 }), (head, rest) => {
        expect(keptFileTypeOf(new Uint8Array([...head, ...rest]))).toBeUndefined();
      }),
    );
  });
});
