/**
 * Attachments of 监督举报 (issue #5 points 1, 3, 10) through HTTP on a real database: a report
 * filed as multipart with files; names, types and contents sealed (the raw table holds none
 * of them); a photo's metadata removed before sealing; the competent inspector opens each
 * (audited), nobody else can; the reporter sees the list with the receipt and adds material
 * with files; a file of a type not accepted, too large or too many is refused whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { queryRows } from '../../platform/db/database.js';
import { people } from '../org/org.tables.js';

let t: TestApp;
let c: Record<'inspector' | 'accused' | 'custodian' | 'admin', Client>;
let community: { id: number };
let accusedPersonId: number;

beforeAll(async () => {
  t = await buildTestApp();
  const district = await makeNode(t.db, { level: 'district' });
  const street = await makeNode(t.db, { level: 'street', parent: district });
  community = await makeNode(t.db, { level: 'community', parent: street });
  const sfx = district.id;
  const u = (name: string, role: 'discipline_inspector' | 'custodian' | 'admin', nodeId: number) => makeUser(t.db, { username: `${name}${sfx}`, roles: [{ role, nodeId }] });
  await u('custodian', 'custodian', district.id);
  await u('inspector', 'discipline_inspector', street.id);
  const accused = await u('accused', 'discipline_inspector', street.id);
  await u('admin', 'admin', district.id);
  const [p] = await t.db.insert(people).values({ nodeId: community.id, name: '钱某', userId: accused.id }).returning();
  accusedPersonId = p!.id;
  c = {} as typeof c;
  for (const name of ['custodian', 'inspector', 'accused', 'admin'] as const) c[name] = await login(t.app, `${name}${sfx}`);
});
afterAll(() => t.close());

// A JPEG built byte by byte, whose comment segment says where it was taken.
const seg = (marker: number, body: Buffer) => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};
const PLACE = 'shot at 39.9042N 116.4074E';
const photo = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  seg(0xfe, Buffer.from(PLACE)),
  seg(0xdb, Buffer.from([0, ...new Array<number>(64).fill(1)])),
  seg(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
  seg(0xc4, Buffer.from([0x00, 1, ...new Array<number>(15).fill(0), 0])),
  seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
  Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd9]),
]);
const PDF_WORDS = 'LEDGER-OF-BRIBES-2026';
const pdf = Buffer.from(`%PDF-1.4\n1 0 obj << /Title (${PDF_WORDS}) >> endobj\n%%EOF\n`);
const PDF_NAME = '转账记录-王某某.pdf';

interface Part {
  name: string;
  value: string | { file: Buffer; filename: string };
}

/** A multipart body as a browser's FormData sends it. */
async function multipart(parts: Part[]): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const p of parts) {
    if (typeof p.value === 'string') form.append(p.name, p.value);
    else form.append(p.name, new Blob([new Uint8Array(p.value.file)]), p.value.filename);
  }
  const res = new Response(form);
  return { payload: Buffer.from(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}

const reportFields = (content: string): Part[] => [
  { name: 'anonymous', value: 'true' },
  { name: 'accused', value: '东村村委会会计钱某' },
  { name: 'accusedPersonId', value: String(accusedPersonId) },
  { name: 'content', value: content },
  { name: 'nodeId', value: String(community.id) },
];

async function fileForm(parts: Part[], remoteAddress: string) {
  const { payload, headers } = await multipart(parts);
  return t.app.inject({ method: 'POST', url: '/api/supervision/reports', payload, headers, remoteAddress });
}

const reportCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM supervision_reports`))[0]!.n;

describe('attachments', () => {
  let receipt: string;
  let reportId: number;

  it('files a report as multipart with a photo and a PDF, and seals their names and contents', async () => {
    const res = await fileForm([...reportFields('会计钱某虚报冒领低保资金，附转账记录和照片。'), { name: 'files', value: { file: photo, filename: 'IMG_0001.jpg' } }, { name: 'files', value: { file: pdf, filename: `C:\\Users\\李\\${PDF_NAME}` } }], '10.1.0.1');
    expect(res.statusCode, res.body).toBe(201);
    receipt = res.json().receipt;
    expect(receipt).toMatch(/^\d{16}$/);
    const raw = await queryRows<{ n: number; leaks: number }>(
      t.db,
      sql`SELECT count(*)::int AS n,
                 count(*) FILTER (WHERE position(convert_to(${PDF_WORDS}, 'UTF8') IN body) > 0 OR position(convert_to(${PDF_NAME}, 'UTF8') IN meta) > 0
                                  OR position(convert_to('application/pdf', 'UTF8') IN meta) > 0 OR position(convert_to('39.9042N', 'UTF8') IN body) > 0)::int AS leaks
          FROM supervision_attachments`,
    );
    expect(raw[0]).toEqual({ n: 2, leaks: 0 });
  });

  it('lets the competent inspector list and open them (each opening audited); the photo has lost its metadata', async () => {
    const list = await c.inspector.get('/api/supervision/reports');
    reportId = list.json().items[0].id;
    const view = (await c.inspector.get(`/api/supervision/reports/${reportId}`)).json();
    expect(view.attachments.map((a: { name: string; mime: string }) => [a.name, a.mime])).toEqual([
      ['IMG_0001.jpg', 'image/jpeg'],
      [PDF_NAME, 'application/pdf'],
    ]);
    const [jpg, doc] = view.attachments as Array<{ id: number; size: number }>;
    expect(doc!.size).toBe(pdf.length);
    const opened = await c.inspector.get(`/api/supervision/reports/${reportId}/attachments/${doc!.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload.equals(pdf)).toBe(true);
    expect(opened.headers['content-type']).toBe('application/octet-stream');
    expect(opened.headers['content-disposition']).toBe(`attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(PDF_NAME)}`);
    expect(opened.headers['cache-control']).toBe('no-store');
    const image = await c.inspector.get(`/api/supervision/reports/${reportId}/attachments/${jpg!.id}`);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.includes(Buffer.from('39.9042N'))).toBe(false);
    expect(image.rawPayload.length).toBe(photo.length - PLACE.length - 4);
    const audits = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'supervision.report.attachment_open' AND subject_id = ${String(reportId)}`);
    expect(audits[0]!.n).toBe(2);
  });

  it('opens them for nobody else: the person reported, a custodian, an administrator', async () => {
    const view = (await c.inspector.get(`/api/supervision/reports/${reportId}`)).json();
    for (const who of [c.accused, c.custodian, c.admin]) {
      const res = await who.get(`/api/supervision/reports/${reportId}/attachments/${view.attachments[0].id}`);
      expect([403, 404]).toContain(res.statusCode);
      expect(res.rawPayload.includes(Buffer.from('%PDF'))).toBe(false);
    }
  });

  it('shows the reporter the list with the receipt, and takes more material with files', async () => {
    const before = await t.app.inject({ method: 'POST', url: '/api/supervision/follow-up', payload: { receipt }, remoteAddress: '10.1.0.2' });
    expect(before.json().attachments.map((a: { name: string }) => a.name)).toEqual(['IMG_0001.jpg', PDF_NAME]);
    const { payload, headers } = await multipart([
      { name: 'receipt', value: receipt },
      { name: 'files', value: { file: Buffer.from('3月12日转账 5000 元，收款人钱某。\n'), filename: '补充说明.txt' } },
    ]);
    const added = await t.app.inject({ method: 'POST', url: '/api/supervision/follow-up/messages', payload, headers, remoteAddress: '10.1.0.2' });
    expect(added.statusCode, added.body).toBe(204);
    const after = (await t.app.inject({ method: 'POST', url: '/api/supervision/follow-up', payload: { receipt }, remoteAddress: '10.1.0.2' })).json();
    const material = after.messages.find((m: { kind: string }) => m.kind === 'material');
    expect(material.body).toBe('补充材料（附件 1 个）');
    expect(after.attachments.at(-1)).toMatchObject({ name: '补充说明.txt', mime: 'text/plain', messageId: material.id });
  });

  it('refuses an executable, a file over 10 MiB and a sixth file — and writes nothing', async () => {
    const before = await reportCount();
    const exe = await fileForm([...reportFields('举报内容附带一个程序文件，应被拒绝。'), { name: 'files', value: { file: Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), filename: '证据.pdf.exe' } }], '10.1.0.3');
    expect(exe.statusCode).toBe(415);
    expect(exe.headers['content-type']).toContain('application/problem+json');
    expect(exe.json().code).toBe('supervision_attachment_type');
    const big = await fileForm([...reportFields('举报内容附带一个过大的文件，应被拒绝。'), { name: 'files', value: { file: Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), filename: 'big.txt' } }], '10.1.0.4');
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('supervision_attachment_too_large');
    const six = Array.from({ length: 6 }, (_, i): Part => ({ name: 'files', value: { file: Buffer.from(`材料${i}`), filename: `${i}.txt` } }));
    const many = await fileForm([...reportFields('举报内容附带六个文件，超过每次上限。'), ...six], '10.1.0.5');
    expect(many.statusCode).toBe(413);
    expect(await reportCount()).toBe(before);
  });

  it('takes a file of several MiB, above the JSON body limit', async () => {
    const text = Buffer.from('转账明细 '.repeat(400_000)); // about 5 MiB of UTF-8 text
    const res = await fileForm([...reportFields('举报内容附带一个数兆字节的明细文件。'), { name: 'files', value: { file: text, filename: '明细.txt' } }], '10.1.0.7');
    expect(res.statusCode, res.body).toBe(201);
  });

  it('validates a multipart report like a JSON one', async () => {
    const res = await fileForm([{ name: 'anonymous', value: 'maybe' }, { name: 'accused', value: '某人' }, { name: 'content', value: '内容足够长的举报事实描述' }], '10.1.0.6');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
