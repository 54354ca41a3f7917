// What the signals and trajectories imports share once a file is rows of text cells, whether it came from a CSV
// (csv.ts) or an .xlsx (xlsx-read.server.ts): the issues (line + column + Dutch message, sorted and capped), the header
// (DESIGN.md's codes or the Dutch labels the app shows), and codes given as a code or as their Dutch label.
import { detectSeparator, parseCsv, type Row } from "./csv";

export type { Row } from "./csv";

/** At most this many issues are returned (the last one then says how many more there are). */
export const MAX_CSV_ISSUES = 500;

/** `line` is 1-based with the header on line 1; `message` is Dutch, shown to the intermediary as is. */
export type CsvIssue = { line: number; column?: string; message: string };
/** An issue plus its place among the issues of its line: the column's position in the file (-1: the whole line). */
export type RankedIssue = CsvIssue & { rank: number };

/** The reference data (regions and municipalities) as it stands in the database at import time. */
export type ReferenceLookup = {
  regionExists(code: string): boolean;
  regionOfMunicipality(code: string): string | undefined;
  /** The code of a region or municipality given by its name as the app shows it (any case, accents optional). */
  codeOfName?(kind: "region" | "municipality", name: string): string | undefined;
};

/** A region or municipality as written in a file: its CBS code, or its name (what a person types in a spreadsheet). */
export function referenceCode(text: string, kind: "region" | "municipality", reference: ReferenceLookup): string {
  const known = kind === "region" ? reference.regionExists(text) : reference.regionOfMunicipality(text) !== undefined;
  return known ? text : (reference.codeOfName?.(kind, text) ?? text);
}

/** The rows of an upload, header first; from a CSV text or from the first sheet of an .xlsx. */
export type Sheet = { rows: Row[] };

/** Where each known column sits in the file; a column left out of the file has no entry. */
export type ColumnIndex<Column extends string> = Partial<Record<Column, number>>;

/** The rows of a CSV text in any of the separators csv.ts detects. */
export function sheetOfText(text: string): Sheet | { issue: CsvIssue } {
  return parseCsv(text, detectSeparator(text));
}

