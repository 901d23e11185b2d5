/**
 * What a reporter may attach to a report, told by the bytes (never by the name or the
 * declared type, which the sender controls): photos (JPEG, PNG, WebP — their metadata,
 * GPS position and camera serial included, removed before sealing, as a whistleblower's
 * photo can name its taker), PDF, Office documents (OOXML, legacy OLE), plain UTF-8
 * text, and common audio/video recordings (MP4/M4A/MOV, MP3, WAV, AMR). Anything else is
 * refused, so an inspector never opens an executable or script that claims to be evidence.
 */
import { sniffMime, stripMetadata } from '../cases/case.exports.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Per request, and over a report's whole life. */
export const MAX_ATTACHMENTS_PER_REQUEST = 5;
export const MAX_ATTACHMENTS_PER_REPORT = 20;

export type AttachmentKind = { mime: string; bytes: Buffer } | { refused: 'supervision_attachment_type' | 'supervision_attachment_empty' };

const starts = (b: Buffer, at: number, ascii: string) => b.length >= at + ascii.length && b.toString('latin1', at, at + ascii.length) === ascii;
const startsBytes = (b: Buffer, bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);

/** Non-image types, in order; the first that matches names the file. */
const signatures: Array<[mime: string, test: (b: Buffer) => boolean]> = [
  ['application/pdf', (b) => starts(b, 0, '%PDF-')],
  // OOXML (docx, xlsx, pptx) and other zip containers: inspectors open them with office software.
  ['application/zip', (b) => startsBytes(b, [0x50, 0x4b, 0x03, 0x04])],
  ['application/x-ole-storage', (b) => startsBytes(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])], // .doc .xls
  ['video/mp4', (b) => starts(b, 4, 'ftyp')], // also .m4a and .mov
  ['audio/mpeg', (b) => starts(b, 0, 'ID3') || (b.length >= 2 && b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0)],
  ['audio/wav', (b) => starts(b, 0, 'RIFF') && starts(b, 8, 'WAVE')],
  ['audio/amr', (b) => starts(b, 0, '#!AMR')],
  ['text/plain', isPlainText],
];

/** UTF-8 without control characters other than tab and line breaks. */
function isPlainText(b: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  return !/(?![\t\n\r])\p{Cc}/u.test(text);
}

/** The attachment's type and the bytes to keep (a photo without its metadata), or why it is refused. */
export function attachmentKind(bytes: Buffer): AttachmentKind {
  if (bytes.length === 0) return { refused: 'supervision_attachment_empty' };
  const image = sniffMime(bytes);
  if (image && image !== 'truncated') {
    try {
      return { mime: image, bytes: stripMetadata(bytes, image) };
    } catch {
      return { refused: 'supervision_attachment_type' };
    }
  }
  const found = signatures.find(([, test]) => test(bytes));
  return found ? { mime: found[0], bytes } : { refused: 'supervision_attachment_type' };
}

/** The extensions a kind may carry; the first is added when the sender's name has none of them. */
const extensions: Record<string, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'application/zip': ['zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'],
  'application/x-ole-storage': ['doc', 'xls', 'ppt'],
  'video/mp4': ['mp4', 'm4a', 'mov', '3gp'],
  'audio/mpeg': ['mp3'],
  'audio/wav': ['wav'],
  'audio/amr': ['amr'],
  'text/plain': ['txt', 'csv', 'md'],
};

/**
 * The name saved on the inspector's computer ends as the bytes are: a text that says
 * `证据.html` is kept as `证据.html.txt`, so opening it never runs what it holds.
 */
export function nameForKind(name: string, mime: string): string {
  const allowed = extensions[mime] ?? [];
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  return allowed.includes(ext) || allowed.length === 0 ? name : `${name.slice(0, 195)}.${allowed[0]}`;
}

/** A file name as shown to inspectors: the last path segment, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last.replace(/\p{Cc}/gu, '').trim().slice(0, 200);
  return clean || '附件';
}
