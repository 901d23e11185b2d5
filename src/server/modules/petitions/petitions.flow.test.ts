/**
 * A petition's whole way through HTTP on a real database, with the clock moved step by step:
 * a resident's 网上信访 → 登记 + 交办 to the 居委会 → 受理 → one extension (asked, approved,
 * the resident told why) → 办结 with a 处理意见 → the resident's 复查 (the street answers) →
 * 复核 (the district answers) → final. Then a later petition on the same facts is refused
 * registration and the petitioner is given the earlier number. Everything is audited and the
 * audit chain verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildPetitionWorld, type PetitionWorld } from '../../../../test/helpers/petitions.js';
import { queryRows } from '../../platform/db/database.js';
import { verifyAudit } from '../../platform/audit/verify.js';

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

describe('a petition from receipt to 复核', () => {
  let id: number;
  let number: string;
  let version: number;
  const step = async (who: Parameters<PetitionWorld['call']>[0], action: string, body: Record<string, unknown> = {}) => {
    const res = await w.call(who, 'POST', `/api/petitions/${id}/${action}`, { version, ...body });
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    return res.json();
  };

  it('receives a resident’s online petition in their own place, with the 15-day registration clock', async () => {
    w.setNow('2026-06-01T02:00:00Z'); // 10:00 in Shanghai
    const res = await w.call('resident', 'POST', '/api/petitions', { channel: 'online', title: '小区违建阻塞消防通道', content: '6号楼一层住户私自搭建彩钢房，堵塞消防通道，多次反映无果。' });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    ({ id, number, version } = p);
    expect(number).toMatch(/^XF20260601-\d{4}$/);
    expect(p).toMatchObject({ state: 'received', channel: 'online', nodeId: w.grid.id, clock: 'register', overdue: false, final: false, actions: [] });
    // Within 15 days, the day of receipt not counted: the end of June 16 (Shanghai).
    expect(p.registerDueAt).toBe('2026-06-16T16:00:00.000Z');
    expect(p.clockDueAt).toBe(p.registerDueAt);
  });

  it('is registered and assigned to the 居委会, whose 5 working days to object start', async () => {
    w.setNow('2026-06-03T02:00:00Z'); // Wednesday
    const seen = (await w.call('registrar', 'GET', `/api/petitions/${id}`)).json();
    expect(seen.actions).toEqual(expect.arrayContaining(['register', 'refuse', 'link']));
    const p = await step('registrar', 'register', { orgId: w.units.committee, routeKind: 'assign' });
    expect(p).toMatchObject({ state: 'routed', routeKind: 'assign', handler: { orgId: w.units.committee, name: '幸福社区居委会' }, clock: 'objection' });
    // Thu 4, Fri 5, Mon 8, Tue 9, Wed 10 June (no holiday) → the end of June 10.
    expect(p.objectionDueAt).toBe('2026-06-10T16:00:00.000Z');
    const told = await queryRows<{ recipient: string; template: string }>(t.db, sql`SELECT recipient, template FROM outbox WHERE params->>'petitionId' = ${String(id)} ORDER BY id`);
    expect(told).toEqual(expect.arrayContaining([{ recipient: String(w.userIds.handler), template: 'petition.routed' }, { recipient: String(w.userIds.resident), template: 'petition.progress' }]));
  });

  it('is accepted by the handling body: 60 days to conclude', async () => {
    w.setNow('2026-06-05T02:00:00Z');
    expect((await w.call('handler', 'GET', `/api/petitions/${id}`)).json().actions).toEqual(['accept', 'object']);
    const p = await step('handler', 'accept');
    expect(p).toMatchObject({ state: 'accepted', clock: 'conclude' });
    expect(p.concludeDueAt).toBe('2026-08-04T16:00:00.000Z'); // June 5 + 60 days = August 4, to its end
  });

  it('gets one extension of at most 30 days, approved by the registrar, the resident told why', async () => {
    w.setNow('2026-07-20T02:00:00Z');
    const long = await w.call('handler', 'POST', `/api/petitions/${id}/extend`, { version, days: 31, reason: '需消防部门现场认定' });
    expect(long.statusCode).toBe(422);
    expect(long.json().code).toBe('petitions_extension_too_long');
    expect(long.json().detail).toContain('30');
    await step('handler', 'extend', { days: 20, reason: '需消防部门现场认定违建性质' });
    // Asked once: no second request, even before the first is decided.
    const again = await w.call('handler', 'POST', `/api/petitions/${id}/extend`, { version, days: 5, reason: '再延' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('petitions_extension_once');
    // The handling body does not approve its own extension.
    expect((await w.call('handler', 'POST', `/api/petitions/${id}/decide-extension`, { version, approve: true })).statusCode).toBe(403);
    // The resident does not see a pending request.
    expect((await w.call('resident', 'GET', `/api/petitions/${id}`)).json().extension).toEqual({ state: 'none', days: null, reason: null });
    const p = await step('registrar', 'decide-extension', { approve: true });
    expect(p.extension).toEqual({ state: 'approved', days: 20, reason: '需消防部门现场认定违建性质' });
    expect(p.concludeDueAt).toBe('2026-08-24T16:00:00.000Z');
    const mine = (await w.call('resident', 'GET', `/api/petitions/${id}`)).json();
    expect(mine.extension.reason).toBe('需消防部门现场认定违建性质');
    expect(mine.timeline.map((e: { event: string }) => e.event)).toEqual(['receive', 'register', 'accept', 'decide_extension']);
    const after = await w.call('handler', 'POST', `/api/petitions/${id}/extend`, { version, days: 5, reason: '再延' });
    expect(after.json().code).toBe('petitions_extension_once');
  });

  it('is concluded with a 处理意见, which the resident reads and may contest within 30 days', async () => {
    w.setNow('2026-08-10T02:00:00Z');
    const p = await step('handler', 'conclude', { opinion: 'partial', text: '已责令拆除堵塞通道部分；其余部分移交综合执法处理。' });
    expect(p).toMatchObject({ state: 'concluded', opinion: 'partial', clock: null, final: false });
    expect(p.reviewWindowEndsAt).toBe('2026-09-09T16:00:00.000Z');
    const mine = (await w.call('resident', 'GET', `/api/petitions/${id}`)).json();
    expect(mine).toMatchObject({ opinion: 'partial', opinionText: '已责令拆除堵塞通道部分；其余部分移交综合执法处理。', actions: ['request_review'] });
    // Staff may not ask for a review on behalf of a petitioner who has an account.
    expect((await w.call('registrar', 'POST', `/api/petitions/${id}/request-review`, { version, text: '代为申请' })).statusCode).toBe(403);
  });

  it('goes to 复查 at the level above the handling unit, answered within 30 days', async () => {
    w.setNow('2026-09-01T02:00:00Z');
    const p = await step('resident', 'request-review', { text: '通道仍未完全打通，申请复查。' });
    expect(p).toMatchObject({ state: 'review_requested', clock: 'review' });
    expect(p.clockDueAt).toBe('2026-10-01T16:00:00.000Z');
    // The handling unit's own staff do not review their answer; the street's registrar does.
    expect((await w.call('handler', 'POST', `/api/petitions/${id}/answer-review`, { version, outcome: 'upheld', text: '维持' })).statusCode).toBe(403);
    w.setNow('2026-09-20T02:00:00Z');
    const answered = await step('registrar', 'answer-review', { outcome: 'changed', text: '经复查，责令在 15 日内全部拆除。' });
    expect(answered).toMatchObject({ state: 'reviewed', reviews: [{ level: 'review', outcome: 'changed', answer: '经复查，责令在 15 日内全部拆除。' }] });
    expect(answered.reviewWindowEndsAt).toBe('2026-10-20T16:00:00.000Z');
  });

  it('goes to 复核 at the level above that, and its answer is final', async () => {
    w.setNow('2026-10-05T02:00:00Z');
    await step('resident', 'request-review', { text: '对复查意见仍不服，申请复核。' });
    // The street answered the 复查; the 复核 is the district's.
    expect((await w.call('registrar', 'POST', `/api/petitions/${id}/answer-review`, { version, outcome: 'upheld', text: '维持' })).statusCode).toBe(403);
    w.setNow('2026-10-20T02:00:00Z');
    const p = await step('upper', 'answer-review', { outcome: 'upheld', text: '经复核，维持复查意见。' });
    expect(p).toMatchObject({ state: 'rechecked', final: true, clock: null, reviewWindowEndsAt: null, actions: [] });
    expect(p.reviews.map((r: { level: string }) => r.level)).toEqual(['review', 'recheck']);
    expect((await w.call('resident', 'POST', `/api/petitions/${id}/request-review`, { version, text: '再申请' })).statusCode).toBe(409);
  });

  it('refuses to register a later petition on the same facts and gives the petitioner the earlier number', async () => {
    w.setNow('2026-11-02T02:00:00Z');
    const again = await w.call('resident', 'POST', '/api/petitions', { channel: 'online', title: '违建仍阻塞消防通道', content: '6号楼违建彩钢房仍未拆除，再次反映。' });
    expect(again.statusCode, again.body).toBe(201);
    let next = again.json();
    const linked = await w.call('registrar', 'POST', `/api/petitions/${next.id}/link`, { version: next.version, earlierNumber: number });
    expect(linked.statusCode, linked.body).toBe(200);
    next = linked.json();
    expect(next.sameFactsOf).toBe(number);
    const registered = await w.call('registrar', 'POST', `/api/petitions/${next.id}/register`, { version: next.version, orgId: w.units.committee, routeKind: 'assign' });
    expect(registered.statusCode).toBe(409);
    expect(registered.json().code).toBe('petitions_same_facts_final');
    expect(registered.json().detail).toContain(number);
    const refused = await w.call('registrar', 'POST', `/api/petitions/${next.id}/refuse`, { version: next.version, reason: '同一事实和理由已经复核终结，不再受理', redirect: `原信访件 ${number} 的复核意见为最终意见` });
    expect(refused.statusCode, refused.body).toBe(200);
    const mine = (await w.call('resident', 'GET', `/api/petitions/${next.id}`)).json();
    expect(mine).toMatchObject({ state: 'refused', sameFactsOf: number, refusalReason: '同一事实和理由已经复核终结，不再受理' });
    // The link is a registrar's internal note; the resident sees the refusal only.
    expect(mine.timeline.map((e: { event: string }) => e.event)).toEqual(['receive', 'refuse']);
  });

  it('audited every step in order, and the chain verifies', async () => {
    const rows = await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_log WHERE subject_type = 'petition' AND subject_id = ${String(id)} ORDER BY seq`);
    expect(rows.map((r) => r.action)).toEqual([
      'petition.receive', 'petition.register', 'petition.accept', 'petition.extend', 'petition.decide_extension', 'petition.conclude',
      'petition.request_review', 'petition.answer_review', 'petition.request_review', 'petition.answer_review',
    ]);
    const contact = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE subject_type = 'petition' AND changes::text LIKE '%petitioner%'`);
    expect(contact[0]!.n).toBe(0);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});

describe('same facts while the earlier petition is open or its window lapsed', () => {
  const file = async (title: string) => (await w.call('registrar', 'POST', '/api/petitions', { channel: 'letter', title, content: '反映同一事项。', nodeId: w.community.id, petitioner: { name: '王某', phone: '13800000000' } })).json();
  const link = async (p: { id: number; version: number }, earlierNumber: string) => (await w.call('registrar', 'POST', `/api/petitions/${p.id}/link`, { version: p.version, earlierNumber })).json();
  const register = (p: { id: number; version: number }) => w.call('registrar', 'POST', `/api/petitions/${p.id}/register`, { version: p.version, orgId: w.units.committee, routeKind: 'transfer' });

  it('continues on the open petition, refuses once its answer stood unreviewed for 30 days, registers after a refusal', async () => {
    w.setNow('2026-06-01T02:00:00Z');
    const earlier = await file('楼顶漏水');
    let routed = (await register(earlier)).json();
    routed = (await w.call('handler', 'POST', `/api/petitions/${earlier.id}/accept`, { version: routed.version })).json();
    w.setNow('2026-06-02T02:00:00Z');
    const open = await link(await file('楼顶漏水（重复）'), earlier.number);
    const blocked = await register(open);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('petitions_same_facts_open');
    w.setNow('2026-06-10T02:00:00Z');
    await w.call('handler', 'POST', `/api/petitions/${earlier.id}/conclude`, { version: routed.version, opinion: 'support', text: '已维修。' });
    // Concluded June 10: the window to ask for 复查 ends with July 10; after it the answer stands.
    w.setNow('2026-07-10T15:59:00Z');
    expect((await w.call('registrar', 'GET', `/api/petitions/${earlier.id}`)).json().final).toBe(false);
    expect((await register(open)).json().code).toBe('petitions_same_facts_open');
    w.setNow('2026-07-10T16:00:00Z');
    expect((await w.call('registrar', 'GET', `/api/petitions/${earlier.id}`)).json().final).toBe(true);
    expect((await register(open)).json().code).toBe('petitions_same_facts_final');

    const refusedFirst = await file('噪声扰民');
    const refused = (await w.call('registrar', 'POST', `/api/petitions/${refusedFirst.id}/refuse`, { version: refusedFirst.version, reason: '不属信访受理范围', redirect: '请拨打 12345' })).json();
    expect(refused.state).toBe('refused');
    const later = await link(await file('噪声扰民（再次）'), refusedFirst.number);
    expect((await register(later)).statusCode).toBe(200);
  });
});
