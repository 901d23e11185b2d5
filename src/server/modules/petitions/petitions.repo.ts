/**
 * The petitions module's queries (Drizzle); nothing else touches its tables. No rules here:
 * who may see what is decided by the policy and passed in as a visibility condition.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { underAny } from '../../platform/db/like.js';
import { localDateOf } from '../../platform/time/zoned.js';
import { petitionEvents, petitionReviews, petitions, type PetitionState, type ReviewLevel } from './petitions.tables.js';

export type PetitionRow = typeof petitions.$inferSelect;
export type PetitionEventRow = typeof petitionEvents.$inferSelect;
export type ReviewRow = typeof petitionReviews.$inferSelect;

/** XF20261129-0001: the day's count, drawn under a lock on the day. */
export async function nextPetitionNumber(ex: Executor, now: Date): Promise<string> {
  const day = localDateOf(now, DEFAULT_TIME_ZONE).replaceAll('-', '');
  await ex.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'petition-number-' + day}))`);
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(petitions).where(sql`${petitions.number} LIKE ${'XF' + day + '-%'}`);
  return `XF${day}-${String(Number(row!.n) + 1).padStart(4, '0')}`;
}

export async function insertPetition(ex: Executor, values: typeof petitions.$inferInsert): Promise<PetitionRow> {
  const [row] = await ex.insert(petitions).values(values).returning();
  return row!;
}

export async function petitionById(ex: Executor, id: number): Promise<PetitionRow | undefined> {
  const [row] = await ex.select().from(petitions).where(eq(petitions.id, id));
  return row;
}

export async function petitionByNumber(ex: Executor, number: string): Promise<PetitionRow | undefined> {
  const [row] = await ex.select().from(petitions).where(eq(petitions.number, number));
  return row;
}

/** The petition locked for the rest of the transaction. */
export async function lockPetition(ex: Executor, id: number): Promise<PetitionRow | undefined> {
  const [row] = await ex.select().from(petitions).where(eq(petitions.id, id)).for('update');
  return row;
}

export async function updatePetition(ex: Executor, id: number, patch: Partial<typeof petitions.$inferInsert>): Promise<PetitionRow> {
  const [row] = await ex.update(petitions).set(patch).where(eq(petitions.id, id)).returning();
  return row!;
}

export async function insertPetitionEvent(ex: Executor, e: typeof petitionEvents.$inferInsert): Promise<void> {
  await ex.insert(petitionEvents).values(e);
}

export async function eventsOf(ex: Executor, petitionId: number, publicOnly: boolean): Promise<PetitionEventRow[]> {
  return ex
    .select()
    .from(petitionEvents)
    .where(and(eq(petitionEvents.petitionId, petitionId), publicOnly ? eq(petitionEvents.public, true) : undefined))
    .orderBy(asc(petitionEvents.id));
}

export async function reviewsOf(ex: Executor, petitionId: number): Promise<ReviewRow[]> {
  return ex.select().from(petitionReviews).where(eq(petitionReviews.petitionId, petitionId)).orderBy(asc(petitionReviews.id));
}

export async function insertReview(ex: Executor, r: typeof petitionReviews.$inferInsert): Promise<void> {
  await ex.insert(petitionReviews).values(r);
}

export async function answerReview(ex: Executor, petitionId: number, level: ReviewLevel, patch: Pick<ReviewRow, 'outcome' | 'answer' | 'answeredAt' | 'answeredBy'>): Promise<void> {
  await ex
    .update(petitionReviews)
    .set(patch)
    .where(and(eq(petitionReviews.petitionId, petitionId), eq(petitionReviews.level, level)));
}

/** Who may see a petition, as SQL: staff over any of its places, or its petitioner. */
export function visibleTo(scope: readonly string[], userId: number | null): SQL {
  const seen: SQL[] = [];
  if (scope.length > 0) {
    for (const column of [petitions.nodePath, petitions.handlerPath, petitions.reviewPath, petitions.recheckPath]) seen.push(underAny(column, scope));
  }
  if (userId !== null) seen.push(eq(petitions.petitionerUserId, userId));
  return seen.length === 0 ? sql`false` : sql`(${sql.join(seen, sql` OR `)})`;
}

export interface ListFilter {
  visible: SQL;
  state?: PetitionState | undefined;
  overdue?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function listPetitions(ex: Executor, f: ListFilter): Promise<{ items: PetitionRow[]; total: number }> {
  const where = and(
    f.visible,
    f.state ? eq(petitions.state, f.state) : undefined,
    f.overdue === undefined ? undefined : eq(petitions.overdue, f.overdue),
  );
  const [items, [count]] = await Promise.all([
    ex.select().from(petitions).where(where).orderBy(desc(petitions.id)).limit(f.limit).offset(f.offset),
    ex.select({ n: sql<number>`count(*)::int` }).from(petitions).where(where),
  ]);
  return { items, total: Number(count!.n) };
}

/** Marks the petitions whose running clock ran out (once per clock: the flag is cleared when the clock changes). */
export async function flagOverdue(ex: Executor, now: Date, limit: number): Promise<PetitionRow[]> {
  return ex
    .update(petitions)
    .set({ overdue: true })
    .where(
      sql`${petitions.id} IN (SELECT id FROM petitions WHERE NOT overdue AND clock IS NOT NULL AND clock_due_at <= ${now}
           ORDER BY clock_due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)`,
    )
    .returning();
}
