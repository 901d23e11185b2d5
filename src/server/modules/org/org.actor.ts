/**
 * What the organization model tells the platform about an account: its person record
 * and its role grants with their subtree paths (used by `can`).
 */
import { eq } from 'drizzle-orm';
import { isRole } from '../../platform/access/roles.js';
import type { Grant } from '../../platform/access/actor.js';
import type { ActorLoader } from '../../platform/http/app-types.js';
import { adminNodes, people, roleAssignments } from './org.tables.js';

export const loadActorFromOrg: ActorLoader = async (ex, userId) => {
  const rows = await ex
    .select({ role: roleAssignments.role, nodeId: roleAssignments.nodeId, path: adminNodes.path, nodeName: adminNodes.name })
    .from(roleAssignments)
    .innerJoin(adminNodes, eq(adminNodes.id, roleAssignments.nodeId))
    .where(eq(roleAssignments.userId, userId));
  const [person] = await ex.select({ id: people.id }).from(people).where(eq(people.userId, userId)).limit(1);
  const grants: Grant[] = rows.flatMap((r) => (isRole(r.role) ? [{ role: r.role, nodeId: r.nodeId, path: r.path, nodeName: r.nodeName }] : []));
  return { personId: person?.id ?? null, grants };
};
