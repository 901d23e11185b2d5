/**
 * Removes a deadline override: the category falls back to a broader rule or the default.
 */
import { audit } from '../../../../platform/audit/audit.js';
import { diffFields } from '../../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../../platform/context.js';
import { Forbidden, NotFound } from '../../../../platform/http/errors.js';
import { canConfigure } from '../catalogue.policy.js';
import { markDeadlineRulesChanged } from '../catalogue.queries.js';
import { deadlineRuleById, deleteDeadlineRule } from '../catalogue.repo.js';

/** Deletes the rule; needs `cases.configure` at a root. */
export async function deadlineRuleDeleter(ctx: CommandContext, props: { id: number }): Promise<void> {
  const before = await deadlineRuleById(ctx.tx, props.id);
  if (!before) throw new NotFound();
  if (!canConfigure(ctx.actor)) throw new Forbidden();
  await deleteDeadlineRule(ctx.tx, before.id);
  markDeadlineRulesChanged(ctx.tx);
  const { id: _id, updatedAt: _u, ...fields } = before;
  await audit(ctx, { action: 'cases.deadline_rule.delete', subjectType: 'deadline_rule', subjectId: before.id, changes: diffFields(fields, null) });
}
