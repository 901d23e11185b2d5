/**
 * 主动治理 insight through HTTP on a real database: the dashboard's figures, hot issues and
 * 每月一题 from planted cases, and 矛盾预警 — rules checked, warnings listed to the subtree,
 * acknowledged and closed, not raised again without a newer case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildCaseWorld, requestBody, type CaseWorld } from '../../../../test/helpers/cases.js';
import { queryRows } from '../../platform/db/database.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { reindexCaseSearch } from '../cases/search/case-search.js';
import { forgetHotIssues } from './hot-issue-queries.js';
import { checkWarnings } from './warning-rules.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCaseWorld(t);
});
afterAll(() => t.close());

const DAY = 86_400_000;

/** Cases straight into the table, `daysAgo` each, in the world's grid. */
async function plant(texts: Array<{ title: string; description: string; daysAgo: number }>): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    t.db,
    sql`INSERT INTO cases (number, tracking_hash, type, title, description, node_id, area_path, channel, urgency, state, submitted_at, updated_at, category_id)
        SELECT 'P' || md5(random()::text), md5(random()::text), 'complaint', x.t, x.d, g.id, g.path, 'web', 'general', 'closed', now() - x.ago * interval '1 day', now(), ${w.categoryId}
          FROM admin_nodes g, unnest(${sql.param(texts.map((x) => x.title))}::text[], ${sql.param(texts.map((x) => x.description))}::text[], ${sql.param(texts.map((x) => x.daysAgo))}::int[]) AS x(t, d, ago)
         WHERE g.id = ${w.grid.id} RETURNING cases.id`,
  );
  await reindexCaseSearch(t.db);
  forgetHotIssues();
  return rows.map((r) => Number(r.id));
}

describe('dashboard and hot issues', () => {
  it('gives the figures of an area and period, to readers of its cases only', async () => {
    await w.clients.resident.post('/api/cases', requestBody(w));
    const res = await w.clients.dispatcher.get('/api/insight/overview');
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.nodeId).toBe(w.district.id);
    expect(o.trend).toHaveLength(90);
    expect(o.trend.at(-1).submitted).toBeGreaterThanOrEqual(1);
    expect(o.total).toBe(o.states.reduce((n: number, s: { count: number }) => n + s.count, 0));
    expect(o.areas.map((a: { id: number }) => a.id)).toContain(w.street.id);
    expect(o.categories[0].children[0].count).toBeGreaterThanOrEqual(1);
    expect((await w.clients.resident.get('/api/insight/overview')).statusCode).toBe(403);
    // The cadre's scope is the street: the district is not theirs to see.
    expect((await w.clients.verifier.get(`/api/insight/overview?nodeId=${w.district.id}`)).statusCode).toBe(404);
    expect((await w.clients.verifier.get(`/api/insight/overview?nodeId=${w.community.id}`)).statusCode).toBe(200);
  });

  it('clusters recent cases into hot issues with trends and drill-down, and finds problems recurring across months', async () => {
    const noise = ['路灯不亮', '井盖缺失', '公交站牌损坏', '树木倒伏', '小广告', '健身器材损坏', '垃圾桶满溢', '道路积水'];
    const planted = await plant([
      ...Array.from({ length: 8 }, (_, i) => ({ title: `搅拌站夜间噪音扰民${i}`, description: '附近搅拌站每天夜里施工，噪音巨大，粉尘污染严重，无法入睡。', daysAgo: i })),
      ...Array.from({ length: 8 }, (_, i) => ({ title: `补课班违规收费${i}`, description: '学校老师组织有偿补课，收费很高，家长负担重。', daysAgo: 10 + i * 30 })),
      ...noise.map((n, i) => ({ title: n, description: `${n}，请尽快处理。`, daysAgo: 3 * i })),
    ]);
    const res = await w.clients.dispatcher.get(`/api/insight/hot-issues?nodeId=${w.community.id}&bucket=week`);
    expect(res.statusCode).toBe(200);
    const hot = res.json();
    const noiseIssue = hot.items.find((i: { keywords: string[] }) => i.keywords.includes('搅拌站'));
    expect(noiseIssue).toBeDefined();
    expect(noiseIssue.size).toBe(8);
    expect(noiseIssue.cases.map((c: { id: number }) => c.id).sort()).toEqual(planted.slice(0, 8).sort());
    expect(noiseIssue.series).toHaveLength(hot.buckets.length);
    expect(noiseIssue.series.reduce((a: number, b: number) => a + b, 0)).toBe(8);
    expect(noiseIssue.places[0]).toMatchObject({ id: w.grid.id, count: 8 });
    // Over a year, the monthly 补课 complaints recur in eight months: a 每月一题 candidate.
    const from = new Date(Date.now() - 300 * DAY).toISOString().slice(0, 10);
    const monthly = (await w.clients.dispatcher.get(`/api/insight/monthly-topics?nodeId=${w.community.id}&from=${from}`)).json();
    const recurring = monthly.items.find((i: { keywords: string[] }) => i.keywords.some((k: string) => k.includes('补课')));
    expect(recurring).toBeDefined();
    expect(recurring.monthsPresent).toBeGreaterThanOrEqual(7);
    expect(recurring.counts).toHaveLength(monthly.months.length);
    expect(monthly.items.some((i: { keywords: string[] }) => i.keywords.includes('搅拌站'))).toBe(false); // one burst is not a recurring problem
  });
});

