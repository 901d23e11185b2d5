/**
 * Removes a responsibility-list entry; matters of that category in that area then fall
 * back to the entry of an enclosing area, if any.
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { deleteResponsibility } from '../responsibility.repo.js';
import { orgPolicy } from '../org.policy.js';
import { responsibilityFields } from './responsibility-creator.js';
import { authorize, pick } from './guard.js';
import { visibleResponsibility } from './responsibility-updater.js';

/** Deletes the entry; needs responsibility.write over its area. */
export async function responsibilityDeleter(ctx: CommandContext, props: { id: number }): Promise<void> {
  const entry = await visibleResponsibility(ctx, props.id);
  authorize(true, orgPolicy.writeResponsibility(ctx.actor, { path: entry.nodePath }));
  await deleteResponsibility(ctx.tx, entry.id);
  await audit(ctx, { action: 'org.responsibility.delete', subjectType: 'responsibility', subjectId: entry.id, changes: diffFields(pick(entry, responsibilityFields), null), scopePath: entry.nodePath });
}
