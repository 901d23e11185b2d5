/**
 * Queries of role assignments and of accounts as the organization model sees them
 * (Drizzle only, no rules). Accounts are created through platform/auth `insertUser`;
 * the few account columns an administrator changes (display name, active, a reset
 * password) are written here, since the platform has no such helpers.
 */
import { and, asc, count, desc, eq, inArray, not, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/database.js';
import type { Role } from '../../platform/access/roles.js';
import { users } from '../../platform/auth/auth.tables.js';
import { adminNodes, people, roleAssignments } from './org.tables.js';
import { matchesText, underAny } from '../../platform/db/like.js';

export interface RoleView {
  id: number;
  userId: number;
  userName: string;
  role: string;
  nodeId: number;
  nodeName: string;
  nodePath: string;
}

function selectRoles(ex: Executor) {
  return ex
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      userName: users.displayName,
      role: roleAssignments.role,
      nodeId: roleAssignments.nodeId,
      nodeName: adminNodes.name,
      nodePath: adminNodes.path,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .innerJoin(adminNodes, eq(adminNodes.id, roleAssignments.nodeId));
}

/** One grant with its account name and node (name, path) for policy checks. */
export async function roleById(ex: Executor, id: number): Promise<RoleView | undefined> {
  const [row] = await selectRoles(ex).where(eq(roleAssignments.id, id)).limit(1);
  return row;
}

export interface RoleFilter {
  scope: readonly string[];
  userId?: number | undefined;
  nodeId?: number | undefined;
  limit: number;
  offset: number;
}

/** A page of grants at nodes under the scope, with the total. */
export async function listRoles(ex: Executor, f: RoleFilter): Promise<{ items: RoleView[]; total: number }> {
  const where = and(
    underAny(adminNodes.path, f.scope),
    f.userId !== undefined ? eq(roleAssignments.userId, f.userId) : undefined,
    f.nodeId !== undefined ? eq(roleAssignments.nodeId, f.nodeId) : undefined,
  );
  const items = await selectRoles(ex).where(where).orderBy(asc(roleAssignments.userId), asc(roleAssignments.id)).limit(f.limit).offset(f.offset);
  const [total] = await ex.select({ n: count() }).from(roleAssignments).innerJoin(adminNodes, eq(adminNodes.id, roleAssignments.nodeId)).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** The grants of several accounts at once (one query for a page of accounts). */
export async function rolesOfUsers(ex: Executor, userIds: readonly number[]): Promise<RoleView[]> {
  if (userIds.length === 0) return [];
  return selectRoles(ex).where(inArray(roleAssignments.userId, [...userIds])).orderBy(asc(roleAssignments.id));
}

/** Adds a grant; the unique index turns a duplicate into `role_exists`. */
export async function insertRole(ex: Executor, row: { userId: number; role: Role; nodeId: number }, now: Date): Promise<number> {
  const [out] = await ex.insert(roleAssignments).values({ ...row, createdAt: now }).returning({ id: roleAssignments.id });
  return out!.id;
}

/** Removes a grant. */
export async function deleteRole(ex: Executor, id: number): Promise<void> {
  await ex.delete(roleAssignments).where(eq(roleAssignments.id, id));
}

// ---- accounts ----
export interface AccountView {
  id: number;
  username: string | null;
  phone: string | null;
  displayName: string;
  kind: 'resident' | 'staff';
  active: boolean;
  personId: number | null;
  personPath: string | null;
  roles: RoleView[];
}

const personNode = alias(adminNodes, 'person_node');

function selectAccounts(ex: Executor) {
  return ex
    .select({
      id: users.id,
      username: users.username,
      phone: users.phone,
      displayName: users.displayName,
      kind: users.kind,
      active: users.active,
      personId: people.id,
      personPath: personNode.path,
    })
    .from(users)
    .leftJoin(people, eq(people.userId, users.id))
    .leftJoin(personNode, eq(personNode.id, people.nodeId));
}

async function withRoles(ex: Executor, rows: Array<Omit<AccountView, 'roles'>>): Promise<AccountView[]> {
  const roles = await rolesOfUsers(ex, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, roles: roles.filter((g) => g.userId === r.id) }));
}

/** One account with its person record's place and all its grants. */
export async function accountById(ex: Executor, id: number): Promise<AccountView | undefined> {
  const rows = await selectAccounts(ex).where(eq(users.id, id)).limit(1);
  return (await withRoles(ex, rows))[0];
}

/** Accounts acting or living in the subtrees; `unplaced` adds those with neither. */
function visibleAccounts(scope: readonly string[], unplaced: boolean): SQL {
  const hasRoleIn = (cond: SQL) =>
    sql`EXISTS (SELECT 1 FROM role_assignments ra JOIN admin_nodes rn ON rn.id = ra.node_id WHERE ra.user_id = "users"."id" AND ${cond})`;
  const placed = or(hasRoleIn(underAny(sql`rn.path`, scope)), underAny(personNode.path, scope))!;
  if (!unplaced) return placed;
  const nowhere = and(not(hasRoleIn(sql`true`)), sql`"people"."id" IS NULL`)!;
  return or(placed, nowhere)!;
}

export interface AccountFilter {
  scope: readonly string[];
  unplaced: boolean;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of the accounts visible in the scope (two queries: accounts, then their grants). */
export async function listAccounts(ex: Executor, f: AccountFilter): Promise<{ items: AccountView[]; total: number }> {
  const where = and(visibleAccounts(f.scope, f.unplaced), f.q ? matchesText(f.q, users.username, users.displayName, users.phone) : undefined);
  const rows = await selectAccounts(ex).where(where).orderBy(desc(users.id)).limit(f.limit).offset(f.offset);
  const [total] = await ex
    .select({ n: count() })
    .from(users)
    .leftJoin(people, eq(people.userId, users.id))
    .leftJoin(personNode, eq(personNode.id, people.nodeId))
    .where(where);
  return { items: await withRoles(ex, rows), total: Number(total?.n ?? 0) };
}

/** Changes the administrator-editable columns of an account. */
export async function updateAccount(ex: Executor, id: number, patch: { displayName?: string; active?: boolean }, now: Date): Promise<void> {
  await ex.update(users).set({ ...patch, updatedAt: now }).where(eq(users.id, id));
}

/** An administrator's reset: the holder must choose a new password at next sign-in. */
export async function resetPassword(ex: Executor, id: number, passwordHash: string, now: Date): Promise<void> {
  await ex.update(users).set({ passwordHash, mustChangePassword: true, updatedAt: now }).where(eq(users.id, id));
}

