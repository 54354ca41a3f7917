import fs from "node:fs";
import path from "node:path";

/**
 * Replaces a file by rename, after fsync of the new content and then of the folder: a crash leaves either the old file
 * or the new one, never half of one. Mode 0600: only the app's own account reads it.
 */
export function replaceFileDurably(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = fs.openSync(temporary, "w", 0o600);
  try {
    fs.writeSync(handle, content);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
  const folder = fs.openSync(path.dirname(file), "r");
  try {
    fs.fsyncSync(folder);
  } finally {
    fs.closeSync(folder);
  }
}
