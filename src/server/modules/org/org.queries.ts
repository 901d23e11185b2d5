/**
 * The read side of the organization API: load, filter by the caller's subtrees (in SQL,
 * through `scopeOf`), present. Single items the caller cannot see are 404, exactly like
 * missing ones.
 */
import { scopeOf, type Actor } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import type { Executor } from '../../platform/db/database.js';
import { NotFound } from '../../platform/http/errors.js';
import { listNodes, nodeById, publicTree, treeNodes, type NodeListFilter } from './org.repo.js';
import { listOrgs, orgById } from './organization.repo.js';
import { listPeople, listPosts, personById, postById } from './people.repo.js';
import { orgPolicy } from './org.policy.js';
import { presentNode, presentOrganization, presentPerson, presentPost } from './org.presenter.js';
import type { NodeOut, OrganizationOut, PersonOut, PostOut } from './org.schema.js';
import type { OrgKind } from './org.tables.js';

/** Who reads, through which connection. */
export interface Reader {
  db: Executor;
  actor: Actor | null;
}

export interface PageQuery {
  limit: number;
  offset: number;
}

type Page<T> = { items: T[]; total: number };

function blank(q: string | undefined): string | undefined {
  return q && q.length > 0 ? q : undefined;
}

/** Children of a visible node; without a parent, the roots of the caller's subtrees; `q` searches the scope. */
export async function findNodes(r: Reader, q: PageQuery & { parentId?: number | undefined; q?: string | undefined }): Promise<Page<NodeOut>> {
  const scope = scopeOf(r.actor, Permission.OrgRead);
  const text = blank(q.q);
  let filter: NodeListFilter = { scope, limit: q.limit, offset: q.offset, q: text };
  if (q.parentId !== undefined) {
    const parent = await nodeById(r.db, q.parentId);
    if (!parent || !orgPolicy.readNode(r.actor, parent)) throw new NotFound();
    filter = text ? { ...filter, under: parent.path } : { ...filter, parentId: parent.id };
  } else if (!text) {
    filter = { ...filter, atPaths: scope };
  }
  const page = await listNodes(r.db, filter);
  return { items: page.items.map((n) => presentNode(r.actor, n)), total: page.total };
}

/** Every node the caller may read, flat, for tree views. */
export async function nodeTree(r: Reader): Promise<{ items: NodeOut[] }> {
  const rows = await treeNodes(r.db, scopeOf(r.actor, Permission.OrgRead));
  return { items: rows.map((n) => presentNode(r.actor, n)) };
}

/** The public tree (names only) for the registration page. */
export async function publicNodes(r: Reader) {
  return { items: await publicTree(r.db) };
}

/** One node, 404 when outside the caller's org.read subtrees. */
export async function getNode(r: Reader, id: number): Promise<NodeOut> {
  const node = await nodeById(r.db, id);
  if (!node || !orgPolicy.readNode(r.actor, node)) throw new NotFound();
  return presentNode(r.actor, node);
}

/** The subtree path to filter by when a node is named (404 when it is not visible). */
async function subtreeOf(r: Reader, nodeId: number | undefined, subtree: boolean, canSee: typeof orgPolicy.readNode) {
  if (nodeId === undefined) return {};
  const node = await nodeById(r.db, nodeId);
  if (!node || !canSee(r.actor, node)) throw new NotFound();
  return subtree ? { underPath: node.path } : { nodeId };
}

/** Organizations on (or under) a visible node, or all in scope, filtered by kind and text. */
export async function findOrganizations(
  r: Reader,
  q: PageQuery & { nodeId?: number | undefined; kind?: OrgKind | undefined; q?: string | undefined; subtree: boolean },
): Promise<Page<OrganizationOut>> {
  const at = await subtreeOf(r, q.nodeId, q.subtree, orgPolicy.readNode);
  const page = await listOrgs(r.db, { scope: scopeOf(r.actor, Permission.OrgRead), ...at, kind: q.kind, q: blank(q.q), limit: q.limit, offset: q.offset });
  return { items: page.items.map((o) => presentOrganization(r.actor, o)), total: page.total };
}

/** One organization, 404 when its node is outside the caller's org.read subtrees. */
export async function getOrganization(r: Reader, id: number): Promise<OrganizationOut> {
  const org = await orgById(r.db, id);
  if (!org || !orgPolicy.readNode(r.actor, { path: org.nodePath })) throw new NotFound();
  return presentOrganization(r.actor, org);
}

/** People at (or under) a visible node, or all in scope, filtered by text. */
export async function findPeople(r: Reader, q: PageQuery & { nodeId?: number | undefined; q?: string | undefined; subtree: boolean }): Promise<Page<PersonOut>> {
  const at = await subtreeOf(r, q.nodeId, q.subtree, orgPolicy.readPeople);
  const page = await listPeople(r.db, { scope: scopeOf(r.actor, Permission.PeopleRead), ...at, q: blank(q.q), limit: q.limit, offset: q.offset });
  return { items: page.items.map((p) => presentPerson(r.actor, p)), total: page.total };
}

/** One person, 404 when outside the caller's people.read subtrees. */
export async function getPerson(r: Reader, id: number): Promise<PersonOut> {
  const person = await personById(r.db, id);
  if (!person || !orgPolicy.readPeople(r.actor, { path: person.nodePath })) throw new NotFound();
  return presentPerson(r.actor, person);
}

/** Posts of organizations in the caller's org.read subtrees. */
export async function findPosts(r: Reader, q: PageQuery & { orgId?: number | undefined; personId?: number | undefined }): Promise<Page<PostOut>> {
  const page = await listPosts(r.db, { scope: scopeOf(r.actor, Permission.OrgRead), orgId: q.orgId, personId: q.personId, limit: q.limit, offset: q.offset });
  return { items: page.items.map((p) => presentPost(r.actor, p)), total: page.total };
}

/** One post, 404 when its organization is outside the caller's org.read subtrees. */
export async function getPost(r: Reader, id: number): Promise<PostOut> {
  const post = await postById(r.db, id);
  if (!post || !orgPolicy.readNode(r.actor, { path: post.nodePath })) throw new NotFound();
  return presentPost(r.actor, post);
}
