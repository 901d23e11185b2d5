/**
 * Changes an organization: name, code, phone, its place in the chain, its party level,
 * its charter, or reactivates it. Its node and kind stay (create a new one instead).
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict, NotFound } from '../../../platform/http/errors.js';
import { nodeById } from '../org.repo.js';
import { orgById, orgsByCodes, updateOrg, type OrgPatch, type OrgView } from '../organization.repo.js';
import { orgPolicy } from '../org.policy.js';
import { checkOrgDependants, checkOrgDraft } from './organization-checks.js';
import { authorize, changedFields, pick } from './guard.js';
import { orgAuditFields } from './organization-creator.js';

export type OrganizationUpdaterProps = OrgPatch & { id: number };

/** The organization when the caller may see it (org.read over its node); 404 otherwise. */
export async function visibleOrg(ctx: CommandContext, id: number): Promise<OrgView> {
  const org = await orgById(ctx.tx, id);
  if (!org || !orgPolicy.readNode(ctx.actor, { path: org.nodePath })) throw new NotFound();
  return org;
}

/** Applies the changed fields after re-checking every rule; needs org.write over the node. */
export async function organizationUpdater(ctx: CommandContext, props: OrganizationUpdaterProps): Promise<OrgView> {
  const org = await visibleOrg(ctx, props.id);
  authorize(true, orgPolicy.writeNode(ctx.actor, { path: org.nodePath }));
  const { id: _id, ...requested } = props;
  const patch = changedFields(org, requested);
  if (Object.keys(patch).length === 0) return org;
  if (patch.code !== undefined && (await orgsByCodes(ctx.tx, [patch.code])).length > 0) throw new Conflict('org_code_taken');
  const node = (await nodeById(ctx.tx, org.nodeId))!;
  const draft = { ...org, ...patch, node };
  const { charterPath } = await checkOrgDraft(ctx, draft);
  await checkOrgDependants(ctx, draft, charterPath);
  await updateOrg(ctx.tx, org.id, patch, ctx.now);
  const after = (await orgById(ctx.tx, org.id))!;
  await audit(ctx, {
    action: 'org.organization.update',
    subjectType: 'organization',
    subjectId: org.id,
    changes: diffFields(pick(org, orgAuditFields), pick(after, orgAuditFields)),
    scopePath: org.nodePath,
  });
  return after;
}
