import { fileLimitsOf, type FileLimits } from "~/domain/file-limits";
import { env } from "./env.server";

/** The file limits this server runs with (FILE_MAX_MB, PORTAL_MAX_FILES). */
export function fileLimits(): FileLimits {
  return fileLimitsOf(env());
}
