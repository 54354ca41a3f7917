import { diffLines } from "diff";

/**
 * A plan van aanpak is a few pages; this many lines is far more than any real one. The limit on saving keeps the
 * comparison below cheap, and the comparison checks it again for versions saved before the limit existed.
 */
export const MAX_PLAN_LINES = 2_000;
/**
 * The line diff (Myers, jsdiff) does work proportional to (lines of both versions) × (lines that differ), and on
 * adversarial input that was minutes of a blocked server. It gives up once more lines differ than this, so the work
 * is bounded by 2 × MAX_PLAN_LINES × MAX_COMPARED_CHANGES steps by construction (tens of milliseconds here); two
 * versions that far apart are better read side by side anyway.
 */
export const MAX_COMPARED_CHANGES = 500;

export interface VersionPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export type Comparison =
  | { kind: "lines"; parts: VersionPart[] }
  | { kind: "too-large"; reason: "lines" | "changes"; limit: number };

/** Lines as a textarea shows them: CRLF, LF and a lone CR each end one. */
export function countLines(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/**
 * Line diff of two plan versions, one part per line so the UI can render an accessible list and say in words which
 * lines were added or removed (colour alone is not enough). Windows line endings and a missing final newline do not
 * count as changes: plan texts come from a textarea. Too large or too different: "too-large", never a long wait.
 */
export function compareVersions(older: string, newer: string): Comparison {
  if (countLines(older) > MAX_PLAN_LINES || countLines(newer) > MAX_PLAN_LINES) {
    return { kind: "too-large", reason: "lines", limit: MAX_PLAN_LINES };
  }
  const changes = diffLines(older, newer, { stripTrailingCr: true, ignoreNewlineAtEof: true, maxEditLength: MAX_COMPARED_CHANGES });
  if (!changes) return { kind: "too-large", reason: "changes", limit: MAX_COMPARED_CHANGES };
  const parts: VersionPart[] = [];
  for (const change of changes) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const lines = change.value.replace(/\r\n/g, "\n").split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    for (const text of lines) parts.push({ kind, text });
  }
  return { kind: "lines", parts };
}
