/**
 * Sets the deadlines of a category (and everything below it) for one urgency class,
 * overriding the defaults of deadlines.ts: dispatch and signing in hours, feedback in
 * hours or in working days (exactly one of the two).
 */
import { audit } from '../../../../platform/audit/audit.js';
import { diffFields } from '../../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../../platform/context.js';
import { Forbidden } from '../../../../platform/http/errors.js';
import type { Urgency } from '../../deadlines.js';
import { invalidField } from '../catalogue.errors.js';
import { canConfigure } from '../catalogue.policy.js';
import { categoryByPath, markDeadlineRulesChanged } from '../catalogue.queries.js';
import { deadlineRuleByKey, insertDeadlineRule, updateDeadlineRule, type DeadlineRuleFields, type DeadlineRuleRow } from '../catalogue.repo.js';

export interface DeadlineRuleSetterProps {
  /** Category path; the rule covers its subtree unless a deeper rule exists. */
  category: string;
  urgency: Urgency;
  dispatchHours: number;
  signHours: number;
  feedbackHours: number | null;
  feedbackWorkingDays: number | null;
}

const auditFields = (r: DeadlineRuleFields | undefined) =>
  r ? { category: r.category, urgency: r.urgency, dispatchHours: r.dispatchHours, signHours: r.signHours, feedbackHours: r.feedbackHours, feedbackWorkingDays: r.feedbackWorkingDays } : null;

/** Creates or replaces the rule of (category, urgency); needs `cases.configure` at a root. */
export async function deadlineRuleSetter(ctx: CommandContext, props: DeadlineRuleSetterProps): Promise<{ rule: DeadlineRuleRow; created: boolean }> {
  if (!canConfigure(ctx.actor)) throw new Forbidden();
  if ((props.feedbackHours === null) === (props.feedbackWorkingDays === null)) throw invalidField('body.feedbackHours', 'deadline_feedback_one');
  if (!(await categoryByPath(ctx.tx, props.category))) throw invalidField('body.category', 'category_unknown', { path: props.category });
  const before = await deadlineRuleByKey(ctx.tx, props.category, props.urgency);
  const fields: DeadlineRuleFields = { ...props };
  if (before && JSON.stringify(auditFields(before)) === JSON.stringify(auditFields(fields))) return { rule: before, created: false };
  const rule = before ? await updateDeadlineRule(ctx.tx, before.id, fields, ctx.now) : await insertDeadlineRule(ctx.tx, fields, ctx.now);
  markDeadlineRulesChanged(ctx.tx);
  await audit(ctx, {
    action: before ? 'cases.deadline_rule.update' : 'cases.deadline_rule.create',
    subjectType: 'deadline_rule',
    subjectId: rule.id,
    changes: diffFields(auditFields(before), auditFields(rule)),
  });
  return { rule, created: !before };
}
