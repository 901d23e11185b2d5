/**
 * Renames, activates, deactivates or re-sorts a category. Renaming moves the paths of
 * the whole subtree — and the deadline rules and reply templates keyed by them — in the
 * same transaction. Deactivating hides the category and everything below it from intake
 * (their own flags are kept, so reactivating restores the subtree as it was).
 */
import { audit } from '../../../../platform/audit/audit.js';
import { diffFields } from '../../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../../platform/context.js';
import { Conflict, Forbidden, NotFound } from '../../../../platform/http/errors.js';
import { invalidField } from '../catalogue.errors.js';
import { canConfigure } from '../catalogue.policy.js';
import { categoryById, categoryByPath, markCategoriesChanged, markDeadlineRulesChanged, type CategoryView } from '../catalogue.queries.js';
import { movePathPrefix, updateCategory } from '../catalogue.repo.js';
import { pickFields } from './category-creator.js';
import { moveResponsibilityCategories } from '../../../org/org.exports.js';

export interface CategoryUpdaterProps {
  id: number;
  name?: string | undefined;
  active?: boolean | undefined;
  sortOrder?: number | undefined;
}

/** Applies the changed fields; the caller needs `cases.configure` at a root of the tree. */
export async function categoryUpdater(ctx: CommandContext, props: CategoryUpdaterProps): Promise<CategoryView> {
  const before = await categoryById(ctx.tx, props.id);
  if (!before) throw new NotFound();
  if (!canConfigure(ctx.actor)) throw new Forbidden();
  const patch: { name?: string; path?: string; active?: boolean; sortOrder?: number } = {};
  if (props.active !== undefined && props.active !== before.active) patch.active = props.active;
  if (props.sortOrder !== undefined && props.sortOrder !== before.sortOrder) patch.sortOrder = props.sortOrder;
  let moved = 0;
  if (props.name !== undefined && props.name !== before.name) {
    if (before.system !== 'local') throw invalidField('body.name', 'category_system_rename');
    const cut = before.path.lastIndexOf('/');
    const path = cut < 0 ? props.name : `${before.path.slice(0, cut)}/${props.name}`;
    if (await categoryByPath(ctx.tx, path)) throw new Conflict('category_path_taken');
    patch.name = props.name;
    patch.path = path;
  }
  if (Object.keys(patch).length === 0) return before;
  markCategoriesChanged(ctx.tx);
  await updateCategory(ctx.tx, before.id, patch, ctx.now);
  if (patch.path) {
    moved = await movePathPrefix(ctx.tx, before.path, patch.path, ctx.now);
    await moveResponsibilityCategories(ctx.tx, before.path, patch.path, ctx.now);
    markDeadlineRulesChanged(ctx.tx);
  }
  const after = (await categoryById(ctx.tx, before.id))!;
  await audit(ctx, {
    action: 'cases.category.update',
    subjectType: 'case_category',
    subjectId: before.id,
    changes: { ...diffFields(pickFields(before), pickFields(after)), ...(moved > 0 ? { descendantsMoved: moved } : {}) },
  });
  return after;
}
