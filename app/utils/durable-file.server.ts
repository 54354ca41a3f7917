import fs from "node:fs";
import path from "node:path";

/**
 * Replaces a file by rename, after fsync of the new content and then of the folder: a crash leaves either the old file
 * or the new one, never half of one. Mode 0600: only the app's own account reads it.
 */
export function replaceFileDurably(file: string, content: string): void {
  const temporary = writeTemporary(file, content);
  fs.renameSync(temporary, file);
  syncFolder(file);
}

/**
 * Creates the file with this content only if no file of that name exists, as durably as replaceFileDurably; false when
 * one exists. The content is complete before the name appears (a hard link is made to a written file), so a process
 * that finds the file never reads half of it.
 */
export function createFileDurably(file: string, content: string): boolean {
  const temporary = writeTemporary(file, content);
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  syncFolder(file);
  return true;
}

function writeTemporary(file: string, content: string): string {
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
  return temporary;
}

function syncFolder(file: string): void {
  const folder = fs.openSync(path.dirname(file), "r");
  try {
    fs.fsyncSync(folder);
  } finally {
    fs.closeSync(folder);
  }
}
