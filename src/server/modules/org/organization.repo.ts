/**
 * Queries of organizations (Drizzle only, no rules). Reads join the node, the chain
 * parent and the charter area in one statement, so lists never fetch names row by row.
 */
import { and, asc, count, eq, getTableColumns, inArray, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../../platform/db/database.js';
import { adminNodes, organizations, type OrgKind, type PartyLevel } from './org.tables.js';
import { escapeLike, matchesText, underAny } from '../../platform/db/like.js';

export type OrgRow = typeof organizations.$inferSelect;
export type OrgView = OrgRow & {
  nodeName: string;
  nodePath: string;
  nodeCode: string;
  parentOrgName: string | null;
  parentOrgCode: string | null;
  charterPath: string | null;
  charterCode: string | null;
};

const parentOrg = alias(organizations, 'parent_org');
const charterNode = alias(adminNodes, 'charter_node');

function selectOrgs(ex: Executor) {
  return ex
    .select({
      ...getTableColumns(organizations),
      nodeName: adminNodes.name,
      nodePath: adminNodes.path,
      nodeCode: adminNodes.code,
      parentOrgName: parentOrg.name,
      parentOrgCode: parentOrg.code,
      charterPath: charterNode.path,
      charterCode: charterNode.code,
    })
    .from(organizations)
    .innerJoin(adminNodes, eq(adminNodes.id, organizations.nodeId))
    .leftJoin(parentOrg, eq(parentOrg.id, organizations.parentOrgId))
    .leftJoin(charterNode, eq(charterNode.id, organizations.charterNodeId));
}

/** One organization with its node, chain parent and charter area joined. */
export async function orgById(ex: Executor, id: number): Promise<OrgView | undefined> {
  const [row] = await selectOrgs(ex).where(eq(organizations.id, id)).limit(1);
  return row;
}

/** The organizations with these codes (chunked: bind-parameter lists are limited). */
export async function orgsByCodes(ex: Executor, codes: readonly string[]): Promise<OrgView[]> {
  const out: OrgView[] = [];
  for (let i = 0; i < codes.length; i += 1000) out.push(...(await selectOrgs(ex).where(inArray(organizations.code, codes.slice(i, i + 1000)))));
  return out;
}

export interface OrgListFilter {
  scope: readonly string[];
  nodeId?: number | undefined;
  /** With a node: every organization in its subtree instead of those on it. */
  underPath?: string | undefined;
  kind?: OrgKind | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of organizations located under the scope, with the total. */
export async function listOrgs(ex: Executor, f: OrgListFilter): Promise<{ items: OrgView[]; total: number }> {
  const where = and(
    underAny(adminNodes.path, f.scope),
    f.underPath ? like(adminNodes.path, `${escapeLike(f.underPath)}%`) : f.nodeId !== undefined ? eq(organizations.nodeId, f.nodeId) : undefined,
    f.kind ? eq(organizations.kind, f.kind) : undefined,
    f.q ? matchesText(f.q, organizations.name, organizations.code) : undefined,
  );
  const items = await selectOrgs(ex).where(where).orderBy(asc(adminNodes.path), asc(organizations.code)).limit(f.limit).offset(f.offset);
  const [total] = await ex
    .select({ n: count() })
    .from(organizations)
    .innerJoin(adminNodes, eq(adminNodes.id, organizations.nodeId))
    .where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** Every organization in the subtrees (export). */
export async function orgsInScope(ex: Executor, scope: readonly string[]): Promise<OrgView[]> {
  return selectOrgs(ex).where(underAny(adminNodes.path, scope)).orderBy(asc(organizations.code));
}

export interface NewOrg {
  nodeId: number;
  kind: OrgKind;
  partyLevel: PartyLevel | null;
  parentOrgId: number | null;
  code: string;
  name: string;
  charterCategories: string[];
  charterNodeId: number | null;
  phone: string | null;
  active?: boolean;
}

/** Inserts organizations in chunks and returns their ids by code. */
export async function insertOrgs(ex: Executor, rows: readonly NewOrg[], now: Date): Promise<Array<{ id: number; code: string }>> {
  const out: Array<{ id: number; code: string }> = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({ ...r, createdAt: now, updatedAt: now }));
    out.push(...(await ex.insert(organizations).values(chunk).returning({ id: organizations.id, code: organizations.code })));
  }
  return out;
}

export type OrgPatch = Partial<Pick<OrgRow, 'partyLevel' | 'parentOrgId' | 'code' | 'name' | 'charterCategories' | 'charterNodeId' | 'phone' | 'active'>>;

/** Writes changed columns of an organization. */
export async function updateOrg(ex: Executor, id: number, patch: OrgPatch, now: Date): Promise<void> {
  await ex.update(organizations).set({ ...patch, updatedAt: now }).where(eq(organizations.id, id));
}

export interface ChildOrg {
  id: number;
  code: string;
  kind: OrgKind;
  partyLevel: PartyLevel | null;
  active: boolean;
  nodePath: string;
}

/** The organizations whose chain parent is one of `ids`. */
export async function childOrgs(ex: Executor, ids: readonly number[]): Promise<Array<ChildOrg & { parentOrgId: number }>> {
  if (ids.length === 0) return [];
  const rows = await ex
    .select({
      id: organizations.id,
      code: organizations.code,
      kind: organizations.kind,
      partyLevel: organizations.partyLevel,
      active: organizations.active,
      nodePath: adminNodes.path,
      parentOrgId: organizations.parentOrgId,
    })
    .from(organizations)
    .innerJoin(adminNodes, eq(adminNodes.id, organizations.nodeId))
    .where(inArray(organizations.parentOrgId, [...ids]));
  return rows.map((r) => ({ ...r, parentOrgId: r.parentOrgId! }));
}

/** Ids up the chain from `id` (itself first), bounded so a corrupt loop cannot spin forever. */
export async function orgChainIds(ex: Executor, id: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    ex,
    sql`WITH RECURSIVE chain(id, parent, depth) AS (
          SELECT id, parent_org_id, 0 FROM organizations WHERE id = ${id}
          UNION ALL
          SELECT o.id, o.parent_org_id, c.depth + 1 FROM organizations o JOIN chain c ON o.id = c.parent WHERE c.depth < 100)
        SELECT id FROM chain ORDER BY depth`,
  );
  return rows.map((r) => Number(r.id));
}

