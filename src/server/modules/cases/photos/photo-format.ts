/**
 * Structural parsers for the three photo formats a resident may upload (JPEG, PNG, WebP),
 * shared by the upload check and the metadata stripper. Pure and dependency-free: they
 * only read the container structure (segments, chunks), never decode pixels.
 *
 * Every parser is total: on any input — truncated, garbage, hostile lengths — it returns
 * `null` instead of throwing, and never reads outside the buffer.
 */

export const photoMimes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMime = (typeof photoMimes)[number];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * The type the bytes say they are — `'truncated'` when they are a proper prefix of an
 * accepted signature (too short to tell), `null` for anything else (GIF, HEIC, SVG, …).
 */
export function sniffMime(bytes: Buffer): PhotoMime | 'truncated' | null {
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  if (isPrefixOf(bytes, JPEG_SIGNATURE) || isPrefixOf(bytes, PNG_SIGNATURE)) return 'truncated';
  // "RIFF" + size + "WEBP", cut short: the size field can be anything, so compare around it.
  if (bytes.length > 0 && bytes.length < 12 && matchesStart(bytes.subarray(0, 4), 'RIFF') && matchesStart(bytes.subarray(8), 'WEBP')) return 'truncated';
  return null;
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

/** `bytes` is non-empty, shorter than `full`, and matches its start. */
function isPrefixOf(bytes: Buffer, full: Buffer): boolean {
  return bytes.length > 0 && bytes.length < full.length && full.subarray(0, bytes.length).equals(bytes);
}

/** `part` (possibly empty) equals the start of `text`. */
function matchesStart(part: Buffer, text: string): boolean {
  return part.length <= text.length && part.toString('latin1') === text.slice(0, part.length);
}

/** `length` bytes at `offset` as Latin-1 text ('' when out of range). */
export function ascii(bytes: Buffer, offset: number, length: number): string {
  if (offset < 0 || offset + length > bytes.length) return '';
  return bytes.toString('latin1', offset, offset + length);
}

// ---------------------------------------------------------------------------------------
// JPEG

/** A marker segment (`FF xx` + optional length + payload), without any fill bytes before it. */
export interface JpegSegment {
  kind: 'segment';
  marker: number;
  /** Offset of the `FF` of the marker. */
  start: number;
  /** Offset just past the segment. */
  end: number;
  /** Offset of the payload (after the two length bytes); `end` for standalone markers. */
  payload: number;
}

/** Entropy-coded scan data following an SOS segment (stuffed bytes and RSTn included). */
export interface JpegScanData {
  kind: 'scan';
  start: number;
  end: number;
}

export interface JpegStructure {
  /** SOI, every segment and scan in order, EOI last. */
  parts: (JpegSegment | JpegScanData)[];
  /** Offset just past EOI; anything after it is a trailer (e.g. an appended motion-photo video). */
  end: number;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const TEM = 0x01;

/** SOFn markers (frame headers): C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
export function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function isStandalone(marker: number): boolean {
  return marker === TEM || (marker >= 0xd0 && marker <= 0xd7);
}

/**
 * Walks a JPEG from SOI through EOI: marker segments up to the first SOS, then scan data,
 * tables and further scans (progressive files) until EOI. `null` when the walk does not
 * reach EOI cleanly, no frame header precedes the first scan, or a length is impossible.
 */
export function parseJpeg(bytes: Buffer): JpegStructure | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return null;
  const parts: (JpegSegment | JpegScanData)[] = [{ kind: 'segment', marker: SOI, start: 0, end: 2, payload: 2 }];
  let pos = 2;
  let sawFrame = false;
  let sawScan = false;
  for (;;) {
    // A marker: one or more FF fill bytes, then the marker code.
    if (bytes[pos] !== 0xff) return null;
    while (pos < bytes.length && bytes[pos] === 0xff) pos++;
    if (pos >= bytes.length) return null;
    const marker = bytes[pos]!;
    const start = pos - 1;
    pos++;
    if (marker === 0x00 || marker === SOI) return null;
    if (marker === EOI) {
      if (!sawScan) return null;
      parts.push({ kind: 'segment', marker, start, end: pos, payload: pos });
      return { parts, end: pos };
    }
    if (isStandalone(marker)) {
      parts.push({ kind: 'segment', marker, start, end: pos, payload: pos });
      continue;
    }
    if (pos + 2 > bytes.length) return null;
    const length = bytes.readUInt16BE(pos);
    if (length < 2 || pos + length > bytes.length) return null;
    const end = pos + length;
    parts.push({ kind: 'segment', marker, start, end, payload: pos + 2 });
    pos = end;
    if (isSof(marker)) {
      // Precision, height, width, components: a frame needs a width and at least one component.
      if (length < 8) return null;
      if (bytes.readUInt16BE(start + 7) === 0 || bytes[start + 9] === 0) return null;
      sawFrame = true;
    }
    if (marker !== SOS) continue;
    if (!sawFrame || length < 8) return null; // Ns, one component (2 bytes), Ss, Se, AhAl
    sawScan = true;
    const scanEnd = scanDataEnd(bytes, pos);
    if (scanEnd === null) return null;
    parts.push({ kind: 'scan', start: pos, end: scanEnd });
    pos = scanEnd;
  }
}

/**
 * End of entropy-coded data starting at `pos`: the offset of the `FF` that begins the next
 * real marker. Inside scan data `FF 00` is a stuffed byte and `FF D0`–`FF D7` are restart
 * markers; `null` when the data runs off the end of the buffer (a truncated upload).
 */
function scanDataEnd(bytes: Buffer, pos: number): number | null {
  for (;;) {
    const ff = bytes.indexOf(0xff, pos);
    if (ff < 0) return null;
    let next = ff + 1;
    while (next < bytes.length && bytes[next] === 0xff) next++;
    if (next >= bytes.length) return null;
    const code = bytes[next]!;
    if (code === 0x00 || (code >= 0xd0 && code <= 0xd7)) {
      pos = next + 1;
      continue;
    }
    return next - 1;
  }
}

// ---------------------------------------------------------------------------------------
// PNG

export interface PngChunk {
  type: string;
  /** Offset of the length field. */
  start: number;
  /** Offset of the chunk data. */
  data: number;
  length: number;
  /** Offset just past the CRC. */
  end: number;
}

export interface PngStructure {
  chunks: PngChunk[];
  /** Offset just past IEND's CRC; anything after it is a trailer. */
  end: number;
}

/** Critical chunks a decoder knows; any other critical chunk makes the file undecodable. */
const PNG_CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);

