/**
 * The demo district's accountability data: the demo inspector finds the review items and the
 * records the seed made; the demo cadre sees their own record and may appeal it; the street's
 * cadres were sent the 通报批评; the audit chain verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, type TestApp } from '../../../../test/helpers/app.js';
import { seedDemo } from '../../seed.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { queryRows } from '../../platform/db/database.js';
import { DEMO_PASSWORD } from '../org/demo-logins.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.db, new Date());
}, 120_000);
afterAll(() => t.close());

describe('demo accountability', () => {
  it('gives the inspector review items and records, and the cadre their own record', async () => {
    const inspector = await login(t.app, 'inspector', DEMO_PASSWORD);
    const items = (await inspector.get('/api/accountability/review-items?state=open')).json().items as Array<{ kind: string; subject: { kind: string; name: string }; actions: string[] }>;
    expect(items.map((i) => `${i.kind}:${i.subject.kind}:${i.subject.name}`)).toEqual(expect.arrayContaining(['failing_scorecard:person:刘洋', 'failing_scorecard:unit:幸福社区居民委员会']));
    expect(items.every((i) => i.actions.includes('escalate'))).toBe(true);
    const records = (await inspector.get('/api/accountability/records')).json().items as Array<{ measure: string; personName: string; publication: { recipients: number } | null }>;
    expect(records.map((r) => `${r.measure}:${r.personName}`).sort()).toEqual(['circulated_criticism:张伟', 'talk_reminder:王建国']);
    const cadre = await login(t.app, 'cadre', DEMO_PASSWORD);
    const own = (await cadre.get('/api/accountability/records')).json().items as Array<{ measure: string; actions: string[] }>;
    expect(own).toEqual([expect.objectContaining({ measure: 'talk_reminder', actions: ['appeal'] })]);
    const [sent] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM outbox WHERE template = 'accountability.circulated'`);
    expect(sent!.n).toBeGreaterThan(0);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
