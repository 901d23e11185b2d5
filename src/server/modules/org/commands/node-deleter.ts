/**
 * Deletes an empty node. A node that still has children, organizations, people, role
 * assignments or responsibility/charter references is refused (409), so nothing is
 * left pointing at a place that no longer exists.
 */
import { audit } from '../../../platform/audit/audit.js';
import { forgetNodePlace } from '../node-places.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict } from '../../../platform/http/errors.js';
import { deleteNode, nodeUsage } from '../org.repo.js';
import { orgPolicy } from '../org.policy.js';
import { nodeAuditFields } from './node-creator.js';
import { authorize, pick, visibleNode } from './guard.js';

/** Removes the node; the caller needs org.write over it. */
export async function nodeDeleter(ctx: CommandContext, props: { id: number }): Promise<void> {
  const node = await visibleNode(ctx, props.id, orgPolicy.readNode);
  authorize(true, orgPolicy.writeNode(ctx.actor, node));
  const usage = await nodeUsage(ctx.tx, node.id);
  if (usage.children > 0) throw new Conflict('node_has_children', { count: usage.children });
  if (usage.organizations > 0) throw new Conflict('node_has_organizations', { count: usage.organizations });
  if (usage.people > 0) throw new Conflict('node_has_people', { count: usage.people });
  if (usage.roles > 0) throw new Conflict('node_has_roles', { count: usage.roles });
  if (usage.references > 0) throw new Conflict('node_referenced', { count: usage.references });
  await deleteNode(ctx.tx, node.id);
  forgetNodePlace(node.id);
  await audit(ctx, { action: 'org.node.delete', subjectType: 'admin_node', subjectId: node.id, changes: diffFields(pick(node, nodeAuditFields), null), scopePath: node.path });
}
