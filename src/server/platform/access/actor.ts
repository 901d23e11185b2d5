/**
 * The caller of a request and the `can(actor, permission, subject)` check.
 * Every grant is a role within a subtree; a subject lies in the subtree when its tree
 * path starts with the grant's path (paths look like `/1/5/23/`).
 */
import type { Permission } from './permission.js';
import { roleGrants, type Role } from './roles.js';

export interface Grant {
  role: Role;
  nodeId: number;
  /** Materialized path of the node, e.g. `/1/5/`. */
  path: string;
  nodeName?: string;
}

export interface Actor {
  userId: number;
  personId: number | null;
  displayName: string;
  grants: Grant[];
  /** The organizations (units) in which the account's person holds a post: where they handle work. */
  unitIds: number[];
}

/** Something located in the administrative tree. */
export interface Located {
  path: string;
}

export function inSubtree(grantPath: string, subjectPath: string): boolean {
  return subjectPath.startsWith(grantPath);
}

/**
 * True when the actor holds `permission` through a role whose subtree contains the
 * subject; without a subject, true when the actor holds it anywhere.
 */
export function can(actor: Actor | null, permission: Permission, subject?: Located): boolean {
  if (!actor) return false;
  return actor.grants.some((g) => roleGrants(g.role, permission) && (!subject || inSubtree(g.path, subject.path)));
}

/** The subtree roots where the actor holds `permission` (for filtering lists in SQL). */
export function scopeOf(actor: Actor | null, permission: Permission): string[] {
  if (!actor) return [];
  const paths = actor.grants.filter((g) => roleGrants(g.role, permission)).map((g) => g.path);
  // Drop paths already covered by a shorter one, so queries get the fewest prefixes.
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q))).filter((p, i, all) => all.indexOf(p) === i);
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  return !!actor && actor.grants.some((g) => g.role === role);
}
