import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.js';
import { queryRows } from './database.js';
import { refreshStatistics } from './maintenance.js';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

describe('db maintenance', () => {
  it('gives the planner statistics of what the tables now hold', async () => {
    const { db } = test.database;
    await db.execute(sql`CREATE TABLE stats_probe (id int)`);
    await db.execute(sql`INSERT INTO stats_probe SELECT generate_series(1, 1000)`);
    const tuples = async () => (await queryRows<{ n: number }>(db, sql`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'stats_probe'`))[0]!.n;
    expect(await tuples()).toBe(-1); // never analyzed
    await refreshStatistics(db);
    expect(await tuples()).toBe(1000);
  });
});
