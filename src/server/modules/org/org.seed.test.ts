import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, type TestApp } from '../../../../test/helpers/app.js';
import { queryRows } from '../../platform/db/database.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { isDatabaseEmpty, seedDemo } from '../../seed.js';
import { DEMO_PASSWORD, demoLogins } from './demo-logins.js';
import { orgModule } from './org.module.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('demo seed', () => {
  // The whole demo (district, people, 120 cases through the real commands) loads here: give it time on a busy machine.
  it('fills an empty database with a realistic district', { timeout: 120_000 }, async () => {
    expect(await orgModule.isEmpty!(t.db)).toBe(true);
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    await seedDemo(t.db, new Date());
    expect(await orgModule.isEmpty!(t.db)).toBe(false);
    const levels = await queryRows<{ level: string; n: number; min: number | null; max: number | null }>(
      t.db,
      sql`SELECT level, count(*)::int AS n, min(households)::int AS min, max(households)::int AS max FROM admin_nodes GROUP BY level`,
    );
    const by = Object.fromEntries(levels.map((l) => [l.level, l]));
    expect(by.district!.n).toBe(1);
    expect(by.street!.n).toBe(2);
    expect(by.community!.n).toBeGreaterThanOrEqual(6);
    expect(by.grid!.n).toBeGreaterThanOrEqual(24);
    expect(by.grid!.min).toBeGreaterThanOrEqual(300);
    expect(by.grid!.max).toBeLessThanOrEqual(500);
    const [codes] = await queryRows<{ bad: number }>(t.db, sql`SELECT count(*)::int AS bad FROM admin_nodes WHERE level = 'grid' AND code !~ '^110199[0-9]{9}$'`);
    expect(codes!.bad).toBe(0);
    const [counts] = await queryRows<{ people: number; party: number; levels: number; depts: number; social: number; committees: number }>(
      t.db,
      sql`SELECT (SELECT count(*) FROM people)::int AS people,
                 (SELECT count(*) FROM organizations WHERE kind = 'party')::int AS party,
                 (SELECT count(DISTINCT party_level) FROM organizations WHERE kind = 'party')::int AS levels,
                 (SELECT count(*) FROM organizations WHERE kind = 'department')::int AS depts,
                 (SELECT count(*) FROM organizations WHERE kind = 'social')::int AS social,
                 (SELECT count(*) FROM organizations WHERE kind = 'committee')::int AS committees`,
    );
    expect(counts!.people).toBeGreaterThanOrEqual(180);
    expect(counts!.people).toBeLessThanOrEqual(260);
    expect(counts!.levels).toBe(4);
    expect(counts!.depts).toBeGreaterThanOrEqual(9);
    expect(counts!.social).toBeGreaterThanOrEqual(3);
    expect(counts!.committees).toBe(by.community!.n);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('creates one working login per role at its node', async () => {
    for (const l of demoLogins) {
      const c = await login(t.app, l.username, DEMO_PASSWORD);
      const me = (await c.get('/api/me')).json();
      expect(me.grants).toEqual([expect.objectContaining({ role: l.role })]);
      const [node] = await queryRows<{ code: string }>(t.db, sql`SELECT code FROM admin_nodes WHERE id = ${me.grants[0].nodeId}`);
      expect(node!.code).toBe(l.nodeCode);
      if (l.role !== 'admin') expect(me.personId).not.toBeNull();
    }
  });

  it('seeds only a consistent model: every chain and responsibility obeys the API rules', async () => {
    const admin = await login(t.app, 'admin', DEMO_PASSWORD);
    const entries = (await admin.get('/api/org/responsibilities?limit=200')).json();
    expect(entries.total).toBeGreaterThanOrEqual(16);
    // Re-saving an entry re-runs every rule on it.
    for (const e of entries.items) expect((await admin.patch(`/api/org/responsibilities/${e.id}`, { note: '复核' })).statusCode).toBe(200);
    const orgs = (await admin.get('/api/org/organizations?limit=200')).json();
    expect(orgs.total).toBeLessThanOrEqual(200);
    for (const o of orgs.items) expect((await admin.patch(`/api/org/organizations/${o.id}`, { name: `${o.name}·` })).statusCode).toBe(200);
  });
});
