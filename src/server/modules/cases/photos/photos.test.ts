/**
 * Photo intake: type sniffing, structural checks and metadata stripping, on tiny JPEG, PNG
 * and WebP files built byte by byte here (no binary fixtures, no image tools needed).
 */
import { crc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPhoto, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_CASE } from './photo-check.js';
import { exifOrientation, PhotoError, stripMetadata } from './strip-metadata.js';

// ---------------------------------------------------------------------------------------
// Fixture builders

const bytes = (...parts: (number[] | Buffer | string)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** 39°54'26.99" as three TIFF RATIONALs — the recognisable GPS bytes. */
function gpsLatitude(le: boolean): Buffer {
  const b = Buffer.alloc(24);
  [39, 1, 54, 1, 2699, 100].forEach((v, i) => (le ? b.writeUInt32LE(v, i * 4) : b.writeUInt32BE(v, i * 4)));
  return b;
}

/** A TIFF/Exif structure: IFD0 with Orientation and a GPS IFD pointer; GPS IFD with N 39°54'26.99". */
function tiff(orientation: number, le = true): Buffer {
  const b = Buffer.alloc(92);
  const u16 = (v: number, at: number) => (le ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at));
  const u32 = (v: number, at: number) => (le ? b.writeUInt32LE(v, at) : b.writeUInt32BE(v, at));
  b.write(le ? 'II' : 'MM', 0, 'latin1');
  u16(42, 2);
  u32(8, 4);
  // IFD0 at 8: two entries, next-IFD 0.
  u16(2, 8);
  u16(0x0112, 10);
  u16(3, 12);
  u32(1, 14);
  u16(orientation, 18);
  u16(0x8825, 22);
  u16(4, 24);
  u32(1, 26);
  u32(38, 30);
  u32(0, 34);
  // GPS IFD at 38: GPSLatitudeRef 'N', GPSLatitude → rationals at 68.
  u16(2, 38);
  u16(1, 40);
  u16(2, 42);
  u32(2, 44);
  b.write('N', 48, 'latin1');
  u16(2, 52);
  u16(5, 54);
  u32(3, 56);
  u32(68, 60);
  u32(0, 64);
  gpsLatitude(le).copy(b, 68);
  return b;
}

const XMP = '<x:xmpmeta><rdf:Description exif:GPSLatitude="39,54.4498N" exif:GPSLongitude="116,24.4440E"/></x:xmpmeta>';

// JPEG --------------------------------------------------------------------------------

