/**
 * The reporter's sends with files, against a stand-in for the network: multipart only when
 * files go, no cookie for an anonymous sender, and the proof of work's header on the multipart
 * request sent again after a 428.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { isApiProblem } from '../api/problem.js';
import { POW_HEADER, solves } from './proof-of-work.js';

interface Sent {
  url: string;
  init: RequestInit;
  headers: Headers;
}

let sent: Sent[];
let answers: Response[];

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });

beforeEach(() => {
  sent = [];
  answers = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) => {
    sent.push({ url, init, headers: new Headers(init.headers) });
    const answer = answers.shift();
    return Promise.resolve(answer ?? new Response(null, { status: 500 }));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

// Imported once fetch is stubbed, as the page would.
const reporter = () => import('./reporter.api.js');

const photo = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], 'IMG_0001.jpg', { type: 'image/jpeg' });
const body = { anonymous: true, accused: '张某某', content: '收受好处费两万元，有转账记录。' };

const fieldsOf = (init: RequestInit) => {
  const form = init.body as FormData;
  expect(form).toBeInstanceOf(FormData);
  return Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : `file:${v.name}`]));
};

describe('filing with files', () => {
  test('goes as multipart, without cookies or the CSRF header; the browser sets the boundary', async () => {
    const { fileReport } = await reporter();
    answers.push(json(201, { receipt: '1234567890123456' }));
    await expect(fileReport(body, {}, [photo()])).resolves.toBe('1234567890123456');
    expect(sent).toHaveLength(1);
    const [req] = sent;
    expect(req!.url).toBe('/api/supervision/reports');
    expect(req!.init.method).toBe('POST');
    expect(req!.init.credentials).toBe('omit');
    expect(req!.headers.get('content-type')).toBeNull();
    expect(req!.headers.get('x-csrf-token')).toBeNull();
    expect(req!.headers.get('accept-language')).toBeTruthy();
    expect(fieldsOf(req!.init)).toEqual({ anonymous: 'true', accused: '张某某', content: body.content, files: 'file:IMG_0001.jpg' });
  });

  test('a real-name report goes with the session', async () => {
    const { fileReport } = await reporter();
    answers.push(json(201, { receipt: '1234567890123456' }));
    await fileReport({ ...body, anonymous: false, reporter: { name: '王五', phone: '13800000000' } }, {}, [photo()]);
    expect(sent[0]!.init.credentials).toBe('same-origin');
    expect(fieldsOf(sent[0]!.init)).toMatchObject({ anonymous: 'false', 'reporter.name': '王五' });
  });

  test('after a 428 the multipart request is sent again, whole, with a proof that solves the challenge', async () => {
    const { fileReport } = await reporter();
    answers.push(json(428, { title: '需要安全验证', status: 428, code: 'pow_required', challenge: 'abc123', difficulty: 6 }), json(201, { receipt: '6543210987654321' }));
    const onSolving = vi.fn();
    await expect(fileReport(body, { onSolving }, [photo()])).resolves.toBe('6543210987654321');
    expect(onSolving).toHaveBeenCalledOnce();
    expect(sent).toHaveLength(2);
    expect(sent[0]!.headers.get(POW_HEADER)).toBeNull();
    const proof = sent[1]!.headers.get(POW_HEADER)!;
    const [challenge, nonce] = proof.split(':');
    expect(challenge).toBe('abc123');
    expect(solves('abc123', nonce!, 6)).toBe(true);
    expect(fieldsOf(sent[1]!.init)).toEqual(fieldsOf(sent[0]!.init));
    expect(sent[1]!.init.credentials).toBe('omit');
  });

  test('a refused file is the server’s problem, thrown as it is', async () => {
    const { fileReport } = await reporter();
    answers.push(json(415, { title: '第 1 个附件的类型不支持', status: 415, code: 'supervision_attachment_type' }));
    const failed = await fileReport(body, {}, [photo()]).catch((e: unknown) => e);
    expect(isApiProblem(failed) && [failed.status, failed.code, failed.title]).toEqual([415, 'supervision_attachment_type', '第 1 个附件的类型不支持']);
  });
});

describe('filing again after a lost answer', () => {
  test('sends the Idempotency-Key it is given, the same on a resend', async () => {
    const { fileReport } = await reporter();
    const key = '0d5e8a1c-3b4f-4a6d-9c2e-7f1a0b9e8d7c';
    answers.push(json(201, { receipt: '1234567890123456' }), json(201, { receipt: '1234567890123456' }));
    await fileReport(body, { idempotencyKey: key }, [photo()]);
    await fileReport(body, { idempotencyKey: key }, [photo()]);
    expect(sent.map((s) => s.headers.get('idempotency-key'))).toEqual([key, key]);
  });
});

describe('adding material with files', () => {
  test('files alone: multipart without the words, no cookie; 204 resolves', async () => {
    const { addReporterMessage } = await reporter();
    answers.push(new Response(null, { status: 204 }));
    await expect(addReporterMessage('1234567890123456', 'material', '', {}, [photo()])).resolves.toBeUndefined();
    expect(sent[0]!.url).toBe('/api/supervision/follow-up/messages');
    expect(sent[0]!.init.credentials).toBe('omit');
    expect(fieldsOf(sent[0]!.init)).toEqual({ receipt: '1234567890123456', kind: 'material', files: 'file:IMG_0001.jpg' });
  });
});
