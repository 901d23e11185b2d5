/**
 * 问责复核事项 from real case data (issue #5 point 7), through HTTP on a real database with a
 * clock the test sets: in March 2026 one handler lets 3 cases go overdue and another 2; 城管委
 * has 3 of its 派单异议 overruled (one more upheld) and 市场监管局 2; residents rate 10 cases of
 * each unit — 3 and 2 不满意 (one more 不满意 redone and then rated 满意, which counts by its last
 * rating). In April the month is evaluated: exactly the crossing subjects get items, with
 * their figures and the cases behind them; a rerun opens nothing; a switched-off trigger opens
 * nothing; a subtree's lower threshold opens the one it now catches. Items are seen only over
 * their subject's place; dismissing and escalating check versions; everything is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { buildCaseWorld, requestBody, type CaseWorld } from '../../../../test/helpers/cases.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { queryRows } from '../../platform/db/database.js';
import type { GzApp } from '../../platform/module.js';
import { sweepDeadlines } from '../cases/case-sweeper.js';
import { accountabilityModule } from './accountability.module.js';

let t: TestApp;
let w: CaseWorld;
let clocked: GzApp;
let now = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 in Beijing
let inspector: Client;
let elsewhere: Client;
let inspectorId: number;
let elsewhereId: number;
const config = loadConfig({ GONGZHI_WEB_DIR: '/nonexistent', GONGZHI_RATE_LIMIT: '100000' });

type Item = { id: number; kind: string; subject: { kind: string; id: number; name: string }; figure: number; threshold: number; evidence: { cases?: Array<{ caseId: number; number: string }>; rated?: number; dissatisfied?: number }; state: string; version: number; actions: string[]; recordId: number | null; period: string };

/** A request on the clocked app as `who`. */
function call(who: Client, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return clocked.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, ...(payload === undefined ? {} : { payload: payload as string }) });
}

