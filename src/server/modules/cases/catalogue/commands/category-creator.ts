/**
 * Adds a local category (本地扩展) under a parent of the catalogue, or as a new
 * first-level class. Names are unique among siblings (the path is unique).
 */
import { audit } from '../../../../platform/audit/audit.js';
import { diffFields } from '../../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../../platform/context.js';
import { Conflict, Forbidden } from '../../../../platform/http/errors.js';
import { invalidField } from '../catalogue.errors.js';
import { canConfigure } from '../catalogue.policy.js';
import { categoryById, categoryByPath, type CategoryView } from '../catalogue.queries.js';
import { insertCategories, nextSortOrder } from '../catalogue.repo.js';

export interface CategoryCreatorProps {
  /** Null: a new first-level class. */
  parentId: number | null;
  name: string;
  /** Position among the siblings; default: after the last. */
  sortOrder?: number | undefined;
}

export const categoryAuditFields = ['parentId', 'level', 'name', 'path', 'system', 'active', 'sortOrder'] as const;

/** Creates the category; the caller needs `cases.configure` at a root of the tree. */
export async function categoryCreator(ctx: CommandContext, props: CategoryCreatorProps): Promise<CategoryView> {
  if (!canConfigure(ctx.actor)) throw new Forbidden();
  const parent = props.parentId === null ? null : await categoryById(ctx.tx, props.parentId);
  if (props.parentId !== null && !parent) throw invalidField('body.parentId', 'ref_not_found');
  if (parent && parent.level >= 3) throw invalidField('body.parentId', 'category_level_max');
  if (parent && !parent.usable) throw invalidField('body.parentId', 'category_parent_inactive');
  const path = parent ? `${parent.path}/${props.name}` : props.name;
  if (await categoryByPath(ctx.tx, path)) throw new Conflict('category_path_taken');
  const sortOrder = props.sortOrder ?? (await nextSortOrder(ctx.tx, parent?.id ?? null));
  const [row] = await insertCategories(ctx.tx, [{ parentId: parent?.id ?? null, level: (parent?.level ?? 0) + 1, name: props.name, path, system: 'local', sortOrder }], ctx.now);
  // The insert skips an existing path: a concurrent request took it between the check and here.
  if (!row) throw new Conflict('category_path_taken');
  const created = (await categoryById(ctx.tx, row.id))!;
  await audit(ctx, {
    action: 'cases.category.create',
    subjectType: 'case_category',
    subjectId: created.id,
    changes: diffFields(null, pickFields(created)),
  });
  return created;
}

/** The audited fields of a category. */
export function pickFields(c: CategoryView): Record<string, unknown> {
  return Object.fromEntries(categoryAuditFields.map((k) => [k, c[k]]));
}