describe('early warning (矛盾预警)', () => {
  it('warns of a resident raising many matters, to the subtree, and is acknowledged and closed', async () => {
    const now = () => new Date();
    await checkWarnings(t.db, now()); // whatever the earlier tests left
    for (let i = 0; i < 3; i++) await w.clients.resident2.post('/api/cases', requestBody(w, { title: `楼道堆放杂物第${i + 1}次反映` }));
    expect(await checkWarnings(t.db, now())).toBeGreaterThanOrEqual(1);
    const list = async (who: keyof CaseWorld['clients'], q = '') => (await w.clients[who].get(`/api/insight/warnings?status=open${q}`)).json();
    const open = await list('dispatcher');
    const warning = open.items.find((i: { kind: string; cases: Array<{ title: string }> }) => i.kind === 'repeat_reporter' && i.cases.some((c) => c.title.includes('楼道堆放杂物')));
    expect(warning).toBeDefined();
    expect(warning.count).toBe(3);
    expect(warning.subject).toBe(''); // a resident is never named; the page words it in its language
    expect(warning.actions).toEqual(['acknowledge', 'close']);
    expect((await list('handler')).items.every((i: { actions: string[] }) => i.actions.length === 0)).toBe(true); // readers who don't verify only read
    // Checking again changes nothing: one live warning per subject.
    expect(await checkWarnings(t.db, now())).toBe(0);
    const ack = await w.clients.verifier.post(`/api/insight/warnings/${warning.id}/acknowledge`, { note: '网格员已上门了解情况' });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', note: '网格员已上门了解情况', actions: ['close'] });
    expect((await w.clients.verifier.post(`/api/insight/warnings/${warning.id}/acknowledge`, {})).json().code).toBe('warning_action_not_allowed');
    expect((await w.clients.handler.post(`/api/insight/warnings/${warning.id}/close`, {})).statusCode).toBe(403);
    expect((await w.clients.verifier.post(`/api/insight/warnings/${warning.id}/close`, { note: '已化解' })).json().status).toBe('closed');
    // Closed, it stays closed until the resident raises another matter.
    expect(await checkWarnings(t.db, now())).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    await w.clients.resident2.post('/api/cases', requestBody(w, { title: '楼道堆放杂物第4次反映' }));
    expect(await checkWarnings(t.db, now())).toBe(1);
    const [entries] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'insight.warning.%'`);
    expect(entries!.n).toBe(2);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('warns of a group matter and of a place escalating; configurators change the figures', async () => {
    const rules = (await w.clients.dispatcher.get('/api/insight/warning-rules')).json().items as Array<{ id: number; kind: string; params: { count: number; days: number } }>;
    expect(rules.map((r) => r.kind).sort()).toEqual(['dissatisfaction', 'escalation', 'group', 'repeat_reporter']);
    const group = rules.find((r) => r.kind === 'group')!;
    expect((await w.clients.dispatcher.put(`/api/insight/warning-rules/${group.id}`, { params: { count: 3, days: 30 }, active: true })).statusCode).toBe(403);
    expect((await w.clients.admin.put(`/api/insight/warning-rules/${group.id}`, { params: { count: 0, days: 30 }, active: true })).statusCode).toBe(400);
    expect((await w.clients.admin.put(`/api/insight/warning-rules/${group.id}`, { params: { count: 3, days: 30 }, active: true })).json().params.count).toBe(3);
    const [c] = await plant([{ title: '小区停车位被占用', description: '多名业主反映地下车位被占。', daysAgo: 1 }]);
    await t.db.execute(sql`UPDATE cases SET state = 'in_progress' WHERE id = ${c!}`);
    await t.db.execute(sql`INSERT INTO case_supports (case_id, user_id, at) VALUES (${c!}, ${w.userIds.resident!}, now()), (${c!}, ${w.userIds.resident2!}, now())`);
    await plant(Array.from({ length: 6 }, (_, i) => ({ title: `占道经营${i}`, description: '夜市摊贩占道。', daysAgo: i })));
    await checkWarnings(t.db, new Date());
    const items = (await w.clients.dispatcher.get('/api/insight/warnings?limit=200')).json().items as Array<{ kind: string; count: number; cases: Array<{ id: number }>; subject: string; before: number | null }>;
    expect(items.find((i) => i.kind === 'group' && i.cases[0]?.id === c)?.count).toBe(3);
    // Subjects are names only (the words around them are the page's, in its language); a surge carries the count before.
    const surge = items.find((i) => i.kind === 'escalation' && i.subject.includes('第一网格'));
    expect(surge?.subject).toMatch(/^[^：:]+ · [^：:]+$/);
    expect(surge?.before).toEqual(expect.any(Number));
    expect(items.every((i) => !/天内|件不满意|人反映/.test(i.subject))).toBe(true);
    // Another street's reader sees none of them.
    expect((await w.clients.dispatcher.get(`/api/insight/warnings?nodeId=${w.otherCommunity.id}`)).json().items).toEqual([]);
  });
});
