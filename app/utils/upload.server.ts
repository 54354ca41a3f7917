/**
 * Uploads are read whole into memory (the file is staged, then parsed), so a size limit is checked from the declared
 * length before the body is read at all.
 */
export function declaredLargerThan(request: Request, megabytes: number): boolean {
  return Number(request.headers.get("Content-Length") ?? 0) > megabytes * 1024 * 1024;
}
