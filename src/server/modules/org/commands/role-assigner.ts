/**
 * Grants a role within a subtree. Only holders of roles.assign over the node may grant,
 * never outside their own subtree, and `admin` only by an admin over that node.
 */
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/context.js';
import { Forbidden } from '../../../platform/http/errors.js';
import type { Role } from '../../../platform/access/roles.js';
import { accountById, insertRole, roleById, type RoleView } from '../account.repo.js';
import { canGrantRole, canSeeAccount, orgPolicy } from '../org.policy.js';
import { accountPlaces } from '../org.presenter.js';
import { invalidField, referencedNode } from './guard.js';

export interface RoleAssignerProps {
  userId: number;
  role: Role;
  nodeId: number;
}

/** Adds the grant (a duplicate is a 409 `role_exists`). */
export async function roleAssigner(ctx: CommandContext, props: RoleAssignerProps): Promise<RoleView> {
  const node = await referencedNode(ctx, props.nodeId, 'body.nodeId', orgPolicy.readNode);
  if (!canGrantRole(ctx.actor, props.role, node)) throw new Forbidden();
  // Only accounts the grantor can already see: an id from elsewhere cannot be adopted.
  const account = await accountById(ctx.tx, props.userId);
  if (!account || !canSeeAccount(ctx.actor, accountPlaces(account))) throw invalidField('body.userId', 'ref_not_found');
  const id = await insertRole(ctx.tx, props, ctx.now);
  await audit(ctx, { action: 'org.role.grant', subjectType: 'user', subjectId: props.userId, changes: { role: props.role, nodeId: node.id, grantId: id }, scopePath: node.path });
  return (await roleById(ctx.tx, id))!;
}
