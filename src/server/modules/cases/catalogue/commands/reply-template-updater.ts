/**
 * Changes a reply template (its author or a configurator).
 */
import { audit } from '../../../../platform/audit/audit.js';
import { diffFields } from '../../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../../platform/context.js';
import { Forbidden, NotFound } from '../../../../platform/http/errors.js';
import { canChangeTemplate } from '../catalogue.policy.js';
import { templateById, updateTemplate, type TemplateFields, type TemplateRow } from '../catalogue.repo.js';
import { checkTemplateCategory, templateAuditFields, templateFields } from './reply-template-creator.js';

export type ReplyTemplateUpdaterProps = { id: number } & { [K in keyof TemplateFields]?: TemplateFields[K] | undefined };

/** Applies the changed fields. */
export async function replyTemplateUpdater(ctx: CommandContext, props: ReplyTemplateUpdaterProps): Promise<TemplateRow> {
  const before = await templateById(ctx.tx, props.id);
  if (!before) throw new NotFound();
  if (!canChangeTemplate(ctx.actor, before)) throw new Forbidden();
  const patch: Partial<TemplateFields> = {};
  for (const key of templateAuditFields) {
    const value = props[key];
    if (value !== undefined && value !== before[key]) Object.assign(patch, { [key]: value });
  }
  if (Object.keys(patch).length === 0) return before;
  if (patch.category !== undefined) await checkTemplateCategory(ctx, patch.category);
  const after = await updateTemplate(ctx.tx, before.id, patch, ctx.now);
  await audit(ctx, { action: 'cases.reply_template.update', subjectType: 'reply_template', subjectId: before.id, changes: diffFields(templateFields(before), templateFields(after)) });
  return after;
}
