import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.js';
import { roles, type Role } from '../../platform/access/roles.js';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { canCreateAccount, canGrantRole, canManageAccount, isTopAdmin, nodeActions, orgPolicy } from './org.policy.js';
import { insertOrgs } from './organization.repo.js';
import { insertPeople } from './people.repo.js';

const actions = ['readNode', 'writeNode', 'readPeople', 'writePeople', 'assignRole', 'writeResponsibility', 'createAccount'] as const;
type Action = (typeof actions)[number];

/** What each role may do within its subtree: written out, not derived from roles.ts, so a change there must be deliberate. */
const allowedWithin: Record<Role, readonly Action[]> = {
  resident: [],
  party_member: ['readNode'],
  grid_worker: ['readNode', 'readPeople', 'writePeople'],
  cadre: ['readNode', 'writeNode', 'readPeople', 'writePeople'],
  dispatcher: ['readNode', 'readPeople'],
  dept_staff: ['readNode'],
  discipline_inspector: ['readNode', 'readPeople'],
  custodian: ['readNode'],
  assessor: ['readNode', 'readPeople'],
  admin: actions,
};

const check: Record<Action, (a: Actor, path: string) => boolean> = {
  readNode: (a, path) => orgPolicy.readNode(a, { path }),
  writeNode: (a, path) => orgPolicy.writeNode(a, { path }),
  readPeople: (a, path) => orgPolicy.readPeople(a, { path }),
  writePeople: (a, path) => orgPolicy.writePeople(a, { path }),
  assignRole: (a, path) => canGrantRole(a, 'grid_worker', { path }),
  writeResponsibility: (a, path) => orgPolicy.writeResponsibility(a, { path }),
  createAccount: (a, path) => canCreateAccount(a, [{ role: 'grid_worker', path }]),
};

const actorWith = (role: Role, path: string): Actor => ({ userId: 1, personId: null, displayName: role, grants: [{ role, nodeId: 2, path }], unitIds: [] });

// The grant sits on a street (/1/2/); inside: the street itself and a grid below it;
// outside: a sibling street's community and the district above the grant.
const GRANT = '/1/2/';
const subjects = { 'the granted node': GRANT, 'a grid below': '/1/2/7/9/', 'a sibling subtree': '/1/3/8/', 'the district above': '/1/' };
const inside = new Set(['the granted node', 'a grid below']);

describe('org policy: role × action × inside/outside the subtree', () => {
  const table = roles.flatMap((role) => actions.flatMap((action) => Object.entries(subjects).map(([where, path]) => ({ role, action, where, path }))));
  it.each(table)('$role → $action on $where', ({ role, action, where, path }) => {
    const expected = inside.has(where) && allowedWithin[role].includes(action);
    expect(check[action](actorWith(role, GRANT), path)).toBe(expected);
  });

  it('lets only an admin over the node grant admin, and only top admins add districts', () => {
    const streetAdmin = actorWith('admin', GRANT);
    expect(canGrantRole(streetAdmin, 'admin', { path: '/1/2/7/' })).toBe(true);
    expect(canGrantRole(streetAdmin, 'admin', { path: '/1/' })).toBe(false);
    expect(isTopAdmin(streetAdmin)).toBe(false);
    expect(isTopAdmin(actorWith('admin', '/1/'))).toBe(true);
    expect(isTopAdmin(actorWith('cadre', '/1/'))).toBe(false);
    expect(canGrantRole(null, 'resident', { path: '/1/' })).toBe(false);
  });

  it('manages an account only when every place of it is within reach', () => {
    const streetAdmin = actorWith('admin', GRANT);
    expect(canManageAccount(streetAdmin, { paths: ['/1/2/7/', '/1/2/'] })).toBe(true);
    expect(canManageAccount(streetAdmin, { paths: ['/1/2/7/', '/1/'] })).toBe(false);
    expect(canManageAccount(streetAdmin, { paths: [] })).toBe(false);
    expect(canCreateAccount(streetAdmin, [])).toBe(false);
  });

  it('derives the actions a response carries from the same rules', () => {
    expect(nodeActions(actorWith('cadre', GRANT), { path: '/1/2/7/', level: 'community' })).toEqual(['update', 'delete', 'createChild']);
    expect(nodeActions(actorWith('admin', GRANT), { path: '/1/2/7/9/', level: 'grid' })).toEqual(['update', 'delete', 'import']);
    expect(nodeActions(actorWith('dispatcher', GRANT), { path: '/1/2/7/', level: 'community' })).toEqual([]);
    expect(nodeActions(actorWith('cadre', GRANT), { path: '/1/3/', level: 'street' })).toEqual([]);
  });
});

