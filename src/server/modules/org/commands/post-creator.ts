/**
 * Adds a post (岗位: 书记, 主任, 网格员 …) to an organization. Posts are located at their
 * organization's node and written with org.write there; the holder must be a person the
 * caller can see.
 */
import { audit } from '../../../platform/audit/audit.js';
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { NotFound } from '../../../platform/http/errors.js';
import { orgById } from '../organization.repo.js';
import { insertPost, personById, postById, type PostView } from '../people.repo.js';
import { orgPolicy } from '../org.policy.js';
import { authorize, invalidField, pick } from './guard.js';

export const postFields = ['orgId', 'title', 'personId'] as const;

/** The holder must be a person the caller can see (a 422 on `personId` otherwise). */
export async function checkHolder(ctx: CommandContext, personId: number | null | undefined): Promise<void> {
  if (personId === null || personId === undefined) return;
  const person = await personById(ctx.tx, personId);
  if (!person || !orgPolicy.readPeople(ctx.actor, { path: person.nodePath })) throw invalidField('body.personId', 'ref_not_found');
}

/** The post when the caller may see its organization; 404 otherwise. */
export async function visiblePost(ctx: CommandContext, id: number): Promise<PostView> {
  const post = await postById(ctx.tx, id);
  if (!post || !orgPolicy.readNode(ctx.actor, { path: post.nodePath })) throw new NotFound();
  return post;
}

/** Adds a post to an active organization; needs org.write over the organization's node. */
export async function postCreator(ctx: CommandContext, props: { orgId: number; title: string; personId: number | null }): Promise<PostView> {
  const org = await orgById(ctx.tx, props.orgId);
  if (!org || !orgPolicy.readNode(ctx.actor, { path: org.nodePath })) throw invalidField('body.orgId', 'ref_not_found');
  authorize(true, orgPolicy.writeNode(ctx.actor, { path: org.nodePath }));
  if (!org.active) throw invalidField('body.orgId', 'org_inactive');
  await checkHolder(ctx, props.personId);
  const id = await insertPost(ctx.tx, props, ctx.now);
  const post = (await postById(ctx.tx, id))!;
  await audit(ctx, { action: 'org.post.create', subjectType: 'post', subjectId: id, changes: diffFields(null, pick(post, postFields)), scopePath: org.nodePath });
  return post;
}

