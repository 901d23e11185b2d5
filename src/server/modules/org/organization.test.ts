import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { insertPeople } from './people.repo.js';

let t: TestApp;
let admin: Client;
let cadre: Client;
type N = { id: number; path: string };
let district: N, s1: N, s2: N, c1: N, g1: N, c2: N;

let seq = 0;
const org = (c: Client, body: Record<string, unknown>) => c.post('/api/org/organizations', { code: `ORG${++seq}`, name: `组织${seq}`, ...body });
const errorOf = (res: { json(): { errors?: Array<{ code: string }>; code: string } }) => res.json().errors?.[0]?.code ?? res.json().code;

beforeAll(async () => {
  t = await buildTestApp();
  district = await makeNode(t.db, { level: 'district' });
  s1 = await makeNode(t.db, { level: 'street', parent: district });
  s2 = await makeNode(t.db, { level: 'street', parent: district });
  c1 = await makeNode(t.db, { level: 'community', parent: s1 });
  c2 = await makeNode(t.db, { level: 'community', parent: s2 });
  g1 = await makeNode(t.db, { level: 'grid', parent: c1 });
  await makeUser(t.db, { username: 'admin', roles: [{ role: 'admin', nodeId: district.id }] });
  await makeUser(t.db, { username: 'cadre', roles: [{ role: 'cadre', nodeId: s1.id }] });
  admin = await login(t.app, 'admin');
  cadre = await login(t.app, 'cadre');
});
afterAll(() => t.close());

describe('party chain', () => {
  let districtCommittee: number, streetCommittee: number, communityBranch: number, gridBranch: number;

  it('builds 区委 → 街道党工委 → 社区党总支 → 网格党支部 → 党小组', async () => {
    const d = await org(admin, { nodeId: district.id, kind: 'party', partyLevel: 'committee', name: '中共青川区委员会' });
    expect(d.statusCode).toBe(201);
    districtCommittee = d.json().id;
    const s = await org(cadre, { nodeId: s1.id, kind: 'party', partyLevel: 'committee', parentOrgId: districtCommittee, name: '街道党工委' });
    expect(s.statusCode).toBe(201);
    expect(s.json()).toMatchObject({ parentOrgId: districtCommittee, parentOrgName: '中共青川区委员会', partyLevel: 'committee', active: true, actions: ['update', 'delete', 'createPost'] });
    streetCommittee = s.json().id;
    communityBranch = (await org(cadre, { nodeId: c1.id, kind: 'party', partyLevel: 'general_branch', parentOrgId: streetCommittee })).json().id;
    const g = await org(cadre, { nodeId: g1.id, kind: 'party', partyLevel: 'branch', parentOrgId: communityBranch });
    expect(g.statusCode).toBe(201);
    gridBranch = g.json().id;
    expect((await org(cadre, { nodeId: g1.id, kind: 'party', partyLevel: 'group', parentOrgId: gridBranch })).statusCode).toBe(201);
  });

  it('refuses parents that are lower, equal, below the node, not party, or missing a level', async () => {
    expect(errorOf(await org(cadre, { nodeId: c1.id, kind: 'party', partyLevel: 'branch', parentOrgId: gridBranch }))).toBe('org_parent_not_above');
    expect(errorOf(await org(cadre, { nodeId: g1.id, kind: 'party', partyLevel: 'branch', parentOrgId: gridBranch }))).toBe('party_parent_level');
    expect(errorOf(await org(cadre, { nodeId: s1.id, kind: 'party', partyLevel: 'committee', parentOrgId: streetCommittee }))).toBe('party_parent_level');
    expect(errorOf(await org(cadre, { nodeId: c1.id, kind: 'party', parentOrgId: streetCommittee }))).toBe('party_level_required');
    expect(errorOf(await org(cadre, { nodeId: c1.id, kind: 'department', partyLevel: 'branch' }))).toBe('party_level_only_party');
    const dept = (await org(admin, { nodeId: district.id, kind: 'department', name: '城管委' })).json().id;
    expect(errorOf(await org(cadre, { nodeId: c1.id, kind: 'party', partyLevel: 'branch', parentOrgId: dept }))).toBe('party_parent_not_party');
    const res = await org(cadre, { nodeId: c1.id, kind: 'party', partyLevel: 'branch', parentOrgId: 999_999 });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ path: 'body.parentOrgId', code: 'ref_not_found' });
  });

  it('does not let a cadre hang anything on a sibling street’s organization', async () => {
    const other = (await org(admin, { nodeId: s2.id, kind: 'party', partyLevel: 'committee', parentOrgId: districtCommittee })).json().id;
    expect(errorOf(await org(cadre, { nodeId: c1.id, kind: 'party', partyLevel: 'branch', parentOrgId: other }))).toBe('ref_not_found');
    expect((await cadre.get(`/api/org/organizations/${other}`)).statusCode).toBe(404);
    expect((await cadre.patch(`/api/org/organizations/${other}`, { name: 'x' })).statusCode).toBe(404);
    expect((await org(cadre, { nodeId: c2.id, kind: 'committee' })).statusCode).toBe(422);
  });

  it('keeps children valid when a level changes, and refuses cycles', async () => {
    const lower = await cadre.patch(`/api/org/organizations/${communityBranch}`, { partyLevel: 'group' });
    expect(lower.statusCode).toBe(409);
    expect(lower.json().code).toBe('org_children_conflict');
    expect((await cadre.patch(`/api/org/organizations/${communityBranch}`, { partyLevel: 'committee' })).statusCode).toBe(200);
    const a = (await org(admin, { nodeId: district.id, kind: 'department', name: '甲局' })).json().id;
    const b = (await org(admin, { nodeId: district.id, kind: 'department', name: '乙科', parentOrgId: a })).json().id;
    expect(errorOf(await admin.patch(`/api/org/organizations/${a}`, { parentOrgId: b }))).toBe('org_parent_cycle');
    expect(errorOf(await admin.patch(`/api/org/organizations/${a}`, { parentOrgId: a }))).toBe('org_parent_cycle');
    expect((await admin.patch(`/api/org/organizations/${b}`, { code: 'ORG1' })).statusCode).toBe(409);
  });

  it('deactivates instead of deleting, refusing while active children remain', async () => {
    const busy = await cadre.delete(`/api/org/organizations/${gridBranch}`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('org_has_active_children');
    const group = (await cadre.get(`/api/org/organizations?nodeId=${g1.id}&kind=party`)).json().items.find((o: { partyLevel: string }) => o.partyLevel === 'group');
    const off = await cadre.delete(`/api/org/organizations/${group.id}`);
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await cadre.delete(`/api/org/organizations/${gridBranch}`)).json().active).toBe(false);
    expect(errorOf(await org(cadre, { nodeId: g1.id, kind: 'party', partyLevel: 'group', parentOrgId: gridBranch }))).toBe('org_parent_inactive');
    expect(errorOf(await cadre.post('/api/org/posts', { orgId: gridBranch, title: '书记' }))).toBe('org_inactive');
    expect(errorOf(await cadre.patch(`/api/org/organizations/${group.id}`, { active: true }))).toBe('org_parent_inactive');
  });
});

