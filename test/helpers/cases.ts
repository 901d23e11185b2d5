/**
 * A small district for case tests: a street with two communities and a grid, the 城管
 * department and a 居委会 as units, people holding posts in them with accounts, a
 * responsibility entry for 城乡建设 → 城管, and one account per acting role.
 */
import { eq } from 'drizzle-orm';
import { caseCategories } from '../../src/server/modules/cases/cases.tables.js';
import { organizations, people, posts, responsibilities } from '../../src/server/modules/org/org.tables.js';
import type { Db } from '../../src/server/platform/db/database.js';
import { login, makeNode, makeUser, type Client, type TestApp } from './app.js';

type N = { id: number; path: string };

export interface CaseWorld {
  district: N;
  street: N;
  community: N;
  otherCommunity: N;
  grid: N;
  units: { cg: number; committee: number; sj: number };
  categoryId: number;
  clients: Record<'admin' | 'dispatcher' | 'handler' | 'handler2' | 'otherHandler' | 'verifier' | 'resident' | 'resident2' | 'operator', Client>;
  userIds: Record<string, number>;
}

async function unit(db: Db, nodeId: number, kind: 'department' | 'committee', code: string, name: string): Promise<number> {
  const [o] = await db.insert(organizations).values({ nodeId, kind, code, name }).returning();
  return o!.id;
}

/** A person with an account holding a post in `orgId`. */
async function member(db: Db, orgId: number, nodeId: number, userId: number, title: string): Promise<void> {
  const [p] = await db.insert(people).values({ nodeId, name: title, userId }).returning();
  await db.insert(posts).values({ orgId, title, personId: p!.id });
}

export async function buildCaseWorld(t: TestApp): Promise<CaseWorld> {
  const db = t.db;
  const district = await makeNode(db, { level: 'district', name: '青川区' });
  const street = await makeNode(db, { level: 'street', parent: district, name: '东城街道' });
  const community = await makeNode(db, { level: 'community', parent: street, name: '幸福社区' });
  const otherCommunity = await makeNode(db, { level: 'community', parent: street, name: '和平社区' });
  const grid = await makeNode(db, { level: 'grid', parent: community, name: '第一网格' });
  const sfx = `${district.id}`;
  const units = {
    cg: await unit(db, district.id, 'department', `CG${sfx}`, '城管委'),
    sj: await unit(db, district.id, 'department', `SJ${sfx}`, '市场监管局'),
    committee: await unit(db, community.id, 'committee', `JW${sfx}`, '幸福社区居委会'),
  };
  const [category] = await db.select().from(caseCategories).where(eq(caseCategories.path, '城乡建设/市政设施/路灯'));
  const categoryId = category?.id ?? (await db.select().from(caseCategories).where(eq(caseCategories.level, 3)).limit(1))[0]!.id;
  const categoryPath = category?.path ?? (await db.select().from(caseCategories).where(eq(caseCategories.id, categoryId)))[0]!.path;
  await db.insert(responsibilities).values({ category: categoryPath.split('/')[0]!, nodeId: district.id, orgId: units.cg });
  type Roles = NonNullable<NonNullable<Parameters<typeof makeUser>[1]>['roles']>;
  const u = async (name: string, roles: Roles, kind: 'staff' | 'resident' = 'staff') => (await makeUser(db, { username: `${name}${sfx}`, roles, kind })).id;
  const userIds = {
    admin: await u('admin', [{ role: 'admin', nodeId: district.id }]),
    dispatcher: await u('dispatcher', [{ role: 'dispatcher', nodeId: district.id }]),
    handler: await u('handler', [{ role: 'dept_staff', nodeId: district.id }]),
    handler2: await u('handlertwo', [{ role: 'dept_staff', nodeId: district.id }]),
    otherHandler: await u('otherhandler', [{ role: 'dept_staff', nodeId: district.id }]),
    verifier: await u('verifier', [{ role: 'cadre', nodeId: street.id }]),
    operator: await u('operator', [{ role: 'dispatcher', nodeId: district.id }]),
    resident: await u('resident', [{ role: 'resident', nodeId: grid.id }], 'resident'),
    resident2: await u('residenttwo', [{ role: 'resident', nodeId: grid.id }], 'resident'),
  };
  await member(db, units.cg, district.id, userIds.handler, '科员');
  await member(db, units.cg, district.id, userIds.handler2, '科员');
  await member(db, units.sj, district.id, userIds.otherHandler, '科员');
  const clients = {} as CaseWorld['clients'];
  const usernames: Record<string, string> = { handler2: 'handlertwo', otherHandler: 'otherhandler', resident2: 'residenttwo' };
  for (const name of Object.keys(userIds)) clients[name as keyof CaseWorld['clients']] = await login(t.app, `${usernames[name] ?? name}${sfx}`);
  return { district, street, community, otherCommunity, grid, units, categoryId, clients, userIds };
}

/** A resident's request body in the world's grid, with the routed category. */
export function requestBody(w: CaseWorld, extra: Record<string, unknown> = {}) {
  return { type: 'complaint', title: '路灯不亮', description: '幸福社区 3 号楼前路灯连续一周不亮，晚上出行不便。', categoryId: w.categoryId, nodeId: w.grid.id, address: '幸福路 3 号', ...extra };
}
