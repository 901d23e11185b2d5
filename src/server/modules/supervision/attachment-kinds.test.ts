/**
 * The parsers of what a reporter sends (issue #5 point 9), under property-based tests: telling
 * a file's kind by its bytes, cleaning its name, and reading a multipart form into the report's
 * shape — total on any input, never letting through what they must not.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attachmentKind, cleanFileName, nameForKind } from './attachment-kinds.js';
import { reportBodyOf } from './report-form.js';
import { ReportBody } from './supervision.schema.js';

const accepted = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'application/zip', 'application/x-ole-storage', 'video/mp4', 'audio/mpeg', 'audio/wav', 'audio/amr', 'text/plain'];

describe('attachment kinds', () => {
  it('answer a kind or a refusal for any bytes, never throwing; a kind is one of those accepted', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (raw) => {
        const kind = attachmentKind(Buffer.from(raw));
        if ('refused' in kind) expect(['supervision_attachment_type', 'supervision_attachment_empty']).toContain(kind.refused);
        else expect(accepted).toContain(kind.mime);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse executables and binary files of unknown kinds whatever follows their signature', () => {
    const heads = ['MZ', '\u007fELF', 'GIF89a', '\u00ca\u00fe\u00ba\u00be', '<svg '];
    fc.assert(
      fc.property(fc.constantFrom(...heads), fc.uint8Array({ minLength: 1, maxLength: 512 }), (head, tail) => {
        const bytes = Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(tail), Buffer.from([0])]);
        expect(attachmentKind(bytes)).toEqual({ refused: 'supervision_attachment_type' });
      }),
    );
  });

  it('take plain UTF-8 text, and nothing with a NUL or invalid UTF-8 as text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (text) => {
        fc.pre(!/(?![\t\n\r])\p{Cc}/u.test(text) && !/^(%PDF-|PK|ID3|RIFF|#!AMR)/.test(text) && !/^.{4}ftyp/su.test(text) && !text.startsWith('\u00ff'));
        const kind = attachmentKind(Buffer.from(text, 'utf8'));
        expect('mime' in kind && kind.mime).toBe('text/plain');
      }),
    );
    expect(attachmentKind(Buffer.from([0x61, 0x00, 0x62]))).toEqual({ refused: 'supervision_attachment_type' });
    expect(attachmentKind(Buffer.from([0x61, 0xc3, 0x28]))).toEqual({ refused: 'supervision_attachment_type' });
  });
});

describe('file names', () => {
  it('end as their kind: a script sent as text is saved as text', () => {
    expect(nameForKind('证据.html', 'text/plain')).toBe('证据.html.txt');
    expect(nameForKind('run.sh', 'text/plain')).toBe('run.sh.txt');
    expect(nameForKind('合同.docx', 'application/zip')).toBe('合同.docx');
    expect(nameForKind('照片', 'image/jpeg')).toBe('照片.jpg');
    expect(nameForKind('scan.PDF', 'application/pdf')).toBe('scan.PDF');
    fc.assert(
      fc.property(fc.string({ maxLength: 220 }), fc.constantFrom(...accepted), (name, mime) => {
        const named = nameForKind(cleanFileName(name), mime);
        expect(named.length).toBeLessThanOrEqual(200);
        expect(named.toLowerCase()).toMatch(/\.[a-z0-9]+$/);
      }),
    );
  });

  it('become the last path segment, without control characters, at most 200 characters, never empty', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 400 }), { nil: undefined }), (name) => {
        const clean = cleanFileName(name);
        expect(clean.length).toBeGreaterThan(0);
        expect(clean.length).toBeLessThanOrEqual(200);
        expect(clean).not.toMatch(/[\\/]|\p{Cc}/u);
      }),
    );
    expect(cleanFileName('C:\\Users\\李\\证据.pdf')).toBe('证据.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });
});

describe('a report read from form fields', () => {
  it('is validated like JSON: any fields give a parse result, never an exception', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('anonymous', 'accused', 'content', 'nodeId', 'accusedPersonId', 'reporter.name', 'reporter.phone', 'place', 'happenedAt', 'x'), fc.string({ maxLength: 50 })), (fields) => {
        const parsed = ReportBody.safeParse(reportBodyOf(fields));
        if (parsed.success) {
          expect(typeof parsed.data.anonymous).toBe('boolean');
          expect(parsed.data.anonymous || parsed.data.reporter !== undefined).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a well-formed form into the same report as its JSON', () => {
    const json = { anonymous: false, accused: '某街道干部', content: '收受好处费两万元，有转账记录。', nodeId: 12, reporter: { name: '王五', phone: '13800000000' } };
    const fields = { anonymous: 'false', accused: json.accused, content: json.content, nodeId: '12', 'reporter.name': '王五', 'reporter.phone': '13800000000' };
    expect(ReportBody.parse(reportBodyOf(fields))).toEqual(ReportBody.parse(json));
  });
});
