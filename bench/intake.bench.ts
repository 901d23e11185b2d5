/**
 * Intake over HTTP end to end vs a bare insert (issue #3).
 *
 * The intake is `POST /api/cases` through `app.inject` on the real app (buildApp with a
 * loadConfig configuration, as test/helpers/app.ts builds it) by a signed-in resident
 * (session cookie + CSRF token): session and actor (through the session cache), CSRF and
 * zod validation, the category and the dispatch deadline, then one atomic database call
 * (`case_intake`: the category check, the day's number, the route from the
 * responsibility list, the case, its timeline entry, the receipt in the outbox and the
 * audit entry); then the presented case. The limit is a bare single-row insert
 * transaction into the same `cases` table through the same driver. One client, back to
 * back; median of the runs, variants alternated. Target: intake ≥ 40 % of the bare insert rate.
 */
import { eq } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { caseCategories, cases } from '../src/server/modules/cases/cases.tables.js';
import { adminNodes, organizations, responsibilities, roleAssignments } from '../src/server/modules/org/org.tables.js';
import { hashPassword } from '../src/server/platform/auth/password.js';
import { users } from '../src/server/platform/auth/auth.tables.js';
import type { Db } from '../src/server/platform/db/database.js';
import type { GzApp } from '../src/server/platform/module.js';
import { onEachDatabase, type BenchDatabase } from './targets.js';
import { benchLine, compareRates, type Profile } from './lib.js';

const PASSWORD = 'bench-pass-123';
const CATEGORY = '市容环境/暴露垃圾';

interface Fixture {
  gridId: number;
  gridPath: string;
  categoryId: number;
}

/** A district → street → community → grid, 城管 answering for 市容环境, and a resident of the grid. */
async function fixture(db: Db): Promise<Fixture> {
  let parent: { id: number; path: string } | undefined;
  for (const [level, name] of [['district', '基准区'], ['street', '基准街道'], ['community', '基准社区'], ['grid', '第一网格']] as const) {
    const [row] = await db.insert(adminNodes).values({ level, kind: level, code: `BENCH-${level}`, name, path: `/pending-${level}/`, parentId: parent?.id ?? null }).returning();
    const path = `${parent?.path ?? '/'}${row!.id}/`;
    await db.update(adminNodes).set({ path }).where(eq(adminNodes.id, row!.id));
    parent = { id: row!.id, path };
  }
  const [district] = await db.select().from(adminNodes).where(eq(adminNodes.code, 'BENCH-district'));
  const [cg] = await db.insert(organizations).values({ nodeId: district!.id, kind: 'department', code: 'BENCH-CG', name: '城市管理委员会' }).returning();
  await db.insert(responsibilities).values({ category: '市容环境', nodeId: district!.id, orgId: cg!.id });
  const [user] = await db.insert(users).values({ username: 'bench-resident', displayName: '基准居民', passwordHash: await hashPassword(PASSWORD), kind: 'resident' }).returning();
  await db.insert(roleAssignments).values({ userId: user!.id, role: 'resident', nodeId: parent!.id });
  const [category] = await db.select().from(caseCategories).where(eq(caseCategories.path, CATEGORY));
  return { gridId: parent!.id, gridPath: parent!.path, categoryId: category!.id };
}

/** Signs in through the real login route; returns the headers a browser would send. */
async function signIn(app: GzApp): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'bench-resident', password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`bench login failed: ${res.statusCode} ${res.body}`);
  const sid = res.cookies.find((c) => c.name === 'gz_sid')!.value;
  return { cookie: `gz_sid=${sid}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
}

const title = '小区门口垃圾堆放多日无人清运';
const description = '幸福路 3 号小区门口的生活垃圾已经堆放了三天，天气热，气味很大，蚊蝇多，希望尽快安排清运。';

async function measure(target: BenchDatabase, profile: Profile, out: (line: string) => void): Promise<void> {
  const { db } = target.database;
  const f = await fixture(db);
  const config = loadConfig({ GONGZHI_WEB_DIR: '/nonexistent', GONGZHI_RATE_LIMIT: '100000000', LOG_LEVEL: 'warn', ...(target.url ? { DATABASE_URL: target.url } : {}) });
  const app = await buildApp({ config, database: target.database, logger: false });
  await app.ready();
  try {
    const headers = await signIn(app);
    const payload = JSON.stringify({ type: 'complaint', title, description, categoryId: f.categoryId, nodeId: f.gridId, address: '幸福路 3 号' });
    const intake = async () => {
      const res = await app.inject({ method: 'POST', url: '/api/cases', headers, payload });
      if (res.statusCode !== 201) throw new Error(`intake failed: ${res.statusCode} ${res.body}`);
    };
    let seq = 0;
    const bare = () => {
      const n = ++seq;
      const now = new Date();
      return db.transaction((tx) =>
        tx.insert(cases).values({
          number: `BARE-${n}`,
          trackingHash: `bare-${process.pid}-${n}`,
          type: 'complaint',
          title,
          description,
          categoryId: f.categoryId,
          nodeId: f.gridId,
          areaPath: f.gridPath,
          channel: 'web',
          urgency: 'general',
          state: 'submitted',
          submittedAt: now,
          updatedAt: now,
        }),
      );
    };
    const { limit: b, candidate: i } = await compareRates(bare, intake, profile, out);
    out(
      `intake on ${target.label}: POST /api/cases ${i.toFixed(0)}/s vs bare insert ${b.toFixed(0)}/s = ${((i / b) * 100).toFixed(1)}% (target >= 40%); ` +
        `median of ${profile.runs} x ${profile.seconds}s runs, one client, app.inject with session cookie + CSRF, sequential requests`,
    );
    out(benchLine(`intake.${target.label}.http_intake_rate`, i, 'ops/s', b));
  } finally {
    await app.close();
  }
}

/** The intake benchmark on PGlite, and on PostgreSQL when DATABASE_URL is set (see bench/README.md). */
export async function intakeBench(profile: Profile, out: (line: string) => void): Promise<void> {
  await onEachDatabase('intake', out, (target) => measure(target, profile, out));
}