describe('social organizations and charters', () => {
  it('needs at least one category and an area within its node', async () => {
    expect(errorOf(await org(cadre, { nodeId: c1.id, kind: 'social' }))).toBe('charter_categories_required');
    expect(errorOf(await org(cadre, { nodeId: c1.id, kind: 'social', charterCategories: ['民政'] }))).toBe('charter_area_required');
    expect(errorOf(await org(cadre, { nodeId: c1.id, kind: 'social', charterCategories: ['民政'], charterNodeId: s1.id }))).toBe('charter_area_outside');
    expect(errorOf(await org(cadre, { nodeId: c1.id, kind: 'committee', charterCategories: ['民政'] }))).toBe('charter_only_social');
    const ok = await org(cadre, { nodeId: c1.id, kind: 'social', name: '志愿服务队', charterCategories: ['民政', '环境保护', '民政'], charterNodeId: g1.id, phone: '010-12345678' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'social', charterCategories: ['民政', '环境保护'], charterNodeId: g1.id, phone: '010-12345678' });
  });
});

describe('listing', () => {
  it('filters by node, subtree, kind and text within the caller’s scope, names joined', async () => {
    const mine = (await cadre.get('/api/org/organizations?limit=200')).json();
    expect(mine.items.every((o: { nodeId: number }) => [s1.id, c1.id, g1.id].includes(o.nodeId))).toBe(true);
    const onC1 = (await cadre.get(`/api/org/organizations?nodeId=${c1.id}`)).json();
    const underC1 = (await cadre.get(`/api/org/organizations?nodeId=${c1.id}&subtree=true`)).json();
    expect(underC1.total).toBeGreaterThan(onC1.total);
    expect(onC1.items.every((o: { nodeName: string; nodeId: number }) => o.nodeId === c1.id && o.nodeName.length > 0)).toBe(true);
    const social = (await admin.get('/api/org/organizations?kind=social')).json();
    expect(social.items.map((o: { name: string }) => o.name)).toEqual(['志愿服务队']);
    expect((await admin.get(`/api/org/organizations?q=${encodeURIComponent('青川')}`)).json().total).toBe(1);
    expect((await cadre.get(`/api/org/organizations?nodeId=${s2.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/org/organizations?subtree=maybe')).statusCode).toBe(400);
  });
});

describe('posts', () => {
  it('creates, lists with holder names, reassigns and deletes posts', async () => {
    const committee = (await org(cadre, { nodeId: c1.id, kind: 'committee', name: '幸福社区居委会' })).json();
    const [p] = await insertPeople(t.db, [{ nodeId: c1.id, name: '王主任', phone: null, gender: 'female', partyMember: true, note: null }], new Date());
    const [q] = await insertPeople(t.db, [{ nodeId: c2.id, name: '外街道', phone: null, gender: null, partyMember: false, note: null }], new Date());
    const created = await cadre.post('/api/org/posts', { orgId: committee.id, title: '主任', personId: p!.id });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ orgName: '幸福社区居委会', title: '主任', personName: '王主任', actions: ['update', 'delete'] });
    const list = (await cadre.get(`/api/org/posts?orgId=${committee.id}`)).json();
    expect(list).toMatchObject({ total: 1, items: [{ personId: p!.id }] });
    expect(errorOf(await cadre.post('/api/org/posts', { orgId: committee.id, title: '委员', personId: q!.id }))).toBe('ref_not_found');
    const id = created.json().id;
    expect((await cadre.patch(`/api/org/posts/${id}`, { personId: null })).json().personName).toBeNull();
    expect((await cadre.delete(`/api/org/posts/${id}`)).statusCode).toBe(204);
    expect((await cadre.get(`/api/org/posts/${id}`)).statusCode).toBe(404);
  });

  it('leaves an intact audit chain behind', async () => {
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
