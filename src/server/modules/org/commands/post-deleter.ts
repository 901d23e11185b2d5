/**
 * Removes a post; refused while the responsibility list names it (matters would be
 * routed to a post that no longer exists).
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict } from '../../../platform/http/errors.js';
import { deletePost, responsibilityCountOfPost } from '../people.repo.js';
import { orgPolicy } from '../org.policy.js';
import { authorize, pick } from './guard.js';
import { postFields, visiblePost } from './post-creator.js';

/** Deletes the post; needs org.write over the organization's node. */
export async function postDeleter(ctx: CommandContext, props: { id: number }): Promise<void> {
  const post = await visiblePost(ctx, props.id);
  authorize(true, orgPolicy.writeNode(ctx.actor, { path: post.nodePath }));
  const uses = await responsibilityCountOfPost(ctx.tx, post.id);
  if (uses > 0) throw new Conflict('post_in_use', { count: uses });
  await deletePost(ctx.tx, post.id);
  await audit(ctx, { action: 'org.post.delete', subjectType: 'post', subjectId: post.id, changes: diffFields(pick(post, postFields), null), scopePath: post.nodePath });
}
