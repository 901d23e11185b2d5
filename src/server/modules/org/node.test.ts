import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { queryRows } from '../../platform/db/database.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { insertPeople } from './people.repo.js';

let t: TestApp;
let admin: Client;
let cadre: Client;
let district: { id: number; path: string };
let s1: { id: number; path: string; code: string };
let s2: { id: number; path: string; code: string };

beforeAll(async () => {
  t = await buildTestApp();
  district = await makeNode(t.db, { name: '青川区', level: 'district' });
  await makeUser(t.db, { username: 'admin', roles: [{ role: 'admin', nodeId: district.id }] });
  admin = await login(t.app, 'admin');
  const street = (code: string, name: string) => admin.post('/api/org/nodes', { parentId: district.id, level: 'street', kind: '街道', code, name });
  s1 = (await street('110199001', '东城街道')).json();
  s2 = (await street('110199002', '西城街道')).json();
  await makeUser(t.db, { username: 'cadre', roles: [{ role: 'cadre', nodeId: s1.id }] });
  cadre = await login(t.app, 'cadre');
});
afterAll(() => t.close());

describe('creating nodes', () => {
  it('builds the tree one level at a time, with materialized paths', async () => {
    const c = await cadre.post('/api/org/nodes', { parentId: s1.id, level: 'community', kind: '社区', code: '110199001001', name: '幸福社区', households: 1200 });
    expect(c.statusCode).toBe(201);
    const community = c.json();
    expect(community).toMatchObject({ parentId: s1.id, level: 'community', kind: '社区', path: `${s1.path}${community.id}/`, households: 1200, childCount: 0 });
    expect(community.actions).toEqual(['update', 'delete', 'createChild']);
    const g = await cadre.post('/api/org/nodes', { parentId: community.id, level: 'grid', kind: '网格', code: '110199001001001', name: '第一网格', households: 420 });
    expect(g.statusCode).toBe(201);
    expect(g.json().actions).toEqual(['update', 'delete']);
    expect((await cadre.get(`/api/org/nodes/${community.id}`)).json().childCount).toBe(1);
  });

  it('refuses a level that is not one below the parent, or a kind that does not fit it', async () => {
    const skip = await admin.post('/api/org/nodes', { parentId: s1.id, level: 'grid', kind: '网格', code: 'X1', name: '跳级' });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().errors[0]).toMatchObject({ path: 'body.level', code: 'node_level_mismatch' });
    const kind = await admin.post('/api/org/nodes', { parentId: s1.id, level: 'community', kind: '网格', code: 'X2', name: '错类' });
    expect(kind.statusCode).toBe(422);
    expect(kind.json().errors[0]).toMatchObject({ path: 'body.kind', code: 'node_kind_invalid' });
    expect(kind.json().detail).toContain('社区');
    const root = await admin.post('/api/org/nodes', { level: 'street', kind: '街道', code: 'X3', name: '无根街道' });
    expect(root.json().errors[0].code).toBe('node_root_level');
  });

  it('lets only top administrators add a district; a cadre cannot', async () => {
    expect((await admin.post('/api/org/nodes', { parentId: null, level: 'district', kind: '县', code: '110299', name: '新县' })).statusCode).toBe(201);
    expect((await cadre.post('/api/org/nodes', { level: 'district', kind: '区', code: '110399', name: '越权区' })).statusCode).toBe(403);
  });

  it('answers a taken code with 409 and an unknown or invisible parent with the same 422', async () => {
    const dup = await admin.post('/api/org/nodes', { parentId: s1.id, level: 'community', kind: '社区', code: '110199001001', name: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('node_code_taken');
    const missing = await cadre.post('/api/org/nodes', { parentId: 999_999, level: 'community', kind: '社区', code: 'Y1', name: '无' });
    const hidden = await cadre.post('/api/org/nodes', { parentId: s2.id, level: 'community', kind: '社区', code: 'Y2', name: '无' });
    expect(missing.statusCode).toBe(422);
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().errors).toEqual(missing.json().errors);
  });

  it('settles a race for one code with one 201 and one 409', async () => {
    const body = { parentId: s2.id, level: 'community', kind: '村', code: '110199002009', name: '抢注村' };
    const results = await Promise.all([admin.post('/api/org/nodes', body), admin.post('/api/org/nodes', body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});

describe('browsing', () => {
  it('starts each caller at the roots of their own subtrees', async () => {
    const mine = (await cadre.get('/api/org/nodes')).json();
    expect(mine.items.map((n: { id: number }) => n.id)).toEqual([s1.id]);
    const all = (await admin.get('/api/org/nodes')).json();
    expect(all.items.map((n: { level: string }) => n.level)).toEqual(['district']);
    const children = (await admin.get(`/api/org/nodes?parentId=${district.id}`)).json();
    expect(children.total).toBe(2);
    expect(children.items[0]).toMatchObject({ code: '110199001', childCount: 1 });
  });

  it('pages with limit and offset and reports the total', async () => {
    const first = (await admin.get(`/api/org/nodes?parentId=${district.id}&limit=1`)).json();
    const second = (await admin.get(`/api/org/nodes?parentId=${district.id}&limit=1&offset=1`)).json();
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(2);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect((await admin.get('/api/org/nodes?limit=500')).statusCode).toBe(400);
  });

  it('searches by name or code within the caller’s scope only, with LIKE wildcards taken literally', async () => {
    expect((await cadre.get(`/api/org/nodes?q=${encodeURIComponent('幸福')}`)).json().items).toHaveLength(1);
    expect((await cadre.get('/api/org/nodes?q=110199002')).json().total).toBe(0);
    expect((await admin.get('/api/org/nodes?q=110199002')).json().total).toBeGreaterThan(0);
    expect((await admin.get(`/api/org/nodes?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
    expect((await admin.get('/api/org/nodes?q=_')).json().total).toBe(0);
  });

  it('returns the visible subtrees flat for tree views', async () => {
    const tree = (await cadre.get('/api/org/nodes/tree')).json().items;
    expect(tree.map((n: { code: string }) => n.code)).toEqual(['110199001', '110199001001', '110199001001001']);
    expect(tree[0].childCount).toBe(1);
  });

  it('hides nodes outside the subtree exactly like missing ones', async () => {
    const hidden = await cadre.get(`/api/org/nodes/${s2.id}`);
    const missing = await cadre.get('/api/org/nodes/987654');
    expect(hidden.statusCode).toBe(404);
    expect({ ...hidden.json(), requestId: '', instance: '' }).toEqual({ ...missing.json(), requestId: '', instance: '' });
    expect((await cadre.get(`/api/org/nodes?parentId=${s2.id}`)).statusCode).toBe(404);
  });

  it('publishes the whole tree, names only, for resident registration', async () => {
    const res = await t.app.inject({ url: '/api/public/nodes' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(items[0]).sort()).toEqual(['id', 'level', 'name', 'parentId']);
  });

  it('refuses residents and signed-out callers', async () => {
    await makeUser(t.db, { username: 'res', kind: 'resident', roles: [{ role: 'resident', nodeId: s1.id }] });
    expect((await (await login(t.app, 'res')).get('/api/org/nodes')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/org/nodes' })).statusCode).toBe(401);
  });
});

describe('editing and deleting', () => {
  it('renames and re-codes, auditing the changed fields', async () => {
    const c = (await cadre.get(`/api/org/nodes?parentId=${s1.id}`)).json().items[0];
    const res = await cadre.patch(`/api/org/nodes/${c.id}`, { name: '幸福里社区', kind: '社区', households: 1300 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '幸福里社区', households: 1300 });
    const [entry] = await queryRows<{ changes: Record<string, unknown>; scope_path: string }>(
      t.db,
      sql`SELECT changes, scope_path FROM audit_log WHERE action = 'org.node.update' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry!.changes).toEqual({ name: ['幸福社区', '幸福里社区'], households: [1200, 1300] });
    expect(entry!.scope_path).toBe(c.path);
    expect((await cadre.patch(`/api/org/nodes/${c.id}`, { code: '110199001' })).statusCode).toBe(409);
    expect((await cadre.patch(`/api/org/nodes/${c.id}`, { kind: '街道' })).statusCode).toBe(422);
    expect((await cadre.patch(`/api/org/nodes/${s2.id}`, { name: '越权' })).statusCode).toBe(404);
  });

  it('refuses to delete a node that still has children or people (409), deletes an empty one', async () => {
    const c = (await cadre.get(`/api/org/nodes?parentId=${s1.id}`)).json().items[0];
    const busy = await cadre.delete(`/api/org/nodes/${c.id}`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ code: 'node_has_children', title: '该节点下还有 1 个下级节点，不能删除' });
    const en = await cadre.delete(`/api/org/nodes/${c.id}`, { 'accept-language': 'en-US' });
    expect(en.json().title).toBe('The node still has 1 child nodes');
    const grid = (await cadre.get(`/api/org/nodes?parentId=${c.id}`)).json().items[0];
    await insertPeople(t.db, [{ nodeId: grid.id, name: '住户', phone: null, gender: null, partyMember: false, note: null }], new Date());
    expect((await cadre.delete(`/api/org/nodes/${grid.id}`)).json().code).toBe('node_has_people');
    const empty = (await cadre.post('/api/org/nodes', { parentId: c.id, level: 'grid', kind: '网格', code: '110199001001009', name: '临时网格' })).json();
    expect((await cadre.delete(`/api/org/nodes/${empty.id}`)).statusCode).toBe(204);
    expect((await cadre.get(`/api/org/nodes/${empty.id}`)).statusCode).toBe(404);
  });

  it('answers malformed input with 400 problem+json, never 500', async () => {
    for (const res of [
      await admin.get('/api/org/nodes/abc'),
      await admin.get('/api/org/nodes/99999999999999999999'),
      await admin.post('/api/org/nodes', { parentId: s1.id, level: 'community', kind: '社区', code: 'Z1', name: 'a\u0000b' }),
      await admin.post('/api/org/nodes', { parentId: s1.id, level: 'community', kind: '社区', code: '../etc', name: '坏编码' }),
      await admin.post('/api/org/nodes', { parentId: 'x', level: 'nope' }),
      await admin.get(`/api/org/nodes?q=${encodeURIComponent('a\u0000')}`),
    ]) {
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