async function act(who: Client, id: number, action: string, body: Record<string, unknown> = {}) {
  const res = await call(who, 'POST', `/api/cases/${id}/${action}`, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as { id: number; number: string; state: string };
}

/** A resident's case dispatched to `orgId`; its id and number. */
async function dispatched(orgId: number): Promise<{ id: number; number: string }> {
  const res = await call(w.clients.resident, 'POST', '/api/cases', requestBody(w));
  expect(res.statusCode, res.body).toBe(201);
  const c = res.json().case as { id: number; number: string };
  await act(w.clients.dispatcher, c.id, 'dispatch', { orgId });
  return c;
}

/** Dispatched, signed, replied and verified: the reporter may rate it. */
async function readyToRate(orgId: number, handler: Client): Promise<{ id: number; number: string }> {
  const c = await dispatched(orgId);
  await act(handler, c.id, 'sign');
  await act(handler, c.id, 'reply', { message: '已处理完毕' });
  await act(w.clients.verifier, c.id, 'verify', { passed: true });
  return c;
}

const numbers = { handlerOverdue: [] as string[], cgOverruled: [] as string[], cgDissatisfied: [] as string[] };

async function marchOverdue(): Promise<void> {
  now = new Date('2026-03-02T02:00:00Z');
  for (const [handler, n] of [[w.clients.handler, 3], [w.clients.handler2, 2]] as const) {
    for (let i = 0; i < n; i++) {
      const c = await dispatched(w.units.cg);
      await act(handler, c.id, 'sign');
      if (handler === w.clients.handler) numbers.handlerOverdue.push(c.number);
    }
  }
  // Seven working days later the feedback deadlines have passed: the sweeper marks all five.
  expect((await sweepDeadlines(t.db, new Date('2026-03-20T02:00:00Z'))).overdue).toBe(5);
}

async function marchObjections(): Promise<void> {
  now = new Date('2026-03-21T02:00:00Z');
  const object = async (orgId: number, handler: Client, to: number, decision: 'upheld' | 'rejected') => {
    const c = await dispatched(orgId);
    await act(handler, c.id, 'objection', { reason: '不属于本单位职责', suggestedOrgId: to });
    await act(w.clients.dispatcher, c.id, 'objection-decision', { decision, reason: decision === 'upheld' ? '异议成立，改派' : '异议不成立', ...(decision === 'upheld' ? { orgId: to } : {}) });
    return c;
  };
  for (let i = 0; i < 3; i++) numbers.cgOverruled.push((await object(w.units.cg, w.clients.handler, w.units.sj, 'rejected')).number);
  await object(w.units.cg, w.clients.handler, w.units.sj, 'upheld');
  for (let i = 0; i < 2; i++) await object(w.units.sj, w.clients.otherHandler, w.units.cg, 'rejected');
}

async function marchRatings(): Promise<void> {
  now = new Date('2026-03-23T02:00:00Z');
  for (let i = 0; i < 10; i++) {
    const c = await readyToRate(w.units.cg, w.clients.handler);
    const rating = i < 3 ? 'dissatisfied' : 'satisfied';
    await act(w.clients.resident, c.id, 'rate', { rating });
    if (rating === 'dissatisfied') numbers.cgDissatisfied.push(c.number);
  }
  for (let i = 0; i < 10; i++) {
    const c = await readyToRate(w.units.sj, w.clients.otherHandler);
    if (i === 0) {
      // 不满意 → 重办 → 满意: counted once, by its last rating.
      await act(w.clients.resident, c.id, 'rate', { rating: 'dissatisfied' });
      await act(w.clients.resident, c.id, 'redo', { reason: '路灯还是不亮' });
      await act(w.clients.otherHandler, c.id, 'reply', { message: '已更换灯具' });
      await act(w.clients.verifier, c.id, 'verify', { passed: true });
    }
    await act(w.clients.resident, c.id, 'rate', { rating: i === 1 || i === 2 ? 'dissatisfied' : 'satisfied' });
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCaseWorld(t);
  clocked = await buildApp({ config, database: t.test.database, logger: false, clock: () => now });
  await clocked.ready();
  const otherStreet = await makeNode(t.db, { level: 'street', parent: w.district, name: '西城街道' });
  inspectorId = (await makeUser(t.db, { username: `insp${w.district.id}`, roles: [{ role: 'discipline_inspector', nodeId: w.district.id }] })).id;
  elsewhereId = (await makeUser(t.db, { username: `insp2${w.district.id}`, roles: [{ role: 'discipline_inspector', nodeId: otherStreet.id }] })).id;
  inspector = await login(t.app, `insp${w.district.id}`);
  elsewhere = await login(t.app, `insp2${w.district.id}`);
  await marchOverdue();
  await marchObjections();
  await marchRatings();
  now = new Date('2026-04-02T02:00:00Z');
}, 180_000);
afterAll(async () => {
  await clocked.close();
  await t.close();
});

const items = async (who: Client, query = '') => (await call(who, 'GET', `/api/accountability/review-items${query}`)).json().items as Item[];
const byKind = (list: Item[], kind: string) => list.filter((i) => i.kind === kind);
const runJob = () => accountabilityModule.jobs!.find((j) => j.name === 'accountability.review')!.run({ db: t.db, now, log: clocked.log, config });

describe('review items opened from March’s figures', () => {
  it('refuses to evaluate a month that has not ended, or is not a month', async () => {
    const open = await call(inspector, 'POST', '/api/accountability/review-items/evaluate', { period: '2026-04' });
    expect(open.statusCode).toBe(422);
    expect(open.json().errors[0]).toMatchObject({ path: 'body.period', code: 'accountability_period_open' });
    expect(open.json().title).toContain('2026-04 尚未结束');
    const en = await clocked.inject({ method: 'POST', url: '/api/accountability/review-items/evaluate', headers: { cookie: inspector.cookie, 'x-csrf-token': inspector.csrf, 'accept-language': 'en-US' }, payload: { period: '2026-04' } });
    expect(en.json().title).toBe('2026-04 has not ended yet; only ended months can be evaluated');
    expect((await call(inspector, 'POST', '/api/accountability/review-items/evaluate', { period: '2026-13' })).statusCode).toBe(400);
    expect((await call(w.clients.verifier, 'POST', '/api/accountability/review-items/evaluate', { period: '2026-03' })).statusCode).toBe(403);
  });

  it('the daily job opens the overdue and objection items, and none for a switched-off trigger', async () => {
    const off = await call(inspector, 'PUT', '/api/accountability/review-settings', { nodeId: null, items: [{ kind: 'dissatisfaction_rate', enabled: false, threshold: 20, minCases: 10, version: 0 }] });
    expect(off.statusCode, off.body).toBe(200);
    expect(await runJob()).toBe(2);
    const list = await items(inspector);
    expect(list).toHaveLength(2);
    const [overdue] = byKind(list, 'overdue_cases');
    expect(overdue).toMatchObject({ subject: { kind: 'person', name: '科员' }, figure: 3, threshold: 3, state: 'open', period: '2026-03', actions: ['dismiss', 'escalate'] });
    expect(overdue!.evidence.cases!.map((c) => c.number)).toEqual([...numbers.handlerOverdue].sort());
    const [objections] = byKind(list, 'objections_overruled');
    expect(objections).toMatchObject({ subject: { kind: 'unit', id: w.units.cg, name: '城管委' }, figure: 3, threshold: 3 });
    expect(objections!.evidence.cases!.map((c) => c.number)).toEqual([...numbers.cgOverruled].sort());
  });

  it('opens the dissatisfaction item once the trigger is back on, and nothing on a rerun', async () => {
    const on = await call(inspector, 'PUT', '/api/accountability/review-settings', { nodeId: null, items: [{ kind: 'dissatisfaction_rate', enabled: true, threshold: 20, minCases: 10, version: 1 }] });
    expect(on.statusCode, on.body).toBe(200);
    const res = await call(inspector, 'POST', '/api/accountability/review-items/evaluate', { period: '2026-03' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().opened).toBe(1);
    const [rate] = res.json().items as Item[];
    // 城管委: 3 of 10 (30 % > 20 %); 市场监管局: 2 of 10 by last ratings (20 %, not above) — none.
    expect(rate).toMatchObject({ kind: 'dissatisfaction_rate', subject: { kind: 'unit', id: w.units.cg }, figure: 30, threshold: 20, evidence: { rated: 10, dissatisfied: 3 } });
    expect(rate!.evidence.cases!.map((c) => c.number)).toEqual([...numbers.cgDissatisfied].sort());
    expect((await call(inspector, 'POST', '/api/accountability/review-items/evaluate', { period: '2026-03' })).json().opened).toBe(0);
    expect(await runJob()).toBe(0);
    const [n] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM accountability_review_items`);
    expect(n!.n).toBe(3);
  });

  it('a subtree’s lower threshold catches the handler with 2 overdue cases', async () => {
    const res = await call(inspector, 'PUT', '/api/accountability/review-settings', { nodeId: w.district.id, items: [{ kind: 'overdue_cases', enabled: true, threshold: 2, minCases: null, version: 0 }] });
    expect(res.statusCode, res.body).toBe(200);
    const opened = (await call(inspector, 'POST', '/api/accountability/review-items/evaluate', { period: '2026-03' })).json().items as Item[];
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ kind: 'overdue_cases', figure: 2, threshold: 2 });
    expect(opened[0]!.subject.id).not.toBe(byKind(await items(inspector), 'overdue_cases').find((i) => i.figure === 3)!.subject.id);
  });

  it('told the accountability.write holders over the subject’s place, in-app, once per item', async () => {
    const rows = await queryRows<{ recipient: string; item: string }>(t.db, sql`SELECT recipient, params->>'itemId' AS item FROM outbox WHERE template = 'accountability.review_item'`);
    const recipients = new Set(rows.map((r) => Number(r.recipient)));
    expect(recipients.has(inspectorId)).toBe(true);
    expect(recipients.has(w.userIds.admin!)).toBe(true); // the district's administrator holds accountability.write too
    expect(recipients.has(elsewhereId)).toBe(false);
    expect(new Set(rows.map((r) => `${r.recipient}:${r.item}`)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.item)).size).toBe(4);
  });
});

describe('who sees and decides review items', () => {
  it('shows items only over their subject’s place', async () => {
    const list = await items(inspector);
    expect(list).toHaveLength(4);
    expect(await items(inspector, '?kind=objections_overruled')).toHaveLength(1);
    expect(await items(elsewhere)).toEqual([]);
    expect((await call(elsewhere, 'GET', `/api/accountability/review-items/${list[0]!.id}`)).statusCode).toBe(404);
    expect((await call(elsewhere, 'POST', `/api/accountability/review-items/${list[0]!.id}/dismiss`, { version: 1, note: '不属实' })).statusCode).toBe(404);
    expect((await call(w.clients.verifier, 'GET', '/api/accountability/review-items')).statusCode).toBe(403);
  });

  it('dismisses an open item with a note, at the version seen, once', async () => {
    const item = byKind(await items(inspector), 'dissatisfaction_rate')[0]!;
    const url = `/api/accountability/review-items/${item.id}/dismiss`;
    expect((await call(inspector, 'POST', url, { version: item.version })).statusCode).toBe(400);
    const stale = await call(inspector, 'POST', url, { version: item.version + 1, note: '经核实，不满意系群众对政策不理解所致' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('accountability_version_conflict');
    const done = await call(inspector, 'POST', url, { version: item.version, note: '经核实，不满意系群众对政策不理解所致' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'dismissed', note: '经核实，不满意系群众对政策不理解所致', version: 2, actions: [] });
    const again = await call(inspector, 'POST', url, { version: 2, note: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('accountability_review_item_decided');
    expect((await items(inspector, '?state=dismissed')).map((i) => i.id)).toEqual([item.id]);
  });

  it('escalates an item into a record with the item as its first ground, on the item’s person', async () => {
    const item = byKind(await items(inspector), 'overdue_cases').find((i) => i.figure === 3)!;
    const other = byKind(await items(inspector), 'overdue_cases').find((i) => i.figure === 2)!;
    const record = { personId: item.subject.id, form: 'form1', measure: 'admonishment', grounds: item.evidence.cases!.map((c) => ({ kind: 'case', ref: c.number })), summary: '3 件工单超期未反馈，予以诫勉。', decidedBy: '青川区纪委', decidedOn: '2026-04-02' };
    const url = `/api/accountability/review-items/${item.id}/escalate`;
    const wrong = await call(inspector, 'POST', url, { version: item.version, record: { ...record, personId: other.subject.id } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].code).toBe('accountability_review_person');
    const res = await call(inspector, 'POST', url, { version: item.version, note: '转纪检监察室处理', record });
    expect(res.statusCode, res.body).toBe(200);
    const { item: decided, record: made } = res.json();
    expect(decided).toMatchObject({ state: 'escalated', recordId: made.id, version: 2 });
    expect(made.grounds[0]).toMatchObject({ kind: 'review_item', ref: String(item.id) });
    expect(made.grounds.slice(1).map((g: { ref: string }) => g.ref)).toEqual([...numbers.handlerOverdue].sort());
    expect(made).toMatchObject({ personId: item.subject.id, personName: '科员', form: 'form1', measure: 'admonishment' });
    expect((await call(inspector, 'POST', url, { version: 2, record })).statusCode).toBe(409);
  });

  it('escalates a unit’s item on a person the recorder chooses; a failing record rolls the item back', async () => {
    const item = byKind(await items(inspector), 'objections_overruled')[0]!;
    const other = byKind(await items(inspector), 'overdue_cases').find((i) => i.figure === 2)!;
    const url = `/api/accountability/review-items/${item.id}/escalate`;
    const base = { personId: other.subject.id, form: 'form1', measure: 'criticism', grounds: [], summary: '异议多次成立，派单职责不清。', decidedBy: '青川区纪委', decidedOn: '2026-04-02' };
    // A measure of another form: the record is refused, and the item stays open.
    expect((await call(inspector, 'POST', url, { version: item.version, record: { ...base, measure: 'warning' } })).statusCode).toBe(422);
    expect((await call(inspector, 'GET', `/api/accountability/review-items/${item.id}`)).json()).toMatchObject({ state: 'open', version: 1 });
    const res = await call(inspector, 'POST', url, { version: item.version, record: base });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().record.grounds).toEqual([{ kind: 'review_item', ref: String(item.id), note: expect.stringContaining('2026-03') }]);
  });

  it('audits every opening and decision; the chain verifies', async () => {
    const actions = await queryRows<{ action: string; n: number }>(t.db, sql`SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'accountability.%' GROUP BY action ORDER BY action`);
    expect(Object.fromEntries(actions.map((a) => [a.action, a.n]))).toMatchObject({
      'accountability.review_item.open': 4,
      'accountability.review_item.dismiss': 1,
      'accountability.review_item.escalate': 2,
      'accountability.record': 2,
      'accountability.review_items.evaluate': 3,
      'accountability.review_settings': 3,
    });
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
