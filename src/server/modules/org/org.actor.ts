/**
 * What the organization model tells the platform about an account: its person record,
 * its role grants with their subtree paths (used by `can`) and the units in which it
 * holds a post (where it handles work). Every signed-in request loads these, so they come
 * from one call of `actor_of_user` (migration 0009).
 */
import { isRole } from '../../platform/access/roles.js';
import type { Grant } from '../../platform/access/actor.js';
import { callTextFunction } from '../../platform/db/database.js';
import type { ActorLoader } from '../../platform/http/app-types.js';

interface ActorJson {
  personId: number | null;
  grants: Array<{ role: string; nodeId: number; path: string; nodeName: string }>;
  unitIds: number[];
}

export const loadActorFromOrg: ActorLoader = async (ex, userId) => {
  const row = await callTextFunction<ActorJson>(ex, 'actor_of_user', String(userId));
  const grants: Grant[] = row.grants.flatMap((g) => (isRole(g.role) ? [{ role: g.role, nodeId: Number(g.nodeId), path: g.path, nodeName: g.nodeName }] : []));
  return { personId: row.personId === null ? null : Number(row.personId), grants, unitIds: row.unitIds.map(Number) };
};
