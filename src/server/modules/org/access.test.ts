import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, makeNode, makeUser, TEST_PASSWORD, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { insertPeople } from './people.repo.js';

let t: TestApp;
let top: Client;
let streetAdmin: Client;
type N = { id: number; path: string };
let district: N, s1: N, s2: N, c1: N, g1: N;
let topId: number;
let streetAdminId: number;

beforeAll(async () => {
  t = await buildTestApp();
  district = await makeNode(t.db, { level: 'district', name: '青川区' });
  s1 = await makeNode(t.db, { level: 'street', parent: district, name: '东城街道' });
  s2 = await makeNode(t.db, { level: 'street', parent: district, name: '青石镇' });
  c1 = await makeNode(t.db, { level: 'community', parent: s1, name: '幸福社区' });
  g1 = await makeNode(t.db, { level: 'grid', parent: c1, name: '第一网格' });
  topId = (await makeUser(t.db, { username: 'top', roles: [{ role: 'admin', nodeId: district.id }] })).id;
  streetAdminId = (await makeUser(t.db, { username: 'sadmin', roles: [{ role: 'admin', nodeId: s1.id }] })).id;
  top = await login(t.app, 'top');
  streetAdmin = await login(t.app, 'sadmin');
});
afterAll(() => t.close());

const account = (c: Client, body: Record<string, unknown>) =>
  c.post('/api/org/accounts', { displayName: '新同事', initialPassword: 'Start-2026!', roles: [{ role: 'grid_worker', nodeId: g1.id }], ...body });

