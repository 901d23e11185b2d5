/**
 * The read side of role assignments, accounts and the responsibility list, filtered by
 * the caller's subtrees in SQL.
 */
import { scopeOf } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { NotFound } from '../../platform/http/errors.js';
import { accountById, listAccounts, listRoles } from './account.repo.js';
import { listResponsibilities, responsibilityById } from './responsibility.repo.js';
import { nodeById } from './org.repo.js';
import { canSeeAccount, isTopAdmin, orgPolicy } from './org.policy.js';
import { accountPlaces, presentAccount, presentResponsibility, presentRoleAssignment } from './org.presenter.js';
import type { AccountOut, ResponsibilityOut, RoleAssignmentOut } from './access.schema.js';
import type { PageQuery, Reader } from './org.queries.js';

type Page<T> = { items: T[]; total: number };

/** Grants at nodes the caller can read (who holds which role where is staff information). */
export async function findRoleAssignments(r: Reader, q: PageQuery & { userId?: number | undefined; nodeId?: number | undefined }): Promise<Page<RoleAssignmentOut>> {
  const page = await listRoles(r.db, { scope: scopeOf(r.actor, Permission.PeopleRead), userId: q.userId, nodeId: q.nodeId, limit: q.limit, offset: q.offset });
  return { items: page.items.map((g) => presentRoleAssignment(r.actor, g)), total: page.total };
}

/** Accounts acting or living in the caller's users.manage subtrees. */
export async function findAccounts(r: Reader, q: PageQuery & { q?: string | undefined }): Promise<Page<AccountOut>> {
  const page = await listAccounts(r.db, {
    scope: scopeOf(r.actor, Permission.UsersManage),
    unplaced: isTopAdmin(r.actor),
    q: q.q && q.q.length > 0 ? q.q : undefined,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: page.items.map((a) => presentAccount(r.actor, a)), total: page.total };
}

/** One account, when any place of it lies in the caller's users.manage subtrees. */
export async function getAccount(r: Reader, id: number): Promise<AccountOut> {
  const account = await accountById(r.db, id);
  if (!account || !canSeeAccount(r.actor, accountPlaces(account))) throw new NotFound();
  return presentAccount(r.actor, account);
}

/** Entries at (or, with `subtree`, under) a node the caller may read, or all in scope. */
export async function findResponsibilities(
  r: Reader,
  q: PageQuery & { nodeId?: number | undefined; category?: string | undefined; orgId?: number | undefined; subtree: boolean },
): Promise<Page<ResponsibilityOut>> {
  let at: { nodeId?: number; underPath?: string } = {};
  if (q.nodeId !== undefined) {
    const node = await nodeById(r.db, q.nodeId);
    if (!node || !orgPolicy.readResponsibility(r.actor, node)) throw new NotFound();
    at = q.subtree ? { underPath: node.path } : { nodeId: node.id };
  }
  const page = await listResponsibilities(r.db, {
    scope: scopeOf(r.actor, Permission.ResponsibilityRead),
    ...at,
    category: q.category,
    orgId: q.orgId,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: page.items.map((e) => presentResponsibility(r.actor, e)), total: page.total };
}

/** One entry, 404 when its area is outside the caller's responsibility.read subtrees. */
export async function getResponsibility(r: Reader, id: number): Promise<ResponsibilityOut> {
  const entry = await responsibilityById(r.db, id);
  if (!entry || !orgPolicy.readResponsibility(r.actor, { path: entry.nodePath })) throw new NotFound();
  return presentResponsibility(r.actor, entry);
}
