/**
 * Renames a post or changes its holder.
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { postById, updatePost, type PostView } from '../people.repo.js';
import { orgPolicy } from '../org.policy.js';
import { authorize, changedFields, pick } from './guard.js';
import { checkHolder, postFields, visiblePost } from './post-creator.js';

/** Applies the changed fields; needs org.write over the organization's node. */
export async function postUpdater(ctx: CommandContext, props: { id: number; title?: string | undefined; personId?: number | null | undefined }): Promise<PostView> {
  const post = await visiblePost(ctx, props.id);
  authorize(true, orgPolicy.writeNode(ctx.actor, { path: post.nodePath }));
  const patch = changedFields(post, { title: props.title, personId: props.personId });
  if (Object.keys(patch).length === 0) return post;
  await checkHolder(ctx, patch.personId);
  await updatePost(ctx.tx, post.id, patch, ctx.now);
  const after = (await postById(ctx.tx, post.id))!;
  await audit(ctx, { action: 'org.post.update', subjectType: 'post', subjectId: post.id, changes: diffFields(pick(post, postFields), pick(after, postFields)), scopePath: post.nodePath });
  return after;
}

