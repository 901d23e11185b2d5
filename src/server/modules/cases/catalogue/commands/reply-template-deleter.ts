/**
 * Deletes a reply template (its author or a configurator). Replies already sent keep
 * their text; nothing references a template.
 */
import { audit } from '../../../../platform/audit/audit.js';
import { diffFields } from '../../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../../platform/context.js';
import { Forbidden, NotFound } from '../../../../platform/http/errors.js';
import { canChangeTemplate } from '../catalogue.policy.js';
import { deleteTemplate, templateById } from '../catalogue.repo.js';
import { templateFields } from './reply-template-creator.js';

export async function replyTemplateDeleter(ctx: CommandContext, props: { id: number }): Promise<void> {
  const before = await templateById(ctx.tx, props.id);
  if (!before) throw new NotFound();
  if (!canChangeTemplate(ctx.actor, before)) throw new Forbidden();
  await deleteTemplate(ctx.tx, before.id);
  await audit(ctx, { action: 'cases.reply_template.delete', subjectType: 'reply_template', subjectId: before.id, changes: diffFields(templateFields(before), null) });
}