describe('org policy over HTTP (a representative walk through app.inject)', () => {
  let t: TestApp;
  const clients = new Map<Role, Client>();
  const ids = { inNode: 0, outNode: 0, inPerson: 0, outPerson: 0, dept: 0, target: 0 };

  beforeAll(async () => {
    t = await buildTestApp();
    const district = await makeNode(t.db, { name: '区', level: 'district' });
    const s1 = await makeNode(t.db, { name: '街道一', level: 'street', parent: district });
    const s2 = await makeNode(t.db, { name: '街道二', level: 'street', parent: district });
    const c1 = await makeNode(t.db, { name: '社区一', level: 'community', parent: s1 });
    const c2 = await makeNode(t.db, { name: '社区二', level: 'community', parent: s2 });
    const now = new Date();
    const [p1, p2] = await insertPeople(t.db, [
      { nodeId: c1.id, name: '甲', phone: null, gender: null, partyMember: false, note: null },
      { nodeId: c2.id, name: '乙', phone: null, gender: null, partyMember: false, note: null },
    ], now);
    const [dept] = await insertOrgs(t.db, [{ nodeId: district.id, kind: 'department', partyLevel: null, parentOrgId: null, code: 'DEPT', name: '城管', charterCategories: [], charterNodeId: null, phone: null }], now);
    const target = await makeUser(t.db, { username: 'target', roles: [{ role: 'resident', nodeId: c1.id }] });
    Object.assign(ids, { inNode: c1.id, outNode: c2.id, inPerson: p1!.id, outPerson: p2!.id, dept: dept!.id, target: target.id });
    for (const role of roles) {
      await makeUser(t.db, { username: `u_${role}`, roles: [{ role, nodeId: s1.id }] });
      clients.set(role, await login(t.app, `u_${role}`));
    }
  });
  afterAll(() => t.close());

  let seq = 0;
  const request: Record<Action, (c: Client, isInside: boolean) => Promise<number>> = {
    readNode: async (c, i) => (await c.get(`/api/org/nodes/${i ? ids.inNode : ids.outNode}`)).statusCode,
    writeNode: async (c, i) => (await c.patch(`/api/org/nodes/${i ? ids.inNode : ids.outNode}`, { name: `改名${++seq}` })).statusCode,
    readPeople: async (c, i) => (await c.get(`/api/org/people/${i ? ids.inPerson : ids.outPerson}`)).statusCode,
    writePeople: async (c, i) => (await c.patch(`/api/org/people/${i ? ids.inPerson : ids.outPerson}`, { note: `备注${++seq}` })).statusCode,
    assignRole: async (c, i) => (await c.post('/api/org/roles', { userId: ids.target, role: 'grid_worker', nodeId: i ? ids.inNode : ids.outNode })).statusCode,
    writeResponsibility: async (c, i) =>
      (await c.post('/api/org/responsibilities', { category: `事项${++seq}`, nodeId: i ? ids.inNode : ids.outNode, orgId: ids.dept })).statusCode,
    createAccount: async (c, i) =>
      (await c.post('/api/org/accounts', { username: `staff${++seq}`, displayName: '新同事', initialPassword: 'Start-2026!', roles: [{ role: 'grid_worker', nodeId: i ? ids.inNode : ids.outNode }] })).statusCode,
  };
  const success: Record<Action, number> = { readNode: 200, writeNode: 200, readPeople: 200, writePeople: 200, assignRole: 201, writeResponsibility: 201, createAccount: 201 };
  // Outside the subtree: a subject addressed by URL is "not found"; one named in the body is an invalid reference.
  const outside: Record<Action, number> = { readNode: 404, writeNode: 404, readPeople: 404, writePeople: 404, assignRole: 422, writeResponsibility: 422, createAccount: 422 };

  const table = roles.flatMap((role) => actions.flatMap((action) => [true, false].map((isInside) => ({ role, action, isInside }))));
  it.each(table)('$role → $action (inside: $isInside)', async ({ role, action, isInside }) => {
    const allowed = allowedWithin[role].includes(action);
    // Holding the permission nowhere is refused at the route (403) before any subject is looked at.
    const want = !allowed ? 403 : isInside ? success[action] : outside[action];
    expect(await request[action](clients.get(role)!, isInside)).toBe(want);
  });
});
