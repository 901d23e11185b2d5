/**
 * What comes in and goes out of the catalogue API: categories (派单目录), the working-day
 * calendar, deadline rules (办理时限) and reply templates (常用回复).
 */
import { z } from 'zod';
import { Actions, Id, flag, line } from '../../org/org.schema.js';
import { caseStates } from '../case.workflow.js';
import { categorySystems } from '../cases.tables.js';
import { urgencies } from '../deadlines.js';

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** A category name: one segment of a path, so no '/' (the separator) nor '|' (the rule-key separator). */
export const CategoryName = line(50).regex(/^[^/|]+$/);
/** A category path as stored: names joined by '/'. */
export const CategoryPath = line(200).regex(/^[^/|]+(\/[^/|]+){0,2}$/);
export const Urgency = z.enum(urgencies);
export const CaseStateSchema = z.enum(caseStates);

// ---- categories ----
export const CategoryOut = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  level: z.number(),
  name: z.string(),
  path: z.string(),
  system: z.enum(categorySystems),
  active: z.boolean(),
  /** Active, and no ancestor deactivated: what intake offers. */
  usable: z.boolean(),
  sortOrder: z.number(),
  actions: Actions,
});
export type CategoryOut = z.infer<typeof CategoryOut>;

export const PublicCategoryOut = z.object({ id: z.number(), parentId: z.number().nullable(), level: z.number(), name: z.string(), path: z.string() });

export const CategoryQuery = z.object({ activeOnly: flag });

const SortOrder = z.number().int().min(-100_000).max(100_000);

export const CategoryCreateBody = z.object({
  /** Null or absent: a new first-level class. */
  parentId: Id.nullable().optional(),
  name: CategoryName,
  sortOrder: SortOrder.optional(),
});
export type CategoryCreateBody = z.infer<typeof CategoryCreateBody>;

export const CategoryPatchBody = z.object({ name: CategoryName.optional(), active: z.boolean().optional(), sortOrder: SortOrder.optional() });
export type CategoryPatchBody = z.infer<typeof CategoryPatchBody>;

// ---- calendar ----
export const LocalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(d) && d >= '2000-01-01' && d <= '2100-12-31';
  }, 'not a calendar date between 2000 and 2100');
export const DayParams = z.object({ day: LocalDay });
export const DayKind = z.enum(['holiday', 'workday']);
export const CalendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const CalendarDayOut = z.object({ day: z.string(), kind: DayKind, name: z.string() });
export const CalendarOut = z.object({ year: z.number(), items: z.array(CalendarDayOut), actions: Actions });
export const CalendarDayBody = z.object({ kind: DayKind, name: line(50) });

// ---- deadline rules ----
const Hours = z.number().positive().max(8760);
const WorkingDays = z.number().int().min(1).max(365);

export const DeadlineRuleOut = z.object({
  id: z.number(),
  category: z.string(),
  urgency: Urgency,
  dispatchHours: z.number(),
  signHours: z.number(),
  feedbackHours: z.number().nullable(),
  feedbackWorkingDays: z.number().nullable(),
  actions: Actions,
});
export type DeadlineRuleOut = z.infer<typeof DeadlineRuleOut>;

/** A default of deadlines.ts in the same shape (spans as hours or working days). */
export const DeadlineDefaultOut = z.object({
  urgency: Urgency,
  dispatchHours: z.number().nullable(),
  signHours: z.number().nullable(),
  feedbackHours: z.number().nullable(),
  feedbackWorkingDays: z.number().nullable(),
});

export const DeadlineRulesOut = z.object({ items: z.array(DeadlineRuleOut), defaults: z.array(DeadlineDefaultOut), actions: Actions });

export const DeadlineRuleBody = z.object({
  category: CategoryPath,
  urgency: Urgency,
  dispatchHours: Hours,
  signHours: Hours,
  /** Exactly one of the two feedback spans. */
  feedbackHours: Hours.nullable().optional(),
  feedbackWorkingDays: WorkingDays.nullable().optional(),
});
export type DeadlineRuleBody = z.infer<typeof DeadlineRuleBody>;

// ---- reply templates ----
export const TemplateOut = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  category: z.string().nullable(),
  state: CaseStateSchema.nullable(),
  active: z.boolean(),
  createdBy: z.number().nullable(),
  updatedAt: z.string(),
  actions: Actions,
});
export type TemplateOut = z.infer<typeof TemplateOut>;

export const TemplateQuery = z.object({
  /** A case's category path: templates for it or one of its ancestors, and general ones. */
  category: CategoryPath.optional(),
  /** A case's state: templates for it, and those for any state. */
  state: CaseStateSchema.optional(),
  includeInactive: flag,
});

const TemplateBody = z.string().trim().min(1).max(2000).regex(MULTI_LINE);

export const TemplateCreateBody = z.object({
  title: line(50),
  body: TemplateBody,
  category: CategoryPath.nullable().optional(),
  state: CaseStateSchema.nullable().optional(),
  active: z.boolean().optional(),
});
export type TemplateCreateBody = z.infer<typeof TemplateCreateBody>;

export const TemplatePatchBody = TemplateCreateBody.partial();
export type TemplatePatchBody = z.infer<typeof TemplatePatchBody>;

/** A word of the search dictionary: 2–40 characters, no spaces (jieba's dictionary lines are "word freq"). */
export const SearchTermBody = z.object({ word: z.string().trim().regex(/^[^\s]{2,40}$/u) });
export const SearchTermOut = z.object({ id: z.number(), word: z.string(), createdAt: z.string(), actions: z.array(z.string()) });
