import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REPORT, MAX_ATTACHMENTS_PER_REQUEST } from '../../server/modules/supervision/attachment-kinds.js';
import { reportBodyOf } from '../../server/modules/supervision/report-form.js';
import { ReportBody as ServerReportBody } from '../../server/modules/supervision/supervision.schema.js';
import { ApiProblem } from '../api/problem.js';
import { enUS } from '../i18n/en-US.js';
import { zhCN } from '../i18n/zh-CN.js';
import { addFiles, filesAllowed, formatSize, groupAttachments, looksAccepted, materialFormData, MAX_FILE_BYTES, MAX_FILES_PER_REPORT, MAX_FILES_PER_SEND, reportFormData, sendProblemText, type RefusalReason } from './attachments.js';
import { reportBody, type ReportBody } from './report-flow.js';

const file = (name: string, size: number, type = '') => ({ name, size, type });

describe('the limits', () => {
  test('are the server’s', () => {
    expect(MAX_FILE_BYTES).toBe(MAX_ATTACHMENT_BYTES);
    expect(MAX_FILES_PER_SEND).toBe(MAX_ATTACHMENTS_PER_REQUEST);
    expect(MAX_FILES_PER_REPORT).toBe(MAX_ATTACHMENTS_PER_REPORT);
  });

  test('a send carries at most 5, and no more than the report has room for', () => {
    expect([0, 4, 15, 16, 19, 20, 25].map(filesAllowed)).toEqual([5, 5, 5, 4, 1, 0, 0]);
  });
});

describe('picking files', () => {
  test('accepted kinds by name or by declared type; others not', () => {
    for (const name of ['IMG_0001.JPG', 'a.jpeg', 'b.png', 'c.webp', '转账记录.pdf', 'd.docx', 'e.xls', 'f.pptx', 'g.txt', 'h.m4a', 'i.mp3', 'j.amr', 'k.wav', 'l.mp4', 'm.mov']) expect(looksAccepted({ name, type: '' }), name).toBe(true);
    expect(looksAccepted({ name: 'image:1234', type: 'image/jpeg' })).toBe(true);
    expect(looksAccepted({ name: 'recording', type: 'audio/aac' })).toBe(true);
    expect(looksAccepted({ name: 'report', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })).toBe(true);
    for (const [name, type] of [['setup.exe', 'application/x-msdownload'], ['photo.heic', 'image/heic'], ['page.html', 'text/html'], ['x.svg', 'image/svg+xml'], ['noext', '']]) expect(looksAccepted({ name: name!, type: type! }), name).toBe(false);
  });

  test('empty, too large, unaccepted, doubled and surplus files are left out with their reason', () => {
    const chosen = [file('a.jpg', 1000)];
    const picked = [file('empty.txt', 0), file('big.mp4', MAX_FILE_BYTES + 1), file('edge.mp4', MAX_FILE_BYTES), file('run.exe', 10), file('a.jpg', 1000), file('b.pdf', 2), file('c.pdf', 3), file('d.pdf', 4), file('e.pdf', 5)];
    const { files, refused } = addFiles(chosen, picked, 5);
    expect(files.map((f) => f.name)).toEqual(['a.jpg', 'edge.mp4', 'b.pdf', 'c.pdf', 'd.pdf']);
    expect(refused).toEqual([
      { name: 'empty.txt', reason: 'empty' },
      { name: 'big.mp4', reason: 'too_large' },
      { name: 'run.exe', reason: 'type' },
      { name: 'a.jpg', reason: 'duplicate' },
      { name: 'e.pdf', reason: 'too_many' },
    ]);
    expect(chosen).toHaveLength(1);
  });

  test('every reason has words in both languages', () => {
    const reasons: RefusalReason[] = ['empty', 'too_large', 'type', 'too_many', 'duplicate'];
    for (const messages of [zhCN, enUS]) for (const r of reasons) expect(messages.supervision.files.reasons[r], r).toContain('{{name}}');
  });
});

/** The JSON body the server's schema makes of a multipart form, as its route does. */
function serverReadsForm(form: FormData): { fields: Record<string, string>; files: File[] } {
  const fields: Record<string, string> = {};
  const files: File[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') fields[name] = value;
    else files.push(value);
  }
  return { fields, files };
}

