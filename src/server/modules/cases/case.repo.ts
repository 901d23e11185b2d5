/**
 * Queries of the cases module (Drizzle; no rules). Only this module touches its tables.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database.js';
import { caseCategories, caseCoUnits, caseEvents, caseExtensions, caseObjections, casePhotos, cases, caseSupports } from './cases.tables.js';

export type CaseRow = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type NewCaseEvent = Omit<typeof caseEvents.$inferInsert, 'id'>;
export type ObjectionRow = typeof caseObjections.$inferSelect;
export type ExtensionRow = typeof caseExtensions.$inferSelect;
export type CategoryRow = typeof caseCategories.$inferSelect;

/** The next sequence number of a local day (one statement; the day's row serializes intakes). */
export async function nextCaseSequence(ex: Executor, day: string): Promise<number> {
  const [row] = await queryRows<{ last: number }>(
    ex,
    sql`INSERT INTO case_number_days (day, last) VALUES (${day}, 1)
        ON CONFLICT (day) DO UPDATE SET last = case_number_days.last + 1
        RETURNING last`,
  );
  return row!.last;
}

export async function insertCase(ex: Executor, values: NewCase): Promise<CaseRow> {
  const [row] = await ex.insert(cases).values(values).returning();
  return row!;
}

export async function caseById(ex: Executor, id: number): Promise<CaseRow | undefined> {
  const [row] = await ex.select().from(cases).where(eq(cases.id, id)).limit(1);
  return row;
}

/** Public numbers of cases by id (one query for a page's merged-into links). */
export async function caseNumbers(ex: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.select({ id: cases.id, number: cases.number }).from(cases).where(inArray(cases.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.number]));
}

export async function caseByNumber(ex: Executor, number: string): Promise<CaseRow | undefined> {
  const [row] = await ex.select().from(cases).where(eq(cases.number, number)).limit(1);
  return row;
}

/** The case, locked for the rest of the transaction: concurrent actions on one case queue here. */
export async function caseForUpdate(ex: Executor, id: number): Promise<CaseRow | undefined> {
  const [row] = await ex.select().from(cases).where(eq(cases.id, id)).limit(1).for('update');
  return row;
}

export async function caseByTrackingHash(ex: Executor, hash: string): Promise<CaseRow | undefined> {
  const [row] = await ex.select().from(cases).where(eq(cases.trackingHash, hash)).limit(1);
  return row;
}

/** Writes a change and bumps the version (the optimistic-concurrency token). */
export async function updateCase(ex: Executor, id: number, patch: Partial<NewCase>, now: Date): Promise<CaseRow> {
  const [row] = await ex
    .update(cases)
    .set({ ...patch, version: sql`${cases.version} + 1`, updatedAt: now })
    .where(eq(cases.id, id))
    .returning();
  return row!;
}

export async function insertEvent(ex: Executor, event: NewCaseEvent): Promise<void> {
  await ex.insert(caseEvents).values(event);
}

export async function eventsOf(ex: Executor, caseId: number, publicOnly: boolean): Promise<CaseEventRow[]> {
  return ex
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), publicOnly ? eq(caseEvents.public, true) : undefined))
    .orderBy(asc(caseEvents.id));
}

export async function categoryById(ex: Executor, id: number): Promise<CategoryRow | undefined> {
  const [row] = await ex.select().from(caseCategories).where(eq(caseCategories.id, id)).limit(1);
  return row;
}

