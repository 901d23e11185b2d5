/**
 * The rollups equal a naive recomputation from the raw rows (issue #6 point 9): random
 * sequences of case actions — by the resident, the dispatcher, the units' staff and the
 * verifier, at random moments, with the deadline sweeper in between — then, for random
 * subjects (every area of the tree, the units, the handlers) and periods, the figures the
 * database summed as it went equal the ones naive-figures computes from the rows now; and
 * assessment_rebuild() recomputes exactly the table the triggers kept.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildCaseWorld, requestBody, type CaseWorld } from '../../../../test/helpers/cases.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { queryRows } from '../../platform/db/database.js';
import { localDateOf } from '../../platform/time/zoned.js';
import { sweepDeadlines } from '../cases/case-sweeper.js';
import { columnOf, counters } from './counters.js';
import { countsOf } from './figures.js';
import { naiveCounts, type Subject } from './naive-figures.test-support.js';

let base: TestApp;
let t: TestApp;
let w: CaseWorld;
let now = new Date('2026-03-02T01:00:00Z');
const caseIds: number[] = [];

beforeAll(async () => {
  base = await buildTestApp();
  // The world lives on an app whose clock the test moves (sessions outlive the jumps).
  const config = loadConfig({ GONGZHI_WEB_DIR: '/nonexistent', GONGZHI_RATE_LIMIT: '1000000', GONGZHI_SESSION_TTL_HOURS: '100000' });
  const app = await buildApp({ config, database: base.test.database, logger: false, clock: () => now });
  await app.ready();
  t = { ...base, app, close: async () => void (await app.close()) };
  w = await buildCaseWorld(t);
}, 120_000);
afterAll(async () => {
  await t.close();
  await base.close();
});

type Who = keyof CaseWorld['clients'];

type Action = 'accept' | 'dispatchCg' | 'dispatchSj' | 'refuse' | 'object' | 'uphold' | 'reject' | 'sign' | 'start' | 'reply' | 'extension' | 'approve' | 'pass' | 'fail' | 'rate' | 'redo' | 'reopen';
type Step = { kind: 'submit'; where: 'grid' | 'otherCommunity' } | { kind: 'act'; pick: number; action: Action | 'next' } | { kind: 'later'; minutes: number; sweep: boolean };
interface Rate {
  rating: 'satisfied' | 'basic' | 'dissatisfied';
  resolved: boolean | null;
}

const actions: readonly Action[] = ['accept', 'dispatchCg', 'dispatchSj', 'refuse', 'object', 'uphold', 'reject', 'sign', 'start', 'reply', 'extension', 'approve', 'pass', 'fail', 'rate', 'redo', 'reopen'];

/**
 * One step: a new case, the natural next action on a case (so cases get through the whole
 * loop), any action on a case (refused when its state does not allow it, which is fine), or
 * time passing, with or without a sweep of the deadlines.
 */
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('submit' as const), where: fc.constantFrom('grid' as const, 'otherCommunity' as const) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('act' as const), pick: fc.nat(), action: fc.constant('next' as const) }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('act' as const), pick: fc.nat(), action: fc.constantFrom(...actions) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('later' as const), minutes: fc.integer({ min: 1, max: 6 * 24 * 60 }), sweep: fc.boolean() }), weight: 2 },
);

const rateArb: fc.Arbitrary<Rate> = fc.record({ rating: fc.constantFrom('satisfied' as const, 'basic' as const, 'dissatisfied' as const), resolved: fc.constantFrom(true, false, null) });

/** What usually comes next in `state` (a coin decides between the two ways some states go on). */
function nextAction(state: string, coin: boolean): Action | undefined {
  const next: Record<string, Action | [Action, Action]> = {
    submitted: ['dispatchCg', 'accept'],
    accepted: ['dispatchCg', 'dispatchSj'],
    dispatched: ['sign', 'object'],
    objected: ['uphold', 'reject'],
    signed: ['start', 'extension'],
    in_progress: ['reply', 'extension'],
    replied: ['pass', 'fail'],
    verified: 'rate',
    rated: 'redo',
  };
  const n = next[state];
  return Array.isArray(n) ? n[coin ? 0 : 1] : n;
}