describe('staff accounts', () => {
  it('creates an account that must change its initial password', async () => {
    const res = await account(streetAdmin, { username: 'ZhangWei', phone: '13700000001', roles: [{ role: 'grid_worker', nodeId: g1.id }, { role: 'party_member', nodeId: c1.id }] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'zhangwei', phone: '13700000001', kind: 'staff', active: true, personId: null, actions: ['update', 'resetPassword'] });
    expect(res.json().roles.map((r: { role: string; nodeName: string }) => `${r.role}@${r.nodeName}`)).toEqual(['grid_worker@第一网格', 'party_member@幸福社区']);
    const me = await (await login(t.app, 'zhangwei', 'Start-2026!')).get('/api/me');
    expect(me.json()).toMatchObject({ mustChangePassword: true, kind: 'staff' });
    expect((await login(t.app, '13700000001', 'Start-2026!')).csrf).toBeTruthy();
  });

  it('links a person record and refuses a second account for it', async () => {
    const [p] = await insertPeople(t.db, [{ nodeId: g1.id, name: '赵敏', phone: null, gender: null, partyMember: false, note: null }], new Date());
    const linked = await account(streetAdmin, { username: 'zhaomin', personId: p!.id });
    expect(linked.json().personId).toBe(p!.id);
    expect((await streetAdmin.get(`/api/org/people/${p!.id}`)).json().userId).toBe(linked.json().id);
    const again = await account(streetAdmin, { username: 'zhaomin2', personId: p!.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('person_has_account');
  });

  it('answers bad input precisely', async () => {
    expect((await account(streetAdmin, { username: 'zhangwei' })).json().code).toBe('username_taken');
    expect((await account(streetAdmin, { username: 'weak', initialPassword: 'short' })).json().errors[0]).toMatchObject({ path: 'body.initialPassword', code: 'password_too_short' });
    expect((await account(streetAdmin, { username: '13712345678' })).statusCode).toBe(400);
    expect((await account(streetAdmin, { username: 'a b' })).statusCode).toBe(400);
    expect((await account(streetAdmin, { username: 'nophone', phone: '12345' })).statusCode).toBe(400);
    expect((await account(streetAdmin, { username: 'noroles', roles: [] })).statusCode).toBe(400);
    const outside = await account(streetAdmin, { username: 'outside', roles: [{ role: 'grid_worker', nodeId: s2.id }] });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0].path).toBe('body.roles.0.nodeId');
  });

  it('lists the accounts acting or living in the caller’s subtrees', async () => {
    const mine = (await streetAdmin.get('/api/org/accounts?limit=200')).json();
    const names = mine.items.map((a: { username: string }) => a.username);
    expect(names).toEqual(expect.arrayContaining(['zhangwei', 'zhaomin', 'sadmin']));
    expect(names).not.toContain('top');
    expect((await top.get('/api/org/accounts?q=zhang')).json().items.map((a: { username: string }) => a.username)).toEqual(['zhangwei']);
    expect((await streetAdmin.get(`/api/org/accounts/${topId}`)).statusCode).toBe(404);
    const gw = await login(t.app, 'zhangwei', 'Start-2026!');
    expect((await gw.get('/api/org/accounts')).statusCode).toBe(403);
  });

  it('deactivates an account and ends its sessions at once; nobody deactivates themselves', async () => {
    const id = (await top.get('/api/org/accounts?q=zhaomin')).json().items[0].id;
    const session = await login(t.app, 'zhaomin', 'Start-2026!');
    expect((await session.get('/api/me')).statusCode).toBe(200);
    const off = await streetAdmin.patch(`/api/org/accounts/${id}`, { active: false, displayName: '赵敏（已离职）' });
    expect(off.json()).toMatchObject({ active: false, displayName: '赵敏（已离职）' });
    expect((await session.get('/api/me')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'zhaomin', password: 'Start-2026!' } })).statusCode).toBe(401);
    expect((await streetAdmin.patch(`/api/org/accounts/${streetAdminId}`, { active: false })).json().code).toBe('account_self_deactivate');
  });

  it('does not let a street admin touch an account that also acts above the street', async () => {
    const both = (await account(top, { username: 'both', roles: [{ role: 'dispatcher', nodeId: district.id }, { role: 'grid_worker', nodeId: g1.id }] })).json();
    const seen = (await streetAdmin.get(`/api/org/accounts/${both.id}`)).json();
    expect(seen.actions).toEqual([]);
    expect((await streetAdmin.patch(`/api/org/accounts/${both.id}`, { active: false })).statusCode).toBe(403);
  });

  it('resets a password: old one stops working, the holder must choose a new one', async () => {
    const id = (await top.get('/api/org/accounts?q=zhangwei')).json().items[0].id;
    expect((await streetAdmin.post(`/api/org/accounts/${id}/password`, { newPassword: 'Reset-2026!' })).statusCode).toBe(204);
    await expect(login(t.app, 'zhangwei', 'Start-2026!')).rejects.toThrow();
    expect((await (await login(t.app, 'zhangwei', 'Reset-2026!')).get('/api/me')).json().mustChangePassword).toBe(true);
    expect((await streetAdmin.post(`/api/org/accounts/${streetAdminId}/password`, { newPassword: 'Reset-2026!' })).statusCode).toBe(409);
  });
});