export async function categoriesByIds(ex: Executor, ids: readonly number[]): Promise<Map<number, CategoryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.select().from(caseCategories).where(inArray(caseCategories.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

// ── objections ────────────────────────────────────────────────────────────────

export async function insertObjection(ex: Executor, row: Omit<typeof caseObjections.$inferInsert, 'id'>): Promise<ObjectionRow> {
  const [out] = await ex.insert(caseObjections).values(row).returning();
  return out!;
}

export async function pendingObjection(ex: Executor, caseId: number): Promise<ObjectionRow | undefined> {
  const [row] = await ex
    .select()
    .from(caseObjections)
    .where(and(eq(caseObjections.caseId, caseId), sql`${caseObjections.decision} IS NULL`))
    .orderBy(desc(caseObjections.id))
    .limit(1);
  return row;
}

export async function decideObjection(ex: Executor, id: number, patch: Pick<ObjectionRow, 'decision' | 'decisionReason' | 'decidedBy' | 'decidedAt' | 'newOrgId'>): Promise<void> {
  await ex.update(caseObjections).set(patch).where(eq(caseObjections.id, id));
}

export async function objectionsOf(ex: Executor, caseId: number): Promise<ObjectionRow[]> {
  return ex.select().from(caseObjections).where(eq(caseObjections.caseId, caseId)).orderBy(asc(caseObjections.id));
}

// ── extensions ────────────────────────────────────────────────────────────────

export async function insertExtension(ex: Executor, row: Omit<typeof caseExtensions.$inferInsert, 'id'>): Promise<ExtensionRow> {
  const [out] = await ex.insert(caseExtensions).values(row).returning();
  return out!;
}

export async function pendingExtension(ex: Executor, caseId: number): Promise<ExtensionRow | undefined> {
  const [row] = await ex
    .select()
    .from(caseExtensions)
    .where(and(eq(caseExtensions.caseId, caseId), sql`${caseExtensions.decision} IS NULL`))
    .limit(1);
  return row;
}

/** Which of the cases have an undecided extension request. */
export async function pendingExtensionCases(ex: Executor, caseIds: readonly number[]): Promise<Set<number>> {
  if (caseIds.length === 0) return new Set();
  const rows = await ex
    .selectDistinct({ caseId: caseExtensions.caseId })
    .from(caseExtensions)
    .where(and(inArray(caseExtensions.caseId, [...caseIds]), sql`${caseExtensions.decision} IS NULL`));
  return new Set(rows.map((r) => r.caseId));
}

export async function decideExtension(ex: Executor, id: number, patch: Pick<ExtensionRow, 'decision' | 'decisionReason' | 'decidedBy' | 'decidedAt'>): Promise<void> {
  await ex.update(caseExtensions).set(patch).where(eq(caseExtensions.id, id));
}

export async function extensionsOf(ex: Executor, caseId: number): Promise<ExtensionRow[]> {
  return ex.select().from(caseExtensions).where(eq(caseExtensions.caseId, caseId)).orderBy(asc(caseExtensions.id));
}

// ── co-handling units, supporters ─────────────────────────────────────────────

export async function replaceCoUnits(ex: Executor, caseId: number, orgIds: readonly number[], now: Date): Promise<void> {
  await ex.delete(caseCoUnits).where(eq(caseCoUnits.caseId, caseId));
  if (orgIds.length > 0) await ex.insert(caseCoUnits).values(orgIds.map((orgId) => ({ caseId, orgId, addedAt: now })));
}

export async function coUnitsOf(ex: Executor, caseId: number): Promise<number[]> {
  const rows = await ex.select({ orgId: caseCoUnits.orgId }).from(caseCoUnits).where(eq(caseCoUnits.caseId, caseId)).orderBy(asc(caseCoUnits.orgId));
  return rows.map((r) => r.orgId);
}

/** Adds a supporter; false when they already support the case. */
export async function addSupport(ex: Executor, caseId: number, userId: number, now: Date): Promise<boolean> {
  const rows = await ex.insert(caseSupports).values({ caseId, userId, at: now }).onConflictDoNothing().returning({ caseId: caseSupports.caseId });
  return rows.length > 0;
}

export async function supportersOf(ex: Executor, caseId: number): Promise<number[]> {
  const rows = await ex.select({ userId: caseSupports.userId }).from(caseSupports).where(eq(caseSupports.caseId, caseId));
  return rows.map((r) => r.userId);
}

export async function isSupporter(ex: Executor, caseId: number, userId: number): Promise<boolean> {
  const [row] = await ex.select({ one: sql<number>`1` }).from(caseSupports).where(and(eq(caseSupports.caseId, caseId), eq(caseSupports.userId, userId))).limit(1);
  return !!row;
}

/** One more supporter; not a change of the case itself, so its version stays (handlers are not disturbed). */
export async function incrementSupportCount(ex: Executor, caseId: number): Promise<number> {
  const [row] = await ex.update(cases).set({ supportCount: sql`${cases.supportCount} + 1` }).where(eq(cases.id, caseId)).returning({ n: cases.supportCount });
  return row!.n;
}

/** Co-handling units of many cases at once. */
export async function coUnitsOfMany(ex: Executor, caseIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (caseIds.length === 0) return out;
  const rows = await ex.select().from(caseCoUnits).where(inArray(caseCoUnits.caseId, [...new Set(caseIds)]));
  for (const r of rows) out.set(r.caseId, [...(out.get(r.caseId) ?? []), r.orgId]);
  return out;
}

/** Marks the running step overdue (the sweeper's flag; not a user change, so the version stays). */
export async function markOverdue(ex: Executor, caseId: number): Promise<void> {
  await ex.update(cases).set({ overdue: true }).where(eq(cases.id, caseId));
}

// ── photos ────────────────────────────────────────────────────────────────────

export type PhotoMeta = Pick<typeof casePhotos.$inferSelect, 'id' | 'stage' | 'mime' | 'size' | 'createdAt'>;

export async function insertPhoto(ex: Executor, row: Omit<typeof casePhotos.$inferInsert, 'id'>): Promise<PhotoMeta> {
  const [out] = await ex.insert(casePhotos).values(row).returning({ id: casePhotos.id, stage: casePhotos.stage, mime: casePhotos.mime, size: casePhotos.size, createdAt: casePhotos.createdAt });
  return out!;
}

export async function photosOf(ex: Executor, caseId: number): Promise<PhotoMeta[]> {
  return ex.select({ id: casePhotos.id, stage: casePhotos.stage, mime: casePhotos.mime, size: casePhotos.size, createdAt: casePhotos.createdAt }).from(casePhotos).where(eq(casePhotos.caseId, caseId)).orderBy(asc(casePhotos.id));
}

/** The bytes of one photo: the stripped copy, or the original (staff only; the caller decides). */
export async function photoBytes(ex: Executor, caseId: number, photoId: number, original: boolean): Promise<{ mime: string; bytes: Buffer } | undefined> {
  const [row] = await ex
    .select({ mime: casePhotos.mime, bytes: original ? casePhotos.original : casePhotos.stripped })
    .from(casePhotos)
    .where(and(eq(casePhotos.caseId, caseId), eq(casePhotos.id, photoId)))
    .limit(1);
  return row;
}
