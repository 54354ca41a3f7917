// The CSV plumbing of every import and export: decoding the bytes of an upload, finding the separator, reading rows
// with RFC 4180 quoting, and writing them back. Pure (Uint8Array and TextDecoder, no Buffer or node:), because routes
// import the modules built on it and the classic compiler bundles those for the browser.
//
// Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)" with ';' in Windows-1252; "CSV UTF-8" with ',' or ';'
// and a BOM; machines write DESIGN.md's UTF-8 with ','. All of them read here without the user choosing anything.
//
// Lines: a row's `line` is the physical line (header = line 1) on which the record *starts*; a quoted cell may span
// several lines. Line breaks are CRLF or LF (mixed is fine); a lone CR is text, as in csv-parse, which this replaced.

export type Separator = "," | ";" | "\t";
export const SEPARATORS: readonly Separator[] = [",", ";", "\t"];

export type Row = { line: number; cells: string[] };
export type CsvSyntaxIssue = { line: number; message: string };

export type Decoded = { text: string; encoding: "utf-8" | "windows-1252" };

/**
 * The text of an uploaded file: UTF-8 when the bytes are valid UTF-8 (BOM or not), else Windows-1252, the only other
 * encoding Excel on Dutch Windows writes. Every byte sequence is valid Windows-1252, so this never fails.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  try {
    // fatal: invalid UTF-8 throws instead of turning into U+FFFD; ignoreBOM false drops a leading BOM.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

// Windows-1252 is Latin-1 except for 0x80–0x9F, where it has €, ‘ ’ “ ”, – — and … : characters Dutch text is full of
// (Word and Excel type curly quotes and dashes). Node's TextDecoder("windows-1252") decodes those bytes as Latin-1's
// control characters, so the table is ours. Undefined bytes (81, 8D, 8F, 90, 9D) stay their Latin-1 selves, as in
// the WHATWG encoding standard.
const WINDOWS_1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = Array.from(bytes.subarray(start, start + chunk), (byte) => (byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_80_9F[byte - 0x80] as number) : byte));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

/**
 * The separator of the header line: the most frequent of ',', ';' and tab outside quotes (ties and none: ','). The
 * header holds column names, which contain none of them, so counting there is reliable where data rows are not.
 */
export function detectSeparator(text: string): Separator {
  const counts: Record<Separator, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of text.replace(/^\uFEFF/, "")) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && (char === "," || char === ";" || char === "\t")) counts[char] += 1;
  }
  let best: Separator = ",";
  for (const separator of SEPARATORS) if (counts[separator] > counts[best]) best = separator;
  return best;
}

const MESSAGES = {
  unclosed: "Een aanhalingsteken wordt niet gesloten",
  afterClosing: "Na een sluitend aanhalingsteken staat nog tekst in hetzelfde veld",
  midField: "Aanhalingsteken midden in een veld; zet het hele veld tussen aanhalingstekens en verdubbel de aanhalingstekens erin",
};

/**
 * Every non-blank record of `text` (a leading BOM is dropped). Rows of nothing but separators and spaces are what
 * spreadsheets leave after deleted rows: not records. A syntax error stops the reading at the record it is in.
 */
export function parseCsv(text: string, separator: Separator): { rows: Row[] } | { issue: CsvSyntaxIssue } {
  const body = text.replace(/^\uFEFF/, "");
  const rows: Row[] = [];
  let line = 1; // physical line of the character at `at`
  let at = 0;
  const length = body.length;
  while (at < length) {
    const start = line;
    const cells: string[] = [];
    let cell = "";
    // One record: cells until an unquoted line break or the end.
    for (;;) {
      if (body[at] === '"') {
        at += 1;
        for (;;) {
          const close = body.indexOf('"', at);
          if (close < 0) return { issue: { line: start, message: MESSAGES.unclosed } };
          const chunk = body.slice(at, close);
          line += countBreaks(chunk);
          cell += chunk;
          if (body[close + 1] === '"') {
            cell += '"';
            at = close + 2;
            continue;
          }
          at = close + 1;
          break;
        }
        const next = body[at];
        if (next !== undefined && next !== separator && next !== "\n" && !(next === "\r" && body[at + 1] === "\n")) {
          return { issue: { line: start, message: MESSAGES.afterClosing } };
        }
      } else {
        let end = at;
        while (end < length) {
          const char = body[end];
          if (char === separator || char === "\n" || (char === "\r" && body[end + 1] === "\n")) break;
          if (char === '"') return { issue: { line: start, message: MESSAGES.midField } };
          end += 1;
        }
        cell = body.slice(at, end);
        at = end;
      }
      cells.push(cell);
      cell = "";
      if (body[at] === separator) {
        at += 1;
        continue;
      }
      if (body[at] === "\r") at += 1;
      if (body[at] === "\n") {
        at += 1;
        line += 1;
      }
      break;
    }
    if (cells.some((value) => value.trim() !== "")) rows.push({ line: start, cells });
  }
  return { rows };
}

function countBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count += 1;
  return count;
}

/**
 * Rows as CSV: CRLF after every row (RFC 4180, and what Excel on Windows expects), a cell quoted when it holds the
 * separator, a quote or a line break (quotes doubled), or starts with U+FEFF (else a reader takes it for the BOM).
 * With the ',' separator this is byte for byte what csv-stringify wrote for DESIGN.md's machine CSV before this module
 * existed, but for that last rule. `bom` starts the text with U+FEFF, which tells Excel
 * the file is UTF-8.
 */
export function writeCsv(rows: readonly (readonly string[])[], options: { separator: Separator; bom?: boolean }): string {
  const { separator } = options;
  const needsQuotes = NEEDS_QUOTES[separator];
  // One pass of a regular expression per cell and one string built by appending: an export writes millions of cells.
  let body = options.bom ? "\uFEFF" : "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i += 1) {
      const cell = row[i] as string;
      if (i > 0) body += separator;
      body += needsQuotes.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
    }
    body += "\r\n";
  }
  return body;
}

/** A cell is quoted when it holds the separator, a quote or a line break, or starts with U+FEFF. */
const NEEDS_QUOTES: Record<Separator, RegExp> = { ",": /[,"\n\r]|^\uFEFF/, ";": /[;"\n\r]|^\uFEFF/, "\t": /[\t"\n\r]|^\uFEFF/ };

/**
 * The records of a CSV file of our own (db/reference/*.csv), as objects keyed by the header's names. A syntax error
 * throws: these files ship with the app, so a broken one is a bug, not a user's mistake.
 */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const parsed = parseCsv(text, detectSeparator(text));
  if ("issue" in parsed) throw new Error(`CSV-fout op regel ${parsed.issue.line}: ${parsed.issue.message}`);
  const [header, ...rows] = parsed.rows;
  const names = header?.cells ?? [];
  return rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row.cells[i] ?? ""])));
}
