/**
 * `GET /api/assessment/figures` (issue #6 point 8): who may read it (assessors and
 * administrators within their subtree, API keys with the `assessment.read` scope), what bad
 * input gets, and the figures of a case taken through the whole loop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { buildCaseWorld, requestBody, type CaseWorld } from '../../../../test/helpers/cases.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, localDateOf } from '../../platform/time/zoned.js';
import { monthsOf } from './figures.js';
import { renderIndicatorDoc } from './indicators.doc.js';

let t: TestApp;
let w: CaseWorld;
let assessor: Client;
let streetAssessor: Client;
let today: string;
/** Deadlines fall days after today: the period reaches past them. */
let until: string;

interface FiguresBody {
  area: { id: number; name: string };
  basicWeight: number;
  indicators: Array<{ key: string; name: { zh: string; en: string }; definition: { zh: string; en: string }; numerator: number; denominator: number; value: number | null }>;
  counts: Record<string, number>;
}

const figuresUrl = (area: number, from = today, to = until, extra = '') => `/api/assessment/figures?area=${area}&from=${from}&to=${to}${extra}`;
const indicator = (body: FiguresBody, key: string) => body.indicators.find((i) => i.key === key)!;

async function act(who: Client, id: number, path: string, body: Record<string, unknown> = {}): Promise<void> {
  const res = await who.post(`/api/cases/${id}/${path}`, body);
  expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
}

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCaseWorld(t);
  await makeUser(t.db, { username: `assessor${w.district.id}`, roles: [{ role: 'assessor', nodeId: w.district.id }] });
  const otherStreet = await makeNode(t.db, { level: 'street', parent: w.district, name: '西城街道' });
  await makeUser(t.db, { username: `assessor2${w.district.id}`, roles: [{ role: 'assessor', nodeId: otherStreet.id }] });
  assessor = await login(t.app, `assessor${w.district.id}`);
  streetAssessor = await login(t.app, `assessor2${w.district.id}`);
  today = localDateOf(new Date(), 'Asia/Shanghai');
  until = addDays(today, 60);

  // One case through the whole loop, on time: 派单 → 签收 → 办理 → 反馈 → 核查 → 满意, resolved.
  const c = (await w.clients.resident.post('/api/cases', requestBody(w))).json().case as { id: number };
  await act(w.clients.dispatcher, c.id, 'dispatch', { orgId: w.units.cg });
  await act(w.clients.handler, c.id, 'sign');
  await act(w.clients.handler, c.id, 'start');
  await act(w.clients.handler, c.id, 'reply', { message: '路灯已修复' });
  await act(w.clients.verifier, c.id, 'verify', { passed: true });
  await act(w.clients.resident, c.id, 'rate', { rating: 'satisfied', resolved: true });
  // A second one the unit objects to, rated 基本满意 and "not resolved" after a 返工.
  const d = (await w.clients.resident.post('/api/cases', requestBody(w))).json().case as { id: number };
  await act(w.clients.dispatcher, d.id, 'dispatch', { orgId: w.units.cg });
  await act(w.clients.handler, d.id, 'objection', { reason: '应由市场监管局处理' });
  await act(w.clients.dispatcher, d.id, 'objection-decision', { decision: 'rejected', reason: '属于城管职责' });
  await act(w.clients.handler, d.id, 'sign');
  await act(w.clients.handler, d.id, 'reply', { message: '已处理' });
  await act(w.clients.verifier, d.id, 'verify', { passed: false, reason: '现场仍未修复' });
  await act(w.clients.handler, d.id, 'reply', { message: '已再次处理' });
  await act(w.clients.verifier, d.id, 'verify', { passed: true });
  await act(w.clients.resident, d.id, 'rate', { rating: 'basic', resolved: false });
}, 120_000);
afterAll(() => t.close());

