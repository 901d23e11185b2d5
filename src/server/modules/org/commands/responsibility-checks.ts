/**
 * What a responsibility-list entry must satisfy: its organization exists, is active and
 * answers for the area (a social organization only within its charter), and its post,
 * when named, belongs to that organization.
 */
import type { CommandContext } from '../../../platform/context.js';
import { orgById } from '../organization.repo.js';
import { postById } from '../people.repo.js';
import { orgPolicy } from '../org.policy.js';
import type { NodeView } from '../org.repo.js';
import { responsibilityProblem } from '../org.rules.js';
import { invalidField } from './guard.js';

export interface ResponsibilityDraft {
  category: string;
  area: NodeView;
  orgId: number;
  postId: number | null;
}

const FIELD_OF: Record<string, string> = {
  responsibility_org_inactive: 'body.orgId',
  responsibility_area_outside_org: 'body.nodeId',
  responsibility_outside_charter: 'body.category',
  responsibility_outside_charter_area: 'body.nodeId',
};

/** Throws a 422 naming the offending field, or returns the organization's name. */
export async function checkResponsibility(ctx: CommandContext, d: ResponsibilityDraft): Promise<void> {
  const org = await orgById(ctx.tx, d.orgId);
  // An organization above the area may be named even when the caller cannot browse it
  // (a community admin names the district 城管局 for its area).
  const referable = org && (d.area.path.startsWith(org.nodePath) || orgPolicy.readNode(ctx.actor, { path: org.nodePath }));
  if (!org || !referable) throw invalidField('body.orgId', 'ref_not_found');
  const problem = responsibilityProblem({ ...org, charterPath: org.charterPath }, d.area.path, d.category);
  if (problem) throw invalidField(FIELD_OF[problem] ?? 'body.orgId', problem);
  if (d.postId !== null) {
    const post = await postById(ctx.tx, d.postId);
    if (!post || post.orgId !== org.id) throw invalidField('body.postId', 'post_not_in_org');
  }
}
