/**
 * The one logger. Lines carry codes, ids, paths and timings only: never form content, query strings,
 * receipt codes or any text a reporter wrote (the request log strips the query string for that reason).
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: "INFO" | "WARN" | "ERROR", message: string, fields?: Fields): void {
  const extra = fields
    ? Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => ` ${k}=${String(v)}`)
        .join("")
    : "";
  const line = `${new Date().toISOString()} ${level} ${message}${extra}\n`;
  (level === "INFO" ? process.stdout : process.stderr).write(line);
}

export const log = {
  info: (message: string, fields?: Fields) => write("INFO", message, fields),
  warn: (message: string, fields?: Fields) => write("WARN", message, fields),
  error: (message: string, fields?: Fields) => write("ERROR", message, fields),
};

/** Errors are logged by name and stack frame only: messages can quote user input (e.g. a SQLite constraint text). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const frame = error.stack?.split("\n")[1]?.trim() ?? "";
    return `${error.name} ${frame}`;
  }
  return typeof error;
}