/** Allowed bit depths per colour type (PNG spec §11.2.2). */
const PNG_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/**
 * Walks the chunks of a PNG: IHDR first (and valid), at least one IDAT, IEND reached.
 * CRCs are not verified (the chunk walk already catches truncation and garbage; a bad CRC
 * in an ancillary chunk is something decoders only warn about).
 */
export function parsePng(bytes: Buffer): PngStructure | null {
  if (!startsWith(bytes, PNG_SIGNATURE)) return null;
  const chunks: PngChunk[] = [];
  let pos = PNG_SIGNATURE.length;
  let sawData = false;
  for (;;) {
    if (pos + 12 > bytes.length) return null;
    const length = bytes.readUInt32BE(pos);
    const type = ascii(bytes, pos + 4, 4);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) return null;
    const end = pos + 12 + length;
    if (end > bytes.length) return null;
    const chunk: PngChunk = { type, start: pos, data: pos + 8, length, end };
    if (chunks.length === 0 && (type !== 'IHDR' || !validIhdr(bytes, chunk))) return null;
    if (chunks.length > 0 && type === 'IHDR') return null;
    // Upper-case first letter = critical: an unknown one cannot be decoded.
    if (type.charCodeAt(0) < 0x61 && !PNG_CRITICAL.has(type)) return null;
    chunks.push(chunk);
    pos = end;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return length === 0 && sawData ? { chunks, end } : null;
  }
}

