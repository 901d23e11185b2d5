/**
 * Removes location and other metadata from a case photo before the public sees it
 * (issue #3 point 1). Pure and dependency-free: it rewrites the container (segments,
 * chunks) and copies the compressed image data byte for byte — pixels are never decoded
 * or re-encoded, so there is no quality loss and no native library.
 *
 * Error contract: `stripMetadata` never throws anything but a {@link PhotoError}, whose
 * `code` is one of the upload refusal codes (`photo_corrupt`, `photo_type_not_allowed`),
 * so a caller maps it to a 400 exactly like a failed `checkPhoto`. In practice it only
 * throws for bytes that `checkPhoto` would refuse — call `checkPhoto` first.
 *
 * Orientation: dropping Exif drops the orientation tag too, so a phone photo taken
 * sideways may then display rotated. Read it first with {@link exifOrientation}, store it
 * with the photo, and let the client rotate (CSS `transform`, or re-add it when serving).
 *
 * What is kept — an allow-list, so unknown or vendor metadata goes too:
 *  - JPEG: SOI, frame/table segments (SOFn, DHT, DQT, DRI, DAC, DNL, DHP, EXP), APP0 JFIF
 *    (its optional embedded thumbnail removed: a thumbnail may show the uncropped
 *    original), APP2 ICC_PROFILE, APP14 Adobe (colour transform), every scan untouched,
 *    EOI. Dropped: APP1 (Exif with GPS, XMP), APP13 (IPTC/Photoshop), COM, every other
 *    APPn (MPF, FlashPix, JFXX, maker data), JPGn, and any bytes after EOI (phones
 *    append motion-photo videos and vendor trailers there, which can carry location).
 *  - PNG: critical chunks and the ancillary chunks that affect rendering (tRNS, cHRM,
 *    gAMA, iCCP, sBIT, sRGB, cICP, mDCV, cLLI, bKGD, hIST, pHYs, sPLT, APNG's acTL/fcTL/
 *    fdAT). Dropped: eXIf, tEXt, zTXt, iTXt, tIME and every other ancillary chunk
 *    (decoders ignore unknown ancillary chunks by definition, e.g. C2PA `caBX`), plus
 *    bytes after IEND.
 *  - WebP: VP8X (EXIF and XMP flags cleared), ICCP, ANIM, ANMF, ALPH, VP8, VP8L. Dropped:
 *    EXIF, XMP and unknown chunks, plus bytes after the RIFF end; the RIFF size is rewritten.
 */
import {
  ascii,
  isSof,
  parseJpeg,
  parsePng,
  parseWebp,
  sniffMime,
  VP8X_FLAGS,
  type JpegSegment,
  type PhotoMime,
} from './photo-format.js';

/** A photo that cannot be processed; `code` is an upload refusal code. */
export class PhotoError extends Error {
  constructor(readonly code: 'photo_corrupt' | 'photo_type_not_allowed') {
    super(code);
    this.name = 'PhotoError';
  }
}

/**
 * A copy of `bytes` without location and other metadata (see the file comment for exactly
 * what is kept). `mime` is the type `checkPhoto` detected; bytes of another type throw
 * `PhotoError('photo_type_not_allowed')`, broken structure `PhotoError('photo_corrupt')`.
 * The input buffer is never modified.
 */
export function stripMetadata(bytes: Buffer, mime: PhotoMime): Buffer {
  if (sniffMime(bytes) !== mime) {
    throw new PhotoError(sniffMime(bytes) === 'truncated' ? 'photo_corrupt' : 'photo_type_not_allowed');
  }
  let out: Buffer | null;
  try {
    out = mime === 'image/jpeg' ? stripJpeg(bytes) : mime === 'image/png' ? stripPng(bytes) : stripWebp(bytes);
  } catch {
    // The parsers are bounds-checked; this only guards against a bug turning hostile input into a 500.
    out = null;
  }
  if (!out) throw new PhotoError('photo_corrupt');
  return out;
}

// ---------------------------------------------------------------------------------------
// JPEG

/** Markers copied as they are: frame headers and the tables and scan headers decoding needs. */
function keepJpegMarker(marker: number): boolean {
  if (isSof(marker)) return true;
  // SOI, EOI, SOS, TEM, RST0–7, DHT, DAC, DQT, DNL, DRI, DHP, EXP.
  return (
    marker === 0xd8 ||
    marker === 0xd9 ||
    marker === 0xda ||
    marker === 0x01 ||
    (marker >= 0xd0 && marker <= 0xd7) ||
    marker === 0xc4 ||
    marker === 0xcc ||
    (marker >= 0xdb && marker <= 0xdf)
  );
}

/** The JFIF APP0 segment without its thumbnail, or `null` when it is not a valid JFIF header. */
function jfifWithoutThumbnail(bytes: Buffer, seg: JpegSegment): Buffer | null {
  // 'JFIF\0', version (2), units (1), X/Y density (2 + 2), thumbnail width and height (1 + 1).
  if (seg.end - seg.payload < 14 || ascii(bytes, seg.payload, 5) !== 'JFIF\0') return null;
  const out = Buffer.alloc(18);
  out.writeUInt16BE(0xffe0, 0);
  out.writeUInt16BE(16, 2);
  bytes.copy(out, 4, seg.payload, seg.payload + 12);
  return out; // thumbnail size left at 0 × 0
}

