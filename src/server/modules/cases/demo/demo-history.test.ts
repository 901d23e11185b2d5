/**
 * The demo district's history: the real messages of the votes file as closed cases of the
 * last twelve months, searchable, in the demo's grids — enough for hot issues and 每月一题
 * to show real problems on first start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/db.js';
import { readShippedJsonl } from '../../../platform/data/shipped.js';
import { queryRows, type Db } from '../../../platform/db/database.js';
import { seedOrgDemo } from '../../org/org.seed.js';
import { seedCaseHistoryDemo } from '../cases.seed.js';
import { queryTerms, newestMatches } from '../search/case-search.js';
import { EXCLUDED } from './demo-messages.js';

let test: TestDatabase;
let db: Db;
const now = new Date();

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.database.db;
  await db.transaction(async (tx) => {
    const ctx = { tx, actor: null, requestId: 'seed', ip: null, now };
    await seedOrgDemo(ctx);
    await seedCaseHistoryDemo(ctx);
  });
}, 180_000);
afterAll(() => test.close());

describe('demo history', () => {
  it('holds every usable message of the votes file once, closed, within the last year, each searchable', async () => {
    const usable = readShippedJsonl<{ title: string; body: string }>('messages-with-votes').filter((m) => !EXCLUDED.test(m.title) && m.body.length >= 20).length;
    const [facts] = await queryRows<{ n: number; closed: number; searchable: number; oldest: Date; newest: Date; late: number; grids: number }>(
      db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE state = 'closed')::int AS closed, (SELECT count(*)::int FROM case_search) AS searchable,
                 min(submitted_at) AS oldest, max(submitted_at) AS newest, count(*) FILTER (WHERE closed_at > ${now} OR closed_at < submitted_at)::int AS late,
                 count(DISTINCT node_id)::int AS grids
            FROM cases`,
    );
    expect(facts!.n).toBe(usable);
    expect(facts!.closed).toBe(usable);
    expect(facts!.searchable).toBe(usable);
    expect(facts!.late).toBe(0);
    expect(new Date(facts!.oldest).getTime()).toBeGreaterThan(now.getTime() - 366 * 86_400_000);
    expect(new Date(facts!.newest).getTime()).toBeLessThan(now.getTime());
    expect(facts!.grids).toBeGreaterThan(10);
    const [audit] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'cases.seed_history'`);
    expect(audit!.n).toBe(1);
  });

  it('keeps the messages’ months: a problem raised through the year is found through the year', async () => {
    const found = await newestMatches(db, await queryTerms(db, '麻将'), undefined, 200);
    expect(found.exact).toBe(true);
    const months = await queryRows<{ m: string }>(db, sql`SELECT DISTINCT to_char(submitted_at, 'YYYY-MM') AS m FROM cases WHERE id = ANY(${sql.param(found.ids)}::bigint[])`);
    expect(found.ids.length).toBeGreaterThanOrEqual(30);
    expect(months.map((m) => m.m)).toHaveLength(12);
  });
});