function seg(marker: number, payload: Buffer | string | number[]): Buffer {
  const body = bytes(payload);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

const SOI = bytes([0xff, 0xd8]);
const EOI = bytes([0xff, 0xd9]);
const JFIF_WITH_THUMB = seg(0xe0, bytes('JFIF\0', [1, 2, 0, 0, 1, 0, 1, 1, 1], [0xab, 0xcd, 0xef]));
const ICC = seg(0xe2, bytes('ICC_PROFILE\0', [1, 1], 'fake-profile'));
const ADOBE = seg(0xee, bytes('Adobe', [0, 100, 0, 0, 0, 0, 1]));
const DQT = seg(0xdb, bytes([0], new Array<number>(64).fill(1)));
const sof = (marker = 0xc0) => seg(marker, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
const DHT = seg(0xc4, bytes([0x00, 1], new Array<number>(15).fill(0), [0]));
const SOS = seg(0xda, [1, 1, 0, 0, 0x3f, 0]);
/** Scan data with a stuffed FF 00 and a restart marker. */
const SCAN = bytes([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0x78]);
const SCAN2 = bytes([0x9a, 0xbc, 0xff, 0x00]);

function jpegWithMetadata(trailer = true): Buffer {
  return Buffer.concat([
    SOI,
    JFIF_WITH_THUMB,
    seg(0xe1, bytes('Exif\0\0', tiff(6))),
    seg(0xe1, bytes('http://ns.adobe.com/xap/1.0/\0', XMP)),
    seg(0xe2, bytes('MPF\0', 'multi-picture')),
    ICC,
    seg(0xed, bytes('Photoshop 3.0\0', '8BIM', 'IPTC City: Beijing')),
    seg(0xfe, 'shot at 39.9042N 116.4074E'),
    ADOBE,
    DQT,
    sof(),
    DHT,
    SOS,
    SCAN,
    EOI,
    trailer ? bytes('ftypmp42 motion photo with GPSLatitude') : Buffer.alloc(0), // after EOI
  ]);
}

const plainJpeg = () => Buffer.concat([SOI, DQT, sof(), DHT, SOS, SCAN, EOI]);

/** Offsets of the markers before the first scan. */
function jpegMarkers(b: Buffer): number[] {
  const markers: number[] = [];
  let pos = 2;
  markers.push(0xd8);
  while (pos < b.length) {
    const marker = b[pos + 1]!;
    markers.push(marker);
    if (marker === 0xda) break;
    pos += 2 + b.readUInt16BE(pos + 2);
  }
  return markers;
}

// PNG ---------------------------------------------------------------------------------

function chunk(type: string, data: Buffer | string): Buffer {
  const body = bytes(type, bytes(data));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length - 4);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const PNG_SIG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IHDR = chunk('IHDR', bytes([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])); // 1×1 RGB, 8 bit
const IDAT = chunk('IDAT', deflateSync(bytes([0, 0x20, 0x80, 0xc0]))); // filter 0 + one pixel
const IEND = chunk('IEND', '');

function pngWithMetadata(trailer = true): Buffer {
  return Buffer.concat([
    PNG_SIG,
    IHDR,
    chunk('gAMA', bytes([0, 0, 0xb1, 0x8f])),
    chunk('eXIf', tiff(3, false)),
    chunk('tEXt', 'Comment\0shot at 39.9042N 116.4074E'),
    chunk('zTXt', bytes('Raw profile type xmp\0', [0], deflateSync(XMP))),
    chunk('iTXt', bytes('XML:com.adobe.xmp\0', [0, 0], '\0\0', XMP)),
    chunk('tIME', bytes([0x07, 0xe9, 3, 14, 9, 30, 0])),
    chunk('caBX', 'c2pa manifest with GPSLatitude'),
    IDAT,
    IEND,
    trailer ? bytes('trailing GPSLatitude') : Buffer.alloc(0),
  ]);
}

const plainPng = () => Buffer.concat([PNG_SIG, IHDR, IDAT, IEND]);

function pngChunks(b: Buffer): { type: string; raw: Buffer }[] {
  const out: { type: string; raw: Buffer }[] = [];
  for (let pos = 8; pos < b.length; ) {
    const end = pos + 12 + b.readUInt32BE(pos);
    out.push({ type: b.toString('latin1', pos + 4, pos + 8), raw: b.subarray(pos, end) });
    pos = end;
  }
  return out;
}

// WebP --------------------------------------------------------------------------------

function riffChunk(fourcc: string, data: Buffer | string): Buffer {
  const body = bytes(data);
  const head = bytes(fourcc, [0, 0, 0, 0]);
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, body.length % 2 ? bytes([0]) : Buffer.alloc(0)]);
}

