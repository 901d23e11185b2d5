/**
 * Queries of people and posts (Drizzle only, no rules), with the names they are shown
 * with joined in the same statement.
 */
import { and, asc, count, eq, getTableColumns, inArray, like } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { adminNodes, organizations, people, posts, responsibilities } from './org.tables.js';
import { escapeLike, matchesText, underAny } from '../../platform/db/like.js';

export type PersonRow = typeof people.$inferSelect;
export type PersonView = PersonRow & { nodeName: string; nodePath: string; nodeCode: string };

function selectPeople(ex: Executor) {
  return ex
    .select({ ...getTableColumns(people), nodeName: adminNodes.name, nodePath: adminNodes.path, nodeCode: adminNodes.code })
    .from(people)
    .innerJoin(adminNodes, eq(adminNodes.id, people.nodeId));
}

/** One person with their node's name, path and code. */
export async function personById(ex: Executor, id: number): Promise<PersonView | undefined> {
  const [row] = await selectPeople(ex).where(eq(people.id, id)).limit(1);
  return row;
}

/** The people with these codes (chunked for large imports). */
export async function peopleByCodes(ex: Executor, codes: readonly string[]): Promise<PersonView[]> {
  const out: PersonView[] = [];
  for (let i = 0; i < codes.length; i += 1000) out.push(...(await selectPeople(ex).where(inArray(people.code, codes.slice(i, i + 1000)))));
  return out;
}

export interface PeopleFilter {
  scope: readonly string[];
  nodeId?: number | undefined;
  underPath?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** A page of people located under the scope, with the total. */
export async function listPeople(ex: Executor, f: PeopleFilter): Promise<{ items: PersonView[]; total: number }> {
  const where = and(
    underAny(adminNodes.path, f.scope),
    f.underPath ? like(adminNodes.path, `${escapeLike(f.underPath)}%`) : f.nodeId !== undefined ? eq(people.nodeId, f.nodeId) : undefined,
    f.q ? matchesText(f.q, people.name, people.phone, people.code) : undefined,
  );
  const items = await selectPeople(ex).where(where).orderBy(asc(people.code)).limit(f.limit).offset(f.offset);
  const [total] = await ex.select({ n: count() }).from(people).innerJoin(adminNodes, eq(adminNodes.id, people.nodeId)).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** Every person under the scope (export). */
export async function peopleInScope(ex: Executor, scope: readonly string[]): Promise<PersonView[]> {
  return selectPeople(ex).where(underAny(adminNodes.path, scope)).orderBy(asc(people.code));
}

export type NewPerson = Pick<PersonRow, 'nodeId' | 'name' | 'phone' | 'gender' | 'partyMember' | 'note'> & { code?: string | undefined; userId?: number | null };

/**
 * Inserts one person and returns the stored row. Only the database-made columns come
 * back (RETURNING every column costs a third of the insert on PGlite).
 */
export async function insertPerson(ex: Executor, row: NewPerson, now: Date): Promise<PersonRow> {
  const { code, ...rest } = row;
  const [created] = await ex
    .insert(people)
    .values({ ...rest, ...(code ? { code } : {}), createdAt: now, updatedAt: now })
    .returning({ id: people.id, code: people.code });
  return { ...rest, id: created!.id, code: created!.code, userId: rest.userId ?? null, createdAt: now, updatedAt: now };
}

/** Inserts people in chunks; a missing code is numbered by the database (P00000001 …). */
export async function insertPeople(ex: Executor, rows: readonly NewPerson[], now: Date): Promise<Array<{ id: number; code: string }>> {
  const out: Array<{ id: number; code: string }> = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map(({ code, ...r }) => ({ ...r, ...(code ? { code } : {}), createdAt: now, updatedAt: now }));
    out.push(...(await ex.insert(people).values(chunk).returning({ id: people.id, code: people.code })));
  }
  return out;
}

export type PersonPatch = Partial<Pick<PersonRow, 'code' | 'nodeId' | 'name' | 'phone' | 'gender' | 'partyMember' | 'note' | 'userId'>>;

/** Writes changed columns of a person. */
export async function updatePerson(ex: Executor, id: number, patch: PersonPatch, now: Date): Promise<void> {
  await ex.update(people).set({ ...patch, updatedAt: now }).where(eq(people.id, id));
}

/** Removes a person record (callers check posts and accounts first). */
export async function deletePerson(ex: Executor, id: number): Promise<void> {
  await ex.delete(people).where(eq(people.id, id));
}

/** How many posts a person holds (a holder cannot be deleted). */
export async function postCountOfPerson(ex: Executor, personId: number): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(posts).where(eq(posts.personId, personId));
  return Number(row?.n ?? 0);
}

// ---- posts ----
export type PostRow = typeof posts.$inferSelect;
export type PostView = PostRow & { orgName: string; orgActive: boolean; nodePath: string; personName: string | null };

function selectPosts(ex: Executor) {
  return ex
    .select({ ...getTableColumns(posts), orgName: organizations.name, orgActive: organizations.active, nodePath: adminNodes.path, personName: people.name })
    .from(posts)
    .innerJoin(organizations, eq(organizations.id, posts.orgId))
    .innerJoin(adminNodes, eq(adminNodes.id, organizations.nodeId))
    .leftJoin(people, eq(people.id, posts.personId));
}

/** One post with its organization's name, state and place, and its holder's name. */
export async function postById(ex: Executor, id: number): Promise<PostView | undefined> {
  const [row] = await selectPosts(ex).where(eq(posts.id, id)).limit(1);
  return row;
}

export interface PostFilter {
  scope: readonly string[];
  orgId?: number | undefined;
  personId?: number | undefined;
  limit: number;
  offset: number;
}

/** A page of posts of organizations under the scope, with the total. */
export async function listPosts(ex: Executor, f: PostFilter): Promise<{ items: PostView[]; total: number }> {
  const where = and(
    underAny(adminNodes.path, f.scope),
    f.orgId !== undefined ? eq(posts.orgId, f.orgId) : undefined,
    f.personId !== undefined ? eq(posts.personId, f.personId) : undefined,
  );
  const items = await selectPosts(ex).where(where).orderBy(asc(posts.orgId), asc(posts.id)).limit(f.limit).offset(f.offset);
  const [total] = await ex
    .select({ n: count() })
    .from(posts)
    .innerJoin(organizations, eq(organizations.id, posts.orgId))
    .innerJoin(adminNodes, eq(adminNodes.id, organizations.nodeId))
    .where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** Adds a post and returns its id. */
export async function insertPost(ex: Executor, row: { orgId: number; title: string; personId: number | null }, now: Date): Promise<number> {
  const [out] = await ex.insert(posts).values({ ...row, createdAt: now, updatedAt: now }).returning({ id: posts.id });
  return out!.id;
}

/** Writes changed columns of a post. */
export async function updatePost(ex: Executor, id: number, patch: Partial<Pick<PostRow, 'title' | 'personId'>>, now: Date): Promise<void> {
  await ex.update(posts).set({ ...patch, updatedAt: now }).where(eq(posts.id, id));
}

/** Removes a post (callers check the responsibility list first). */
export async function deletePost(ex: Executor, id: number): Promise<void> {
  await ex.delete(posts).where(eq(posts.id, id));
}

/** How many responsibility entries name a post. */
export async function responsibilityCountOfPost(ex: Executor, postId: number): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(responsibilities).where(eq(responsibilities.postId, postId));
  return Number(row?.n ?? 0);
}

