/**
 * Upload check for a resident's case photo (issue #3 point 1): the type comes from the
 * bytes alone, the size is capped, and the container structure is walked so that
 * truncated uploads and garbage are refused before anything is stored. Pure; never throws.
 *
 * Accepted: JPEG, PNG, WebP. Refused: everything else — HEIC/HEIF, GIF, SVG (script in
 * an image), BMP, TIFF, PDF, … Clients are expected to convert HEIC to JPEG before upload.
 * Animated PNG/WebP pass (they are valid PNG/WebP files).
 */
import { parseJpeg, parsePng, parseWebp, sniffMime, type PhotoMime } from './photo-format.js';

export type { PhotoMime } from './photo-format.js';

/** Largest accepted photo: 8 MiB. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

/** Most photos one case may carry. */
export const MAX_PHOTOS_PER_CASE = 9;

/** Why a photo is refused (message codes in the catalogue). */
export type PhotoRefusal = 'photo_type_not_allowed' | 'photo_too_large' | 'photo_empty' | 'photo_corrupt';

export type PhotoCheck = { ok: true; mime: PhotoMime } | { ok: false; code: PhotoRefusal };

/**
 * Checks an uploaded photo, in this order: empty → `photo_empty`; over
 * {@link MAX_PHOTO_BYTES} → `photo_too_large`; not JPEG/PNG/WebP by its magic bytes →
 * `photo_type_not_allowed`; a recognised type whose structure is broken or truncated
 * (including a file too short to hold its own signature) → `photo_corrupt`.
 *
 * JPEG: the segment walk must reach SOS after a frame header, and the scan data must end
 * in EOI. PNG: IHDR first and valid, IDAT present, IEND reached (CRCs not verified). WebP:
 * RIFF size within the file, chunks tiling it exactly, a VP8/VP8L/VP8X first chunk and image
 * data. Bytes after the end of the image (EOI, IEND, RIFF end) are tolerated here and
 * removed by `stripMetadata`.
 *
 * @param _declaredMime the client's Content-Type / file-name guess. Deliberately ignored:
 *   the returned `mime` is what the bytes are, whatever was declared (a PNG named .jpg is a PNG).
 */
export function checkPhoto(bytes: Buffer, _declaredMime?: string): PhotoCheck {
  if (bytes.length === 0) return { ok: false, code: 'photo_empty' };
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, code: 'photo_too_large' };
  const mime = sniffMime(bytes);
  if (mime === null) return { ok: false, code: 'photo_type_not_allowed' };
  if (mime === 'truncated' || !isWellFormed(bytes, mime)) return { ok: false, code: 'photo_corrupt' };
  return { ok: true, mime };
}

/** Whether the container structure of `bytes` is complete and consistent for `mime`. */
export function isWellFormed(bytes: Buffer, mime: PhotoMime): boolean {
  switch (mime) {
    case 'image/jpeg':
      return parseJpeg(bytes) !== null;
    case 'image/png':
      return parsePng(bytes) !== null;
    case 'image/webp':
      return parseWebp(bytes) !== null;
  }
}
