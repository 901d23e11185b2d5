/**
 * 监督微平台 through HTTP on a real database: a report filed without an account answers a
 * 16-digit receipt; the receipt opens that report only; the competent inspectors read it with
 * the key their sign-in unlocked — never the person reported, never an administrator or a
 * custodian; the raw tables and the audit log hold none of its words, nor the reporter's
 * identity, nor the receipt; a password change keeps the inspector's key; filing is throttled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { queryRows } from '../../platform/db/database.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { people } from '../org/org.tables.js';
import { flagOverdueReports } from './report-clocks.js';
import { solve } from '../../platform/http/proof-of-work.js';

let t: TestApp;
let c: Record<'inspector' | 'accused' | 'custodian' | 'admin' | 'upper', Client>;
let community: { id: number; path: string };
let accusedPersonId: number;

const SECRET = '村主任王某某在2026年3月发放危房改造补贴时收受好处费五千元';
const ACCUSED = '幸福村村委会主任王某某';
const REPORTER = { name: '李举报', phone: '13800001111' };

beforeAll(async () => {
  t = await buildTestApp();
  const district = await makeNode(t.db, { level: 'district', name: '青川区' });
  const street = await makeNode(t.db, { level: 'street', parent: district, name: '东城街道' });
  community = await makeNode(t.db, { level: 'community', parent: street, name: '幸福村' });
  const sfx = district.id;
  const u = (name: string, role: 'discipline_inspector' | 'custodian' | 'admin', nodeId: number) => makeUser(t.db, { username: `${name}${sfx}`, roles: [{ role, nodeId }] });
  await u('custodian', 'custodian', district.id);
  await u('inspector', 'discipline_inspector', street.id);
  const accused = await u('accused', 'discipline_inspector', street.id);
  await u('upper', 'discipline_inspector', district.id);
  await u('admin', 'admin', district.id);
  const [p] = await t.db.insert(people).values({ nodeId: community.id, name: '王某某', userId: accused.id }).returning();
  accusedPersonId = p!.id;
  // The custodian signs in first, so the inspectors' keys are escrowed to them.
  c = {} as typeof c;
  for (const name of ['custodian', 'inspector', 'accused', 'upper', 'admin'] as const) c[name] = await login(t.app, `${name}${sfx}`);
});
afterAll(() => t.close());

const file = (body: Record<string, unknown>, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/supervision/reports', payload: body, remoteAddress, headers });
const followUp = (receipt: string, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/supervision/follow-up', payload: { receipt }, remoteAddress, headers });

describe('filing and following up', () => {
  let receipt: string;
  let realName: string;

  it('files an anonymous report without an account and answers a 16-digit receipt, not cached', async () => {
    const res = await file({ anonymous: true, accused: ACCUSED, accusedPersonId, content: SECRET, happenedAt: '2026年3月', nodeId: community.id });
    expect(res.statusCode, res.body).toBe(201);
    receipt = res.json().receipt;
    expect(receipt).toMatch(/^\d{16}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a real-name report without the reporter, with a problem', async () => {
    const res = await file({ anonymous: false, accused: ACCUSED, content: SECRET, nodeId: community.id });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('files a real-name report, whose identity is sealed to the custodians only', async () => {
    const res = await file({ anonymous: false, accused: ACCUSED, content: `${SECRET}（实名）`, nodeId: community.id, reporter: REPORTER });
    expect(res.statusCode, res.body).toBe(201);
    realName = res.json().receipt;
    const [n] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM supervision_identities`);
    expect(n!.n).toBe(1);
  });

  it('opens the report of the receipt, and nothing for another or a malformed one', async () => {
    const res = await followUp(`${receipt.slice(0, 4)} ${receipt.slice(4, 8)} ${receipt.slice(8, 12)} ${receipt.slice(12)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ state: 'received', matter: { accused: ACCUSED, content: SECRET, happenedAt: '2026年3月' }, messages: [] });
    expect((await followUp(realName)).json().matter.content).toBe(`${SECRET}（实名）`);
    const wrong = receipt.slice(0, 15) + String((Number(receipt[15]) + 1) % 10);
    expect((await followUp(wrong)).statusCode).toBe(404);
    expect((await followUp('not a receipt')).statusCode).toBe(404);
  });
});

describe('who reads a report', () => {
  it('the competent inspectors read it with the key their sign-in unlocked', async () => {
    const list = await c.inspector.get('/api/supervision/reports');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(2);
    const id = list.json().items[1].id;
    const res = await c.inspector.get(`/api/supervision/reports/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ anonymous: true, state: 'received', matter: { accused: ACCUSED, content: SECRET, nodeId: community.id } });
    expect(res.json().number).toMatch(/^JB\d{8}-\d{4}$/);
  });

  it('never the person reported, an inspector of another level, an administrator or a custodian', async () => {
    const [{ id }] = (await c.inspector.get('/api/supervision/reports')).json().items.slice(-1);
    // The person reported is an inspector of that very level: the report was not sealed to them.
    const accused = await c.accused.get('/api/supervision/reports');
    expect(accused.json().items.map((r: { id: number }) => r.id)).not.toContain(id);
    expect((await c.accused.get(`/api/supervision/reports/${id}`)).statusCode).toBe(404);
    // The district's inspector is not the competent level (a transfer would make them so).
    expect((await c.upper.get(`/api/supervision/reports/${id}`)).statusCode).toBe(404);
    for (const who of [c.admin, c.custodian]) {
      expect((await who.get('/api/supervision/reports')).statusCode).toBe(403);
      expect((await who.get(`/api/supervision/reports/${id}`)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/supervision/reports/${id}` })).statusCode).toBe(401);
  });

  it('keeps the inspector’s key through a password change', async () => {
    const sfx = (await queryRows<{ username: string }>(t.db, sql`SELECT username FROM users WHERE username LIKE 'inspector%'`))[0]!.username;
    const res = await c.inspector.post('/api/me/password', { currentPassword: 'test-pass-123', newPassword: 'new-pass-456' });
    expect(res.statusCode, res.body).toBe(204);
    const again = await login(t.app, sfx, 'new-pass-456');
    const [{ id }] = (await again.get('/api/supervision/reports')).json().items;
    expect((await again.get(`/api/supervision/reports/${id}`)).json().matter.content).toContain(SECRET);
  });
});

describe('the way of a report', () => {
  it('受理 → 处置 (初步核实) → 办结 → 结案, the reporter told at each step and answering with the receipt', async () => {
    const filed = await file({ anonymous: false, accused: ACCUSED, content: `${SECRET}（流程）`, nodeId: community.id, reporter: REPORTER }, '10.0.0.2');
    expect(filed.statusCode, filed.body).toBe(201);
    const receipt = filed.json().receipt;
    const [{ id }] = (await c.inspector.get('/api/supervision/reports')).json().items;
    const report = (await c.inspector.get(`/api/supervision/reports/${id}`)).json();
    expect(report.actions).toEqual(['accept']);
    // A real-name report's acceptance notice is due within 15 working days.
    expect(Date.parse(report.acceptDueAt) - Date.now()).toBeGreaterThan(15 * 86_400_000);
    expect((await c.inspector.post(`/api/supervision/reports/${id}/conclude`, { text: '结论' })).statusCode).toBe(409);
    expect((await c.inspector.post(`/api/supervision/reports/${id}/accept`, { version: report.version + 1 })).statusCode).toBe(409);
    expect((await c.inspector.post(`/api/supervision/reports/${id}/accept`, { version: report.version })).json()).toMatchObject({ state: 'accepted' });
    expect((await c.inspector.post(`/api/supervision/reports/${id}/dispose`, {})).statusCode).toBe(409);
    expect((await c.inspector.post(`/api/supervision/reports/${id}/dispose`, { disposal: 'preliminary_check', text: '先调取补贴发放台账' })).json()).toMatchObject({ state: 'investigating' });
    expect((await c.inspector.post(`/api/supervision/reports/${id}/messages`, { kind: 'question', body: '请提供收受好处费的时间和见证人' })).statusCode).toBe(204);
    const answer = await t.app.inject({ method: 'POST', url: '/api/supervision/follow-up/messages', payload: { receipt, kind: 'answer', body: '3月12日，在村委会办公室，见证人张某' }, remoteAddress: '10.0.0.2' });
    expect(answer.statusCode, answer.body).toBe(204);
    expect((await c.inspector.post(`/api/supervision/reports/${id}/conclude`, { text: '经初步核实，反映问题属实，移交处理' })).json()).toMatchObject({ state: 'concluded' });
    const closed = await c.inspector.post(`/api/supervision/reports/${id}/close`, {});
    expect(closed.json()).toMatchObject({ state: 'closed' });
    const seen = (await followUp(receipt, '10.0.0.2')).json();
    expect(seen.state).toBe('closed');
    // The note with 处置 stays among the inspectors.
    expect(seen.messages.map((m: { author: string; kind: string }) => `${m.author}:${m.kind}`)).toEqual(['system:notice', 'inspector:question', 'reporter:answer', 'inspector:conclusion', 'system:notice']);
    expect(seen.messages[2].body).toContain('见证人张某');
    const after = (await c.inspector.get(`/api/supervision/reports/${id}`)).json();
    expect(after).toMatchObject({ state: 'closed', disposal: 'preliminary_check' });
    expect(after.feedbackDueAt).not.toBeNull();
    // An inspector of another level cannot act on it; an administrator holds no supervision permission.
    expect((await c.upper.post(`/api/supervision/reports/${id}/archive`, {})).statusCode).toBe(404);
    expect((await c.admin.post(`/api/supervision/reports/${id}/archive`, {})).statusCode).toBe(403);
  });

  it('flags a real-name report whose acceptance notice is overdue, and clears the flag when accepted', async () => {
    const filed = await file({ anonymous: false, accused: ACCUSED, content: `${SECRET}（超期）`, nodeId: community.id, reporter: REPORTER }, '10.0.0.3');
    expect(filed.statusCode, filed.body).toBe(201);
    const [{ id }] = (await c.inspector.get('/api/supervision/reports')).json().items;
    const later = new Date(Date.now() + 40 * 86_400_000);
    expect(await t.db.transaction((tx) => flagOverdueReports({ tx, actor: null, requestId: 'test', ip: null, now: later }))).toBeGreaterThanOrEqual(1);
    expect((await c.inspector.get(`/api/supervision/reports/${id}`)).json().overdue).toBe(true);
    await c.inspector.post(`/api/supervision/reports/${id}/accept`, {});
    expect((await c.inspector.get(`/api/supervision/reports/${id}`)).json().overdue).toBe(false);
  });
});

describe('the reporter’s identity', () => {
  it('is given to an inspector only when a custodian approves their request; both audited, the reporter told', async () => {
    const items = (await c.inspector.get('/api/supervision/reports')).json().items as Array<{ id: number; anonymous: boolean }>;
    const named = items.find((r) => !r.anonymous)!;
    const anonymous = items.find((r) => r.anonymous)!;
    expect((await c.inspector.get(`/api/supervision/reports/${named.id}/identity`)).statusCode).toBe(404);
    expect((await c.inspector.post(`/api/supervision/reports/${anonymous.id}/identity-requests`, { reason: '需要核实举报人身份' })).statusCode).toBe(409);
    const asked = await c.inspector.post(`/api/supervision/reports/${named.id}/identity-requests`, { reason: '需联系举报人补充证据' });
    expect(asked.statusCode, asked.body).toBe(201);
    const requestId = asked.json().id;
    // Inspectors and administrators do not decide; the custodian reads the reason and approves.
    expect((await c.inspector.post(`/api/supervision/identity-requests/${requestId}/decision`, { approve: true })).statusCode).toBe(403);
    expect((await c.admin.get('/api/supervision/identity-requests')).statusCode).toBe(403);
    const pending = (await c.custodian.get('/api/supervision/identity-requests')).json().items;
    expect(pending[0]).toMatchObject({ id: requestId, reportId: named.id, reason: '需联系举报人补充证据', status: 'pending' });
    expect(pending[0].inspectorName).toMatch(/^inspector/);
    expect((await c.inspector.get(`/api/supervision/reports/${named.id}/identity-requests`)).json().items).toEqual([expect.objectContaining({ id: requestId, status: 'pending' })]);
    expect((await c.accused.get(`/api/supervision/reports/${named.id}/identity-requests`)).json().items).toEqual([]);
    expect((await c.custodian.post(`/api/supervision/identity-requests/${requestId}/decision`, { approve: true })).statusCode).toBe(204);
    expect((await c.custodian.post(`/api/supervision/identity-requests/${requestId}/decision`, { approve: false })).statusCode).toBe(409);
    const identity = await c.inspector.get(`/api/supervision/reports/${named.id}/identity`);
    expect(identity.statusCode, identity.body).toBe(200);
    expect(identity.json()).toMatchObject(REPORTER);
    // Another inspector of the level still does not have it.
    expect((await c.accused.get(`/api/supervision/reports/${named.id}/identity`)).statusCode).toBe(404);
    const told = (await c.inspector.get(`/api/supervision/reports/${named.id}`)).json().messages.at(-1);
    expect(told).toMatchObject({ author: 'system', kind: 'notice' });
    expect(told.body).toContain('身份信息');
    const actions = await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_log WHERE action LIKE 'supervision.identity.%' ORDER BY seq`);
    expect(actions.map((a) => a.action)).toEqual(['supervision.identity.request', 'supervision.identity.approve']);
  });
});

describe('transfer', () => {
  it('hands a report to another level: its inspectors read it, this level no longer does, the reporter is told', async () => {
    const filed = await file({ anonymous: true, accused: ACCUSED, accusedPersonId, content: `${SECRET}（转交）`, nodeId: community.id }, '10.0.0.4');
    const receipt = filed.json().receipt;
    const [{ id, number }] = (await c.inspector.get('/api/supervision/reports')).json().items;
    const report = (await c.inspector.get(`/api/supervision/reports/${id}`)).json();
    expect((await c.inspector.post(`/api/supervision/reports/${id}/transfer`, { nodeId: community.id, reason: '同级' })).statusCode).toBe(409);
    const district = (await queryRows<{ id: number }>(t.db, sql`SELECT parent_id AS id FROM admin_nodes WHERE id = (SELECT parent_id FROM admin_nodes WHERE id = ${community.id})`))[0]!.id;
    const moved = await c.inspector.post(`/api/supervision/reports/${id}/transfer`, { nodeId: Number(district), reason: '涉及街道领导干部，由区纪委管辖', version: report.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ state: 'received' });
    expect((await c.inspector.get(`/api/supervision/reports/${id}`)).statusCode).toBe(404);
    const there = await c.upper.get(`/api/supervision/reports/${id}`);
    expect(there.statusCode, there.body).toBe(200);
    expect(there.json()).toMatchObject({ number, state: 'received', matter: { content: `${SECRET}（转交）` } });
    const told = (await followUp(receipt, '10.0.0.4')).json().messages.map((m: { author: string; body: string }) => m.author);
    // The transfer's reason is an internal note: the reporter is told only that it moved.
    expect(told).toEqual(['system']);
    expect(there.json().messages.map((m: { kind: string }) => m.kind)).toEqual(['notice', 'internal']);
  });
});

describe('at rest', () => {
  it('holds no plaintext in any table of the database: not the words, the person reported, the reporter, nor the receipt', async () => {
    // Every table, as a dump would have it (the people directory holds 王某某 as a person, not as reported: its name is not checked).
    const tables = (await queryRows<{ name: string }>(t.db, sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)).map((r) => `"${r.name}"`);
    expect(tables.length).toBeGreaterThan(40);
    const dump: string[] = [];
    for (const table of tables) {
      const rows = await queryRows<Record<string, unknown>>(t.db, sql.raw(`SELECT * FROM ${table}`));
      for (const row of rows) for (const v of Object.values(row)) dump.push(v instanceof Uint8Array ? Buffer.from(v).toString('latin1') + Buffer.from(v).toString('utf8') : JSON.stringify(v));
    }
    const all = dump.join('\n');
    for (const secret of [SECRET.slice(0, 8), '收受好处费五千元', ACCUSED, REPORTER.name, REPORTER.phone, '需联系举报人补充证据', '见证人张某', '经初步核实', '先调取补贴发放台账']) expect(all.includes(secret), secret).toBe(false);
    // The audit entry of a filing names no one and no address.
    const [entry] = await queryRows<{ actor_id: number | null; ip: string | null; actor_label: string }>(t.db, sql`SELECT actor_id, ip, actor_label FROM audit_log WHERE action = 'supervision.report.file' LIMIT 1`);
    expect(entry).toEqual({ actor_id: null, ip: null, actor_label: '举报人' });
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});

describe('abuse controls', () => {
  const report = { anonymous: true, accused: ACCUSED, content: SECRET };

  it('asks an address that files more than a person would for proof of work, spent once, then rate-limits it', async () => {
    const at = '10.9.9.9';
    const body = { ...report, nodeId: community.id };
    for (let i = 0; i < 3; i++) expect((await file(body, at)).statusCode).toBe(201);
    const asked = await file(body, at);
    expect(asked.statusCode).toBe(428);
    const { challenge, difficulty } = asked.json();
    expect(difficulty).toBe(16);
    const proof = `${challenge}:${solve(challenge, difficulty)}`;
    expect((await file(body, at, { 'x-gongzhi-pow': proof })).statusCode).toBe(201);
    // Five attempts in ten minutes: the next is refused whatever it carries.
    const limited = await file(body, at, { 'x-gongzhi-pow': proof });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    // Another address files as usual.
    expect((await file(body, '10.9.9.10')).statusCode).toBe(201);
  });

  it('asks an address that enters wrong receipts for proof of work, even with a right one', async () => {
    const at = '10.8.8.8';
    const filed = await file({ ...report, nodeId: community.id }, '10.8.8.9');
    const receipt = filed.json().receipt;
    for (let i = 0; i < 5; i++) expect((await followUp(`${1000000000000000 + i}`, at)).statusCode).toBe(404);
    const asked = await followUp(receipt, at);
    expect(asked.statusCode).toBe(428);
    const { challenge, difficulty } = asked.json();
    const proof = `${challenge}:${solve(challenge, difficulty)}`;
    const ok = await followUp(receipt, at, { 'x-gongzhi-pow': proof });
    expect(ok.statusCode, ok.body).toBe(200);
    // A proof is spent once; a wrong nonce or a forged challenge proves nothing.
    expect((await followUp(receipt, at, { 'x-gongzhi-pow': proof })).statusCode).toBe(428);
    expect((await followUp(receipt, at, { 'x-gongzhi-pow': `${challenge}:x` })).statusCode).toBe(428);
    const forged = challenge.replace(/\.16\./, '.1.');
    expect((await followUp(receipt, at, { 'x-gongzhi-pow': `${forged}:${solve(forged, 1)}` })).statusCode).toBe(428);
    // The right receipt from a calm address needs nothing.
    expect((await followUp(receipt, '10.8.8.7')).statusCode).toBe(200);
  });
});

describe('filing again after a lost answer', () => {
  it('gives a retry with the same Idempotency-Key the same receipt and files nothing new; another key files anew', async () => {
    const key = 'c0b8e4a2-5f6d-4e1a-9b7c-3d2e1f0a9b8c';
    const count = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM supervision_reports`))[0]!.n;
    const before = await count();
    const body = { anonymous: true, accused: ACCUSED, content: `${SECRET}（重试）`, nodeId: community.id };
    const first = await file(body, '10.9.0.1', { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    const retry = await file(body, '10.9.0.2', { 'idempotency-key': key });
    expect(retry.statusCode).toBe(201);
    expect(retry.json().receipt).toBe(first.json().receipt);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(before + 1);
    const other = await file(body, '10.9.0.3', { 'idempotency-key': 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b' });
    expect(other.json().receipt).not.toBe(first.json().receipt);
    expect(await count()).toBe(before + 2);
    expect((await followUp(first.json().receipt, '10.9.0.4')).json().matter.content).toBe(`${SECRET}（重试）`);
    // The key is never stored: not in the audit log, not in any table.
    const leaks = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE changes::text LIKE ${'%' + key + '%'} OR request_id = ${key}`);
    expect(leaks[0]!.n).toBe(0);
    const short = await file(body, '10.9.0.5', { 'idempotency-key': 'too-short' });
    expect(short.statusCode).toBe(400);
  });
});