describe('assessment figures', () => {
  it('gives every indicator of the subtree with numerator, denominator and value', async () => {
    const res = await assessor.get(figuresUrl(w.district.id));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as FiguresBody;
    expect(body.area).toMatchObject({ id: w.district.id, name: '青川区' });
    expect(body.basicWeight).toBe(0.8);
    // Without an area: the top of the caller's subtree.
    const top = (await assessor.get(`/api/assessment/figures?from=${today}&to=${until}`)).json() as FiguresBody;
    expect(top.area.id).toBe(w.district.id);
    expect(top.counts).toEqual(body.counts);
    expect(body.indicators.map((i) => i.key)).toEqual(['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeClosureRate', 'closureRate', 'timelyIntakeRate', 'returnRate', 'objectionRate', 'sendBackRate', 'redoRate']);
    for (const i of body.indicators) {
      expect(i.name.zh.length, i.key).toBeGreaterThan(1);
      expect(i.definition.zh, i.key).toContain('÷');
      expect(i.definition.en, i.key).toContain('÷');
    }
    expect(indicator(body, 'responseRate')).toEqual(expect.objectContaining({ numerator: 2, denominator: 2, value: 1 }));
    expect(indicator(body, 'resolutionRate')).toEqual(expect.objectContaining({ numerator: 1, denominator: 2, value: 0.5 }));
    expect(indicator(body, 'satisfactionRate')).toEqual(expect.objectContaining({ numerator: 1.8, denominator: 2, value: 0.9 }));
    expect(indicator(body, 'closureRate')).toEqual(expect.objectContaining({ numerator: 2, denominator: 2, value: 1 }));
    expect(indicator(body, 'returnRate')).toEqual(expect.objectContaining({ numerator: 1, denominator: 2, value: 0.5 }));
    expect(indicator(body, 'objectionRate')).toEqual(expect.objectContaining({ numerator: 1, denominator: 3, value: 0.3333 }));
    expect(indicator(body, 'sendBackRate')).toEqual(expect.objectContaining({ numerator: 0, denominator: 3, value: 0 }));
    expect(indicator(body, 'redoRate')).toEqual(expect.objectContaining({ numerator: 0, denominator: 2, value: 0 }));
    expect(body.counts).toMatchObject({ received: 2, objections: 1, objectionsRejected: 1, verified: 2, returned: 1 });
    expect(indicator(body, 'onTimeClosureRate')).toEqual(expect.objectContaining({ numerator: 2, denominator: 2, value: 1 }));
    expect(indicator(body, 'timelyIntakeRate')).toEqual(expect.objectContaining({ numerator: 2, denominator: 2, value: 1 }));
    // Counted on the day the deadline falls: a period of today alone holds the ratings, not the deadlines days away.
    const todayOnly = (await assessor.get(figuresUrl(w.district.id, today, today))).json() as FiguresBody;
    expect(todayOnly.counts).toMatchObject({ rated: 2, signDue: 0, feedbackDue: 0 });
  });

  it('gives a unit’s and a person’s figures, within the caller’s subtree', async () => {
    const unit = (await assessor.get(figuresUrl(w.district.id, today, until).replace(`area=${w.district.id}`, `org=${w.units.cg}`))).json() as FiguresBody & { subject: { kind: string; id: number; name: string } };
    expect(unit.subject).toEqual({ kind: 'org', id: w.units.cg, name: '城管委' });
    expect(unit.area.id).toBe(w.district.id);
    expect(indicator(unit, 'responseRate')).toEqual(expect.objectContaining({ numerator: 2, denominator: 2 }));
    expect(indicator(unit, 'objectionRate')).toEqual(expect.objectContaining({ numerator: 1, denominator: 3 }));
    const other = (await assessor.get(`/api/assessment/figures?org=${w.units.sj}&from=${today}&to=${until}`)).json() as FiguresBody;
    expect(other.counts.signed).toBe(0);
    const person = (await assessor.get(`/api/assessment/figures?user=${w.userIds.handler}&from=${today}&to=${until}`)).json() as FiguresBody & { subject: { kind: string } };
    expect(person.subject.kind).toBe('user');
    expect(person.counts).toMatchObject({ signed: 2, rated: 2, objections: 1 });
    // The units sit at the district: an assessor of another street may not read them.
    expect((await streetAssessor.get(`/api/assessment/figures?org=${w.units.cg}&from=${today}&to=${until}`)).statusCode).toBe(404);
    const both = await assessor.get(`/api/assessment/figures?area=${w.district.id}&org=${w.units.cg}&from=${today}&to=${until}`);
    expect(both.statusCode).toBe(422);
    expect(both.json().code).toBe('assessment_subject_ambiguous');
  });

  it('weighs 基本满意 as asked, and a subtree without cases has no values', async () => {
    const weighed = (await assessor.get(figuresUrl(w.district.id, today, until, '&basicWeight=0.5'))).json() as FiguresBody;
    expect(indicator(weighed, 'satisfactionRate')).toEqual(expect.objectContaining({ numerator: 1.5, value: 0.75 }));
    const empty = (await assessor.get(figuresUrl(w.otherCommunity.id))).json() as FiguresBody;
    expect(empty.indicators.every((i) => i.value === null && i.denominator === 0)).toBe(true);
    const past = (await assessor.get(figuresUrl(w.district.id, '2020-01-01', '2020-12-31'))).json() as FiguresBody;
    expect(past.counts.received).toBe(0);
  });

  it('is refused to those without assessment.read, and outside the caller’s subtree', async () => {
    expect((await t.app.inject({ method: 'GET', url: figuresUrl(w.district.id) })).statusCode).toBe(401);
    for (const who of ['resident', 'dispatcher', 'handler', 'verifier'] as const) {
      const res = await w.clients[who].get(figuresUrl(w.district.id));
      expect(res.statusCode, who).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await w.clients.admin.get(figuresUrl(w.district.id))).statusCode).toBe(200);
    // An assessor of another street: neither the district nor this street's communities.
    expect((await streetAssessor.get(figuresUrl(w.district.id))).statusCode).toBe(404);
    expect((await streetAssessor.get(figuresUrl(w.community.id))).statusCode).toBe(404);
    expect((await assessor.get(figuresUrl(999_999_999))).statusCode).toBe(404);
  });

  it('answers an API key with the assessment.read scope, and refuses other keys', async () => {
    const made = await w.clients.admin.post('/api/admin/api-keys', { name: '区考核办统计工具', scopes: ['assessment.read'] });
    expect(made.statusCode, made.body).toBe(201);
    const intakeOnly = (await w.clients.admin.post('/api/admin/api-keys', { name: '热线系统', scopes: ['cases.intake'] })).json().key as string;
    const bearer = (key: string) => t.app.inject({ method: 'GET', url: figuresUrl(w.district.id), headers: { authorization: `Bearer ${key}` } });
    const ok = await bearer(made.json().key);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(indicator(ok.json() as FiguresBody, 'responseRate').value).toBe(1);
    const scope = await bearer(intakeOnly);
    expect(scope.statusCode).toBe(403);
    expect(scope.json().code).toBe('assessment_api_key_scope');
    expect((await bearer('gz_not-a-key')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: figuresUrl(w.district.id), headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
  });

  it('answers bad input with a problem in the caller’s language', async () => {
    const missing = await assessor.get(`/api/assessment/figures?area=${w.district.id}&from=${today}`);
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await assessor.get(figuresUrl(w.district.id, '2026-02-30', today))).statusCode).toBe(400);
    expect((await assessor.get(figuresUrl(w.district.id, today, until, '&basicWeight=2'))).statusCode).toBe(400);
    const backwards = await assessor.get(figuresUrl(w.district.id, '2026-03-01', '2026-02-01'), { 'accept-language': 'en-US' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('assessment_period_invalid');
    expect(backwards.json().title).toBe('The period ends before it starts');
    const tooLong = await assessor.get(figuresUrl(w.district.id, '2000-01-01', '2026-01-01'));
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().title).toContain('3660');
  });
});