function stripJpeg(bytes: Buffer): Buffer | null {
  const jpeg = parseJpeg(bytes);
  if (!jpeg) return null;
  const pieces: Buffer[] = [];
  for (const part of jpeg.parts) {
    if (part.kind === 'scan') {
      pieces.push(bytes.subarray(part.start, part.end));
      continue;
    }
    const { marker } = part;
    if (marker === 0xe0) {
      const jfif = jfifWithoutThumbnail(bytes, part);
      if (jfif) pieces.push(jfif);
    } else if (
      (marker === 0xe2 && ascii(bytes, part.payload, 12) === 'ICC_PROFILE\0') ||
      (marker === 0xee && ascii(bytes, part.payload, 5) === 'Adobe') ||
      keepJpegMarker(marker)
    ) {
      pieces.push(bytes.subarray(part.start, part.end));
    }
  }
  return Buffer.concat(pieces);
}

// ---------------------------------------------------------------------------------------
// PNG

const PNG_KEEP = new Set([
  'IHDR', 'PLTE', 'IDAT', 'IEND',
  'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'mDCV', 'cLLI', 'bKGD', 'hIST', 'pHYs', 'sPLT',
  'acTL', 'fcTL', 'fdAT',
]);

function stripPng(bytes: Buffer): Buffer | null {
  const png = parsePng(bytes);
  if (!png) return null;
  const pieces: Buffer[] = [bytes.subarray(0, 8)];
  for (const chunk of png.chunks) {
    if (PNG_KEEP.has(chunk.type)) pieces.push(bytes.subarray(chunk.start, chunk.end));
  }
  return Buffer.concat(pieces);
}

// ---------------------------------------------------------------------------------------
// WebP

const WEBP_KEEP = new Set(['VP8X', 'ICCP', 'ANIM', 'ANMF', 'ALPH', 'VP8 ', 'VP8L']);

function stripWebp(bytes: Buffer): Buffer | null {
  const webp = parseWebp(bytes);
  if (!webp) return null;
  const pieces: Buffer[] = [Buffer.from('RIFF\0\0\0\0WEBP', 'latin1')];
  for (const chunk of webp.chunks) {
    if (!WEBP_KEEP.has(chunk.fourcc)) continue;
    if (chunk.fourcc === 'VP8X') {
      const vp8x = Buffer.from(bytes.subarray(chunk.start, chunk.end)); // a copy: the input is never modified
      vp8x[8] = vp8x[8]! & ~(VP8X_FLAGS.exif | VP8X_FLAGS.xmp);
      pieces.push(vp8x);
    } else {
      pieces.push(bytes.subarray(chunk.start, chunk.end));
    }
  }
  const out = Buffer.concat(pieces);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

// ---------------------------------------------------------------------------------------
// Orientation

/**
 * The Exif orientation (1–8) of a JPEG, PNG (eXIf) or WebP (EXIF chunk), or `null` when
 * there is none or the Exif block is malformed. Read it before `stripMetadata`, which
 * removes it: 1 = upright, 3 = 180°, 6 = needs 90° clockwise, 8 = needs 90° counter-
 * clockwise; 2, 4, 5, 7 are the mirrored variants. Never throws.
 */
export function exifOrientation(bytes: Buffer): number | null {
  try {
    const block = exifBlock(bytes);
    return block ? tiffOrientation(bytes, block.start, block.end) : null;
  } catch {
    return null;
  }
}

/** Where the TIFF structure of the first Exif block lies in `bytes`. */
function exifBlock(bytes: Buffer): { start: number; end: number } | null {
  const mime = sniffMime(bytes);
  if (mime === 'image/jpeg') {
    const jpeg = parseJpeg(bytes);
    for (const part of jpeg?.parts ?? []) {
      if (part.kind === 'scan') break; // Exif belongs before the first scan
      if (part.marker === 0xe1 && ascii(bytes, part.payload, 6) === 'Exif\0\0') return { start: part.payload + 6, end: part.end };
    }
    return null;
  }
  let found: { start: number; end: number } | undefined;
  if (mime === 'image/png') {
    const chunk = parsePng(bytes)?.chunks.find((c) => c.type === 'eXIf');
    if (chunk) found = { start: chunk.data, end: chunk.data + chunk.length };
  } else if (mime === 'image/webp') {
    const chunk = parseWebp(bytes)?.chunks.find((c) => c.fourcc === 'EXIF');
    if (chunk) found = { start: chunk.data, end: chunk.data + chunk.size };
  }
  if (!found) return null;
  // Some writers keep the JPEG-style 'Exif\0\0' prefix in PNG and WebP too.
  if (ascii(bytes, found.start, 6) === 'Exif\0\0') found.start += 6;
  return found;
}

const ORIENTATION_TAG = 0x0112;
const TYPE_SHORT = 3;

/** Tag 0x0112 of IFD0 in the TIFF structure at `[start, end)`. */
function tiffOrientation(bytes: Buffer, start: number, end: number): number | null {
  if (end > bytes.length || end - start < 8) return null;
  const order = ascii(bytes, start, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (at: number): number => (le ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number): number => (le ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  if (u16(start + 2) !== 42) return null;
  const ifd = start + u32(start + 4);
  if (ifd + 2 > end) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return null;
    if (u16(entry) !== ORIENTATION_TAG) continue;
    if (u16(entry + 2) !== TYPE_SHORT || u32(entry + 4) !== 1) return null;
    const value = u16(entry + 8);
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}