function validIhdr(bytes: Buffer, chunk: PngChunk): boolean {
  if (chunk.length !== 13) return false;
  const d = chunk.data;
  const width = bytes.readUInt32BE(d);
  const height = bytes.readUInt32BE(d + 4);
  const depth = bytes[d + 8]!;
  const colour = bytes[d + 9]!;
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return false;
  if (!PNG_DEPTHS[colour]?.includes(depth)) return false;
  return bytes[d + 10] === 0 && bytes[d + 11] === 0 && (bytes[d + 12] === 0 || bytes[d + 12] === 1);
}

// ---------------------------------------------------------------------------------------
// WebP

export interface WebpChunk {
  fourcc: string;
  /** Offset of the FourCC. */
  start: number;
  /** Offset of the payload. */
  data: number;
  /** Payload size as declared (without the pad byte). */
  size: number;
  /** Offset just past the payload and its pad byte. */
  end: number;
}

export interface WebpStructure {
  chunks: WebpChunk[];
  /** Offset just past the RIFF container (8 + RIFF size); anything after it is a trailer. */
  end: number;
}

/**
 * Walks a WebP RIFF container: the RIFF size fits the file, the chunk walk (payloads padded
 * to even length) lands exactly on the RIFF end, the first chunk is VP8, VP8L or VP8X, and
 * there is image data (a VP8 key frame, a VP8L bitstream, or animation frames).
 */
export function parseWebp(bytes: Buffer): WebpStructure | null {
  if (bytes.length < 12 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return null;
  const riffSize = bytes.readUInt32LE(4);
  const end = 8 + riffSize;
  if (riffSize < 4 + 8 || riffSize % 2 !== 0 || end > bytes.length) return null;
  const chunks: WebpChunk[] = [];
  let pos = 12;
  while (pos < end) {
    if (pos + 8 > end) return null;
    const fourcc = ascii(bytes, pos, 4);
    const size = bytes.readUInt32LE(pos + 4);
    const chunkEnd = pos + 8 + size + (size % 2);
    if (chunkEnd > end) return null;
    chunks.push({ fourcc, start: pos, data: pos + 8, size, end: chunkEnd });
    pos = chunkEnd;
  }
  const first = chunks[0];
  if (!first) return null;
  if (first.fourcc === 'VP8 ') return validVp8(bytes, first) ? { chunks, end } : null;
  if (first.fourcc === 'VP8L') return validVp8l(bytes, first) ? { chunks, end } : null;
  if (first.fourcc !== 'VP8X' || first.size < 10) return null;
  const image = chunks.find((c) => c.fourcc === 'VP8 ' || c.fourcc === 'VP8L' || c.fourcc === 'ANMF');
  if (!image) return null;
  if (image.fourcc === 'VP8 ' && !validVp8(bytes, image)) return null;
  if (image.fourcc === 'VP8L' && !validVp8l(bytes, image)) return null;
  return { chunks, end };
}

/** A lossy bitstream starts with a key frame: frame tag bit 0 clear, then 9D 01 2A. */
function validVp8(bytes: Buffer, chunk: WebpChunk): boolean {
  const d = chunk.data;
  return chunk.size >= 10 && (bytes[d]! & 1) === 0 && bytes[d + 3] === 0x9d && bytes[d + 4] === 0x01 && bytes[d + 5] === 0x2a;
}

/** A lossless bitstream starts with the signature byte 0x2F. */
function validVp8l(bytes: Buffer, chunk: WebpChunk): boolean {
  return chunk.size >= 5 && bytes[chunk.data] === 0x2f;
}

/** VP8X flag bits (first payload byte). */
export const VP8X_FLAGS = { icc: 0x20, alpha: 0x10, exif: 0x08, xmp: 0x04, animation: 0x02 } as const;