/** Case, accents, surrounding and doubled spaces do not matter when a person types a label: "Coöperatie " = "cooperatie". */
export function normaliseLabel(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

export function isCode<Code extends string>(codes: readonly Code[], value: string): value is Code {
  return (codes as readonly string[]).includes(value);
}

/** The code `text` stands for: the code itself (exactly), or its Dutch label in any case and with or without accents. */
export function codeOf<Code extends string>(text: string, codes: readonly Code[], labels: Record<Code, string>): Code | undefined {
  if (isCode(codes, text)) return text;
  const wanted = normaliseLabel(text);
  return codes.find((code) => normaliseLabel(labels[code]) === wanted);
}

/**
 * A text given where a string with U+FFFD (what a decoder makes of bytes it cannot read) arrives: the upload was
 * decoded elsewhere, without csv.ts's encoding detection. Uploads through csv.ts never get here.
 */
export function encodingIssue(body: string): RankedIssue | undefined {
  const undecodable = body.indexOf("\uFFFD");
  if (undecodable < 0) return undefined;
  return {
    line: body.slice(0, undecodable).split("\n").length,
    rank: -1,
    message: "Het bestand is niet als UTF-8 opgeslagen (letters als ë en é zijn onleesbaar); sla het op als 'CSV UTF-8'",
  };
}

/** Sorts by line, then by column position in the file, and caps the list. */
export function finishIssues(issues: RankedIssue[]): CsvIssue[] {
  // Array.prototype.sort is stable, so issues on the same cell keep the order in which they were found.
  const sorted = [...issues].sort((a, b) => a.line - b.line || a.rank - b.rank);
  const plain = sorted.map(({ rank: _rank, ...issue }) => issue);
  if (plain.length <= MAX_CSV_ISSUES) return plain;
  const shown = plain.slice(0, MAX_CSV_ISSUES - 1);
  const firstHidden = plain[MAX_CSV_ISSUES - 1];
  const hidden = plain.length - shown.length;
  shown.push({
    line: firstHidden?.line ?? 1,
    message: `Nog ${hidden} andere problemen, vanaf regel ${firstHidden?.line ?? 1}, worden niet getoond`,
  });
  return shown;
}

export type HeaderSpec<Column extends string> = {
  known: readonly Column[];
  required: readonly Column[];
  /** Dutch names a person may use for each column; the first is what the human exports write. */
  labels: Record<Column, readonly string[]>;
  /** Columns of the human exports that the import does not read (the signal number): skipped, not an error. */
  ignored?: readonly string[];
};

export type Header<Column extends string> = {
  index: ColumnIndex<Column>;
  /** The column's name as the file spells it, for issues: a person who wrote "Soort vraag" looks for that. */
  names: Partial<Record<Column, string>>;
  /**
   * Columns named by their Dutch labels: a file for people (the app's Excel exports, or one a person made), whose text
   * cells carry the quote the exports put before formula-like text (spreadsheet-cell.ts), to be taken off again.
   */
  forPeople: boolean;
};

/** Maps the header's column names (codes or Dutch labels) to their positions; every problem is reported at once. */
export function readHeader<Column extends string>(header: Row, spec: HeaderSpec<Column>): Header<Column> | { issues: RankedIssue[] } {
  const names = header.cells.map((cell) => cell.trim());
  const issues: RankedIssue[] = [];
  const at = (rank: number, message: string, column?: string): RankedIssue =>
    column === undefined ? { line: header.line, rank, message } : { line: header.line, column, rank, message };
  const byLabel = new Map<string, Column>();
  for (const column of spec.known) for (const label of spec.labels[column]) byLabel.set(normaliseLabel(label), column);
  const ignored = new Set((spec.ignored ?? []).map(normaliseLabel));

  const result: Header<Column> = { index: {}, names: {}, forPeople: false };
  names.forEach((name, position) => {
    const column = isCode(spec.known, name) ? name : byLabel.get(normaliseLabel(name));
    if (name === "") {
      issues.push(at(position, `Kolom ${position + 1} heeft geen naam`));
    } else if (column === undefined) {
      if (ignored.has(normaliseLabel(name))) return;
      const meant = spec.known.find((code) => code === name.toLowerCase());
      const hint = meant === undefined ? "" : ` — bedoelt u '${meant}'?`;
      issues.push(at(position, `Onbekende kolom '${name}'${hint}`, name));
    } else if (result.index[column] !== undefined) {
      issues.push(at(position, `Kolom '${name}' komt twee keer voor`, name));
    } else {
      result.index[column] = position;
      result.names[column] = name;
      if (name !== column) result.forPeople = true;
    }
  });
  // Missing columns have no position in the file; they come after the others, in the order of `known`.
  spec.required.forEach((column) => {
    if (result.index[column] === undefined) {
      issues.push(at(names.length + spec.known.indexOf(column), `Kolom '${column}' (${spec.labels[column][0]}) ontbreekt`, column));
    }
  });
  return issues.length > 0 ? { issues } : result;
}

const MUNICIPALITY_CODE = /^GM\d{4}$/;

/**
 * Why `code` is not an acceptable municipality in the region `regionCode`, or undefined when it is. Pass no region
 * when the row's region is itself unknown: then only the region is reported, as "not in region JZ99" would add nothing.
 */
export function municipalityProblem(code: string, regionCode: string | undefined, reference: ReferenceLookup): string | undefined {
  if (!MUNICIPALITY_CODE.test(code)) return `Ongeldige gemeentecode '${code}' — gebruik de vorm GM0000`;
  const regionOfMunicipality = reference.regionOfMunicipality(code);
  if (regionOfMunicipality === undefined) return `Onbekende gemeente '${code}'`;
  if (regionCode !== undefined && regionOfMunicipality !== regionCode) {
    return `Gemeente ${code} ligt niet in regio ${regionCode} maar in ${regionOfMunicipality}`;
  }
  return undefined;
}

/** The parts of a `;`-separated cell, trimmed, without empty parts. */
export function splitList(text: string): string[] {
  return text
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}
