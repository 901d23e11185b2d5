/**
 * The petition clocks on a real database with the clock moved: the out-of-remit objection
 * within 5 working days of receipt across the 2026 National Day holiday and its 调休
 * Saturday (on the calendar loaded at install), refused after; the 复查 request window; and
 * the hourly sweep, which flags each clock that ran out — registration, acceptance/objection,
 * conclusion, review answer — once, and reminds the body responsible in-app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildPetitionWorld, type PetitionWorld, type Who } from '../../../../test/helpers/petitions.js';
import { queryRows } from '../../platform/db/database.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { sweepPetitionClocks } from './petition-sweeper.js';

let t: TestApp;
let w: PetitionWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildPetitionWorld(t);
});
afterAll(async () => {
  await w?.close();
  await t.close();
});

interface P {
  id: number;
  version: number;
  number: string;
}

async function post(who: Who, p: P, action: string, body: Record<string, unknown> = {}): Promise<P & Record<string, unknown>> {
  const res = await w.call(who, 'POST', `/api/petitions/${p.id}/${action}`, { version: p.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function letter(title: string): Promise<P> {
  const res = await w.call('registrar', 'POST', '/api/petitions', { channel: 'letter', title, content: '来信反映的事项。', nodeId: w.community.id, petitioner: { name: '来信人', phone: '13800001111' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const routed = async (title: string) => post('registrar', await letter(title), 'register', { orgId: w.units.committee, routeKind: 'transfer' });

describe('the out-of-remit objection: 5 working days of receipt, on the holiday calendar', () => {
  let early: P;
  let late: P;

  it('counts the days over 国庆 and the 调休 Saturday', async () => {
    w.setNow('2026-09-28T02:00:00Z'); // Monday 10:00 in Shanghai
    early = await routed('物业费收费标准争议');
    late = await routed('停车位分配不公');
    // Sep 29, 30, (Oct 1–7 off), Oct 8, 9, 10 (调休 Saturday) → the end of Oct 10, Shanghai.
    expect((early as unknown as { objectionDueAt: string }).objectionDueAt).toBe('2026-10-10T16:00:00.000Z');
  });

  it('takes an objection after 8 calendar days (within 5 working days) and sends it back to the registrar', async () => {
    // Monday to Friday alone would have closed the window at the end of October 5.
    w.setNow('2026-10-09T02:00:00Z');
    const p = await post('handler', early, 'object', { reason: '物业收费属住建部门职责，不属居委会职权范围。' });
    expect(p).toMatchObject({ state: 'returned', handler: null, clock: 'register', actions: [] });
    const staffView = (await w.call('registrar', 'GET', `/api/petitions/${early.id}`)).json();
    expect(staffView.actions).toEqual(expect.arrayContaining(['register', 'refuse']));
    expect(staffView.timeline.at(-1)).toMatchObject({ event: 'object', public: false, note: expect.stringContaining('物业收费属住建部门职责') });
    const told = await queryRows<{ recipient: string }>(t.db, sql`SELECT recipient FROM outbox WHERE template = 'petition.returned' AND params->>'petitionId' = ${String(early.id)}`);
    expect(told.map((r) => r.recipient)).toEqual([String(w.userIds.registrar)]);
  });

  it('refuses an objection once the 5 working days have passed: the matter is the body’s', async () => {
    w.setNow('2026-10-10T15:59:00Z');
    expect((await w.call('handler', 'GET', `/api/petitions/${late.id}`)).json().actions).toEqual(['accept', 'object']);
    w.setNow('2026-10-10T16:00:00Z');
    expect((await w.call('handler', 'GET', `/api/petitions/${late.id}`)).json().actions).toEqual(['accept']);
    const res = await w.call('handler', 'POST', `/api/petitions/${late.id}/object`, { version: late.version, reason: '不属本单位职权范围。' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('petitions_objection_window_closed');
    expect((await post('handler', late, 'accept')).state).toBe('accepted');
  });
});

describe('the 复查 and 复核 request windows', () => {
  it('takes a request on the 30th day and refuses one on the 31st; the answer then stands', async () => {
    const concludeOn = async (title: string) => {
      w.setNow('2026-07-01T02:00:00Z');
      const r = await routed(title);
      const a = await post('handler', r, 'accept');
      w.setNow('2026-07-06T02:00:00Z');
      return post('handler', a, 'conclude', { opinion: 'reject', text: '经核查，反映情况不属实。' });
    };
    const inTime = await concludeOn('绿地被占用');
    const tooLate = await concludeOn('围墙倒塌隐患');
    expect(inTime.reviewWindowEndsAt).toBe('2026-08-05T16:00:00.000Z');
    // A letter's petitioner has no account: the registrar records their request.
    w.setNow('2026-08-05T15:59:00Z');
    const asked = await post('registrar', inTime, 'request-review', { text: '信访人来信申请复查。' });
    expect(asked).toMatchObject({ state: 'review_requested', clock: 'review' });
    w.setNow('2026-08-05T16:00:00Z');
    const res = await w.call('registrar', 'POST', `/api/petitions/${tooLate.id}/request-review`, { version: tooLate.version, text: '信访人来信申请复查。' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('petitions_review_window_closed');
    expect((await w.call('registrar', 'GET', `/api/petitions/${tooLate.id}`)).json()).toMatchObject({ state: 'concluded', final: true, actions: [] });

    // 复核 likewise: within 30 days of the 复查 answer.
    w.setNow('2026-08-10T02:00:00Z');
    const reviewed = await post('registrar', asked, 'answer-review', { outcome: 'upheld', text: '维持原处理意见。' });
    w.setNow('2026-09-09T16:00:00Z');
    const closed = await w.call('registrar', 'POST', `/api/petitions/${reviewed.id}/request-review`, { version: reviewed.version, text: '申请复核。' });
    expect(closed.json().code).toBe('petitions_review_window_closed');
    expect((await w.call('registrar', 'GET', `/api/petitions/${reviewed.id}`)).json().final).toBe(true);
  });
});

describe('the clocks’ sweep', () => {
  const ids: Record<'register' | 'objection' | 'conclude' | 'review' | 'concluded', P> = {} as never;
  const outboxOf = (id: number) => queryRows<{ recipient: string; params: { clock: string } }>(t.db, sql`SELECT recipient, params FROM outbox WHERE template = 'petition.overdue' AND params->>'petitionId' = ${String(id)} ORDER BY id`);

  it('flags each clock that ran out, once, and reminds whoever answers for it', async () => {
    w.setNow('2026-03-02T02:00:00Z');
    ids.register = await letter('登记超期');
    ids.objection = await routed('受理超期');
    ids.conclude = await post('handler', await routed('办结超期'), 'accept');
    const review = await post('handler', await post('handler', await routed('复查超期'), 'accept'), 'conclude', { opinion: 'support', text: '已办理。' });
    ids.review = await post('registrar', review, 'request-review', { text: '申请复查。' });
    ids.concluded = await post('handler', await post('handler', await routed('已办结'), 'accept'), 'conclude', { opinion: 'support', text: '已办理。' });

    // Nothing is due the next day.
    expect(await sweepPetitionClocks(t.db, new Date('2026-03-03T02:00:00Z'))).toBe(0);
    // Two weeks on: only the objection window (5 working days) has run out.
    const flag = async (at: string) => sweepPetitionClocks(t.db, new Date(at));
    expect(await flag('2026-03-16T02:00:00Z')).toBe(1);
    // Registration (15 days: the end of March 17) ran out too.
    expect(await flag('2026-03-18T02:00:00Z')).toBe(1);
    // The 复查 answer (30 days: the end of April 1).
    expect(await flag('2026-04-02T02:00:00Z')).toBe(1);
    // Conclusion (60 days: the end of May 1).
    expect(await flag('2026-05-02T02:00:00Z')).toBe(1);
    // Flagged once: a second sweep finds nothing new.
    expect(await flag('2026-05-03T02:00:00Z')).toBe(0);

    const expectFlag = async (p: P, clock: string, recipient: number) => {
      const view = (await w.call('registrar', 'GET', `/api/petitions/${p.id}`)).json();
      expect(view).toMatchObject({ overdue: true, clock });
      expect(view.timeline.at(-1)).toMatchObject({ event: 'overdue', public: false });
      const sent = await outboxOf(p.id);
      expect(sent.map((m) => [m.recipient, m.params.clock])).toEqual([[String(recipient), clock]]);
    };
    await expectFlag(ids.register, 'register', w.userIds.registrar);
    await expectFlag(ids.objection, 'objection', w.userIds.handler);
    await expectFlag(ids.conclude, 'conclude', w.userIds.handler);
    await expectFlag(ids.review, 'review', w.userIds.registrar);
    expect((await w.call('registrar', 'GET', `/api/petitions/${ids.concluded.id}`)).json().overdue).toBe(false);
    // The resident's side is not told of internal reminders; the list filters by the flag.
    const overdue = (await w.call('registrar', 'GET', '/api/petitions?overdue=true&limit=200')).json().items.map((i: { id: number }) => i.id);
    expect(overdue).toEqual(expect.arrayContaining([ids.register.id, ids.objection.id, ids.conclude.id, ids.review.id]));
    expect(overdue).not.toContain(ids.concluded.id);
  });

  it('clears the flag when the step is done, and starts the next clock', async () => {
    w.setNow('2026-05-04T02:00:00Z');
    const accepted = await post('handler', ids.objection, 'accept');
    expect(accepted).toMatchObject({ overdue: false, clock: 'conclude' });
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
