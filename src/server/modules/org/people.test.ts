import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { queryRows } from '../../platform/db/database.js';
import { insertOrgs } from './organization.repo.js';
import { insertPost } from './people.repo.js';

let t: TestApp;
let admin: Client;
let gridWorker: Client;
let partyMember: Client;
type N = { id: number; path: string };
let c1: N, g1: N, g2: N;

beforeAll(async () => {
  t = await buildTestApp();
  const district = await makeNode(t.db, { level: 'district' });
  const s1 = await makeNode(t.db, { level: 'street', parent: district });
  c1 = await makeNode(t.db, { level: 'community', parent: s1 });
  g1 = await makeNode(t.db, { level: 'grid', parent: c1 });
  g2 = await makeNode(t.db, { level: 'grid', parent: c1 });
  await makeUser(t.db, { username: 'admin', roles: [{ role: 'admin', nodeId: district.id }] });
  await makeUser(t.db, { username: 'gw', roles: [{ role: 'grid_worker', nodeId: g1.id }] });
  await makeUser(t.db, { username: 'pm', roles: [{ role: 'party_member', nodeId: c1.id }] });
  admin = await login(t.app, 'admin');
  gridWorker = await login(t.app, 'gw');
  partyMember = await login(t.app, 'pm');
});
afterAll(() => t.close());

const person = (c: Client, body: Record<string, unknown>) => c.post('/api/org/people', { name: '张三', ...body });

describe('people', () => {
  it('records people, numbering those who come without a code', async () => {
    const a = await gridWorker.post('/api/org/people', { nodeId: g1.id, name: '李秀英', phone: '13800001111', gender: 'female', partyMember: true, note: '联系户 12 户' });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ nodeId: g1.id, name: '李秀英', phone: '13800001111', gender: 'female', partyMember: true, userId: null, actions: ['update', 'delete'] });
    expect(a.json().code).toMatch(/^P\d{8}$/);
    const b = await person(gridWorker, { nodeId: g1.id, code: 'R-001', phone: '' });
    expect(b.json()).toMatchObject({ code: 'R-001', phone: null, gender: null, partyMember: false });
    const dup = await person(gridWorker, { nodeId: g1.id, code: 'R-001' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('person_code_taken');
  });

  it('keeps a grid worker within their grid', async () => {
    const outside = await person(gridWorker, { nodeId: g2.id });
    expect(outside.statusCode).toBe(422);
    const there = (await person(admin, { nodeId: g2.id, name: '隔壁' })).json();
    expect((await gridWorker.get(`/api/org/people/${there.id}`)).statusCode).toBe(404);
    expect((await gridWorker.patch(`/api/org/people/${there.id}`, { note: 'x' })).statusCode).toBe(404);
    const mine = (await gridWorker.get('/api/org/people?limit=200')).json();
    expect(mine.items.every((p: { nodeId: number }) => p.nodeId === g1.id)).toBe(true);
    const moved = await gridWorker.patch(`/api/org/people/${mine.items[0].id}`, { nodeId: g2.id });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().errors[0].path).toBe('body.nodeId');
  });

  it('lists by node, subtree and text (name, phone or code)', async () => {
    expect((await admin.get(`/api/org/people?nodeId=${c1.id}`)).json().total).toBe(0);
    expect((await admin.get(`/api/org/people?nodeId=${c1.id}&subtree=true`)).json().total).toBe(3);
    expect((await admin.get(`/api/org/people?q=${encodeURIComponent('秀英')}`)).json().total).toBe(1);
    expect((await admin.get('/api/org/people?q=0000111')).json().total).toBe(1);
    expect((await admin.get('/api/org/people?q=R-001')).json().items[0].name).toBe('张三');
    expect((await partyMember.get('/api/org/people')).statusCode).toBe(403);
  });

  it('updates a record and audits it with the phone masked', async () => {
    const p = (await admin.get(`/api/org/people?q=${encodeURIComponent('秀英')}`)).json().items[0];
    const res = await gridWorker.patch(`/api/org/people/${p.id}`, { phone: '13900002222', partyMember: false, note: null });
    expect(res.json()).toMatchObject({ phone: '13900002222', partyMember: false, note: null });
    const [entry] = await queryRows<{ changes: Record<string, unknown> }>(t.db, sql`SELECT changes FROM audit_log WHERE action = 'org.person.update' ORDER BY seq DESC LIMIT 1`);
    expect(entry!.changes).toEqual({ phone: ['138****1111', '139****2222'], partyMember: [true, false], note: ['联系户 12 户', null] });
  });

  it('refuses to delete someone who holds a post or has an account', async () => {
    const p = (await person(admin, { nodeId: g1.id, name: '书记' })).json();
    const [o] = await insertOrgs(t.db, [{ nodeId: c1.id, kind: 'committee', partyLevel: null, parentOrgId: null, code: 'JW', name: '居委会', charterCategories: [], charterNodeId: null, phone: null }], new Date());
    const postId = await insertPost(t.db, { orgId: o!.id, title: '主任', personId: p.id }, new Date());
    const held = await admin.delete(`/api/org/people/${p.id}`);
    expect(held.statusCode).toBe(409);
    expect(held.json().code).toBe('person_holds_post');
    await admin.delete(`/api/org/posts/${postId}`);
    expect((await admin.delete(`/api/org/people/${p.id}`)).statusCode).toBe(204);
    const withAccount = (await person(admin, { nodeId: g1.id, name: '有账号' })).json();
    await admin.post('/api/org/accounts', { username: 'has_account', displayName: '有账号', initialPassword: 'Start-2026!', personId: withAccount.id, roles: [{ role: 'grid_worker', nodeId: g1.id }] });
    expect((await admin.delete(`/api/org/people/${withAccount.id}`)).json().code).toBe('person_has_account');
  });
});
