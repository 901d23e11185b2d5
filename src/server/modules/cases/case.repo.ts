/**
 * Queries of the cases module (Drizzle; no rules). Only this module touches its tables.
 */
import { and, asc, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { callTextFunction, queryRows, type Executor } from '../../platform/db/database.js';
import { anyId } from '../../platform/db/any-id.js';
import { jsonOfRow, rowFromJson } from '../../platform/db/json-row.js';
import type { AuditDraft } from '../../platform/audit/audit.js';
import { outboxRow, type OutboxMessage } from '../../platform/notify/outbox.js';
import { outbox } from '../../platform/notify/notify.tables.js';
import { caseCoUnits, caseEvents, caseExtensions, caseObjections, casePhotos, cases, caseSupports } from './cases.tables.js';

export type CaseRow = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type NewCaseEvent = Omit<typeof caseEvents.$inferInsert, 'id'>;
export type ObjectionRow = typeof caseObjections.$inferSelect;
export type ExtensionRow = typeof caseExtensions.$inferSelect;

/** What intake records: the case's own fields (the number, route and state are the database's). */
export type IntakeCase = Omit<NewCase, 'id' | 'number' | 'state' | 'routeOrgId' | 'routePostId' | 'routeMode' | 'updatedAt'>;

export interface IntakeInput {
  /** The local day whose sequence numbers the case (YYYY-MM-DD). */
  day: string;
  case: IntakeCase;
  /** The first timeline entry's actor and data (the route is added to the data). */
  event: Pick<NewCaseEvent, 'actorUserId' | 'actorLabel' | 'data'>;
  /** The audit entry, its slots `id`, `number`, `routeMode` and `routeOrgId` left for the database. */
  audit: AuditDraft;
  /** The receipt to queue (its params gain `number` and `caseId`), if any. */
  receipt: OutboxMessage | null;
  /** The segmented words to index for search (search/case-search.ts). */
  search: { title: string; body: string };
}

/**
 * Records a new case in one call of `case_intake` (migrations 0008, 0011): the category
 * check, the day's number, the route from the responsibility list, the case, its first
 * timeline entry, its search words, the receipt and the audit entry. Undefined when the category is not usable
 * (nothing was written).
 */
export async function intakeCase(ex: Executor, input: IntakeInput): Promise<{ row: CaseRow; routeUnit: string | null } | undefined> {
  const body = JSON.stringify({
    day: input.day,
    case: jsonOfRow(cases, input.case),
    event: jsonOfRow(caseEvents, input.event),
    audit: input.audit,
    receipt: input.receipt ? jsonOfRow(outbox, outboxRow(input.receipt)) : null,
    search: input.search,
  });
  const out = await callTextFunction<{ error?: string; case?: Record<string, unknown>; routeUnit?: string | null }>(ex, 'case_intake', body);
  if (out.error || !out.case) return undefined;
  return { row: rowFromJson(cases, out.case), routeUnit: out.routeUnit ?? null };
}

/** A case with what its list entry needs from other tables. */
export interface ListedCase {
  row: CaseRow;
  coUnitIds: number[];
  /** An extension request awaits decision. */
  extensionPending: boolean;
}

/**
 * Per listed case, looked up by the page's own statement (only for the rows it returns).
 * `cases.id` is written out: in a select list Drizzle renders a column unqualified, and
 * inside these subqueries a bare "id" would name the subquery's own table's id.
 */
const listExtras = {
  coUnitIds: sql<number[] | null>`(SELECT json_agg(cu.org_id ORDER BY cu.added_at, cu.org_id) FROM case_co_units cu WHERE cu.case_id = cases.id)`.as('co_unit_ids'),
  extensionPending: sql<boolean>`EXISTS (SELECT 1 FROM case_extensions e WHERE e.case_id = cases.id AND e.decision IS NULL)`.as('extension_pending'),
};

/** A page of cases with their co-units and pending extensions, in one statement. */
export async function selectCasePage(ex: Executor, where: SQL | undefined, orderBy: SQL[], limit: number, offset: number): Promise<ListedCase[]> {
  const query = ex.select({ ...getTableColumns(cases), ...listExtras }).from(cases).where(where).orderBy(...orderBy).limit(limit).offset(offset);
  const raw = await queryRows<Record<string, unknown>>(ex, query.getSQL());
  return raw.map((r) => ({
    row: rowFromJson(cases, r),
    coUnitIds: ((r['co_unit_ids'] as number[] | null) ?? []).map(Number),
    extensionPending: r['extension_pending'] === true,
  }));
}

export async function caseById(ex: Executor, id: number): Promise<CaseRow | undefined> {
  const [row] = await ex.select().from(cases).where(eq(cases.id, id)).limit(1);
  return row;
}

/** Public numbers of cases by id (one query for a page's merged-into links). */
export async function caseNumbers(ex: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.select({ id: cases.id, number: cases.number }).from(cases).where(anyId(cases.id, ids));
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
    .where(and(anyId(caseExtensions.caseId, caseIds), sql`${caseExtensions.decision} IS NULL`));
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
  const rows = await ex.select().from(caseCoUnits).where(anyId(caseCoUnits.caseId, caseIds));
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
