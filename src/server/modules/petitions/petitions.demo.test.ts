/**
 * The demo district's petitions: seeded through the real commands, in every kind of state,
 * visible to the demo registrar, the demo resident seeing their own two (one open to 复查).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestApp } from '../../../../test/helpers/app.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { seedDemo } from '../../seed.js';
import { DEMO_PASSWORD } from '../org/demo-logins.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.db, new Date());
}, 180_000);
afterAll(() => t.close());

describe('demo petitions', () => {
  it('seeds petitions in every kind of state, the stale one flagged overdue', async () => {
    const dispatcher = await login(t.app, 'dispatcher', DEMO_PASSWORD);
    const { items } = (await dispatcher.get('/api/petitions?limit=50')).json() as { items: Array<{ state: string; overdue: boolean; final: boolean; clock: string | null }> };
    expect(new Set(items.map((i) => i.state))).toEqual(new Set(['received', 'routed', 'accepted', 'concluded', 'rechecked', 'refused', 'returned']));
    expect(items.filter((i) => i.overdue).map((i) => i.clock)).toEqual(['register']);
    expect(items.filter((i) => i.final).length).toBeGreaterThanOrEqual(1);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('shows the demo resident their own petitions, one open to 复查', async () => {
    const resident = await login(t.app, 'resident', DEMO_PASSWORD);
    const { items } = (await resident.get('/api/petitions?mine=true')).json() as { items: Array<{ id: number; state: string }> };
    expect(items.map((i) => i.state).sort()).toEqual(['concluded', 'received']);
    const concluded = items.find((i) => i.state === 'concluded')!;
    expect((await resident.get(`/api/petitions/${concluded.id}`)).json()).toMatchObject({ opinion: 'partial', actions: ['request_review'] });
  });
});