describe('the multipart body of a report', () => {
  const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'IMG_0001.jpg', { type: 'image/jpeg' });
  const notes = new File(['记账本'], '记账本.txt', { type: 'text/plain' });

  test('anonymous: the server reads the same report as from JSON, and nothing of the reporter', () => {
    const body = reportBody({ anonymous: true, accused: ' 张某某 ', content: '收受好处费两万元，有转账记录。', place: '幸福社区', nodePath: [1, 7], reporter: { name: '王五', phone: '13800000000' } });
    const { fields, files } = serverReadsForm(reportFormData(body, [photo, notes]));
    expect(Object.keys(fields).sort()).toEqual(['accused', 'anonymous', 'content', 'nodeId', 'place']);
    expect(ServerReportBody.parse(reportBodyOf(fields))).toEqual(ServerReportBody.parse(body));
    expect(files.map((f) => f.name)).toEqual(['IMG_0001.jpg', '记账本.txt']);
  });

  test('real-name: the reporter’s fields as the server names them', () => {
    const body: ReportBody & { accusedPersonId?: number } = {
      ...reportBody({ anonymous: false, accused: '张某某', content: '收受好处费两万元，有转账记录。', happenedAt: '2026年3月', reporter: { name: '王五', phone: '13800000000', idNumber: '110101199001011234' } }),
      accusedPersonId: 42,
    };
    const { fields } = serverReadsForm(reportFormData(body, [photo]));
    expect(fields).toMatchObject({ anonymous: 'false', accusedPersonId: '42', 'reporter.name': '王五', 'reporter.phone': '13800000000', 'reporter.idNumber': '110101199001011234' });
    expect(ServerReportBody.parse(reportBodyOf(fields))).toEqual(ServerReportBody.parse(body));
  });
});

describe('the multipart body of added material', () => {
  const f = new File(['x'], 'x.txt');

  test('the words go when there are any; with files alone they are left out (the server says how many came)', () => {
    expect(serverReadsForm(materialFormData({ receipt: '1234567890123456', kind: 'material', body: '补充' }, [f])).fields).toEqual({ receipt: '1234567890123456', kind: 'material', body: '补充' });
    const alone = serverReadsForm(materialFormData({ receipt: '1234567890123456', kind: 'answer', body: '  ' }, [f, f]));
    expect(alone.fields).toEqual({ receipt: '1234567890123456', kind: 'answer' });
    expect(alone.files).toHaveLength(2);
  });
});

describe('sizes and groups', () => {
  test('sizes in binary units', () => {
    expect([0, 812, 1024, 12_700, 1_048_576, 3_250_585, MAX_FILE_BYTES].map(formatSize)).toEqual(['0 B', '812 B', '1.0 KB', '12 KB', '1.0 MB', '3.1 MB', '10 MB']);
  });

  test('filed with the report first, then by message in the order said; missing messages still get a group', () => {
    const a = (id: number, messageId: number | null, at: string) => ({ id, messageId, createdAt: `2026-03-0${at}T08:00:00.000Z` });
    const msg = (id: number, at: string) => ({ id, createdAt: `2026-03-0${at}T08:00:00.000Z` });
    const groups = groupAttachments([a(5, 20, '3'), a(1, null, '1'), a(4, 10, '2'), a(2, null, '1'), a(6, 99, '4'), a(3, 10, '2')], [msg(20, '3'), msg(10, '2')]);
    expect(groups.map((g) => [g.messageId, g.message?.id, g.items.map((i) => i.id)])).toEqual([
      [null, undefined, [1, 2]],
      [10, 10, [3, 4]],
      [20, 20, [5]],
      [99, undefined, [6]],
    ]);
    expect(groupAttachments([], [])).toEqual([]);
  });
});

describe('a failed send', () => {
  const t = ((key: string, o?: Record<string, unknown>) => `${key}${o ? JSON.stringify(o) : ''}`) as unknown as TFunction;

  test('the server’s problems as they are; a proxy’s bare 413 in our words', () => {
    const typed = new ApiProblem({ title: '第 2 个附件的类型不支持', status: 415, code: 'supervision_attachment_type' });
    expect(sendProblemText(typed, t)).toBe('第 2 个附件的类型不支持');
    const proxy = ApiProblem.from(new Response('<html>413</html>', { status: 413, statusText: 'Request Entity Too Large' }), undefined);
    expect(sendProblemText(proxy, t)).toBe('supervision.files.tooLargeForServer{"mib":10,"max":5}');
  });
});
