/**
 * The demo cases on a fresh database, after the organization's demo seed and in its
 * transaction (as `gongzhi seed --demo` runs them): the designed spread of states and side
 * paths, timelines that start with the intake, residents' pages with content, and an intact
 * audit chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.js';
import type { Actor } from '../../platform/access/actor.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { findUserByLogin } from '../../platform/auth/users.js';
import { queryRows, type Db } from '../../platform/db/database.js';
import { loadActorFromOrg } from '../org/org.actor.js';
import { seedOrgDemo } from '../org/org.seed.js';
import { caseTimeline, listCases, myCases, publicCases } from './case.queries.js';
import { demoStreets } from '../org/seed-data.js';
import { planDemoCases, seedCasesDemo } from './cases.seed.js';
import type { World } from './demo/demo-stories.js';

let test: TestDatabase;
let db: Db;
let seconds = 0;
const now = new Date();

async function actorOf(username: string): Promise<Actor> {
  const user = (await findUserByLogin(db, username))!;
  return { userId: user.id, displayName: user.displayName, ...(await loadActorFromOrg(db, user.id)) };
}

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db, query))[0]!.n;

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.database.db;
  await db.transaction(async (tx) => {
    const ctx = { tx, actor: null, requestId: 'seed', ip: null, now };
    await seedOrgDemo(ctx);
    const t0 = performance.now();
    await seedCasesDemo(ctx);
    seconds = (performance.now() - t0) / 1000;
  });
}, 120_000);
afterAll(() => test.close());

describe('demo cases', () => {
  it('leaves the designed spread of states, within the time budget', async () => {
    const rows = await queryRows<{ state: string; n: number }>(db, sql`SELECT state, count(*)::int AS n FROM cases GROUP BY state`);
    expect(Object.fromEntries(rows.map((r) => [r.state, r.n]))).toEqual({
      closed: 73,
      in_progress: 11,
      dispatched: 10,
      submitted: 6,
      replied: 5,
      signed: 4,
      accepted: 3,
      verified: 3,
      rated: 1,
      objected: 1,
      answered: 1,
      refused: 1,
      merged: 1,
    });
    process.stdout.write(`demo cases seeded in ${seconds.toFixed(1)} s\n`);
    expect(seconds).toBeLessThan(60); // ~10 s on PGlite on the project machine; generous for loaded CI
  });

  it('spreads them over channels, grids, units and the last 60 days', async () => {
    const [facts] = await queryRows<{ channels: number; grids: number; leads: number; oldest: Date; newest: Date; categorized: number; total: number }>(
      db,
      sql`SELECT count(DISTINCT channel)::int AS channels, count(DISTINCT node_id)::int AS grids, count(DISTINCT lead_org_id)::int AS leads,
                 min(submitted_at) AS oldest, max(submitted_at) AS newest, count(category_id)::int AS categorized, count(*)::int AS total FROM cases`,
    );
    expect(facts!.channels).toBe(4);
    expect(facts!.grids).toBeGreaterThanOrEqual(15);
    expect(facts!.leads).toBeGreaterThanOrEqual(6);
    expect(facts!.categorized).toBe(facts!.total);
    const oldestDays = (now.getTime() - new Date(facts!.oldest).getTime()) / 86_400_000;
    expect(oldestDays).toBeGreaterThan(40);
    expect(oldestDays).toBeLessThanOrEqual(61);
    expect(new Date(facts!.newest).getTime()).toBeLessThan(now.getTime());
    // Nothing happened in the future, and every event follows its case's intake.
    expect(await count(sql`SELECT count(*)::int AS n FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.at > ${now} OR e.at < c.submitted_at`)).toBe(0);
  });

  it('walks the side paths: ratings, redo, objections, extensions, refusal, answer, merge, overdue', async () => {
    const ratings = await queryRows<{ rating: string; n: number }>(db, sql`SELECT rating, count(*)::int AS n FROM cases WHERE rating IS NOT NULL GROUP BY rating`);
    const by = Object.fromEntries(ratings.map((r) => [r.rating, r.n]));
    expect(by.satisfied).toBeGreaterThan(40);
    expect(by.dissatisfied).toBe(1); // the one still waiting for its redo (redone cases were rated again)
    expect(await count(sql`SELECT count(*)::int AS n FROM cases WHERE redo_count > 0`)).toBe(4);
    expect(await count(sql`SELECT count(*)::int AS n FROM case_objections WHERE decision IS NULL`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM case_objections WHERE decision = 'rejected'`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM case_extensions WHERE decision IS NULL`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM case_extensions WHERE decision = 'approved'`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM cases WHERE state = 'refused' AND refusal_channel IS NOT NULL`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM cases m JOIN cases t ON t.id = m.merged_into_id WHERE m.state = 'merged' AND t.state = 'in_progress'`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM case_events WHERE event = 'verify_fail'`)).toBe(3);
    // Open and overdue (the sweeper's marks): an intake, two unsigned orders, two handlings.
    expect(await count(sql`SELECT count(*)::int AS n FROM cases WHERE overdue AND state NOT IN ('closed', 'merged', 'refused')`)).toBeGreaterThanOrEqual(5);
    expect(await count(sql`SELECT count(*)::int AS n FROM case_events WHERE event = 'escalate'`)).toBeGreaterThanOrEqual(3);
    // Replies are the real official replies.
    expect(await count(sql`SELECT count(*)::int AS n FROM case_events WHERE event = 'reply' AND length(message) > 80`)).toBeGreaterThan(60);
  });

  it("starts every reporter-visible timeline with the intake", async () => {
    const firsts = await queryRows<{ event: string; n: number }>(
      db,
      sql`SELECT event, count(*)::int AS n FROM (SELECT DISTINCT ON (case_id) case_id, event FROM case_events WHERE public ORDER BY case_id, id) f GROUP BY event`,
    );
    expect(firsts).toEqual([{ event: 'submit', n: 120 }]);
    const resident = await actorOf('resident');
    const mine = await myCases({ db, actor: resident }, { limit: 50, offset: 0 });
    expect(mine.total).toBeGreaterThanOrEqual(8);
    for (const c of mine.items) {
      const { items } = await caseTimeline({ db, actor: resident }, c.id);
      expect(items[0]!.event).toBe('submit');
    }
  });

  it('gives every demo role something to see', async () => {
    const page = { limit: 50, offset: 0, box: 'all' as const };
    const [dispatcher, deptstaff, gridworker, cadre] = await Promise.all(['dispatcher', 'deptstaff', 'gridworker', 'cadre'].map(actorOf));
    expect((await listCases({ db, actor: dispatcher! }, { ...page, box: 'to_dispatch' })).total).toBe(9);
    expect((await listCases({ db, actor: dispatcher! }, { ...page, box: 'objections' })).total).toBe(1);
    expect((await listCases({ db, actor: deptstaff! }, { ...page, box: 'to_sign' })).total).toBe(2);
    expect((await listCases({ db, actor: deptstaff! }, { ...page, box: 'to_handle' })).total).toBeGreaterThanOrEqual(8);
    expect((await listCases({ db, actor: gridworker! }, { ...page, box: 'to_handle' })).total).toBeGreaterThanOrEqual(2);
    expect((await listCases({ db, actor: cadre! }, { ...page, box: 'to_verify' })).total).toBeGreaterThanOrEqual(2);
    const open = await publicCases({ db, actor: null }, { limit: 100, offset: 0 });
    expect(open.items.filter((c) => c.supportCount > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAudit(db)).ok).toBe(true);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.submit'`)).toBe(120);
  });
});

describe('demo case planning', () => {
  const grids = demoStreets.flatMap((s, si) =>
    s.communities.flatMap((c, ci) =>
      Array.from({ length: c.grids }, (_, g) => {
        const code = `${s.code}${String(ci + 1).padStart(3, '0')}${String(g + 1).padStart(3, '0')}`;
        return { id: si * 100 + ci * 10 + g + 1, code, happy: code.startsWith('110199001001'), dongcheng: si === 0, place: c.name, village: c.kind === '村' };
      }),
    ),
  );
  const world: World = { actors: {} as World['actors'], units: { cg: 1, committee: 2, zj: 3 }, grids, categories: new Map(), homeGrid: '110199001001001' };

  it('fits every story into the 60 days before now, whatever the hour, weekday or holiday', () => {
    const HOUR = 3_600_000;
    const problems: string[] = [];
    // A Sunday, the National Day holiday, the Spring Festival week: every hour of the day.
    for (const day of ['2026-11-29T00:00:00+08:00', '2026-10-01T00:00:00+08:00', '2026-02-17T00:00:00+08:00']) {
      for (let h = 0.25; h < 24; h += 1) {
        const end = Date.parse(day) + h * HOUR;
        const built = planDemoCases(world, end, 'Asia/Shanghai');
        if (built.length !== 120) problems.push(`${built.length} stories`);
        for (const [i, { script }] of built.entries()) {
          const times = script.ops.map((o) => o.at);
          const chained = script.ops.filter((o) => !o.floating).map((o) => o.at);
          const ok =
            Math.max(...times) < end &&
            Math.min(...times) > end - 61 * 24 * HOUR &&
            chained.every((t, k) => k === 0 || t > chained[k - 1]!) &&
            script.ops[0]!.at === Math.min(...times); // the intake comes first
          if (!ok) problems.push(`story ${i} at ${new Date(end).toISOString()}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
