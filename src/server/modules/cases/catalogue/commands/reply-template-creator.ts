/**
 * Adds a reply template (常用回复) for a category subtree and/or a case state, or for all.
 */
import { audit } from '../../../../platform/audit/audit.js';
import { diffFields } from '../../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../../platform/context.js';
import { Forbidden } from '../../../../platform/http/errors.js';
import { invalidField } from '../catalogue.errors.js';
import { canAddTemplates } from '../catalogue.policy.js';
import { categoryByPath } from '../catalogue.queries.js';
import { insertTemplate, type TemplateFields, type TemplateRow } from '../catalogue.repo.js';

export type ReplyTemplateCreatorProps = TemplateFields;

export const templateAuditFields = ['title', 'body', 'category', 'state', 'active'] as const;

/** The audited fields of a template. */
export function templateFields(t: TemplateFields | undefined): Record<string, unknown> | null {
  return t ? Object.fromEntries(templateAuditFields.map((k) => [k, t[k]])) : null;
}

/** A template's category must name an existing category (it then covers its subtree). */
export async function checkTemplateCategory(ctx: CommandContext, category: string | null): Promise<void> {
  if (category !== null && !(await categoryByPath(ctx.tx, category))) throw invalidField('body.category', 'category_unknown', { path: category });
}

/** Creates the template; needs `cases.templates`. */
export async function replyTemplateCreator(ctx: CommandContext, props: ReplyTemplateCreatorProps): Promise<TemplateRow> {
  if (!canAddTemplates(ctx.actor)) throw new Forbidden();
  await checkTemplateCategory(ctx, props.category);
  const row = await insertTemplate(ctx.tx, props, ctx.actor?.userId ?? null, ctx.now);
  await audit(ctx, { action: 'cases.reply_template.create', subjectType: 'reply_template', subjectId: row.id, changes: diffFields(null, templateFields(row)) });
  return row;
}
