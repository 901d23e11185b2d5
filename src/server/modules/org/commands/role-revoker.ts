/**
 * Revokes a role grant, under the same rule as granting it. An admin may not revoke
 * their own admin grant (another admin must), so a district cannot lose its last
 * administrator by a slip of the mouse.
 */
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict, Forbidden, NotFound } from '../../../platform/http/errors.js';
import { isRole } from '../../../platform/access/roles.js';
import { deleteRole, roleById } from '../account.repo.js';
import { canGrantRole, orgPolicy } from '../org.policy.js';

/** Deletes the grant; the caller must be able to grant that role at its node. */
export async function roleRevoker(ctx: CommandContext, props: { id: number }): Promise<void> {
  const grant = await roleById(ctx.tx, props.id);
  if (!grant || !orgPolicy.readNode(ctx.actor, { path: grant.nodePath })) throw new NotFound();
  const role = grant.role;
  if (!isRole(role) || !canGrantRole(ctx.actor, role, { path: grant.nodePath })) throw new Forbidden();
  if (role === 'admin' && grant.userId === ctx.actor?.userId) throw new Conflict('role_self_admin');
  await deleteRole(ctx.tx, grant.id);
  await audit(ctx, { action: 'org.role.revoke', subjectType: 'user', subjectId: grant.userId, changes: { role, nodeId: grant.nodeId, grantId: grant.id }, scopePath: grant.nodePath });
}
