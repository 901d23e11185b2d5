/**
 * The sweeper reminds before a deadline, marks it overdue and escalates after it —
 * exactly once per case, step and due time, even with several sweepers at once: on
 * PostgreSQL as separate `gongzhi sweep` processes, on PGlite (one process by design)
 * as concurrent sweeps in this process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildCaseWorld, requestBody, type CaseWorld } from '../../../../test/helpers/cases.js';
import { runCli } from '../../../../test/helpers/cli.js';
import { queryRows } from '../../platform/db/database.js';
import { sweepDeadlines, type SweepResult } from './case-sweeper.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCaseWorld(t);
});
afterAll(() => t.close());

/**
 * Several sweeps at once; their results summed. `processes`: on PostgreSQL, as separate
 * `gongzhi sweep` processes (slow to start, so used for the steps that race).
 */
async function sweepsAtOnce(at: Date, n = 2, processes = false): Promise<SweepResult> {
  let results: SweepResult[];
  if (processes && t.test.url) {
    const env = { ...process.env, DATABASE_URL: t.test.url, LOG_LEVEL: 'warn', GONGZHI_FROM_SOURCE: '1' };
    const runs = await Promise.all(Array.from({ length: n }, () => runCli(['sweep', '--at', at.toISOString()], env)));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    results = runs.map((r) => JSON.parse(r.stdout.trim().split('\n').at(-1)!) as SweepResult);
  } else {
    results = await Promise.all(Array.from({ length: n }, () => sweepDeadlines(t.db, at)));
  }
  return results.reduce((a, b) => ({ remind: a.remind + b.remind, overdue: a.overdue + b.overdue, escalate: a.escalate + b.escalate }));
}

const count = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.db, q))[0]!.n;

describe('deadline sweeper', () => {
  it('reminds, marks overdue and escalates exactly once per due time', { timeout: 180_000 }, async () => {
    const res = await w.clients.resident.post('/api/cases', requestBody(w));
    const c = res.json().case as { id: number; stepDueAt: string };
    const due = new Date(c.stepDueAt);
    const at = (minutes: number) => new Date(due.getTime() + minutes * 60_000);

    expect(await sweepsAtOnce(at(-60))).toEqual({ remind: 0, overdue: 0, escalate: 0 });
    const first = await sweepsAtOnce(at(-10), 2, true);
    expect(first.remind).toBe(1);
    expect(await sweepsAtOnce(at(-5))).toMatchObject({ remind: 0 });

    const expiry = await sweepsAtOnce(at(1), 3, true);
    expect(expiry).toMatchObject({ overdue: 1, escalate: 0 });
    const view = (await w.clients.resident.get(`/api/cases/${c.id}`)).json();
    expect(view.overdue).toBe(true); // the reporter sees it as overdue
    const timeline = (await w.clients.resident.get(`/api/cases/${c.id}/timeline`)).json().items as Array<{ event: string }>;
    expect(timeline.filter((e) => e.event === 'overdue')).toHaveLength(1);
    expect(timeline.some((e) => e.event === 'remind')).toBe(false); // internal

    expect(await sweepsAtOnce(at(61), 3)).toMatchObject({ overdue: 0, escalate: 1 });
    expect(await sweepsAtOnce(at(200))).toEqual({ remind: 0, overdue: 0, escalate: 0 });
    expect(await count(sql`SELECT count(*)::int AS n FROM case_alerts WHERE case_id = ${c.id}`)).toBe(3);
    expect(await count(sql`SELECT count(*)::int AS n FROM case_events WHERE case_id = ${c.id} AND event IN ('remind', 'overdue', 'escalate')`)).toBe(3);
    // The dispatchers of the area heard of the reminder and the overdue once each; the level above of the escalation.
    expect(await count(sql`SELECT count(*)::int AS n FROM outbox WHERE params->>'caseId' = ${String(c.id)} AND template = 'case.overdue'`)).toBe(2);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE subject_type = 'case' AND subject_id = ${String(c.id)} AND action = 'case.overdue'`)).toBe(1);
  });

  it('starts over for a new deadline after dispatch, and stays quiet once the reply is in', async () => {
    const c = (await w.clients.resident.post('/api/cases', requestBody(w))).json().case as { id: number };
    const d = (await w.clients.dispatcher.post(`/api/cases/${c.id}/dispatch`, {})).json() as { stepDueAt: string; version: number };
    const due = new Date(d.stepDueAt);
    expect(await sweepsAtOnce(new Date(due.getTime() + 60_000))).toMatchObject({ overdue: 1 });
    await w.clients.handler.post(`/api/cases/${c.id}/sign`, {});
    await w.clients.handler.post(`/api/cases/${c.id}/reply`, { message: '已处理' });
    const later = new Date(due.getTime() + 30 * 86_400_000);
    const r = await sweepsAtOnce(later);
    expect(r.overdue + r.remind).toBe(0);
  });
});
