import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeNode, makeUser, type Client } from '../../../../../test/helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../../../../../test/helpers/db.js';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import { verifyAudit } from '../../../platform/audit/verify.js';
import { queryRows, type Db } from '../../../platform/db/database.js';
import { defineModule, type GzApp } from '../../../platform/module.js';
import { isWorkingDay } from '../../../platform/time/working-days.js';
import { modules } from '../../index.js';
import { defaultRules, ruleFor } from '../deadlines.js';
import { catalogueMessages, catalogueRoutes, seedCasesBaseline } from './catalogue.module-parts.js';
import { loadDeadlineOverrides, loadWorkCalendar } from './catalogue.queries.js';

let test: TestDatabase;
let app: GzApp;
let db: Db;
let admin: Client; // admin at the root: configures
let streetAdmin: Client; // admin below the root: holds cases.configure, but not over the whole deployment
let dispatcher: Client; // reads, writes templates, does not configure
let worker: Client; // grid worker: writes templates
let resident: Client;

// Mount only the catalogue part of the cases module (the rest has its own tests); the
// baseline is in the template database already and is idempotent, so seeding again is harmless.
const mounted = modules.filter((m) => m.name !== 'cases' && m.seedBaseline !== seedCasesBaseline);
const catalogue = defineModule({ name: 'cases-catalogue', routes: catalogueRoutes, messages: catalogueMessages });

const codeOf = (res: { json(): { errors?: Array<{ code: string }>; code: string } }) => res.json().errors?.[0]?.code ?? res.json().code;
const enc = encodeURIComponent;

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.database.db;
  await db.transaction((tx) => seedCasesBaseline({ tx, actor: null, requestId: 'baseline', ip: null, now: new Date() }));
  app = await buildApp({ config: loadConfig({ GONGZHI_WEB_DIR: '/nonexistent', GONGZHI_RATE_LIMIT: '100000' }), database: test.database, logger: false, modules: [...mounted, catalogue] });
  await app.ready();
  const district = await makeNode(db, { level: 'district', name: '青川区' });
  const street = await makeNode(db, { level: 'street', parent: district });
  await makeUser(db, { username: 'cat-admin', roles: [{ role: 'admin', nodeId: district.id }] });
  await makeUser(db, { username: 'cat-street', roles: [{ role: 'admin', nodeId: street.id }] });
  await makeUser(db, { username: 'cat-dispatcher', roles: [{ role: 'dispatcher', nodeId: district.id }] });
  await makeUser(db, { username: 'cat-worker', roles: [{ role: 'grid_worker', nodeId: street.id }] });
  await makeUser(db, { username: 'cat-resident', kind: 'resident', roles: [{ role: 'resident', nodeId: street.id }] });
  admin = await login(app, 'cat-admin');
  streetAdmin = await login(app, 'cat-street');
  dispatcher = await login(app, 'cat-dispatcher');
  worker = await login(app, 'cat-worker');
  resident = await login(app, 'cat-resident');
});
afterAll(async () => {
  await app?.close();
  await test?.close();
});

