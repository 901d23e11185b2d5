/**
 * What the organization module tells other modules (cases, assessment …): units and
 * their places, who holds posts in them, and who supervises a place. (Who answers for a
 * matter in an area is the database function `case_route`, migration 0008.)
 * Other modules call these instead of reading the organization tables.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { queryRows } from '../../platform/db/database.js';
import { anyId } from '../../platform/db/any-id.js';
import { adminNodes, organizations, people, posts, roleAssignments } from './org.tables.js';

export { nodePlace, type NodePlace } from './node-places.js';
export { unitNames } from './unit-names.js';

export interface UnitSummary {
  id: number;
  name: string;
  kind: string;
  nodeId: number;
  nodePath: string;
  active: boolean;
}

/** Units by id with their place (for case views, routing checks and escalation). */
export async function unitsByIds(ex: Executor, ids: readonly number[]): Promise<Map<number, UnitSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind, nodeId: organizations.nodeId, nodePath: adminNodes.path, active: organizations.active })
    .from(organizations)
    .innerJoin(adminNodes, eq(adminNodes.id, organizations.nodeId))
    .where(anyId(organizations.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Accounts of the people holding posts in a unit (who hears of a new order). */
export async function accountsOfUnit(ex: Executor, orgId: number): Promise<number[]> {
  const rows = await ex
    .selectDistinct({ userId: people.userId })
    .from(posts)
    .innerJoin(people, eq(people.id, posts.personId))
    .where(and(eq(posts.orgId, orgId), sql`${people.userId} IS NOT NULL`));
  return rows.map((r) => r.userId!).filter((id) => id !== null);
}

/**
 * Accounts holding one of `roles` on a node that encloses `path`, nearest first, taking
 * only the nearest level that has any (the dispatchers of a place; the level above a unit).
 */
export async function nearestHolders(ex: Executor, roles: readonly string[], path: string): Promise<number[]> {
  return (await nearestHolderLevel(ex, roles, path))?.userIds ?? [];
}

/** The path of a node's parent (the level above), or undefined at a root. */
export function parentPath(path: string): string | undefined {
  const parts = path.split('/').filter(Boolean);
  return parts.length > 1 ? `/${parts.slice(0, -1).join('/')}/` : undefined;
}

/** Units by their codes (110199-B-CG …), for seeds and imports that name units by code. */
export async function unitsByCodes(ex: Executor, codes: readonly string[]): Promise<Map<string, UnitSummary>> {
  if (codes.length === 0) return new Map();
  const rows = await ex
    .select({ id: organizations.id, code: organizations.code, name: organizations.name, kind: organizations.kind, nodeId: organizations.nodeId, nodePath: adminNodes.path, active: organizations.active })
    .from(organizations)
    .innerJoin(adminNodes, eq(adminNodes.id, organizations.nodeId))
    .where(inArray(organizations.code, [...new Set(codes)]));
  return new Map(rows.map(({ code, ...u }) => [code, u]));
}

/** Nodes of the tree by their codes (110199001001001 …) with their place and name. */
export async function nodesByCodes(ex: Executor, codes: readonly string[]): Promise<Map<string, { id: number; path: string; level: string; name: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await ex
    .select({ id: adminNodes.id, code: adminNodes.code, path: adminNodes.path, level: adminNodes.level, name: adminNodes.name })
    .from(adminNodes)
    .where(inArray(adminNodes.code, [...new Set(codes)]));
  return new Map(rows.map(({ code, ...n }) => [code, n]));
}

export interface RootNode {
  id: number;
  code: string;
  name: string;
  path: string;
  level: string;
}

/** The roots of the tree (the districts a deployment serves), oldest first: Open311's jurisdictions. */
export async function rootNodes(ex: Executor): Promise<RootNode[]> {
  return ex
    .select({ id: adminNodes.id, code: adminNodes.code, name: adminNodes.name, path: adminNodes.path, level: adminNodes.level })
    .from(adminNodes)
    .where(sql`${adminNodes.parentId} IS NULL`)
    .orderBy(adminNodes.id);
}

/**
 * The deepest street or community under `rootPath` whose name (3+ characters, so that
 * generic grid names never match) appears in a free-text address — a finer place for a
 * report that only has an address. Undefined when none is named.
 */
export async function placeNamedIn(ex: Executor, rootPath: string, text: string): Promise<{ id: number; path: string; name: string } | undefined> {
  const [row] = await queryRows<{ id: number; path: string; name: string }>(
    ex,
    sql`SELECT id, path, name FROM admin_nodes
         WHERE starts_with(path, ${rootPath}) AND level IN ('street', 'community')
           AND char_length(name) >= 3 AND strpos(${text}::text, name) > 0
         ORDER BY length(path) DESC, char_length(name) DESC, id
         LIMIT 1`,
  );
  return row;
}

/**
 * A category renamed in the catalogue: the responsibility list's entries naming it or a
 * category below it follow, so matters keep their route (职责清单 entries are keyed by path).
 */
export async function moveResponsibilityCategories(ex: Executor, from: string, to: string, now: Date): Promise<void> {
  await ex.execute(
    sql`UPDATE responsibilities SET category = ${to} || substr(category, ${from.length + 1}), updated_at = ${now}
         WHERE category = ${from} OR starts_with(category, ${`${from}/`})`,
  );
}

/** The names of places (tree nodes) and units: words the search segmenter keeps whole. */
export async function placeAndUnitNames(ex: Executor): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(ex, sql`SELECT name FROM admin_nodes UNION SELECT name FROM organizations`);
  return rows.map((r) => r.name);
}

/** Accounts holding one of `roles` on any node that encloses `path` (every level up to the root). */
export async function holdersAbove(ex: Executor, roles: readonly string[], path: string): Promise<number[]> {
  const rows = await ex
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(adminNodes, eq(adminNodes.id, roleAssignments.nodeId))
    .where(and(inArray(roleAssignments.role, [...roles]), sql`${path} LIKE ${adminNodes.path} || '%'`));
  return rows.map((r) => r.userId);
}

/** The account of a person (null: none), for keeping a report away from the person it is about. */
export async function accountOfPerson(ex: Executor, personId: number): Promise<number | null> {
  const [row] = await ex.select({ userId: people.userId }).from(people).where(eq(people.id, personId));
  return row?.userId ?? null;
}

/** The nearest node enclosing `path` where someone holds one of `roles`, with those accounts (a report's competent level). */
export async function nearestHolderLevel(ex: Executor, roles: readonly string[], path: string): Promise<{ nodeId: number; path: string; userIds: number[] } | undefined> {
  const rows = await ex
    .select({ userId: roleAssignments.userId, nodeId: adminNodes.id, nodePath: adminNodes.path })
    .from(roleAssignments)
    .innerJoin(adminNodes, eq(adminNodes.id, roleAssignments.nodeId))
    .where(and(inArray(roleAssignments.role, [...roles]), sql`${path} LIKE ${adminNodes.path} || '%'`));
  if (rows.length === 0) return undefined;
  const deepest = rows.reduce((a, r) => (r.nodePath.length > a.nodePath.length ? r : a));
  return { nodeId: deepest.nodeId, path: deepest.nodePath, userIds: [...new Set(rows.filter((r) => r.nodeId === deepest.nodeId).map((r) => r.userId))] };
}

/** Accounts holding one of `roles` on `path` or any node below it. */
export async function holdersWithin(ex: Executor, roles: readonly string[], path: string): Promise<number[]> {
  const rows = await ex
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(adminNodes, eq(adminNodes.id, roleAssignments.nodeId))
    .where(and(inArray(roleAssignments.role, [...roles]), sql`${adminNodes.path} LIKE ${path} || '%'`));
  return rows.map((r) => r.userId);
}

/** A person's name and place (the node they belong to), for records kept about them. */
export async function personPlace(ex: Executor, personId: number): Promise<{ id: number; name: string; nodeId: number; path: string; userId: number | null } | undefined> {
  const [row] = await ex
    .select({ id: people.id, name: people.name, nodeId: people.nodeId, path: adminNodes.path, userId: people.userId })
    .from(people)
    .innerJoin(adminNodes, eq(adminNodes.id, people.nodeId))
    .where(eq(people.id, personId));
  return row;
}

/**
 * A person's line superiors (上级领导), as accounts: whoever holds the `cadre` role on the
 * person's place or any place above it (the leadership of the administrative line), and
 * whoever holds a post in an organization above one where the person holds a post (the
 * organization's own chain: 党支部 → 党总支 → 党委). The person's own account is not among them.
 */
export async function lineSuperiorsOf(ex: Executor, personId: number): Promise<number[]> {
  const rows = await queryRows<{ user_id: string | number }>(
    ex,
    sql`WITH RECURSIVE person AS (
          SELECT p.id, p.user_id, n.path FROM people p JOIN admin_nodes n ON n.id = p.node_id WHERE p.id = ${personId}
        ), above(id) AS (
          SELECT o.parent_org_id FROM posts po JOIN organizations o ON o.id = po.org_id WHERE po.person_id = ${personId} AND o.parent_org_id IS NOT NULL
          UNION
          SELECT o.parent_org_id FROM organizations o JOIN above a ON o.id = a.id WHERE o.parent_org_id IS NOT NULL
        )
        SELECT ra.user_id FROM role_assignments ra JOIN admin_nodes n ON n.id = ra.node_id, person
         WHERE ra.role = 'cadre' AND person.path LIKE n.path || '%'
        UNION
        SELECT pe.user_id FROM posts po JOIN above a ON a.id = po.org_id JOIN people pe ON pe.id = po.person_id WHERE pe.user_id IS NOT NULL
        EXCEPT
        SELECT user_id FROM person WHERE user_id IS NOT NULL`,
  );
  return rows.map((r) => Number(r.user_id));
}

/** A person's name, place and account, as records about people show them. */
export interface PersonSummary {
  id: number;
  name: string;
  nodeId: number;
  path: string;
  userId: number | null;
}

const personSummary = { id: people.id, name: people.name, nodeId: people.nodeId, path: adminNodes.path, userId: people.userId };

/** People by id with their place (lists of records about people). */
export async function peopleByIds(ex: Executor, ids: readonly number[]): Promise<Map<number, PersonSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.select(personSummary).from(people).innerJoin(adminNodes, eq(adminNodes.id, people.nodeId)).where(anyId(people.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The people of accounts, keyed by account id (figures about handlers, who are accounts). */
export async function peopleOfAccounts(ex: Executor, userIds: readonly number[]): Promise<Map<number, PersonSummary>> {
  if (userIds.length === 0) return new Map();
  const rows = await ex.select(personSummary).from(people).innerJoin(adminNodes, eq(adminNodes.id, people.nodeId)).where(anyId(people.userId, userIds));
  return new Map(rows.map((r) => [r.userId!, r]));
}

/** The first `limit` nodes of a level under `rootPath`, oldest first (for demo seeds). */
export async function nodesOfLevel(ex: Executor, rootPath: string, level: (typeof adminNodes.$inferSelect)['level'], limit: number): Promise<Array<{ id: number; path: string }>> {
  return ex
    .select({ id: adminNodes.id, path: adminNodes.path })
    .from(adminNodes)
    .where(and(eq(adminNodes.level, level), sql`${adminNodes.path} LIKE ${rootPath} || '%'`))
    .orderBy(adminNodes.id)
    .limit(limit);
}