async function perform(s: Step, rate: Rate, coin: boolean): Promise<void> {
  if (s.kind === 'later') {
    now = new Date(now.getTime() + s.minutes * 60_000);
    if (s.sweep) await sweepDeadlines(t.db, now);
    return;
  }
  if (s.kind === 'submit') {
    const res = await w.clients.resident.post('/api/cases', requestBody(w, { nodeId: w[s.where].id }));
    expect(res.statusCode, res.body).toBe(201);
    caseIds.push(res.json().case.id);
    return;
  }
  if (caseIds.length === 0) return;
  // The natural next step goes to one of the three oldest open cases, so cases get through the whole loop.
  const open = s.action === 'next' ? await queryRows<{ id: number }>(t.db, sql`SELECT id FROM cases WHERE id = ANY(${sql.param(caseIds)}::bigint[]) AND state NOT IN ('closed', 'refused', 'merged') ORDER BY id LIMIT 3`) : [];
  const id = open.length > 0 ? Number(open[s.pick % open.length]!.id) : caseIds[s.pick % caseIds.length]!;
  const [row] = await queryRows<{ lead_org_id: number | null; state: string }>(t.db, sql`SELECT lead_org_id, state FROM cases WHERE id = ${id}`);
  const action = s.action === 'next' ? nextAction(row!.state, coin) : s.action;
  if (!action) return;
  const unitStaff: Who = Number(row!.lead_org_id) === w.units.sj ? 'otherHandler' : 'handler';
  const calls: Record<Action, [Who, string, Record<string, unknown>]> = {
    accept: ['dispatcher', 'accept', {}],
    dispatchCg: ['dispatcher', 'dispatch', { orgId: w.units.cg }],
    dispatchSj: ['dispatcher', 'dispatch', { orgId: w.units.sj }],
    refuse: ['dispatcher', 'refuse', { reason: '不属于受理范围', channel: '人民法院' }],
    object: [unitStaff, 'objection', { reason: '不属于本单位职责' }],
    uphold: ['dispatcher', 'objection-decision', { decision: 'upheld', reason: '异议成立', orgId: unitStaff === 'handler' ? w.units.sj : w.units.cg }],
    reject: ['dispatcher', 'objection-decision', { decision: 'rejected', reason: '属于本单位职责' }],
    sign: [unitStaff, 'sign', {}],
    start: [unitStaff, 'start', {}],
    reply: [unitStaff, 'reply', { message: '已修复' }],
    extension: [unitStaff, 'extension', { reason: '需协调供电部门', workingDays: 3 }],
    approve: ['verifier', 'extension-decision', { approved: true, reason: '同意' }],
    pass: ['verifier', 'verify', { passed: true }],
    fail: ['verifier', 'verify', { passed: false, reason: '现场仍未修复' }],
    rate: ['resident', 'rate', { ...rate }],
    redo: ['resident', 'redo', { reason: '问题没有解决' }],
    reopen: ['resident', 'reopen', { reason: '又坏了' }],
  };
  const [who, path, body] = calls[action];
  const res = await w.clients[who].post(`/api/cases/${id}/${path}`, body);
  // Refusals are expected; a server error is not.
  expect(res.statusCode, res.body).toBeLessThan(500);
  // A pending extension is decided at once half the time, so approvals happen.
  if (action === 'extension' && res.statusCode === 200 && coin) await w.clients.verifier.post(`/api/cases/${id}/extension-decision`, { approved: true, reason: '同意' });
}

async function subjects(): Promise<Subject[]> {
  const areas = [w.district, w.street, w.community, w.otherCommunity, w.grid].map((n) => ({ kind: 'area' as const, ref: n.id }));
  const orgs = [w.units.cg, w.units.sj].map((ref) => ({ kind: 'org' as const, ref }));
  const users = [w.userIds.handler!, w.userIds.otherHandler!, w.userIds.handler2!].map((ref) => ({ kind: 'user' as const, ref }));
  return [...areas, ...orgs, ...users];
}

const day = (offset: number) => localDateOf(new Date(Date.parse('2026-03-02T01:00:00Z') + offset * 86_400_000), 'Asia/Shanghai');

describe('assessment rollups', () => {
  it('equal a naive recomputation from the raw cases after random event sequences', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(step, rateArb, fc.boolean()), { minLength: 20, maxLength: 60 }), fc.array(fc.tuple(fc.nat({ max: 120 }), fc.nat({ max: 120 })), { minLength: 3, maxLength: 3 }), async (steps, periods) => {
        for (const [s, rate, coin] of steps) await perform(s, rate, coin);
        for (const subject of await subjects()) {
          for (const [a, b] of [[0, 400] as [number, number], ...periods]) {
            const [from, to] = [day(Math.min(a, b)), day(Math.max(a, b))];
            const kept = await countsOf(t.db, subject.kind, subject.ref, { from, to });
            expect(kept, `${subject.kind} ${subject.ref} ${from}..${to}`).toEqual(await naiveCounts(t.db, subject, from, to));
          }
        }
      }),
      // Seeded, so a CI run is repeatable; FC_SEED=<n> explores other sequences.
      { numRuns: 12, seed: Number(process.env.FC_SEED ?? 20261130) },
    );
    // The run must have exercised the loop, not only refusals.
    const all = await countsOf(t.db, 'area', w.district.id, { from: day(-1), to: day(800) });
    for (const c of ['received', 'closed', 'signDue', 'signed', 'feedbackDue', 'rated', 'verified', 'objections'] as const) expect(all[c], c).toBeGreaterThan(0);
  });

  it('are what assessment_rebuild() recomputes from every row', async () => {
    // The triggers may leave a row whose counts all went back to 0; the rebuild writes none.
    const anyCount = sql.raw(counters.map((c) => `${columnOf(c)} <> 0`).join(' OR '));
    const nonZero = sql`SELECT * FROM assessment_daily WHERE ${anyCount} ORDER BY kind, ref, day`;
    const kept = await queryRows(t.db, nonZero);
    await t.db.execute(sql`SELECT assessment_rebuild()`);
    expect(await queryRows(t.db, nonZero)).toEqual(kept);
    expect(kept.length).toBeGreaterThan(10);
  });
});
