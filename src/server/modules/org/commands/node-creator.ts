/**
 * Creates a node of the administrative tree one level below its parent (a district
 * at the root, which only top administrators may add).
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict, Forbidden } from '../../../platform/http/errors.js';
import { insertNodes, nodesByCodes, type NodeView } from '../org.repo.js';
import { isTopAdmin, orgPolicy } from '../org.policy.js';
import { nodeKindAllowed, nodeKindsByLevel, nodeLevelProblem } from '../org.rules.js';
import type { NodeLevel } from '../org.tables.js';
import { invalidField, pick, referencedNode } from './guard.js';

export interface NodeCreatorProps {
  /** Null for a root (a district). */
  parentId: number | null;
  level: NodeLevel;
  /** Sub-kind label: 区/县, 街道/乡镇, 社区/村, 网格. */
  kind: string;
  code: string;
  name: string;
  households: number | null;
}

export const nodeAuditFields = ['parentId', 'level', 'kind', 'code', 'name', 'households'] as const;

/** Checks a node's level and kind against its parent (shared by creation and import). */
export function nodeShapeProblem(level: NodeLevel, kind: string, parentLevel: NodeLevel | null): { field: 'level' | 'kind'; code: string } | null {
  const levelProblem = nodeLevelProblem(level, parentLevel);
  if (levelProblem) return { field: 'level', code: levelProblem };
  return nodeKindAllowed(level, kind) ? null : { field: 'kind', code: 'node_kind_invalid' };
}

/** Adds a node; the caller needs org.write over the parent. */
export async function nodeCreator(ctx: CommandContext, props: NodeCreatorProps): Promise<NodeView> {
  const parent = props.parentId === null ? null : await referencedNode(ctx, props.parentId, 'body.parentId', orgPolicy.readNode);
  if (parent ? !orgPolicy.writeNode(ctx.actor, parent) : !isTopAdmin(ctx.actor)) throw new Forbidden();
  const problem = nodeShapeProblem(props.level, props.kind, parent?.level ?? null);
  if (problem) throw invalidField(`body.${problem.field}`, problem.code, { allowed: nodeKindsByLevel[props.level].join('、') });
  if ((await nodesByCodes(ctx.tx, [props.code])).length > 0) throw new Conflict('node_code_taken');
  const [row] = await insertNodes(ctx.tx, [{ parentId: parent?.id ?? null, level: props.level, kind: props.kind, code: props.code, name: props.name, households: props.households }], ctx.now);
  await audit(ctx, {
    action: 'org.node.create',
    subjectType: 'admin_node',
    subjectId: row!.id,
    changes: diffFields(null, pick(row!, nodeAuditFields)),
    scopePath: row!.path,
  });
  return { ...row!, childCount: 0 };
}
