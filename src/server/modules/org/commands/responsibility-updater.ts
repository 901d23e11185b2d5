/**
 * Changes a responsibility-list entry (its organization, post, note, or even its
 * category and area), re-checking every rule on the result.
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { NotFound } from '../../../platform/http/errors.js';
import { nodeById } from '../org.repo.js';
import { responsibilityById, updateResponsibility, type ResponsibilityFields, type ResponsibilityView } from '../responsibility.repo.js';
import { orgPolicy } from '../org.policy.js';
import { checkResponsibility } from './responsibility-checks.js';
import { responsibilityFields } from './responsibility-creator.js';
import { authorize, changedFields, pick, referencedNode } from './guard.js';

/** The entry when the caller may see its area (responsibility.read); 404 otherwise. */
export async function visibleResponsibility(ctx: CommandContext, id: number): Promise<ResponsibilityView> {
  const entry = await responsibilityById(ctx.tx, id);
  if (!entry || !orgPolicy.readResponsibility(ctx.actor, { path: entry.nodePath })) throw new NotFound();
  return entry;
}

/** Applies the changed fields; needs responsibility.write over the old and the new area. */
export async function responsibilityUpdater(ctx: CommandContext, props: Partial<ResponsibilityFields> & { id: number }): Promise<ResponsibilityView> {
  const entry = await visibleResponsibility(ctx, props.id);
  authorize(true, orgPolicy.writeResponsibility(ctx.actor, { path: entry.nodePath }));
  const { id: _id, ...requested } = props;
  const patch = changedFields(entry, requested);
  if (Object.keys(patch).length === 0) return entry;
  const area = patch.nodeId !== undefined ? await referencedNode(ctx, patch.nodeId, 'body.nodeId', orgPolicy.readResponsibility) : (await nodeById(ctx.tx, entry.nodeId))!;
  authorize(true, orgPolicy.writeResponsibility(ctx.actor, area));
  const next = { ...pick(entry, responsibilityFields), ...patch };
  await checkResponsibility(ctx, { ...next, area });
  await updateResponsibility(ctx.tx, entry.id, patch, ctx.now);
  const after = (await responsibilityById(ctx.tx, entry.id))!;
  await audit(ctx, {
    action: 'org.responsibility.update',
    subjectType: 'responsibility',
    subjectId: entry.id,
    changes: diffFields(pick(entry, responsibilityFields), pick(after, responsibilityFields)),
    scopePath: entry.nodePath,
  });
  return after;
}