describe('category catalogue', () => {
  it('lists active categories publicly and the whole catalogue to staff, with their actions', async () => {
    const pub = await app.inject({ url: '/api/public/categories' });
    expect(pub.statusCode).toBe(200);
    const items = pub.json().items as Array<{ path: string; level: number }>;
    expect(items.filter((c) => c.level === 3).length).toBeGreaterThanOrEqual(517);
    expect(items.map((c) => c.path)).toContain('街面秩序/占道经营');
    const staff = (await dispatcher.get('/api/cases/categories')).json().items as Array<{ path: string; actions: string[] }>;
    expect(staff.find((c) => c.path === '城乡建设')!.actions).toEqual([]);
    const mine = (await admin.get('/api/cases/categories')).json().items as Array<{ path: string; actions: string[] }>;
    expect(mine.find((c) => c.path === '城乡建设')!.actions).toEqual(['update', 'createChild']);
    expect(mine.find((c) => c.path === '城乡建设/安全生产/事故处理')!.actions).toEqual(['update']);
    expect((await resident.get('/api/cases/categories')).statusCode).toBe(403);
  });

  it('adds local categories under a parent, up to level 3, with unique paths', async () => {
    const parent = (await admin.get('/api/cases/categories')).json().items.find((c: { path: string }) => c.path === '市容环境');
    const res = await admin.post('/api/cases/categories', { parentId: parent.id, name: '共享单车乱停放' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ parentId: parent.id, level: 2, path: '市容环境/共享单车乱停放', system: 'local', active: true, actions: ['update', 'rename', 'createChild'] });
    const child = await admin.post('/api/cases/categories', { parentId: res.json().id, name: '占用盲道' });
    expect(child.json()).toMatchObject({ level: 3, path: '市容环境/共享单车乱停放/占用盲道', sortOrder: 0 });
    expect(codeOf(await admin.post('/api/cases/categories', { parentId: parent.id, name: '共享单车乱停放' }))).toBe('category_path_taken');
    expect(codeOf(await admin.post('/api/cases/categories', { parentId: child.json().id, name: '第四级' }))).toBe('category_level_max');
    expect(codeOf(await admin.post('/api/cases/categories', { parentId: 99_999_999, name: '无' }))).toBe('ref_not_found');
    expect((await admin.post('/api/cases/categories', { parentId: parent.id, name: 'a/b' })).statusCode).toBe(400);
    const root = await admin.post('/api/cases/categories', { name: '本地特色事项' });
    expect(root.json()).toMatchObject({ level: 1, parentId: null, system: 'local' });
  });

  it('refuses catalogue changes to anyone but a configurator at the root', async () => {
    const body = { name: '越权新增' };
    expect((await streetAdmin.post('/api/cases/categories', body)).statusCode).toBe(403);
    expect((await dispatcher.post('/api/cases/categories', body)).statusCode).toBe(403);
    expect((await resident.post('/api/cases/categories', body)).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/cases/categories', payload: body })).statusCode).toBe(401);
    const someId = (await admin.get('/api/cases/categories')).json().items[0].id;
    expect((await streetAdmin.patch(`/api/cases/categories/${someId}`, { active: false })).statusCode).toBe(403);
    expect((await admin.patch('/api/cases/categories/99999999', { active: false })).statusCode).toBe(404);
  });

  it('renames a local category with its subtree, rules and templates; standard names stay', async () => {
    const all = (await admin.get('/api/cases/categories')).json().items as Array<{ id: number; path: string }>;
    const local = all.find((c) => c.path === '市容环境/共享单车乱停放')!;
    expect((await admin.put('/api/cases/deadline-rules', { category: '市容环境/共享单车乱停放/占用盲道', urgency: 'general', dispatchHours: 4, signHours: 2, feedbackHours: 48 })).statusCode).toBe(201);
    expect((await admin.post('/api/cases/templates', { title: '单车', body: '已通知运营企业清理。', category: '市容环境/共享单车乱停放' })).statusCode).toBe(201);
    const [node] = await queryRows<{ id: number }>(db, sql`SELECT id FROM admin_nodes ORDER BY id LIMIT 1`);
    const [org] = await queryRows<{ id: number }>(db, sql`INSERT INTO organizations (node_id, kind, code, name) VALUES (${node!.id}, 'department', 'RENAME-CG', '城管') RETURNING id`);
    await db.execute(sql`INSERT INTO responsibilities (category, node_id, org_id) VALUES ('市容环境/共享单车乱停放', ${node!.id}, ${org!.id}), ('市容环境/共享单车乱停放/占用盲道', ${node!.id}, ${org!.id})`);
    const renamed = await admin.patch(`/api/cases/categories/${local.id}`, { name: '互联网租赁自行车乱停放' });
    expect(renamed.json()).toMatchObject({ name: '互联网租赁自行车乱停放', path: '市容环境/互联网租赁自行车乱停放' });
    const after = (await admin.get('/api/cases/categories')).json().items.map((c: { path: string }) => c.path);
    expect(after).toContain('市容环境/互联网租赁自行车乱停放/占用盲道');
    expect(after).not.toContain('市容环境/共享单车乱停放/占用盲道');
    const rules = (await admin.get('/api/cases/deadline-rules')).json().items.map((r: { category: string }) => r.category);
    expect(rules).toContain('市容环境/互联网租赁自行车乱停放/占用盲道');
    const tpl = (await admin.get(`/api/cases/templates?category=${enc('市容环境/互联网租赁自行车乱停放/占用盲道')}`)).json().items;
    expect(tpl.map((t: { title: string }) => t.title)).toContain('单车');
    // The responsibility list follows, so such matters keep their route.
    const listed = await queryRows<{ category: string }>(db, sql`SELECT category FROM responsibilities WHERE org_id = ${org!.id} ORDER BY category`);
    expect(listed.map((r) => r.category)).toEqual(['市容环境/互联网租赁自行车乱停放', '市容环境/互联网租赁自行车乱停放/占用盲道']);
    const standard = all.find((c) => c.path === '市容环境/私搭乱建')!;
    expect(codeOf(await admin.patch(`/api/cases/categories/${standard.id}`, { name: '违法建设' }))).toBe('category_system_rename');
    const sibling = all.find((c) => c.path === '本地特色事项')!;
    await admin.post('/api/cases/categories', { name: '另一类' });
    expect(codeOf(await admin.patch(`/api/cases/categories/${sibling.id}`, { name: '另一类' }))).toBe('category_path_taken');
  });

  it('deactivates a class with everything below it for intake, and restores it', async () => {
    const all = (await admin.get('/api/cases/categories')).json().items as Array<{ id: number; path: string }>;
    const cls = all.find((c) => c.path === '宣传广告')!;
    expect((await admin.patch(`/api/cases/categories/${cls.id}`, { active: false, sortOrder: 99 })).json()).toMatchObject({ active: false, usable: false, sortOrder: 99 });
    const pub = (await app.inject({ url: '/api/public/categories' })).json().items.map((c: { path: string }) => c.path);
    expect(pub.filter((p: string) => p.startsWith('宣传广告'))).toEqual([]);
    const staff = (await admin.get('/api/cases/categories?activeOnly=false')).json().items;
    expect(staff.find((c: { path: string }) => c.path === '宣传广告/非法小广告')).toMatchObject({ active: true, usable: false });
    expect(codeOf(await admin.post('/api/cases/categories', { parentId: cls.id, name: '新增' }))).toBe('category_parent_inactive');
    await admin.patch(`/api/cases/categories/${cls.id}`, { active: true });
    expect((await app.inject({ url: '/api/public/categories' })).json().items.map((c: { path: string }) => c.path)).toContain('宣传广告/非法小广告');
  });
});

describe('working-day calendar', () => {
  it('shows a year, and edits take effect on the cached calendar at once', async () => {
    const year = (await dispatcher.get('/api/cases/calendar?year=2026')).json();
    expect(year.actions).toEqual([]);
    expect(year.items).toContainEqual({ day: '2026-10-01', kind: 'holiday', name: '国庆节' });
    expect(isWorkingDay(await loadWorkCalendar(db, 'Asia/Shanghai'), '2026-03-02')).toBe(true); // a Monday; primes the cache
    const set = await admin.put('/api/cases/calendar/2026-03-02', { kind: 'holiday', name: '地方假日' });
    expect(set.json()).toEqual({ day: '2026-03-02', kind: 'holiday', name: '地方假日' });
    expect(isWorkingDay(await loadWorkCalendar(db, 'Asia/Shanghai'), '2026-03-02')).toBe(false);
    expect((await admin.put('/api/cases/calendar/2026-03-07', { kind: 'workday', name: '调休上班' })).statusCode).toBe(200);
    expect(isWorkingDay(await loadWorkCalendar(db, 'Asia/Shanghai'), '2026-03-07')).toBe(true);
    expect((await admin.delete('/api/cases/calendar/2026-03-02')).statusCode).toBe(204);
    expect(isWorkingDay(await loadWorkCalendar(db, 'Asia/Shanghai'), '2026-03-02')).toBe(true);
    expect((await admin.delete('/api/cases/calendar/2026-03-02')).statusCode).toBe(404);
    expect((await admin.get('/api/cases/calendar?year=2026')).json().actions).toEqual(['update', 'delete']);
  });

  it('validates days and refuses non-configurators', async () => {
    expect(codeOf(await admin.put('/api/cases/calendar/2026-03-03', { kind: 'workday', name: '调休' }))).toBe('calendar_workday_weekday');
    expect((await admin.put('/api/cases/calendar/2026-02-30', { kind: 'holiday', name: 'x' })).statusCode).toBe(400);
    expect((await admin.get('/api/cases/calendar?year=1999')).statusCode).toBe(400);
    expect((await streetAdmin.put('/api/cases/calendar/2026-03-04', { kind: 'holiday', name: 'x' })).statusCode).toBe(403);
    expect((await dispatcher.delete('/api/cases/calendar/2026-10-01')).statusCode).toBe(403);
    expect((await resident.get('/api/cases/calendar?year=2026')).statusCode).toBe(403);
  });
});

describe('deadline rules', () => {
  const leaf = '城乡建设/安全生产/事故处理';
  it('overrides the defaults for a category subtree, picked by ruleFor', async () => {
    expect(ruleFor('general', await loadDeadlineOverrides(db), leaf)).toBe(defaultRules.general); // primes the cache
    const created = await admin.put('/api/cases/deadline-rules', { category: '城乡建设', urgency: 'general', dispatchHours: 12, signHours: 6, feedbackWorkingDays: 10 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ category: '城乡建设', feedbackHours: null, feedbackWorkingDays: 10, actions: ['update', 'delete'] });
    expect(ruleFor('general', await loadDeadlineOverrides(db), leaf)).toEqual({ dispatch: { hours: 12 }, sign: { hours: 6 }, feedback: { workingDays: 10 } });
    const narrower = await admin.put('/api/cases/deadline-rules', { category: '城乡建设/安全生产', urgency: 'general', dispatchHours: 2, signHours: 1, feedbackHours: 24 });
    expect(ruleFor('general', await loadDeadlineOverrides(db), leaf).feedback).toEqual({ hours: 24 });
    const replaced = await admin.put('/api/cases/deadline-rules', { category: '城乡建设/安全生产', urgency: 'general', dispatchHours: 3, signHours: 1, feedbackWorkingDays: 5 });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().id).toBe(narrower.json().id);
    expect(ruleFor('general', await loadDeadlineOverrides(db), leaf).feedback).toEqual({ workingDays: 5 });
    const list = (await dispatcher.get('/api/cases/deadline-rules')).json();
    expect(list.actions).toEqual([]);
    expect(list.defaults).toContainEqual({ urgency: 'general', dispatchHours: 24, signHours: 24, feedbackHours: null, feedbackWorkingDays: 7 });
    expect((await admin.delete(`/api/cases/deadline-rules/${replaced.json().id}`)).statusCode).toBe(204);
    expect(ruleFor('general', await loadDeadlineOverrides(db), leaf).feedback).toEqual({ workingDays: 10 });
    expect((await admin.delete(`/api/cases/deadline-rules/${replaced.json().id}`)).statusCode).toBe(404);
  });

  it('validates rules and refuses non-configurators', async () => {
    const base = { category: '民政', urgency: 'complex', dispatchHours: 24, signHours: 24 };
    expect(codeOf(await admin.put('/api/cases/deadline-rules', { ...base, feedbackHours: 48, feedbackWorkingDays: 3 }))).toBe('deadline_feedback_one');
    expect(codeOf(await admin.put('/api/cases/deadline-rules', base))).toBe('deadline_feedback_one');
    expect((await admin.put('/api/cases/deadline-rules', { ...base, dispatchHours: 0, feedbackHours: 1 })).statusCode).toBe(400);
    expect((await admin.put('/api/cases/deadline-rules', { ...base, feedbackWorkingDays: 1.5 })).statusCode).toBe(400);
    expect((await admin.put('/api/cases/deadline-rules', { ...base, urgency: 'soon', feedbackHours: 1 })).statusCode).toBe(400);
    const unknown = await admin.put('/api/cases/deadline-rules', { ...base, category: '不存在的分类', feedbackHours: 1 });
    expect(unknown.statusCode).toBe(422);
    expect(codeOf(unknown)).toBe('category_unknown');
    expect((await streetAdmin.put('/api/cases/deadline-rules', { ...base, feedbackHours: 1 })).statusCode).toBe(403);
    expect((await dispatcher.put('/api/cases/deadline-rules', { ...base, feedbackHours: 1 })).statusCode).toBe(403);
  });
});

