/**
 * Queries of the responsibility list (职责清单; Drizzle only, no rules): which
 * organization and post answer for a category of matters within an area.
 */
import { and, asc, count, eq, getTableColumns, like } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { adminNodes, organizations, posts, responsibilities } from './org.tables.js';
import { escapeLike, underAny } from '../../platform/db/like.js';

export type ResponsibilityRow = typeof responsibilities.$inferSelect;
export type ResponsibilityView = ResponsibilityRow & { nodeName: string; nodePath: string; orgName: string; postTitle: string | null };

function selectResponsibilities(ex: Executor) {
  return ex
    .select({ ...getTableColumns(responsibilities), nodeName: adminNodes.name, nodePath: adminNodes.path, orgName: organizations.name, postTitle: posts.title })
    .from(responsibilities)
    .innerJoin(adminNodes, eq(adminNodes.id, responsibilities.nodeId))
    .innerJoin(organizations, eq(organizations.id, responsibilities.orgId))
    .leftJoin(posts, eq(posts.id, responsibilities.postId));
}

/** One entry with the names of its area, organization and post. */
export async function responsibilityById(ex: Executor, id: number): Promise<ResponsibilityView | undefined> {
  const [row] = await selectResponsibilities(ex).where(eq(responsibilities.id, id)).limit(1);
  return row;
}

export interface ResponsibilityFilter {
  scope: readonly string[];
  nodeId?: number | undefined;
  underPath?: string | undefined;
  category?: string | undefined;
  orgId?: number | undefined;
  limit: number;
  offset: number;
}

/** A page of entries whose area lies under the scope, with the total. */
export async function listResponsibilities(ex: Executor, f: ResponsibilityFilter): Promise<{ items: ResponsibilityView[]; total: number }> {
  const where = and(
    underAny(adminNodes.path, f.scope),
    f.underPath ? like(adminNodes.path, `${escapeLike(f.underPath)}%`) : f.nodeId !== undefined ? eq(responsibilities.nodeId, f.nodeId) : undefined,
    f.category ? eq(responsibilities.category, f.category) : undefined,
    f.orgId !== undefined ? eq(responsibilities.orgId, f.orgId) : undefined,
  );
  const items = await selectResponsibilities(ex).where(where).orderBy(asc(adminNodes.path), asc(responsibilities.category)).limit(f.limit).offset(f.offset);
  const [total] = await ex.select({ n: count() }).from(responsibilities).innerJoin(adminNodes, eq(adminNodes.id, responsibilities.nodeId)).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

export type ResponsibilityFields = Pick<ResponsibilityRow, 'category' | 'nodeId' | 'orgId' | 'postId' | 'note'>;

/** Adds an entry; the unique index turns a duplicate into `responsibility_exists`. */
export async function insertResponsibility(ex: Executor, row: ResponsibilityFields, now: Date): Promise<number> {
  const [out] = await ex.insert(responsibilities).values({ ...row, createdAt: now, updatedAt: now }).returning({ id: responsibilities.id });
  return out!.id;
}

/** Writes changed columns of an entry. */
export async function updateResponsibility(ex: Executor, id: number, patch: Partial<ResponsibilityFields>, now: Date): Promise<void> {
  await ex.update(responsibilities).set({ ...patch, updatedAt: now }).where(eq(responsibilities.id, id));
}

/** Removes an entry. */
export async function deleteResponsibility(ex: Executor, id: number): Promise<void> {
  await ex.delete(responsibilities).where(eq(responsibilities.id, id));
}

/** The entries that name an organization, with their area paths (charter and deactivation checks). */
export async function responsibilitiesOfOrg(ex: Executor, orgId: number): Promise<Array<{ id: number; category: string; nodePath: string }>> {
  return ex
    .select({ id: responsibilities.id, category: responsibilities.category, nodePath: adminNodes.path })
    .from(responsibilities)
    .innerJoin(adminNodes, eq(adminNodes.id, responsibilities.nodeId))
    .where(eq(responsibilities.orgId, orgId));
}