describe('monthsOf', () => {
  it('lists every month the period touches, across a new year', () => {
    expect(monthsOf({ from: '2025-11-30', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf({ from: '2026-03-05', to: '2026-03-06' })).toEqual(['2026-03']);
  });
});

describe('assessment trend', () => {
  it('gives every month of the period, the figures of each summing to the period’s', async () => {
    const from = addDays(today, -70);
    const res = await assessor.get(`/api/assessment/trend?area=${w.district.id}&from=${from}&to=${until}`);
    expect(res.statusCode, res.body).toBe(200);
    const months = (res.json() as { months: Array<{ month: string; indicators: Array<{ key: string; numerator: number; denominator: number }> }> }).months;
    expect(months[0]!.month).toBe(from.slice(0, 7));
    expect(months.at(-1)!.month).toBe(until.slice(0, 7));
    expect(months.length).toBeGreaterThanOrEqual(4);
    const whole = (await assessor.get(figuresUrl(w.district.id, from, until))).json() as FiguresBody;
    for (const i of whole.indicators) {
      const sum = months.reduce((n, m) => n + m.indicators.find((x) => x.key === i.key)!.denominator, 0);
      expect(sum, i.key).toBe(i.denominator);
    }
    expect((await w.clients.dispatcher.get(`/api/assessment/trend?area=${w.district.id}&from=${from}&to=${until}`)).statusCode).toBe(403);
  });
});

describe('the indicator document', () => {
  it('is in step with the definitions (run `npm run gen:docs` after changing them)', () => {
    expect(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'assessment.md'), 'utf8')).toBe(renderIndicatorDoc());
  });
});
