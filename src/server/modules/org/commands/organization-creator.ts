/**
 * Attaches a new organization to a node: a party organization in its chain, a
 * department, a 村(居)委会, or a social organization with its charter.
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict } from '../../../platform/http/errors.js';
import { insertOrgs, orgById, orgsByCodes, type OrgView } from '../organization.repo.js';
import { orgPolicy } from '../org.policy.js';
import type { OrgKind, PartyLevel } from '../org.tables.js';
import { checkOrgDraft } from './organization-checks.js';
import { authorize, pick, referencedNode } from './guard.js';

export interface OrganizationCreatorProps {
  nodeId: number;
  kind: OrgKind;
  partyLevel: PartyLevel | null;
  parentOrgId: number | null;
  code: string;
  name: string;
  /** Social organizations: the categories of matters their charter allows. */
  charterCategories: string[];
  /** Social organizations: the area their charter covers (their node or below). */
  charterNodeId: number | null;
  phone: string | null;
}

export const orgAuditFields = ['nodeId', 'kind', 'partyLevel', 'parentOrgId', 'code', 'name', 'charterCategories', 'charterNodeId', 'phone', 'active'] as const;

/** Creates the organization; the caller needs org.write over its node. */
export async function organizationCreator(ctx: CommandContext, props: OrganizationCreatorProps): Promise<OrgView> {
  const node = await referencedNode(ctx, props.nodeId, 'body.nodeId', orgPolicy.readNode);
  authorize(true, orgPolicy.writeNode(ctx.actor, node));
  await checkOrgDraft(ctx, { ...props, node, active: true });
  if ((await orgsByCodes(ctx.tx, [props.code])).length > 0) throw new Conflict('org_code_taken');
  const [created] = await insertOrgs(ctx.tx, [props], ctx.now);
  const org = (await orgById(ctx.tx, created!.id))!;
  await audit(ctx, {
    action: 'org.organization.create',
    subjectType: 'organization',
    subjectId: org.id,
    changes: diffFields(null, pick(org, orgAuditFields)),
    scopePath: node.path,
  });
  return org;
}
