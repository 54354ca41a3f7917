import { ConfigError } from "./env.server";
import { InstanceLockedError } from "./instance-lock.server";
import { SecretsError } from "./secrets.server";

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

const ERROR_NAME = /^[A-Za-z_$][\w$]{0,63}$/;

/**
 * Errors are logged by type and code location only: a message can quote user input (a SQLite constraint text, a bad
 * header value) and may span lines. V8's stack starts with "Name: message", so the frames are read only after that
 * header; when the header no longer matches (message or name changed after the throw), no line of the stack is trusted.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const name = ERROR_NAME.test(error.name) ? error.name : "Error";
  return `${name} ${codeLocation(error)}`;
}

function codeLocation(error: Error): string {
  const stack = error.stack ?? "";
  const header = error.message ? `${error.name}: ${error.message}` : error.name;
  if (!stack.startsWith(`${header}\n`)) return "at (onbekend)";
  const frame = stack.slice(header.length + 1).split("\n")[0]?.trim() ?? "";
  return frame.startsWith("at ") ? frame : "at (onbekend)";
}

/**
 * Why the start failed, for the operator's console. Our own explanations (configuration, keys, a database another
 * process holds) are written for it and quote no user data; any other error is described like every logged error.
 */
export function describeStartupFailure(error: unknown): string {
  const explained = error instanceof ConfigError || error instanceof SecretsError || error instanceof InstanceLockedError;
  return explained ? error.message : describeError(error);
}

/**
 * Node prints a stray error (a throw in a timer, a rejection nobody awaited) with its message before it stops the
 * process; the server logs it by type and place instead, then stops the same way.
 */
export function exitOnStrayErrors(): void {
  const fatal = (error: unknown) => {
    log.error("uncaught error", { error: describeError(error) });
    process.exit(1);
  };
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
}
