/**
 * 智能派单 through HTTP on a real database: no suggestions before a model exists; a version
 * trained from the console (in a worker thread, stored and audited); top-three categories
 * and units with confidence and words, to the case's dispatchers only; a dispatcher's
 * corrections (category and unit) learned by the next version; auto-dispatch off by
 * default, then dispatching above the configured confidence and leaving the rest; and
 * `gongzhi dispatch train` storing a version from the command line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildCaseWorld, requestBody, type CaseWorld } from '../../../../test/helpers/cases.js';
import { embeddedEnv, runCli, tempDataDir } from '../../../../test/helpers/cli.js';
import { responsibilities } from '../org/org.tables.js';
import { queryRows } from '../../platform/db/database.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { autoDispatch } from './auto-dispatch.js';
import { trainingSet, trainVersion } from './train-version.js';
import { KEPT_MODELS, listVersions, storeVersion } from './model-store.js';

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCaseWorld(t);
});
afterAll(() => t.close());

interface Suggestions {
  modelVersion: number | null;
  categories: Array<{ categoryId: number; path: string; confidence: number; words: string[] }>;
  deeper: Array<{ categoryId: number; path: string; confidence: number; words: string[] }>;
  units: Array<{ orgId: number; name: string; confidence: number; words: string[]; source: string }>;
}

async function submit(extra: Record<string, unknown>): Promise<number> {
  const res = await w.clients.resident.post('/api/cases', requestBody(w, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().case.id;
}

async function suggestions(caseId: number): Promise<Suggestions> {
  const res = await w.clients.dispatcher.get(`/api/cases/${caseId}/dispatch-suggestions`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const EV = ['小区地下车库电动车充电桩不够用', '电动车充电桩太少，居民排队充电', '地下车库充电桩经常坏，电动车没法充电', '申请增加电动车充电桩', '电动车充电桩收费和数量问题', '充电桩不足，电动车只能飞线充电'];

describe('suggestions and training', () => {
  let lampCase: number;

  it('answers without suggestions while no model is trained, to the case’s dispatchers only', async () => {
    lampCase = await submit({});
    expect(await suggestions(lampCase)).toEqual({ modelVersion: null, categories: [], deeper: [], units: [] });
    expect((await w.clients.resident.get(`/api/cases/${lampCase}/dispatch-suggestions`)).statusCode).toBe(403);
    expect((await w.clients.handler.get(`/api/cases/${lampCase}/dispatch-suggestions`)).statusCode).toBe(403);
    expect((await w.clients.dispatcher.get('/api/cases/99999999/dispatch-suggestions')).statusCode).toBe(404);
  });

  it('trains a version from the console in a worker thread, stores and audits it; configurators only', { timeout: 180_000 }, async () => {
    expect((await w.clients.dispatcher.post('/api/dispatch/models', {})).statusCode).toBe(403);
    const res = await w.clients.admin.post('/api/dispatch/models', {});
    expect(res.statusCode, res.body).toBe(201);
    const trained = res.json();
    expect(trained.stats.shipped).toBe(298);
    expect(trained.stats.unlabelled).toBe(7142);
    expect(trained.stats.heads.category1).toBe(7);
    const list = (await w.clients.admin.get('/api/dispatch/models')).json();
    expect(list.items[0]).toMatchObject({ version: trained.version, trigger: 'console', trainedBy: w.userIds.admin });
    expect(list.items[0].bytes).toBeGreaterThan(100_000);
    const [entry] = await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_log WHERE action = 'dispatch.model.train' AND subject_id = ${String(trained.version)}`);
    expect(entry?.action).toBe('dispatch.model.train');
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('suggests the top three categories and units with confidence and the words that drove them', async () => {
    const s = await suggestions(await submit({ title: '老旧小区改造', description: '我们小区是九十年代的老房子，外墙脱落、水管老化，希望纳入老旧小区改造计划', categoryId: null }));
    expect(s.modelVersion).toBeGreaterThan(0);
    expect(s.categories).toHaveLength(3);
    expect(s.categories[0]!.path).toBe('城乡建设');
    expect(s.categories[0]!.words.length).toBeGreaterThan(0);
    const confidences = s.categories.map((c) => c.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    expect(confidences.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.0001);
    // The responsibility list routes 城乡建设 to 城管委 in the world's district.
    expect(s.units[0]).toMatchObject({ orgId: w.units.cg, source: 'direct' });
    const bus = await suggestions(await submit({ title: '公交线路太少', description: '小区附近只有一条公交线路，早高峰等车半小时，希望增开公交车', categoryId: null }));
    expect(bus.categories[0]!.path).toBe('交通运输');
  });

  it('learns a dispatcher’s corrections of category and unit in the next version', { timeout: 180_000 }, async () => {
    const before = await suggestions(await submit({ title: EV[0], description: EV[0]!, categoryId: null }));
    const wrong = before.categories[0]!.path;
    const target = wrong === '卫生计生' ? '教育文体' : '卫生计生';
    const [deep] = await queryRows<{ id: number; path: string }>(t.db, sql`SELECT id, path FROM case_categories WHERE level = 2 AND path LIKE ${target + '/%'} ORDER BY id LIMIT 1`);
    for (const text of EV) {
      const id = await submit({ title: text, description: `${text}，请相关部门尽快处理。`, categoryId: null });
      const res = await w.clients.dispatcher.post(`/api/cases/${id}/dispatch`, { orgId: w.units.sj, categoryId: Number(deep!.id) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ category: { path: deep!.path }, lead: { id: w.units.sj }, dispatchMode: 'manual' });
    }
    for (let i = 0; i < 5; i++) {
      const id = await submit({ title: `路灯不亮 ${i}`, description: `幸福路${i}号路灯坏了，晚上很黑` });
      expect((await w.clients.dispatcher.post(`/api/cases/${id}/dispatch`, {})).statusCode).toBe(200);
    }
    // The pool of unlabelled messages is left out here to keep the test short; the console's version above read it.
    const set = { ...(await trainingSet(t.db)), unlabelled: [] };
    expect(set.history.filter((c) => c.corrected)).toHaveLength(EV.length);
    const { version, stats } = await trainVersion(t.db, { trigger: 'cli', actor: null, requestId: 'test', ip: null, now: new Date() }, set);
    expect(stats.heads).toMatchObject({ category2: 2, unit: 2 });
    const after = await suggestions(await submit({ title: '充电桩不够，电动车充电难', description: '地下车库电动车充电桩太少', categoryId: null }));
    expect(after.modelVersion).toBe(version);
    expect(after.categories[0]!.path).toBe(target);
    expect(after.deeper[0]!.path).toBe(deep!.path);
    expect(after.units[0]).toMatchObject({ orgId: w.units.sj, source: 'model' });
    expect(after.units[0]!.words.some((word) => word.includes('充电'))).toBe(true);
  });

  it('refuses a category change into the supervision channel or to an unknown category', async () => {
    const id = await submit({});
    const [sup] = await queryRows<{ id: number }>(t.db, sql`SELECT id FROM case_categories WHERE path LIKE '纪检监察%' ORDER BY level LIMIT 1`);
    for (const categoryId of [Number(sup!.id), 99999999]) {
      const res = await w.clients.dispatcher.post(`/api/cases/${id}/dispatch`, { orgId: w.units.cg, categoryId });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const current = (await w.clients.dispatcher.get(`/api/cases/${id}`)).json();
    expect(current.state).toBe('submitted');
  });
});

describe('auto-dispatch', () => {
  it('is off by default; configurators turn it on with a confidence between 0.5 and 1', async () => {
    const s = (await w.clients.dispatcher.get('/api/dispatch/settings')).json();
    expect(s).toMatchObject({ autoDispatch: false, minConfidence: 0.9 });
    expect((await w.clients.dispatcher.put('/api/dispatch/settings', { autoDispatch: true, minConfidence: 0.8 })).statusCode).toBe(403);
    const bad = await w.clients.admin.put('/api/dispatch/settings', { autoDispatch: true, minConfidence: 0.3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const id = await submit({ title: EV[1], description: EV[1]!, categoryId: null });
    expect(await autoDispatch(t.db, new Date())).toEqual({ looked: 0, dispatched: 0 });
    expect((await w.clients.dispatcher.get(`/api/cases/${id}`)).json().state).toBe('submitted');
  });

  it('dispatches new cases the model is sure of, with the category it is sure of, and leaves the rest with the reason', async () => {
    // The responsibility list agrees with the dispatchers: the corrected category belongs to 市场监管局.
    const [corrected] = await queryRows<{ path: string }>(t.db, sql`SELECT cc.path FROM cases c JOIN case_categories cc ON cc.id = c.category_id WHERE c.lead_org_id = ${w.units.sj} LIMIT 1`);
    await t.db.insert(responsibilities).values({ category: corrected!.path.split('/')[0]!, nodeId: w.district.id, orgId: w.units.sj });
    const on = await w.clients.admin.put('/api/dispatch/settings', { autoDispatch: true, minConfidence: 0.6 });
    expect(on.statusCode, on.body).toBe(200);
    const sure = await submit({ title: '电动车充电桩太少', description: '小区地下车库充电桩不够，电动车充电排队', categoryId: null });
    const vague = await submit({ title: '有个问题', description: '想反映一下情况，请联系我', categoryId: null });
    const run = await autoDispatch(t.db, new Date());
    expect(run).toEqual({ looked: 2, dispatched: 1 });
    const c = (await w.clients.dispatcher.get(`/api/cases/${sure}`)).json();
    expect(c).toMatchObject({ state: 'dispatched', dispatchMode: 'model', lead: { id: w.units.sj } });
    expect(c.category.path.startsWith(corrected!.path.split('/')[0]!)).toBe(true);
    expect((await w.clients.dispatcher.get(`/api/cases/${vague}`)).json().state).toBe('submitted');
    const decisions = await queryRows<{ case_id: number; dispatched: boolean; reason: string | null }>(t.db, sql`SELECT case_id, dispatched, reason FROM dispatch_decisions ORDER BY case_id`);
    expect(decisions.map((d) => [Number(d.case_id), d.dispatched, d.reason])).toEqual([
      [sure, true, null],
      [vague, false, 'below_threshold'],
    ]);
    // Each case is looked at once.
    expect(await autoDispatch(t.db, new Date())).toEqual({ looked: 0, dispatched: 0 });
    expect((await w.clients.dispatcher.get('/api/dispatch/settings')).json().recent).toEqual({ looked: 2, dispatched: 1 });
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});

describe('gongzhi dispatch train', () => {
  it('trains and stores a version from the command line', { timeout: 240_000 }, async () => {
    const env = t.test.url ? { ...process.env, DATABASE_URL: t.test.url, LOG_LEVEL: 'warn', GONGZHI_FROM_SOURCE: '1' } : embeddedEnv(tempDataDir());
    const before = t.test.url ? (await queryRows<{ n: number }>(t.db, sql`SELECT max(version)::int AS n FROM dispatch_models`))[0]!.n : 0;
    const r = await runCli(['dispatch', 'train'], env, 230_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^dispatch model version ${before + 1} stored: 298 shipped \\+ \\d+ dispatched cases \\(\\d+ corrected\\), 7142 unlabelled; category1 7 labels`));
  });
});

describe('model retention', () => {
  it('keeps the models of the five newest versions, and the rows of all', async () => {
    const stats = { shipped: 0, history: 0, corrections: 0, unlabelled: 0, heads: { category1: 0 }, seconds: 0 };
    for (let i = 0; i < 6; i++) {
      await t.db.transaction((tx) => storeVersion({ tx, actor: null, requestId: 'test', ip: null, now: new Date() }, { packed: Uint8Array.from([1, 2, 3]), stats }, 'cli'));
    }
    const versions = await listVersions(t.db, 100);
    const newest = versions[0]!.version;
    for (const v of versions) expect(v.bytes === 0).toBe(v.version <= newest - KEPT_MODELS);
    expect(versions.filter((v) => v.bytes > 0)).toHaveLength(KEPT_MODELS);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
