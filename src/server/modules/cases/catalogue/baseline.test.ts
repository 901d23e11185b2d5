import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/db.js';
import { queryRows, type Db } from '../../../platform/db/database.js';
import { china2026, china2027Provisional } from '../../../platform/time/china-holidays.js';
import { isWorkingDay } from '../../../platform/time/working-days.js';
import { seedCasesBaseline } from './baseline.js';
import { categoryByPath, listCategories, loadWorkCalendar } from './catalogue.queries.js';

let test: TestDatabase;
let db: Db;

const seed = () => db.transaction((tx) => seedCasesBaseline({ tx, actor: null, requestId: 'baseline', ip: null, now: new Date() }));
const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db, query))[0]!.n;

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.database.db;
  await seed();
});
afterAll(() => test.close());

describe('cases baseline', () => {
  it('loads the national taxonomy: 15 first-level classes and 517 leaves, linked by parent', async () => {
    expect(await count(sql`SELECT count(*)::int AS n FROM case_categories WHERE system = 'taxonomy' AND level = 1`)).toBe(15);
    expect(await count(sql`SELECT count(*)::int AS n FROM case_categories WHERE system = 'taxonomy' AND level = 3`)).toBe(517);
    const leaf = await categoryByPath(db, '城乡建设/安全生产/事故处理');
    expect(leaf).toMatchObject({ level: 3, name: '事故处理', system: 'taxonomy', active: true, usable: true });
    // Every non-root's parent is the row whose path is its own minus the last name.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM case_categories c LEFT JOIN case_categories p ON p.id = c.parent_id
                       WHERE (c.level = 1 AND c.parent_id IS NOT NULL)
                          OR (c.level > 1 AND (p.id IS NULL OR p.level <> c.level - 1 OR c.path <> p.path || '/' || c.name))`),
    ).toBe(0);
  });

  it('loads the urban-management event classes with their subclasses', async () => {
    const urban = (await listCategories(db, { activeOnly: true })).filter((c) => c.system === 'urban');
    expect(urban.filter((c) => c.level === 1).map((c) => c.name)).toEqual(['市容环境', '宣传广告', '施工管理', '街面秩序', '突发事件']);
    const paths = urban.map((c) => c.path);
    for (const p of ['市容环境/私搭乱建', '市容环境/乱涂乱画', '街面秩序/占道经营', '施工管理/道路遗撒', '宣传广告/非法小广告', '突发事件/燃气泄漏']) expect(paths).toContain(p);
  });

  it('loads the holiday calendar, which the working-day calendar then follows', async () => {
    expect(await count(sql`SELECT count(*)::int AS n FROM calendar_days`)).toBe(china2026.length + china2027Provisional.length);
    const cal = await loadWorkCalendar(db, 'Asia/Shanghai');
    expect(isWorkingDay(cal, '2026-10-01')).toBe(false); // 国庆节
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay(cal, '2026-10-12')).toBe(true);
  });

  it('is idempotent, unaudited, and keeps administrators’ calendar edits', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM case_categories`);
    const audits = await count(sql`SELECT count(*)::int AS n FROM audit_log`);
    await db.execute(sql`DELETE FROM calendar_days WHERE day = '2027-02-05'`);
    await seed();
    expect(await count(sql`SELECT count(*)::int AS n FROM case_categories`)).toBe(before);
    expect(await count(sql`SELECT count(*)::int AS n FROM calendar_days WHERE day = '2027-02-05'`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log`)).toBe(audits);
  });

  it('adds back only what is missing', async () => {
    await db.execute(sql`DELETE FROM case_categories WHERE path LIKE '突发事件/%'`);
    await db.execute(sql`DELETE FROM case_categories WHERE path = '突发事件'`);
    await seed();
    expect(await count(sql`SELECT count(*)::int AS n FROM case_categories WHERE path LIKE '突发事件%'`)).toBe(9);
    expect((await categoryByPath(db, '突发事件/火灾'))?.parentId).toBe((await categoryByPath(db, '突发事件'))?.id);
  });
});
