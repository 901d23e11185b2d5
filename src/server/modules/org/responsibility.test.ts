import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { verifyAudit } from '../../platform/audit/verify.js';

let t: TestApp;
let admin: Client;
let cadre: Client;
let deptStaff: Client;
type N = { id: number; path: string };
let district: N, s1: N, c1: N, c2: N, g1: N;
const orgs = { dept: 0, committee: 0, social: 0, otherCommittee: 0 };
let post = 0;

const errorOf = (res: { json(): { errors?: Array<{ code: string }>; code: string } }) => res.json().errors?.[0]?.code ?? res.json().code;
const entry = (body: Record<string, unknown>) => admin.post('/api/org/responsibilities', body);

beforeAll(async () => {
  t = await buildTestApp();
  district = await makeNode(t.db, { level: 'district', name: '青川区' });
  s1 = await makeNode(t.db, { level: 'street', parent: district });
  c1 = await makeNode(t.db, { level: 'community', parent: s1, name: '幸福社区' });
  c2 = await makeNode(t.db, { level: 'community', parent: s1, name: '和平社区' });
  g1 = await makeNode(t.db, { level: 'grid', parent: c1 });
  await makeUser(t.db, { username: 'admin', roles: [{ role: 'admin', nodeId: district.id }] });
  await makeUser(t.db, { username: 'cadre', roles: [{ role: 'cadre', nodeId: c1.id }] });
  await makeUser(t.db, { username: 'dept', roles: [{ role: 'dept_staff', nodeId: district.id }] });
  admin = await login(t.app, 'admin');
  cadre = await login(t.app, 'cadre');
  deptStaff = await login(t.app, 'dept');
  const make = async (body: Record<string, unknown>) => (await admin.post('/api/org/organizations', body)).json().id as number;
  orgs.dept = await make({ nodeId: district.id, kind: 'department', code: 'CG', name: '城管委' });
  orgs.committee = await make({ nodeId: c1.id, kind: 'committee', code: 'JW1', name: '幸福社区居委会' });
  orgs.otherCommittee = await make({ nodeId: c2.id, kind: 'committee', code: 'JW2', name: '和平社区居委会' });
  orgs.social = await make({ nodeId: c1.id, kind: 'social', code: 'ZY', name: '志愿服务队', charterCategories: ['市容环境', '民政'], charterNodeId: g1.id });
  post = (await admin.post('/api/org/posts', { orgId: orgs.committee, title: '主任' })).json().id;
});
afterAll(() => t.close());

describe('responsibility list', () => {
  it('routes a category in an area to an organization and post', async () => {
    const res = await entry({ category: '市容环境', nodeId: district.id, orgId: orgs.dept, note: '全区' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ category: '市容环境', nodeName: '青川区', orgName: '城管委', postId: null, note: '全区', actions: ['update', 'delete'] });
    const local = await entry({ category: '民政', nodeId: c1.id, orgId: orgs.committee, postId: post });
    expect(local.json()).toMatchObject({ postTitle: '主任', nodeName: '幸福社区' });
    const dup = await entry({ category: '市容环境', nodeId: district.id, orgId: orgs.dept });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('responsibility_exists');
  });

  it('keeps organizations within their territory and social organizations within their charter', async () => {
    expect(errorOf(await entry({ category: '民政', nodeId: c2.id, orgId: orgs.committee }))).toBe('responsibility_area_outside_org');
    expect(errorOf(await entry({ category: '教育文体', nodeId: g1.id, orgId: orgs.social }))).toBe('responsibility_outside_charter');
    expect(errorOf(await entry({ category: '民政', nodeId: c1.id, orgId: orgs.social }))).toBe('responsibility_outside_charter_area');
    expect((await entry({ category: '市容环境', nodeId: g1.id, orgId: orgs.social })).statusCode).toBe(201);
    expect(errorOf(await entry({ category: '街面秩序', nodeId: c2.id, orgId: orgs.otherCommittee, postId: post }))).toBe('post_not_in_org');
    expect(errorOf(await entry({ category: '街面秩序', nodeId: c2.id, orgId: 999_999 }))).toBe('ref_not_found');
  });

  it('guards what depends on it: charters, deactivation, posts', async () => {
    const shrink = await admin.patch(`/api/org/organizations/${orgs.social}`, { charterCategories: ['民政'] });
    expect(shrink.statusCode).toBe(409);
    expect(shrink.json().code).toBe('charter_in_use');
    expect((await admin.delete(`/api/org/organizations/${orgs.dept}`)).json().code).toBe('org_has_responsibilities');
    expect((await admin.delete(`/api/org/posts/${post}`)).json().code).toBe('post_in_use');
    await admin.delete(`/api/org/organizations/${orgs.otherCommittee}`);
    expect(errorOf(await entry({ category: '街面秩序', nodeId: c2.id, orgId: orgs.otherCommittee }))).toBe('responsibility_org_inactive');
  });

  it('lists by area, subtree, category and organization, for staff who may read it', async () => {
    expect((await deptStaff.get(`/api/org/responsibilities?nodeId=${c1.id}`)).json().total).toBe(1);
    expect((await deptStaff.get(`/api/org/responsibilities?nodeId=${c1.id}&subtree=true`)).json().total).toBe(2);
    expect((await deptStaff.get(`/api/org/responsibilities?category=${encodeURIComponent('市容环境')}`)).json().total).toBe(2);
    expect((await deptStaff.get(`/api/org/responsibilities?orgId=${orgs.dept}`)).json().items[0].actions).toEqual([]);
    const mine = (await cadre.get('/api/org/responsibilities')).json();
    expect(mine.items.map((e: { nodeName: string }) => e.nodeName).sort()).toEqual(['幸福社区', expect.any(String)]);
    expect((await cadre.get(`/api/org/responsibilities?nodeId=${district.id}`)).statusCode).toBe(404);
    expect((await cadre.post('/api/org/responsibilities', { category: 'x', nodeId: c1.id, orgId: orgs.committee })).statusCode).toBe(403);
  });

  it('updates an entry under the same rules, and deletes it', async () => {
    const e = (await admin.get(`/api/org/responsibilities?nodeId=${c1.id}`)).json().items[0];
    expect(errorOf(await admin.patch(`/api/org/responsibilities/${e.id}`, { nodeId: c2.id }))).toBe('responsibility_area_outside_org');
    const moved = await admin.patch(`/api/org/responsibilities/${e.id}`, { orgId: orgs.dept, postId: null, note: '' });
    expect(moved.json()).toMatchObject({ orgName: '城管委', postId: null, note: null });
    expect((await admin.delete(`/api/org/responsibilities/${e.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/org/responsibilities/${e.id}`)).statusCode).toBe(404);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
