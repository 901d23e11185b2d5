/**
 * Who may do what in the organization model. Pure: every rule is a role held within a
 * subtree (`can` with the subject's tree path), so the same table drives the handlers,
 * the `actions` lists in responses and the authorization test.
 */
import { can, inSubtree, type Actor, type Located } from '../../platform/access/actor.js';
import { Permission as P } from '../../platform/access/permission.js';
import type { Role } from '../../platform/access/roles.js';
import { pathDepth } from './org.rules.js';

/** A top administrator holds `admin` at a root of the tree and may create districts. */
export function isTopAdmin(actor: Actor | null): boolean {
  return !!actor && actor.grants.some((g) => g.role === 'admin' && pathDepth(g.path) === 1);
}

/** Actions on things located in the tree, each a check against the subject's path. */
export const orgPolicy = {
  readNode: (a: Actor | null, at: Located) => can(a, P.OrgRead, at),
  writeNode: (a: Actor | null, at: Located) => can(a, P.OrgWrite, at),
  readPeople: (a: Actor | null, at: Located) => can(a, P.PeopleRead, at),
  writePeople: (a: Actor | null, at: Located) => can(a, P.PeopleWrite, at),
  readResponsibility: (a: Actor | null, at: Located) => can(a, P.ResponsibilityRead, at),
  writeResponsibility: (a: Actor | null, at: Located) => can(a, P.ResponsibilityWrite, at),
  manageAccountsAt: (a: Actor | null, at: Located) => can(a, P.UsersManage, at),
  importInto: (a: Actor | null, at: Located) => can(a, P.OrgImport, at),
} as const;

export type OrgAction = keyof typeof orgPolicy;

/**
 * Granting (or revoking) `role` at a node needs `roles.assign` over it; `admin` further
 * needs the grantor to be `admin` over that node, so nobody hands out more than they hold.
 */
export function canGrantRole(actor: Actor | null, role: Role, at: Located): boolean {
  if (!can(actor, P.RolesAssign, at)) return false;
  return role !== 'admin' || actor!.grants.some((g) => g.role === 'admin' && inSubtree(g.path, at.path));
}

/** Where an account acts or lives: the paths of its grants and of its person record. */
export interface AccountPlaces {
  paths: string[];
}

/** An account is visible to an account manager when any of its places lies in their scope. */
export function canSeeAccount(actor: Actor | null, account: AccountPlaces): boolean {
  if (account.paths.length === 0) return isTopAdmin(actor);
  return account.paths.some((path) => orgPolicy.manageAccountsAt(actor, { path }));
}

/**
 * Changing an account needs `users.manage` over every place it acts or lives, so a
 * community admin cannot deactivate a district official who also holds a role below.
 */
export function canManageAccount(actor: Actor | null, account: AccountPlaces): boolean {
  if (account.paths.length === 0) return isTopAdmin(actor);
  return account.paths.every((path) => orgPolicy.manageAccountsAt(actor, { path }));
}

/** Creating a staff account: manage accounts and grant each requested role where asked. */
export function canCreateAccount(actor: Actor | null, grants: Array<{ role: Role; path: string }>): boolean {
  return grants.length > 0 && grants.every((g) => orgPolicy.manageAccountsAt(actor, g) && canGrantRole(actor, g.role, g));
}

// ---- the `actions` each response carries, so the console never re-implements the rules ----

/** Node: `update`, `delete`, `createChild` (not under a grid), `import`. */
export function nodeActions(actor: Actor | null, node: Located & { level: string }): string[] {
  const out: string[] = [];
  if (orgPolicy.writeNode(actor, node)) out.push('update', 'delete');
  if (orgPolicy.writeNode(actor, node) && node.level !== 'grid') out.push('createChild');
  if (orgPolicy.importInto(actor, node)) out.push('import');
  return out;
}

/** Organization (located at its node): `update`, `delete` (deactivate), `createPost`. */
export function organizationActions(actor: Actor | null, at: Located): string[] {
  return orgPolicy.writeNode(actor, at) ? ['update', 'delete', 'createPost'] : [];
}

/** Person (located at their node): `update`, `delete`. */
export function personActions(actor: Actor | null, at: Located): string[] {
  return orgPolicy.writePeople(actor, at) ? ['update', 'delete'] : [];
}

/** Post (located at its organization's node). */
export function postActions(actor: Actor | null, at: Located): string[] {
  return orgPolicy.writeNode(actor, at) ? ['update', 'delete'] : [];
}

/** Grant: `delete` when the caller could have granted it. */
export function roleAssignmentActions(actor: Actor | null, grant: Located & { role: Role }): string[] {
  return canGrantRole(actor, grant.role, grant) ? ['delete'] : [];
}

/** Account: `update`, `resetPassword` when the caller manages every place of it. */
export function accountActions(actor: Actor | null, account: AccountPlaces): string[] {
  return canManageAccount(actor, account) ? ['update', 'resetPassword'] : [];
}

/** Responsibility entry (located at its area): `update`, `delete`. */
export function responsibilityActions(actor: Actor | null, at: Located): string[] {
  return orgPolicy.writeResponsibility(actor, at) ? ['update', 'delete'] : [];
}
