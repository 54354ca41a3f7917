import { inflateRawSync } from "node:zlib";

/**
 * An .xlsx is a zip. Before exceljs (JSZip) unpacks one in memory, every entry is inflated here once with a hard
 * output cap, so a zip bomb (a few MB that inflate to gigabytes) is refused after at most `maxBytes` of output: the
 * sizes a zip declares are not trusted, the inflated bytes are counted. The upload itself is already capped by
 * body-limit.server.ts (5 MB).
 */
export type ZipLimits = { maxBytes: number; maxEntries: number };
export const XLSX_LIMITS: ZipLimits = { maxBytes: 100 * 1024 * 1024, maxEntries: 2_000 };

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Why the zip is refused (Dutch, for the intermediary), or undefined when it unpacks within the limits. */
export function zipProblem(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unreadable = "Het bestand is geen leesbaar Excel-bestand (.xlsx)";
  // End of central directory: 22 bytes plus a comment of at most 65,535 bytes, at the end of the file.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return unreadable;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (entries > limits.maxEntries) return `${unreadable}: het bevat ${entries} onderdelen`;
  let total = 0;
  for (let entry = 0; entry < entries; entry += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return unreadable;
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const local = view.getUint32(at + 42, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    // Zip64 (sizes of 4 GB and more) has no place in a spreadsheet of a few MB.
    if (compressed === 0xffffffff || local === 0xffffffff) return unreadable;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return unreadable;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) return unreadable;
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) {
      total += compressed;
    } else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limits.maxBytes - total + 1) }).length;
      } catch (error) {
        if (error instanceof RangeError) return tooLarge(limits);
        return unreadable;
      }
    } else {
      return unreadable;
    }
    if (total > limits.maxBytes) return tooLarge(limits);
  }
  return undefined;
}

function tooLarge(limits: ZipLimits): string {
  return `Het Excel-bestand is uitgepakt groter dan ${Math.round(limits.maxBytes / 1024 / 1024)} MB; sla minder rijen per bestand op of gebruik CSV`;
}
