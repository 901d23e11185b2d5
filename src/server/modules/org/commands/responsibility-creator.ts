/**
 * Adds an entry to the responsibility list (职责清单): matters of `category` within the
 * subtree of `nodeId` go to `orgId` (and `postId`). One entry per category and area.
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { insertResponsibility, responsibilityById, type ResponsibilityView } from '../responsibility.repo.js';
import { orgPolicy } from '../org.policy.js';
import { checkResponsibility } from './responsibility-checks.js';
import { authorize, pick, referencedNode } from './guard.js';

export interface ResponsibilityCreatorProps {
  category: string;
  nodeId: number;
  orgId: number;
  postId: number | null;
  note: string | null;
}

export const responsibilityFields = ['category', 'nodeId', 'orgId', 'postId', 'note'] as const;

/** Creates the entry; needs responsibility.write over the area. */
export async function responsibilityCreator(ctx: CommandContext, props: ResponsibilityCreatorProps): Promise<ResponsibilityView> {
  const area = await referencedNode(ctx, props.nodeId, 'body.nodeId', orgPolicy.readResponsibility);
  authorize(true, orgPolicy.writeResponsibility(ctx.actor, area));
  await checkResponsibility(ctx, { ...props, area });
  const id = await insertResponsibility(ctx.tx, props, ctx.now);
  const entry = (await responsibilityById(ctx.tx, id))!;
  await audit(ctx, { action: 'org.responsibility.create', subjectType: 'responsibility', subjectId: id, changes: diffFields(null, pick(entry, responsibilityFields)), scopePath: area.path });
  return entry;
}
