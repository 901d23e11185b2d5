/**
 * A look at an XLSX (ZIP) file's central directory before it is unpacked, so a small
 * upload cannot expand into gigabytes in memory (a "zip bomb"). Pure and cheap: it only
 * reads the directory records.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
}

export const xlsxLimits: ZipLimits = { maxEntries: 2_000, maxTotalBytes: 100 * 1024 * 1024 };

/** Why the archive is refused (`not_zip`, `too_many_entries`, `too_large`), or null when it looks sane. */
export function zipProblem(buf: Buffer, limits: ZipLimits = xlsxLimits): string | null {
  const start = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= start; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'not_zip';
  const entries = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (entries > limits.maxEntries) return 'too_many_entries';
  let total = 0;
  for (let i = 0, p = dirOffset; i < entries; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return 'not_zip';
    const size = buf.readUInt32LE(p + 24);
    // 0xFFFFFFFF means the real size is in a ZIP64 record: far beyond any sane sheet.
    if (size === 0xffffffff) return 'too_large';
    total += size;
    if (total > limits.maxTotalBytes) return 'too_large';
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return null;
}