describe('reply templates', () => {
  it('returns the templates that apply to a category and state, most specific first', async () => {
    const add = (c: Client, body: Record<string, unknown>) => c.post('/api/cases/templates', body);
    expect((await add(worker, { title: '城建通用', body: '您反映的问题已转交相关部门。', category: '城乡建设' })).statusCode).toBe(201);
    expect((await add(admin, { title: '安全生产派单', body: '已派安监部门核查。', category: '城乡建设/安全生产', state: 'dispatched' })).statusCode).toBe(201);
    expect((await add(dispatcher, { title: '通用', body: '感谢您的反映。' })).statusCode).toBe(201);
    expect((await add(dispatcher, { title: '停用的', body: '旧模板', active: false })).statusCode).toBe(201);
    const q = `category=${enc('城乡建设/安全生产/事故处理')}`;
    const titles = async (query: string) => (await worker.get(`/api/cases/templates?${query}`)).json().items.map((t: { title: string }) => t.title);
    expect(await titles(`${q}&state=dispatched`)).toEqual(['安全生产派单', '城建通用', '通用']);
    expect(await titles(`${q}&state=signed`)).toEqual(['城建通用', '通用']);
    expect(await titles(`category=${enc('民政')}`)).toEqual(['通用']);
    expect(await titles('includeInactive=true')).toContain('停用的');
    expect(await titles('')).not.toContain('停用的');
    expect(codeOf(await add(admin, { title: 'x', body: 'y', category: '无此分类' }))).toBe('category_unknown');
    expect((await add(admin, { title: 'x', body: 'y', state: 'nope' })).statusCode).toBe(400);
  });

  it('lets the author or a configurator change a template; others may not', async () => {
    const items = (await worker.get('/api/cases/templates?includeInactive=true')).json().items as Array<{ id: number; title: string; actions: string[] }>;
    const own = items.find((t) => t.title === '城建通用')!;
    expect(own.actions).toEqual(['update', 'delete']);
    expect(items.find((t) => t.title === '通用')!.actions).toEqual([]);
    expect((await dispatcher.patch(`/api/cases/templates/${own.id}`, { title: '改' })).statusCode).toBe(403);
    const edited = await worker.patch(`/api/cases/templates/${own.id}`, { body: '已转交城建部门办理。', category: null });
    expect(edited.json()).toMatchObject({ body: '已转交城建部门办理。', category: null });
    expect((await resident.get('/api/cases/templates')).statusCode).toBe(403);
    expect((await resident.post('/api/cases/templates', { title: 'x', body: 'y' })).statusCode).toBe(403);
    expect((await admin.delete(`/api/cases/templates/${own.id}`)).statusCode).toBe(204);
    expect((await admin.patch(`/api/cases/templates/${own.id}`, { title: 'x' })).statusCode).toBe(404);
  });
});

describe('audit', () => {
  it('records every change in the chain', async () => {
    const rows = await queryRows<{ action: string }>(db, sql`SELECT DISTINCT action FROM audit_log WHERE action LIKE 'cases.%' ORDER BY action`);
    expect(rows.map((r) => r.action)).toEqual([
      'cases.calendar.clear',
      'cases.calendar.set',
      'cases.category.create',
      'cases.category.update',
      'cases.deadline_rule.create',
      'cases.deadline_rule.delete',
      'cases.deadline_rule.update',
      'cases.reply_template.create',
      'cases.reply_template.delete',
      'cases.reply_template.update',
    ]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
