/**
 * What the rest of the cases module (intake, dispatch, deadlines, replies) reads from the
 * catalogue: categories, the working-day calendar, deadline overrides and the reply
 * templates that apply to a case. The calendar and the overrides are cached per database
 * handle (platform/db/handle-cache.ts); the commands that edit them invalidate the cache.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import type { DayKind, WorkCalendar } from '../../../platform/time/working-days.js';
import type { CaseState } from '../case.workflow.js';
import { calendarDays, caseCategories, deadlineRules, replyTemplates } from '../cases.tables.js';
import type { DeadlineRule } from '../deadlines.js';
import { handleCache, pickCached } from '../../../platform/db/handle-cache.js';
import { selectCategories, usableCategory, type CategoryView, type DeadlineRuleRow, type TemplateRow } from './catalogue.repo.js';

export type { CategoryView, TemplateRow } from './catalogue.repo.js';

// ---- the working-day calendar ----

const calendarCache = handleCache(async (ex: Executor) => {
  const rows = await ex.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays);
  return new Map<string, DayKind>(rows.map((r) => [r.day, r.kind]));
});

/**
 * The working-day calendar (holidays and 调休 workdays over the Monday-to-Friday rule)
 * in `timeZone`, for deadline computations. Cached per database handle for up to 60 s;
 * edits through the calendar commands take effect at once on this server.
 */
export async function loadWorkCalendar(ex: Executor, timeZone: string): Promise<WorkCalendar> {
  return { timeZone, overrides: await calendarCache.get(ex) };
}

/** Called by the commands that change calendar days (inside their transaction). */
export function markCalendarChanged(tx: Executor): void {
  calendarCache.markChanged(tx);
}

// ---- deadline overrides ----

/** A rule row as deadlines.ts uses it. */
export function toDeadlineRule(r: Pick<DeadlineRuleRow, 'dispatchHours' | 'signHours' | 'feedbackHours' | 'feedbackWorkingDays'>): DeadlineRule {
  return {
    dispatch: { hours: r.dispatchHours },
    sign: { hours: r.signHours },
    feedback: r.feedbackHours !== null ? { hours: r.feedbackHours } : { workingDays: r.feedbackWorkingDays ?? 0 },
  };
}

const overridesCache = handleCache(async (ex: Executor) => {
  const rows = await ex.select().from(deadlineRules);
  return new Map(rows.map((r) => [`${r.category}|${r.urgency}`, toDeadlineRule(r)]));
});

/**
 * The configured deadline overrides, keyed `${categoryPath}|${urgency}` as `ruleFor`
 * (deadlines.ts) looks them up — the most specific category prefix wins there. Cached
 * like the calendar.
 */
export async function loadDeadlineOverrides(ex: Executor): Promise<Map<string, DeadlineRule>> {
  return overridesCache.get(ex);
}

/** Called by the commands that change deadline rules (inside their transaction). */
export function markDeadlineRulesChanged(tx: Executor): void {
  overridesCache.markChanged(tx);
}

/** After a command's transaction ends (committed or not): drop what it changed, once more. */
export function settleCatalogueCaches(tx: Executor): void {
  for (const cache of [calendarCache, overridesCache, categoryCache]) if (cache.changedIn(tx)) cache.invalidate(tx);
}

// ---- categories ----

const categoryCache = handleCache(async (ex: Executor) => new Map((await selectCategories(ex)).map((c) => [c.id, c])));

/**
 * Categories by id for intake, deadlines and case views, from the per-handle cache (the
 * catalogue changes a few times a year; an edit on another server is seen within the
 * cache's minute). An id the cache lacks — created since it was loaded — is read directly.
 */
export async function categoriesById(ex: Executor, ids: readonly number[]): Promise<Map<number, CategoryView>> {
  return pickCached(await categoryCache.get(ex), ids, async (missing) => (await selectCategories(ex).where(inArray(caseCategories.id, missing))).map((r) => [r.id, r] as const));
}

/** One category by id, through the cache (see `categoriesById`). */
export async function knownCategory(ex: Executor, id: number): Promise<CategoryView | undefined> {
  return (await categoriesById(ex, [id])).get(id);
}

/** Called by the commands that rename, move or (de)activate categories (inside their transaction). */
export function markCategoriesChanged(tx: Executor): void {
  categoryCache.markChanged(tx);
}

/** A category by id, with `usable` (active and no deactivated ancestor). */
export async function categoryById(ex: Executor, id: number): Promise<CategoryView | undefined> {
  const [row] = await selectCategories(ex).where(eq(caseCategories.id, id)).limit(1);
  return row;
}

/** A category by its full path (城乡建设/安全生产/事故处理). */
export async function categoryByPath(ex: Executor, path: string): Promise<CategoryView | undefined> {
  const [row] = await selectCategories(ex).where(eq(caseCategories.path, path)).limit(1);
  return row;
}

/**
 * The whole catalogue, flat, siblings in their sort order (build the tree by `parentId`);
 * `activeOnly` keeps the usable ones (for intake forms).
 */
export async function listCategories(ex: Executor, opts: { activeOnly: boolean }): Promise<CategoryView[]> {
  return selectCategories(ex)
    .where(opts.activeOnly ? usableCategory : undefined)
    .orderBy(asc(caseCategories.level), asc(caseCategories.sortOrder), asc(caseCategories.id));
}

// ---- reply templates ----

export interface TemplateFilter {
  /** A case's category path: templates naming it or an ancestor, and general ones. Undefined: any; null: general ones only. */
  categoryPath?: string | null | undefined;
  /** A case's state: templates for it and for any state. Undefined: any; null: those for any state only. */
  state?: CaseState | null | undefined;
  /** Include deactivated templates (the admin page). */
  includeInactive?: boolean | undefined;
}

/**
 * The reply templates that apply to a case of `categoryPath` in `state`, the most
 * specific first (longest category, then state-specific), then by title.
 */
export async function templatesFor(ex: Executor, f: TemplateFilter): Promise<TemplateRow[]> {
  const t = replyTemplates;
  const byCategory =
    f.categoryPath === undefined
      ? undefined
      : f.categoryPath === null
        ? sql`${t.category} IS NULL`
        : sql`(${t.category} IS NULL OR ${t.category} = ${f.categoryPath} OR starts_with(${f.categoryPath}::text, ${t.category} || '/'))`;
  const byState = f.state === undefined ? undefined : f.state === null ? sql`${t.state} IS NULL` : sql`(${t.state} IS NULL OR ${t.state} = ${f.state})`;
  return ex
    .select()
    .from(t)
    .where(and(f.includeInactive ? undefined : eq(t.active, true), byCategory, byState))
    .orderBy(desc(sql`coalesce(length(${t.category}), 0)`), asc(sql`${t.state} IS NULL`), asc(t.title), asc(t.id));
}
