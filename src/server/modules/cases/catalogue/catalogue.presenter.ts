/**
 * Rows → API shapes, each with the `actions` the caller may take (from the policy).
 */
import type { Actor } from '../../../platform/access/actor.js';
import type { CaseState } from '../case.workflow.js';
import { defaultRules, urgencies, type Span } from '../deadlines.js';
import { categoryActions, configActions, templateActions } from './catalogue.policy.js';
import type { CategoryView, DeadlineRuleRow, TemplateRow } from './catalogue.repo.js';
import type { CategoryOut, DeadlineRuleOut, TemplateOut } from './catalogue.schema.js';

export function presentCategory(actor: Actor | null, c: CategoryView): CategoryOut {
  return {
    id: c.id,
    parentId: c.parentId,
    level: c.level,
    name: c.name,
    path: c.path,
    system: c.system,
    active: c.active,
    usable: c.usable,
    sortOrder: c.sortOrder,
    actions: categoryActions(actor, c),
  };
}

export function presentPublicCategory(c: CategoryView) {
  return { id: c.id, parentId: c.parentId, level: c.level, name: c.name, path: c.path };
}

export function presentDeadlineRule(actor: Actor | null, r: DeadlineRuleRow): DeadlineRuleOut {
  return {
    id: r.id,
    category: r.category,
    urgency: r.urgency,
    dispatchHours: r.dispatchHours,
    signHours: r.signHours,
    feedbackHours: r.feedbackHours,
    feedbackWorkingDays: r.feedbackWorkingDays,
    actions: configActions(actor),
  };
}

const hoursOf = (s: Span) => ('hours' in s ? s.hours : null);
const daysOf = (s: Span) => ('workingDays' in s ? s.workingDays : null);

/** The built-in defaults (deadlines.ts), in the rules' shape. */
export function presentDefaults() {
  return urgencies.map((urgency) => {
    const r = defaultRules[urgency];
    return { urgency, dispatchHours: hoursOf(r.dispatch), signHours: hoursOf(r.sign), feedbackHours: hoursOf(r.feedback), feedbackWorkingDays: daysOf(r.feedback) };
  });
}

export function presentTemplate(actor: Actor | null, t: TemplateRow): TemplateOut {
  return {
    id: t.id,
    title: t.title,
    body: t.body,
    category: t.category,
    state: t.state as CaseState | null,
    active: t.active,
    createdBy: t.createdBy,
    updatedAt: t.updatedAt.toISOString(),
    actions: templateActions(actor, t),
  };
}
