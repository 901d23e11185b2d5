/**
 * "Deleting" an organization deactivates it: its history (posts, cases it handled) keeps
 * pointing at it. Refused while active children hang on it or the responsibility list
 * still routes matters to it.
 */
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/context.js';
import { nodeById } from '../org.repo.js';
import { orgById, updateOrg, type OrgView } from '../organization.repo.js';
import { orgPolicy } from '../org.policy.js';
import { checkOrgDependants } from './organization-checks.js';
import { authorize } from './guard.js';
import { visibleOrg } from './organization-updater.js';

/** Sets `active = false`; needs org.write over the organization's node. Idempotent. */
export async function organizationDeactivator(ctx: CommandContext, props: { id: number }): Promise<OrgView> {
  const org = await visibleOrg(ctx, props.id);
  authorize(true, orgPolicy.writeNode(ctx.actor, { path: org.nodePath }));
  if (!org.active) return org;
  const node = (await nodeById(ctx.tx, org.nodeId))!;
  await checkOrgDependants(ctx, { ...org, node, active: false }, org.charterPath);
  await updateOrg(ctx.tx, org.id, { active: false }, ctx.now);
  await audit(ctx, { action: 'org.organization.deactivate', subjectType: 'organization', subjectId: org.id, changes: { active: [true, false] }, scopePath: org.nodePath });
  return (await orgById(ctx.tx, org.id))!;
}
