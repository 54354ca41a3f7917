/**
 * How large a kept file may be and how many files the public form takes: settings (FILE_MAX_MB, PORTAL_MAX_FILES in
 * env.server.ts), read on the server and handed to the schemas and pages that say them.
 */
export type FileLimits = { maxBytes: number; portalMaxFiles: number };

const MB = 1024 * 1024;

/** What the settings default to. */
export const DEFAULT_FILE_LIMITS: FileLimits = { maxBytes: 10 * MB, portalMaxFiles: 3 };

export function fileLimitsOf(settings: { FILE_MAX_MB: number; PORTAL_MAX_FILES: number }): FileLimits {
  return { maxBytes: settings.FILE_MAX_MB * MB, portalMaxFiles: settings.PORTAL_MAX_FILES };
}

/** A limit as the pages say it: "10 MB". */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}
