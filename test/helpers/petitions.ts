/**
 * A small district for petition tests, driven through a second app on the same database
 * whose clock the test sets (sessions are made with the real clock; test times stay before
 * it, so they remain valid):
 *
 *   district ─ street ─ community ─ grid            other street ─ other community
 *   registrars: `upper` (district), `registrar` (street), `elsewhere` (other street)
 *   units: 幸福社区居委会 (community), 街道城管科 (street), 和平社区居委会 (other community)
 *   handlers: `handler` (community: the 居委会), `streetHandler` (street), `otherHandler`
 *   (other community); `reader` (assessor, street: read only); residents of the grid.
 */
import type { LightMyRequestResponse } from 'fastify';
import { organizations, people, posts } from '../../src/server/modules/org/org.tables.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { Db } from '../../src/server/platform/db/database.js';
import type { GzApp } from '../../src/server/platform/module.js';
import { login, makeNode, makeUser, type Client, type TestApp } from './app.js';

type N = { id: number; path: string };
export type Who = 'upper' | 'registrar' | 'elsewhere' | 'handler' | 'streetHandler' | 'otherHandler' | 'reader' | 'resident' | 'resident2';

export interface PetitionWorld {
  district: N;
  street: N;
  community: N;
  grid: N;
  otherStreet: N;
  otherCommunity: N;
  units: { committee: number; streetDept: number; otherCommittee: number };
  userIds: Record<Who, number>;
  clients: Record<Who, Client>;
  /** The app whose clock is `setNow`'s. */
  clocked: GzApp;
  setNow(at: Date | string): void;
  now(): Date;
  /** A request by `who` to the clocked app. */
  call(who: Who, method: 'GET' | 'POST', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

async function unit(db: Db, nodeId: number, code: string, name: string): Promise<number> {
  const [o] = await db.insert(organizations).values({ nodeId, kind: 'committee', code, name }).returning();
  return o!.id;
}

/** A person with an account holding a post in `orgId` (who hears of the unit's petitions). */
async function member(db: Db, orgId: number, nodeId: number, userId: number): Promise<void> {
  const [p] = await db.insert(people).values({ nodeId, name: '工作人员', userId }).returning();
  await db.insert(posts).values({ orgId, title: '干事', personId: p!.id });
}

export async function buildPetitionWorld(t: TestApp): Promise<PetitionWorld> {
  const db = t.db;
  const district = await makeNode(db, { level: 'district', name: '青川区' });
  const street = await makeNode(db, { level: 'street', parent: district, name: '东城街道' });
  const community = await makeNode(db, { level: 'community', parent: street, name: '幸福社区' });
  const grid = await makeNode(db, { level: 'grid', parent: community, name: '第一网格' });
  const otherStreet = await makeNode(db, { level: 'street', parent: district, name: '西城街道' });
  const otherCommunity = await makeNode(db, { level: 'community', parent: otherStreet, name: '和平社区' });
  const sfx = `p${district.id}`;
  const units = {
    committee: await unit(db, community.id, `JW${sfx}`, '幸福社区居委会'),
    streetDept: await unit(db, street.id, `CG${sfx}`, '街道城管科'),
    otherCommittee: await unit(db, otherCommunity.id, `HP${sfx}`, '和平社区居委会'),
  };
  type Roles = NonNullable<NonNullable<Parameters<typeof makeUser>[1]>['roles']>;
  const roles: Record<Who, [Roles, 'staff' | 'resident']> = {
    upper: [[{ role: 'dispatcher', nodeId: district.id }], 'staff'],
    registrar: [[{ role: 'dispatcher', nodeId: street.id }], 'staff'],
    elsewhere: [[{ role: 'dispatcher', nodeId: otherStreet.id }], 'staff'],
    handler: [[{ role: 'dept_staff', nodeId: community.id }], 'staff'],
    streetHandler: [[{ role: 'dept_staff', nodeId: street.id }], 'staff'],
    otherHandler: [[{ role: 'dept_staff', nodeId: otherCommunity.id }], 'staff'],
    reader: [[{ role: 'assessor', nodeId: street.id }], 'staff'],
    resident: [[{ role: 'resident', nodeId: grid.id }], 'resident'],
    resident2: [[{ role: 'resident', nodeId: grid.id }], 'resident'],
  };
  const userIds = {} as Record<Who, number>;
  const clients = {} as Record<Who, Client>;
  for (const [who, [r, kind]] of Object.entries(roles) as Array<[Who, [Roles, 'staff' | 'resident']]>) {
    userIds[who] = (await makeUser(db, { username: `${who.toLowerCase()}${sfx}`, roles: r, kind })).id;
    clients[who] = await login(t.app, `${who.toLowerCase()}${sfx}`);
  }
  await member(db, units.committee, community.id, userIds.handler);

  let now = new Date('2026-06-01T02:00:00Z');
  const clocked = await buildApp({ config: loadConfig({ GONGZHI_WEB_DIR: '/nonexistent', GONGZHI_RATE_LIMIT: '100000' }), database: t.test.database, logger: false, clock: () => now });
  await clocked.ready();
  return {
    district, street, community, grid, otherStreet, otherCommunity, units, userIds, clients, clocked,
    setNow: (at) => {
      now = new Date(at);
    },
    now: () => now,
    call: (who, method, url, body, headers = {}) =>
      clocked.inject({ method, url, headers: { cookie: clients[who].cookie, 'x-csrf-token': clients[who].csrf, ...headers }, ...(body === undefined ? {} : { payload: body as string }) }),
    close: () => clocked.close(),
  };
}
