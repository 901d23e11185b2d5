/**
 * Queries of the administrative tree (Drizzle only, no rules). Lists are scoped by the
 * subtree filter `path LIKE '/1/5/%'` (platform/db/like.ts), which the text_pattern_ops
 * index on `admin_nodes.path` answers.
 */
import { and, asc, count, eq, inArray, like, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database.js';
import { escapeLike, matchesText, underAny } from '../../platform/db/like.js';
import { adminNodes, type NodeLevel } from './org.tables.js';

export type NodeRow = typeof adminNodes.$inferSelect;
export type NodeView = NodeRow & { childCount: number };

// Raw subqueries name the outer table explicitly: Drizzle leaves columns unqualified in
// single-table selects, which inside a subquery would bind to the subquery's own table.
const childCount = sql<number>`(SELECT count(*) FROM admin_nodes c WHERE c.parent_id = "admin_nodes"."id")`.mapWith(Number);
const parentCode = sql<string | null>`(SELECT p.code FROM admin_nodes p WHERE p.id = "admin_nodes"."parent_id")`;
const levelOrder = sql`CASE ${adminNodes.level} WHEN 'district' THEN 0 WHEN 'street' THEN 1 WHEN 'community' THEN 2 ELSE 3 END`;
const nodeColumns = {
  id: adminNodes.id,
  parentId: adminNodes.parentId,
  level: adminNodes.level,
  kind: adminNodes.kind,
  code: adminNodes.code,
  name: adminNodes.name,
  path: adminNodes.path,
  households: adminNodes.households,
  createdAt: adminNodes.createdAt,
  updatedAt: adminNodes.updatedAt,
};

/** One node with its child count. */
export async function nodeById(ex: Executor, id: number): Promise<NodeView | undefined> {
  const [row] = await ex.select({ ...nodeColumns, childCount }).from(adminNodes).where(eq(adminNodes.id, id)).limit(1);
  return row;
}

/** The nodes with these codes and their parents' codes (imports match rows by code). */
export async function nodesByCodes(ex: Executor, codes: readonly string[]): Promise<Array<NodeRow & { parentCode: string | null }>> {
  const out: Array<NodeRow & { parentCode: string | null }> = [];
  // Chunked: a bind-parameter list has a protocol limit (65535), and imports bring 50,000 codes.
  for (let i = 0; i < codes.length; i += 1000) {
    out.push(...(await ex.select({ ...nodeColumns, parentCode }).from(adminNodes).where(inArray(adminNodes.code, codes.slice(i, i + 1000)))));
  }
  return out;
}

/** Every node in the subtrees with its parent's code (export). */
export async function nodesInScope(ex: Executor, scope: readonly string[]): Promise<Array<NodeRow & { parentCode: string | null }>> {
  return ex.select({ ...nodeColumns, parentCode }).from(adminNodes).where(underAny(adminNodes.path, scope)).orderBy(levelOrder, asc(adminNodes.code));
}

export interface NodeListFilter {
  scope: readonly string[];
  parentId?: number | undefined;
  /** Only the nodes at exactly these paths (the caller's subtree roots). */
  atPaths?: readonly string[] | undefined;
  /** Only nodes under this path (search within a subtree). */
  under?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of nodes in the caller's scope, with the total for the same filter. */
export async function listNodes(ex: Executor, f: NodeListFilter): Promise<{ items: NodeView[]; total: number }> {
  const where = and(
    underAny(adminNodes.path, f.scope),
    f.parentId !== undefined ? eq(adminNodes.parentId, f.parentId) : undefined,
    f.atPaths ? (f.atPaths.length ? inArray(adminNodes.path, [...f.atPaths]) : sql`false`) : undefined,
    f.under ? like(adminNodes.path, `${escapeLike(f.under)}%`) : undefined,
    f.q ? matchesText(f.q, adminNodes.name, adminNodes.code) : undefined,
  );
  const items = await ex
    .select({ ...nodeColumns, childCount })
    .from(adminNodes)
    .where(where)
    .orderBy(levelOrder, asc(adminNodes.code))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await ex.select({ n: count() }).from(adminNodes).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** Every node in the caller's subtrees, parents before children, child counts computed here. */
export async function treeNodes(ex: Executor, scope: readonly string[]): Promise<NodeView[]> {
  const rows = await ex.select(nodeColumns).from(adminNodes).where(underAny(adminNodes.path, scope)).orderBy(levelOrder, asc(adminNodes.code));
  const children = new Map<number, number>();
  for (const r of rows) if (r.parentId !== null) children.set(r.parentId, (children.get(r.parentId) ?? 0) + 1);
  return rows.map((r) => ({ ...r, childCount: children.get(r.id) ?? 0 }));
}

/** The whole tree, names only (the public registration page picks a community or grid). */
export async function publicTree(ex: Executor) {
  return ex
    .select({ id: adminNodes.id, parentId: adminNodes.parentId, level: adminNodes.level, name: adminNodes.name })
    .from(adminNodes)
    .orderBy(levelOrder, asc(adminNodes.code));
}

export interface NewNode {
  parentId: number | null;
  level: NodeLevel;
  kind: string;
  code: string;
  name: string;
  households: number | null;
}

/**
 * Inserts nodes under already-placed parents and gives them their `/…/id/` paths. The
 * path needs the new id, so rows go in with a unique placeholder (`tmp:code`) first.
 */
export async function insertNodes(ex: Executor, rows: readonly NewNode[], now: Date): Promise<NodeRow[]> {
  if (rows.length === 0) return [];
  const inserted: NodeRow[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({ ...r, path: `tmp:${r.code}`, createdAt: now, updatedAt: now }));
    await ex.insert(adminNodes).values(chunk);
  }
  await ex.execute(sql`
    UPDATE admin_nodes c SET path = COALESCE(p.path, '/') || c.id || '/'
    FROM admin_nodes c2 LEFT JOIN admin_nodes p ON p.id = c2.parent_id
    WHERE c.id = c2.id AND c.path LIKE 'tmp:%'`);
  const codes = rows.map((r) => r.code);
  for (let i = 0; i < codes.length; i += 1000) {
    inserted.push(...(await ex.select().from(adminNodes).where(inArray(adminNodes.code, codes.slice(i, i + 1000)))));
  }
  return inserted;
}

/** Writes changed columns of a node (never its path or parent). */
export async function updateNode(ex: Executor, id: number, patch: Partial<Pick<NodeRow, 'name' | 'code' | 'kind' | 'households'>>, now: Date): Promise<void> {
  await ex.update(adminNodes).set({ ...patch, updatedAt: now }).where(eq(adminNodes.id, id));
}

/** Removes a node (callers check it is unused first). */
export async function deleteNode(ex: Executor, id: number): Promise<void> {
  await ex.delete(adminNodes).where(eq(adminNodes.id, id));
}

export interface NodeUsage {
  children: number;
  organizations: number;
  people: number;
  roles: number;
  references: number;
}

/** What still hangs on a node (a node is deleted only when nothing does). */
export async function nodeUsage(ex: Executor, id: number): Promise<NodeUsage> {
  const [row] = await queryRows<NodeUsage>(
    ex,
    sql`SELECT
      (SELECT count(*) FROM admin_nodes WHERE parent_id = ${id})::int AS children,
      (SELECT count(*) FROM organizations WHERE node_id = ${id})::int AS organizations,
      (SELECT count(*) FROM people WHERE node_id = ${id})::int AS people,
      (SELECT count(*) FROM role_assignments WHERE node_id = ${id})::int AS roles,
      ((SELECT count(*) FROM responsibilities WHERE node_id = ${id})
        + (SELECT count(*) FROM organizations WHERE charter_node_id = ${id}))::int AS "references"`,
  );
  return row!;
}

/** Whether any node exists (the demo seeds only into an empty tree). */
export async function hasNodes(ex: Executor): Promise<boolean> {
  const [row] = await ex.select({ id: adminNodes.id }).from(adminNodes).limit(1);
  return !!row;
}

