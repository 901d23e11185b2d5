/**
 * Queries of the catalogue's tables (Drizzle; no rules): categories, calendar days,
 * deadline rules and reply templates. The read side other code uses is in
 * catalogue.queries.ts; this file holds the writes and the admin pages' lists.
 */
import { and, asc, eq, getTableColumns, gte, lte, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../../../platform/db/database.js';
import { calendarDays, caseCategories, deadlineRules, replyTemplates } from '../cases.tables.js';

export type CategoryRow = typeof caseCategories.$inferSelect;
/** A category with `usable`: active and no deactivated ancestor (what intake offers). */
export type CategoryView = CategoryRow & { usable: boolean };
export type NewCategory = Pick<CategoryRow, 'parentId' | 'level' | 'name' | 'path' | 'system' | 'sortOrder'>;
export type CalendarDayRow = typeof calendarDays.$inferSelect;
export type DeadlineRuleRow = typeof deadlineRules.$inferSelect;
export type DeadlineRuleFields = Pick<DeadlineRuleRow, 'category' | 'urgency' | 'dispatchHours' | 'signHours' | 'feedbackHours' | 'feedbackWorkingDays'>;
export type TemplateRow = typeof replyTemplates.$inferSelect;
export type TemplateFields = Pick<TemplateRow, 'title' | 'body' | 'category' | 'state' | 'active'>;

// Levels are 1–3 (a check constraint), so the ancestors are the parent and grandparent.
const parent = alias(caseCategories, 'parent');
const grand = alias(caseCategories, 'grand');
const usable = sql<boolean>`(${caseCategories.active} AND coalesce(${parent.active}, true) AND coalesce(${grand.active}, true))`;

/** Categories with their `usable` flag (add `.where(…)`, `.orderBy(…)`). */
export function selectCategories(ex: Executor) {
  return ex
    .select({ ...getTableColumns(caseCategories), usable })
    .from(caseCategories)
    .leftJoin(parent, eq(parent.id, caseCategories.parentId))
    .leftJoin(grand, eq(grand.id, parent.parentId));
}

/** The condition "usable", for queries built on `selectCategories`. */
export const usableCategory = usable;

// ---- categories ----

/** Every category path with its id (the baseline's "what is there"). */
export async function categoryIdsByPath(ex: Executor): Promise<Map<string, number>> {
  const rows = await ex.select({ id: caseCategories.id, path: caseCategories.path }).from(caseCategories);
  return new Map(rows.map((r) => [r.path, r.id]));
}

/** Inserts categories in one statement, skipping paths that exist; returns the inserted ones. */
export async function insertCategories(ex: Executor, rows: readonly NewCategory[], now: Date): Promise<Array<{ id: number; path: string }>> {
  if (rows.length === 0) return [];
  return ex
    .insert(caseCategories)
    .values(rows.map((r) => ({ ...r, createdAt: now, updatedAt: now })))
    .onConflictDoNothing({ target: caseCategories.path })
    .returning({ id: caseCategories.id, path: caseCategories.path });
}

/** The next sort position among the children of `parentId` (or the roots). */
export async function nextSortOrder(ex: Executor, parentId: number | null): Promise<number> {
  const [row] = await ex
    .select({ m: max(caseCategories.sortOrder) })
    .from(caseCategories)
    .where(parentId === null ? sql`${caseCategories.parentId} IS NULL` : eq(caseCategories.parentId, parentId));
  return row?.m === null || row?.m === undefined ? 0 : row.m + 1;
}

export async function updateCategory(ex: Executor, id: number, patch: Partial<Pick<CategoryRow, 'name' | 'path' | 'active' | 'sortOrder'>>, now: Date): Promise<void> {
  await ex.update(caseCategories).set({ ...patch, updatedAt: now }).where(eq(caseCategories.id, id));
}

/**
 * Moves everything keyed by a category path from `from` to `to`: the descendants' paths,
 * and the deadline rules and reply templates naming the category or one below it.
 * Returns how many descendants moved.
 */
export async function movePathPrefix(ex: Executor, from: string, to: string, now: Date): Promise<number> {
  const below = `${from}/`;
  const cut = from.length + 1;
  const moved = await queryRows<{ id: number }>(
    ex,
    sql`UPDATE case_categories SET path = ${to} || substr(path, ${cut}), updated_at = ${now}
         WHERE starts_with(path, ${below}) RETURNING id`,
  );
  await ex.execute(
    sql`UPDATE deadline_rules SET category = ${to} || substr(category, ${cut}), updated_at = ${now}
         WHERE category = ${from} OR starts_with(category, ${below})`,
  );
  await ex.execute(
    sql`UPDATE reply_templates SET category = ${to} || substr(category, ${cut}), updated_at = ${now}
         WHERE category = ${from} OR starts_with(category, ${below})`,
  );
  return moved.length;
}

// ---- calendar ----

export async function calendarDaysBetween(ex: Executor, from: string, to: string): Promise<CalendarDayRow[]> {
  return ex.select().from(calendarDays).where(and(gte(calendarDays.day, from), lte(calendarDays.day, to))).orderBy(asc(calendarDays.day));
}

export async function calendarDayOf(ex: Executor, day: string): Promise<CalendarDayRow | undefined> {
  const [row] = await ex.select().from(calendarDays).where(eq(calendarDays.day, day)).limit(1);
  return row;
}

/** Inserts the days not yet in the calendar (one statement); returns how many were added. */
export async function insertMissingCalendarDays(ex: Executor, days: ReadonlyArray<Pick<CalendarDayRow, 'day' | 'kind' | 'name'>>, now: Date): Promise<number> {
  if (days.length === 0) return 0;
  const rows = await ex
    .insert(calendarDays)
    .values(days.map((d) => ({ ...d, updatedAt: now })))
    .onConflictDoNothing({ target: calendarDays.day })
    .returning({ day: calendarDays.day });
  return rows.length;
}

export async function upsertCalendarDay(ex: Executor, row: Pick<CalendarDayRow, 'day' | 'kind' | 'name'>, now: Date): Promise<CalendarDayRow> {
  const [out] = await ex
    .insert(calendarDays)
    .values({ ...row, updatedAt: now })
    .onConflictDoUpdate({ target: calendarDays.day, set: { kind: row.kind, name: row.name, updatedAt: now } })
    .returning();
  return out!;
}

export async function deleteCalendarDay(ex: Executor, day: string): Promise<void> {
  await ex.delete(calendarDays).where(eq(calendarDays.day, day));
}

// ---- deadline rules ----

export async function listDeadlineRules(ex: Executor): Promise<DeadlineRuleRow[]> {
  return ex.select().from(deadlineRules).orderBy(asc(deadlineRules.category), asc(deadlineRules.urgency));
}

export async function deadlineRuleById(ex: Executor, id: number): Promise<DeadlineRuleRow | undefined> {
  const [row] = await ex.select().from(deadlineRules).where(eq(deadlineRules.id, id)).limit(1);
  return row;
}

export async function deadlineRuleByKey(ex: Executor, category: string, urgency: DeadlineRuleRow['urgency']): Promise<DeadlineRuleRow | undefined> {
  const [row] = await ex
    .select()
    .from(deadlineRules)
    .where(and(eq(deadlineRules.category, category), eq(deadlineRules.urgency, urgency)))
    .limit(1);
  return row;
}

export async function insertDeadlineRule(ex: Executor, fields: DeadlineRuleFields, now: Date): Promise<DeadlineRuleRow> {
  const [row] = await ex.insert(deadlineRules).values({ ...fields, updatedAt: now }).returning();
  return row!;
}

export async function updateDeadlineRule(ex: Executor, id: number, fields: DeadlineRuleFields, now: Date): Promise<DeadlineRuleRow> {
  const [row] = await ex.update(deadlineRules).set({ ...fields, updatedAt: now }).where(eq(deadlineRules.id, id)).returning();
  return row!;
}

export async function deleteDeadlineRule(ex: Executor, id: number): Promise<void> {
  await ex.delete(deadlineRules).where(eq(deadlineRules.id, id));
}

// ---- reply templates ----

export async function templateById(ex: Executor, id: number): Promise<TemplateRow | undefined> {
  const [row] = await ex.select().from(replyTemplates).where(eq(replyTemplates.id, id)).limit(1);
  return row;
}

export async function insertTemplate(ex: Executor, fields: TemplateFields, createdBy: number | null, now: Date): Promise<TemplateRow> {
  const [row] = await ex.insert(replyTemplates).values({ ...fields, createdBy, updatedAt: now }).returning();
  return row!;
}

export async function updateTemplate(ex: Executor, id: number, patch: Partial<TemplateFields>, now: Date): Promise<TemplateRow> {
  const [row] = await ex.update(replyTemplates).set({ ...patch, updatedAt: now }).where(eq(replyTemplates.id, id)).returning();
  return row!;
}

export async function deleteTemplate(ex: Executor, id: number): Promise<void> {
  await ex.delete(replyTemplates).where(eq(replyTemplates.id, id));
}
