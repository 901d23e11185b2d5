/**
 * Renames or re-codes a node, or changes its sub-kind or household count. Moving a node
 * (changing its parent or level) is not offered: paths of the whole subtree would move.
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict } from '../../../platform/http/errors.js';
import { nodeById, nodesByCodes, updateNode, type NodeView } from '../org.repo.js';
import { orgPolicy } from '../org.policy.js';
import { nodeKindAllowed, nodeKindsByLevel } from '../org.rules.js';
import { authorize, changedFields, invalidField, visibleNode } from './guard.js';

export interface NodeUpdaterProps {
  id: number;
  name?: string | undefined;
  code?: string | undefined;
  kind?: string | undefined;
  households?: number | null | undefined;
}

/** Applies the changed fields; the caller needs org.write over the node. */
export async function nodeUpdater(ctx: CommandContext, props: NodeUpdaterProps): Promise<NodeView> {
  const node = await visibleNode(ctx, props.id, orgPolicy.readNode);
  authorize(true, orgPolicy.writeNode(ctx.actor, node));
  const { id: _id, ...requested } = props;
  const patch = changedFields(node, requested);
  if (patch.kind !== undefined && !nodeKindAllowed(node.level, patch.kind)) {
    throw invalidField('body.kind', 'node_kind_invalid', { allowed: nodeKindsByLevel[node.level].join('、') });
  }
  if (patch.code !== undefined && (await nodesByCodes(ctx.tx, [patch.code])).length > 0) throw new Conflict('node_code_taken');
  if (Object.keys(patch).length === 0) return node;
  await updateNode(ctx.tx, node.id, patch, ctx.now);
  const after = (await nodeById(ctx.tx, node.id))!;
  await audit(ctx, { action: 'org.node.update', subjectType: 'admin_node', subjectId: node.id, changes: diffFields(node, after), scopePath: node.path });
  return after;
}