describe('role assignments', () => {
  let target: number;
  beforeAll(async () => {
    target = (await makeUser(t.db, { username: 'target', roles: [{ role: 'resident', nodeId: g1.id }] })).id;
  });

  it('grants within the grantor’s subtree only; admin only by an admin over the node', async () => {
    const ok = await streetAdmin.post('/api/org/roles', { userId: target, role: 'cadre', nodeId: c1.id });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ userId: target, userName: 'target', role: 'cadre', nodeName: '幸福社区', actions: ['delete'] });
    expect((await streetAdmin.post('/api/org/roles', { userId: target, role: 'cadre', nodeId: c1.id })).json().code).toBe('role_exists');
    expect((await streetAdmin.post('/api/org/roles', { userId: target, role: 'admin', nodeId: c1.id })).statusCode).toBe(201);
    const above = await streetAdmin.post('/api/org/roles', { userId: target, role: 'admin', nodeId: district.id });
    expect(above.statusCode).toBe(422);
    expect(above.json().errors[0]).toMatchObject({ path: 'body.nodeId', code: 'ref_not_found' });
    expect((await streetAdmin.post('/api/org/roles', { userId: topId, role: 'cadre', nodeId: c1.id })).json().errors[0].path).toBe('body.userId');
    const cadre = await login(t.app, 'target');
    expect((await cadre.post('/api/org/roles', { userId: target, role: 'cadre', nodeId: g1.id })).statusCode).toBe(201);
  });

  it('lists grants with names and revokes them under the same rule', async () => {
    const list = (await streetAdmin.get(`/api/org/roles?userId=${target}`)).json();
    expect(list.items.map((g: { role: string }) => g.role).sort()).toEqual(['admin', 'cadre', 'cadre', 'resident']);
    const topGrant = (await top.get(`/api/org/roles?userId=${topId}`)).json().items[0];
    expect((await streetAdmin.delete(`/api/org/roles/${topGrant.id}`)).statusCode).toBe(404);
    expect((await top.delete(`/api/org/roles/${topGrant.id}`)).json().code).toBe('role_self_admin');
    const cadreGrant = list.items.find((g: { role: string; nodeId: number }) => g.role === 'cadre' && g.nodeId === c1.id);
    expect((await streetAdmin.delete(`/api/org/roles/${cadreGrant.id}`)).statusCode).toBe(204);
    expect((await streetAdmin.get(`/api/org/roles?nodeId=${c1.id}`)).json().items.every((g: { id: number }) => g.id !== cadreGrant.id)).toBe(true);
  });
});

describe('resident registration', () => {
  const register = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/register', payload: { password: 'Resident-1', displayName: '周强', nodeId: g1.id, ...body } });

  it('creates account, person and resident role, and signs the resident in', async () => {
    const res = await register({ username: 'zhouqiang' });
    expect(res.statusCode).toBe(201);
    const csrf = res.json().csrfToken;
    const sid = res.cookies.find((c) => c.name === 'gz_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(res.cookies.find((c) => c.name === 'gz_csrf')!.value).toBe(csrf);
    const me = (await t.app.inject({ url: '/api/me', headers: { cookie: `gz_sid=${sid.value}` } })).json();
    expect(me).toMatchObject({ kind: 'resident', username: 'zhouqiang', mustChangePassword: false, csrfToken: csrf });
    expect(me.grants).toEqual([expect.objectContaining({ role: 'resident', nodeId: g1.id })]);
    expect(me.personId).not.toBeNull();
    expect(me.permissions).toEqual([]);
    const person = (await top.get(`/api/org/people/${me.personId}`)).json();
    expect(person).toMatchObject({ name: '周强', nodeId: g1.id, userId: me.id });
  });

  it('accepts a phone number alone, and the resident signs in with it', async () => {
    expect((await register({ phone: '13911112222', nodeId: c1.id })).statusCode).toBe(201);
    expect((await login(t.app, '13911112222', 'Resident-1')).csrf).toBeTruthy();
  });

  it('refuses what it must', async () => {
    expect((await register({})).json().code).toBe('login_required');
    expect((await register({ username: 'dup1', nodeId: s1.id })).json().code).toBe('register_node_level');
    expect((await register({ username: 'dup2', nodeId: 999_999 })).json().code).toBe('ref_not_found');
    expect((await register({ username: 'zhouqiang' })).json().code).toBe('username_taken');
    expect((await register({ phone: '13911112222' })).json().code).toBe('phone_taken');
    expect((await register({ username: 'weakling', password: 'aaaaaaaa' })).json().code).toBe('password_too_simple');
    expect((await register({ username: '12345678' })).statusCode).toBe(400);
    expect((await register({ username: 'ok_name', displayName: '' })).statusCode).toBe(400);
  });

  it('is rate limited per address', async () => {
    let last = 0;
    for (let i = 0; i < 12 && last !== 429; i++) last = (await register({ username: `flood${i}`, password: 'x' })).statusCode;
    expect(last).toBe(429);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAudit(t.db)).ok).toBe(true);
    expect(TEST_PASSWORD).toBeTruthy();
  });
});