function riff(...chunks: Buffer[]): Buffer {
  const out = Buffer.concat([bytes('RIFF', [0, 0, 0, 0], 'WEBP'), ...chunks]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

/** A VP8 key frame header (1×1) and a few bytes of partition data; odd length, so padded. */
const VP8 = riffChunk('VP8 ', bytes([0x50, 0x01, 0x00, 0x9d, 0x01, 0x2a, 1, 0, 1, 0, 0x11, 0x22, 0x33]));
const VP8L = riffChunk('VP8L', bytes([0x2f, 0, 0, 0, 0x10, 0x07]));
const vp8x = (flags: number) => riffChunk('VP8X', bytes([flags, 0, 0, 0], [0, 0, 0], [0, 0, 0])); // canvas 1×1

const webpWithMetadata = () =>
  riff(vp8x(0x08 | 0x04 | 0x20), riffChunk('ICCP', 'fake-profile'), VP8, riffChunk('EXIF', bytes('Exif\0\0', tiff(8))), riffChunk('XMP ', XMP), riffChunk('ZZZZ', 'vendor GPSLatitude'));

function webpChunks(b: Buffer): { fourcc: string; raw: Buffer }[] {
  const out: { fourcc: string; raw: Buffer }[] = [];
  for (let pos = 12; pos < b.length; ) {
    const size = b.readUInt32LE(pos + 4);
    const end = pos + 8 + size + (size % 2);
    out.push({ fourcc: b.toString('latin1', pos, pos + 4), raw: b.subarray(pos, end) });
    pos = end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------

const GPS_MARKS = [gpsLatitude(true), gpsLatitude(false), Buffer.from('GPSLatitude'), Buffer.from('39.9042N'), Buffer.from('Exif')];

function expectNoLocation(b: Buffer): void {
  for (const mark of GPS_MARKS) expect(b.indexOf(mark), `still contains ${JSON.stringify(mark.toString('latin1'))}`).toBe(-1);
}

const fixtures = { 'image/jpeg': jpegWithMetadata, 'image/png': pngWithMetadata, 'image/webp': webpWithMetadata } as const;

describe('checkPhoto', () => {
  it('exports the limits', () => {
    expect(MAX_PHOTO_BYTES).toBe(8 * 1024 * 1024);
    expect(MAX_PHOTOS_PER_CASE).toBe(9);
  });

  it('accepts JPEG, PNG and WebP (simple lossy, simple lossless, extended)', () => {
    expect(checkPhoto(jpegWithMetadata())).toEqual({ ok: true, mime: 'image/jpeg' });
    expect(checkPhoto(plainJpeg())).toEqual({ ok: true, mime: 'image/jpeg' });
    expect(checkPhoto(pngWithMetadata())).toEqual({ ok: true, mime: 'image/png' });
    expect(checkPhoto(riff(VP8))).toEqual({ ok: true, mime: 'image/webp' });
    expect(checkPhoto(riff(VP8L))).toEqual({ ok: true, mime: 'image/webp' });
    expect(checkPhoto(webpWithMetadata())).toEqual({ ok: true, mime: 'image/webp' });
  });

  it('detects the type from the bytes, whatever was declared', () => {
    expect(checkPhoto(plainPng(), 'image/jpeg')).toEqual({ ok: true, mime: 'image/png' }); // a PNG named photo.jpg
    expect(checkPhoto(plainJpeg(), 'image/png')).toEqual({ ok: true, mime: 'image/jpeg' });
    expect(checkPhoto(riff(VP8), 'application/octet-stream')).toEqual({ ok: true, mime: 'image/webp' });
  });

  it('refuses other types even when declared as an accepted one', () => {
    const refused = {
      gif: bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0], ',', new Array<number>(9).fill(0), ';'),
      svg: bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      xmlSvg: bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      heic: bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'),
      bmp: bytes('BM', new Array<number>(60).fill(0)),
      tiff: tiff(1),
      pdf: bytes('%PDF-1.7\n'),
      riffWave: bytes('RIFF', [4, 0, 0, 0], 'WAVE'),
      html: bytes('<html><body>hi</body></html>'),
      utf8Bom: bytes([0xef, 0xbb, 0xbf], '<svg/>'),
    };
    for (const [name, b] of Object.entries(refused)) {
      expect(checkPhoto(b, 'image/jpeg'), name).toEqual({ ok: false, code: 'photo_type_not_allowed' });
    }
  });

  it('refuses empty and oversize files; the limit itself is accepted', () => {
    expect(checkPhoto(Buffer.alloc(0), 'image/jpeg')).toEqual({ ok: false, code: 'photo_empty' });
    const atLimit = Buffer.alloc(MAX_PHOTO_BYTES);
    plainJpeg().copy(atLimit); // valid JPEG followed by zeros after EOI
    expect(checkPhoto(atLimit)).toEqual({ ok: true, mime: 'image/jpeg' });
    const over = Buffer.alloc(MAX_PHOTO_BYTES + 1);
    plainJpeg().copy(over);
    expect(checkPhoto(over)).toEqual({ ok: false, code: 'photo_too_large' });
  });

  it('refuses every truncation of every fixture', () => {
    for (const full of [jpegWithMetadata(false), pngWithMetadata(false), webpWithMetadata(), riff(VP8), riff(VP8L)]) {
      expect(checkPhoto(full).ok).toBe(true);
      for (let n = 1; n < full.length; n++) {
        expect(checkPhoto(full.subarray(0, n)).ok, `${full.subarray(0, 4).toString('hex')} cut at ${n}`).toBe(false);
      }
    }
    expect(checkPhoto(bytes([0xff, 0xd8]))).toEqual({ ok: false, code: 'photo_corrupt' });
    expect(checkPhoto(bytes([0x89, 0x50, 0x4e]))).toEqual({ ok: false, code: 'photo_corrupt' });
    expect(checkPhoto(bytes('RIFF', [0, 0]))).toEqual({ ok: false, code: 'photo_corrupt' });
  });

  it('refuses a JPEG without EOI, without a frame header, or with garbage between segments', () => {
    const noEoi = Buffer.concat([SOI, DQT, sof(), DHT, SOS, SCAN]);
    expect(checkPhoto(noEoi)).toEqual({ ok: false, code: 'photo_corrupt' });
    expect(checkPhoto(Buffer.concat([SOI, DQT, DHT, SOS, SCAN, EOI]))).toEqual({ ok: false, code: 'photo_corrupt' });
    expect(checkPhoto(Buffer.concat([SOI, DQT, bytes([0x00, 0x11]), sof(), DHT, SOS, SCAN, EOI]))).toEqual({ ok: false, code: 'photo_corrupt' });
    const hugeLength = Buffer.concat([SOI, bytes([0xff, 0xe1, 0xff, 0xff], 'Exif')]);
    expect(checkPhoto(hugeLength)).toEqual({ ok: false, code: 'photo_corrupt' });
    expect(checkPhoto(Buffer.concat([SOI, EOI]))).toEqual({ ok: false, code: 'photo_corrupt' });
  });

  it('refuses a PNG whose first chunk is not IHDR, without IDAT, or with an unknown critical chunk', () => {
    expect(checkPhoto(Buffer.concat([PNG_SIG, chunk('tEXt', 'a\0b'), IHDR, IDAT, IEND]))).toEqual({ ok: false, code: 'photo_corrupt' });
    expect(checkPhoto(Buffer.concat([PNG_SIG, IHDR, IEND]))).toEqual({ ok: false, code: 'photo_corrupt' });
    expect(checkPhoto(Buffer.concat([PNG_SIG, IHDR, chunk('ABCD', 'x'), IDAT, IEND]))).toEqual({ ok: false, code: 'photo_corrupt' });
    const badIhdr = chunk('IHDR', bytes([0, 0, 0, 0, 0, 0, 0, 1, 8, 2, 0, 0, 0])); // width 0
    expect(checkPhoto(Buffer.concat([PNG_SIG, badIhdr, IDAT, IEND]))).toEqual({ ok: false, code: 'photo_corrupt' });
    const garbage = Buffer.concat([PNG_SIG, IHDR, bytes('garbage garbage garbage')]);
    expect(checkPhoto(garbage)).toEqual({ ok: false, code: 'photo_corrupt' });
  });

  it('refuses a WebP whose RIFF size disagrees with its chunks', () => {
    const good = riff(VP8);
    const tooBig = Buffer.from(good);
    tooBig.writeUInt32LE(good.length, 4); // claims 8 more bytes than there are
    expect(checkPhoto(tooBig)).toEqual({ ok: false, code: 'photo_corrupt' });
    const tooSmall = Buffer.from(good);
    tooSmall.writeUInt32LE(good.length - 8 - 2, 4); // ends inside the VP8 chunk
    expect(checkPhoto(tooSmall)).toEqual({ ok: false, code: 'photo_corrupt' });
    expect(checkPhoto(riff(riffChunk('EXIF', tiff(1))))).toEqual({ ok: false, code: 'photo_corrupt' }); // no image chunk
    expect(checkPhoto(riff(vp8x(0x08), riffChunk('EXIF', tiff(1))))).toEqual({ ok: false, code: 'photo_corrupt' }); // VP8X without image
    const notKeyFrame = riff(riffChunk('VP8 ', bytes([0x51, 0x01, 0x00, 0x9d, 0x01, 0x2a, 1, 0, 1, 0])));
    expect(checkPhoto(notKeyFrame)).toEqual({ ok: false, code: 'photo_corrupt' });
  });
});

describe('stripMetadata', () => {
  it('JPEG: drops Exif/GPS, XMP, IPTC, COM, MPF and the trailer; keeps JFIF (no thumbnail), ICC, Adobe, tables and scan data', () => {
    const input = jpegWithMetadata();
    const before = Buffer.from(input);
    const out = stripMetadata(input, 'image/jpeg');

    expect(input.equals(before)).toBe(true); // input untouched
    expectNoLocation(out);
    expect(out.indexOf('Beijing')).toBe(-1);
    expect(out.indexOf('motion photo')).toBe(-1);
    expect(jpegMarkers(out)).toEqual([0xd8, 0xe0, 0xe2, 0xee, 0xdb, 0xc0, 0xc4, 0xda]);
    expect(out.subarray(2, 20)).toEqual(bytes([0xff, 0xe0, 0, 16], 'JFIF\0', [1, 2, 0, 0, 1, 0, 1, 0, 0]));
    expect(out.indexOf(ICC)).toBeGreaterThan(0);
    expect(out.indexOf(ADOBE)).toBeGreaterThan(0);
    // Everything from SOS through EOI is byte-identical.
    const scanPart = Buffer.concat([SOS, SCAN, EOI]);
    expect(out.subarray(out.length - scanPart.length)).toEqual(scanPart);
    expect(checkPhoto(out)).toEqual({ ok: true, mime: 'image/jpeg' });
  });

  it('JPEG: walks progressive scans and drops metadata between them', () => {
    const input = Buffer.concat([SOI, DQT, sof(0xc2), DHT, SOS, SCAN, DHT, seg(0xfe, 'GPSLatitude 39.9042N'), SOS, SCAN2, EOI]);
    expect(checkPhoto(input)).toEqual({ ok: true, mime: 'image/jpeg' });
    const out = stripMetadata(input, 'image/jpeg');
    expectNoLocation(out);
    expect(out).toEqual(Buffer.concat([SOI, DQT, sof(0xc2), DHT, SOS, SCAN, DHT, SOS, SCAN2, EOI]));
  });

  it('JPEG: removes fill bytes before markers but never touches a plain file otherwise', () => {
    expect(stripMetadata(plainJpeg(), 'image/jpeg')).toEqual(plainJpeg());
    const filled = Buffer.concat([SOI, bytes([0xff, 0xff]), DQT, sof(), DHT, SOS, SCAN, EOI]);
    expect(checkPhoto(filled).ok).toBe(true);
    expect(stripMetadata(filled, 'image/jpeg')).toEqual(plainJpeg());
  });

  it('PNG: drops eXIf, tEXt, zTXt, iTXt, tIME, unknown ancillary chunks and the trailer; IDAT identical', () => {
    const input = pngWithMetadata();
    const out = stripMetadata(input, 'image/png');
    expectNoLocation(out);
    expect(pngChunks(out).map((c) => c.type)).toEqual(['IHDR', 'gAMA', 'IDAT', 'IEND']);
    expect(pngChunks(out).find((c) => c.type === 'IDAT')!.raw).toEqual(IDAT);
    expect(out.subarray(0, 8)).toEqual(PNG_SIG);
    expect(checkPhoto(out)).toEqual({ ok: true, mime: 'image/png' });
    expect(stripMetadata(plainPng(), 'image/png')).toEqual(plainPng());
  });

  it('WebP: drops EXIF, XMP and unknown chunks, clears their VP8X flags, fixes the RIFF size; VP8 identical', () => {
    const input = webpWithMetadata();
    const out = stripMetadata(input, 'image/webp');
    expectNoLocation(out);
    expect(out.indexOf('vendor')).toBe(-1);
    const chunks = webpChunks(out);
    expect(chunks.map((c) => c.fourcc)).toEqual(['VP8X', 'ICCP', 'VP8 ']);
    expect(chunks[0]!.raw[8]).toBe(0x20); // ICC flag kept, EXIF (0x08) and XMP (0x04) cleared
    expect(chunks[2]!.raw).toEqual(VP8);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    expect(checkPhoto(out)).toEqual({ ok: true, mime: 'image/webp' });
    expect(input.readUInt32LE(4)).toBe(input.length - 8); // input untouched
    expect(webpChunks(input)[0]!.raw[8]).toBe(0x2c);
  });

  it('WebP: a simple file is unchanged except for bytes after the RIFF end', () => {
    expect(stripMetadata(riff(VP8L), 'image/webp')).toEqual(riff(VP8L));
    expect(stripMetadata(Buffer.concat([riff(VP8), bytes('GPSLatitude')]), 'image/webp')).toEqual(riff(VP8));
  });

  it('is idempotent', () => {
    for (const [mime, make] of Object.entries(fixtures)) {
      const once = stripMetadata(make(), mime as keyof typeof fixtures);
      expect(stripMetadata(once, mime as keyof typeof fixtures)).toEqual(once);
    }
  });

  it('throws a PhotoError for the wrong type or a broken file', () => {
    const thrown = (fn: () => unknown): unknown => {
      try {
        fn();
      } catch (err) {
        return err;
      }
      return undefined;
    };
    const wrongType = thrown(() => stripMetadata(plainPng(), 'image/jpeg'));
    expect(wrongType).toBeInstanceOf(PhotoError);
    expect((wrongType as PhotoError).code).toBe('photo_type_not_allowed');
    const truncated = thrown(() => stripMetadata(plainJpeg().subarray(0, 30), 'image/jpeg'));
    expect(truncated).toBeInstanceOf(PhotoError);
    expect((truncated as PhotoError).code).toBe('photo_corrupt');
    expect((thrown(() => stripMetadata(Buffer.alloc(0), 'image/webp')) as PhotoError).code).toBe('photo_type_not_allowed');
  });
});

describe('exifOrientation', () => {
  it('reads the orientation from JPEG, PNG (big-endian TIFF) and WebP, and none after stripping', () => {
    expect(exifOrientation(jpegWithMetadata())).toBe(6);
    expect(exifOrientation(pngWithMetadata())).toBe(3);
    expect(exifOrientation(webpWithMetadata())).toBe(8);
    for (const [mime, make] of Object.entries(fixtures)) {
      expect(exifOrientation(stripMetadata(make(), mime as keyof typeof fixtures)), mime).toBeNull();
    }
  });

  it('returns null for no Exif, an out-of-range value or a broken Exif block', () => {
    expect(exifOrientation(plainJpeg())).toBeNull();
    expect(exifOrientation(Buffer.alloc(0))).toBeNull();
    const withExif = (t: Buffer) => Buffer.concat([SOI, seg(0xe1, bytes('Exif\0\0', t)), DQT, sof(), DHT, SOS, SCAN, EOI]);
    expect(exifOrientation(withExif(tiff(9)))).toBeNull();
    const badOffset = tiff(6);
    badOffset.writeUInt32LE(0xfffffff0, 4);
    expect(exifOrientation(withExif(badOffset))).toBeNull();
    expect(exifOrientation(withExif(tiff(6).subarray(0, 20)))).toBeNull(); // entry cut short
  });
});

describe('hostile input', () => {
  const anyFixture = fc.constantFrom(jpegWithMetadata(), pngWithMetadata(), webpWithMetadata(), plainJpeg(), plainPng(), riff(VP8L));
  /** A fixture with a few bytes overwritten, cut, or both. */
  const mutated = fc
    .tuple(anyFixture, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.option(fc.nat()))
    .map(([base, edits, cut]) => {
      const b = Buffer.from(base);
      for (const [at, v] of edits) b[at % b.length] = v;
      return cut === null ? b : b.subarray(0, cut % (b.length + 1));
    });
  const input = fc.oneof(mutated, fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)));

  it('never throws except PhotoError; whatever passes the check strips to a file that passes it too', () => {
    fc.assert(
      fc.property(input, (b) => {
        expect(() => exifOrientation(b)).not.toThrow();
        const check = checkPhoto(b);
        if (!check.ok) {
          for (const mime of ['image/jpeg', 'image/png', 'image/webp'] as const) {
            try {
              stripMetadata(b, mime);
            } catch (err) {
              expect(err).toBeInstanceOf(PhotoError);
            }
          }
          return;
        }
        const out = stripMetadata(b, check.mime);
        expect(checkPhoto(out)).toEqual(check);
        expect(stripMetadata(out, check.mime)).toEqual(out);
        expect(exifOrientation(out)).toBeNull();
      }),
      { numRuns: 400 },
    );
  });
});
