/**
 * 问责复核事项 (issue #5 point 7): opening items (idempotently, one per trigger, subject and
 * period), listing them by scope, and the two decisions — 不予问责 (dismissed with a note) or
 * 转为问责记录 (escalated: the record is made in the same transaction, the item its ground).
 * Who: accountability.read over the subject's place sees an item; accountability.write
 * decides it, never the person it is about. Every act is audited.
 */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { can, scopeOf, type Actor } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { audit } from '../../platform/audit/audit.js';
import type { CommandContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { underAny } from '../../platform/db/like.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/http/errors.js';
import { notifyReviewers } from './accountability.notices.js';
import { recordMeasure, type NewRecord, type RecordRow } from './accountability-records.js';
import { accountabilityReviewItems } from './accountability.tables.js';
import type { Period } from './review-period.js';
import type { ReviewEvidence, ReviewItemState, ReviewSubjectKind, TriggerKind } from './review-rules.js';

export type ReviewItemRow = typeof accountabilityReviewItems.$inferSelect;

/** Whom an item is about, with the place that scopes it. */
export interface ReviewSubject {
  kind: ReviewSubjectKind;
  id: number;
  name: string;
  nodeId: number;
  path: string;
  /** A person's account (kept out of their own item's notices and decisions). */
  userId: number | null;
}

export interface ReviewCandidate {
  kind: TriggerKind;
  subject: ReviewSubject;
  period: Period;
  figure: number;
  threshold: number;
  evidence: ReviewEvidence;
}

/**
 * Opens the items not yet open for their (trigger, subject, period) — one INSERT … ON
 * CONFLICT DO NOTHING, so reruns and concurrent servers never double one — then audits and
 * announces only those this call inserted. Returns them.
 */
export async function openReviewItems(ctx: CommandContext, candidates: readonly ReviewCandidate[]): Promise<ReviewItemRow[]> {
  if (candidates.length === 0) return [];
  const opened = await ctx.tx
    .insert(accountabilityReviewItems)
    .values(
      candidates.map((c) => ({
        triggerKind: c.kind,
        subjectKind: c.subject.kind,
        subjectId: c.subject.id,
        subjectName: c.subject.name,
        nodeId: c.subject.nodeId,
        nodePath: c.subject.path,
        period: c.period.key,
        periodStart: c.period.start,
        periodEnd: c.period.end,
        figure: c.figure,
        threshold: c.threshold,
        evidence: c.evidence,
        openedBy: ctx.actor?.userId ?? null,
        createdAt: ctx.now,
      })),
    )
    .onConflictDoNothing({ target: [accountabilityReviewItems.triggerKind, accountabilityReviewItems.subjectKind, accountabilityReviewItems.subjectId, accountabilityReviewItems.period] })
    .returning();
  const userOf = new Map(candidates.map((c) => [`${c.kind}:${c.subject.kind}:${c.subject.id}`, c.subject.userId]));
  for (const item of opened) {
    await audit(ctx, {
      action: 'accountability.review_item.open',
      subjectType: 'accountability_review_item',
      subjectId: item.id,
      changes: { kind: item.triggerKind, subject: `${item.subjectKind}:${item.subjectId}`, period: item.period, figure: item.figure, threshold: item.threshold },
      scopePath: item.nodePath,
    });
  }
  await notifyReviewers(
    ctx,
    opened.map((i) => ({ itemId: i.id, kind: i.triggerKind, subject: i.subjectName, path: i.nodePath, period: i.period, figure: i.figure, threshold: i.threshold, subjectUserId: userOf.get(`${i.triggerKind}:${i.subjectKind}:${i.subjectId}`) ?? null })),
  );
  return opened;
}

/** The existing item of a (trigger, subject, period). */
export async function findReviewItem(ex: Executor, kind: TriggerKind, subject: { kind: ReviewSubjectKind; id: number }, period: string): Promise<ReviewItemRow | undefined> {
  const [row] = await ex
    .select()
    .from(accountabilityReviewItems)
    .where(and(eq(accountabilityReviewItems.triggerKind, kind), eq(accountabilityReviewItems.subjectKind, subject.kind), eq(accountabilityReviewItems.subjectId, subject.id), eq(accountabilityReviewItems.period, period)));
  return row;
}

export interface ReviewItemFilter {
  state?: ReviewItemState | undefined;
  kind?: TriggerKind | undefined;
  limit: number;
  offset: number;
}

/** Items over whose subject's place the actor holds accountability.read, newest first. */
export async function listReviewItems(ex: Executor, actor: Actor | null, f: ReviewItemFilter): Promise<{ rows: ReviewItemRow[]; total: number }> {
  const scope = scopeOf(actor, Permission.AccountabilityRead);
  if (scope.length === 0) return { rows: [], total: 0 };
  const where: SQL | undefined = and(
    underAny(accountabilityReviewItems.nodePath, scope),
    f.state ? eq(accountabilityReviewItems.state, f.state) : undefined,
    f.kind ? eq(accountabilityReviewItems.triggerKind, f.kind) : undefined,
  );
  const rows = await ex.select().from(accountabilityReviewItems).where(where).orderBy(desc(accountabilityReviewItems.id)).limit(f.limit).offset(f.offset);
  const [total] = await ex.select({ n: count() }).from(accountabilityReviewItems).where(where);
  return { rows, total: total?.n ?? 0 };
}

const mayRead = (actor: Actor | null, row: ReviewItemRow) => can(actor, Permission.AccountabilityRead, { path: row.nodePath });

export async function reviewItemById(ex: Executor, actor: Actor | null, id: number): Promise<ReviewItemRow> {
  const [row] = await ex.select().from(accountabilityReviewItems).where(eq(accountabilityReviewItems.id, id));
  if (!row || !mayRead(actor, row)) throw new NotFound();
  return row;
}

export type ReviewItemAction = 'dismiss' | 'escalate';

/** Whether the actor is the person an item is about (then they never decide it). */
function isOwnItem(actor: Actor | null, row: ReviewItemRow): boolean {
  return row.subjectKind === 'person' && actor?.personId != null && actor.personId === row.subjectId;
}

/** What the actor may do with an item now. */
export function reviewItemActions(actor: Actor | null, row: ReviewItemRow): ReviewItemAction[] {
  if (row.state !== 'open' || isOwnItem(actor, row) || !can(actor, Permission.AccountabilityWrite, { path: row.nodePath })) return [];
  return ['dismiss', 'escalate'];
}

/** Locks an open item the actor may decide, at the version they saw. */
async function lockForDecision(ctx: CommandContext, id: number, version: number): Promise<ReviewItemRow> {
  const [row] = await ctx.tx.select().from(accountabilityReviewItems).where(eq(accountabilityReviewItems.id, id)).for('update');
  if (!row || !mayRead(ctx.actor, row)) throw new NotFound();
  if (!can(ctx.actor, Permission.AccountabilityWrite, { path: row.nodePath }) || isOwnItem(ctx.actor, row)) throw new Forbidden();
  if (row.version !== version) throw new Conflict('accountability_version_conflict', { current: row.version });
  if (row.state !== 'open') throw new Conflict('accountability_review_item_decided', { state: row.state });
  return row;
}

async function decide(ctx: CommandContext, row: ReviewItemRow, patch: { state: ReviewItemState; note: string | null; recordId?: number }): Promise<ReviewItemRow> {
  const [updated] = await ctx.tx
    .update(accountabilityReviewItems)
    .set({ ...patch, decidedBy: ctx.actor!.userId, decidedAt: ctx.now, version: row.version + 1 })
    .where(eq(accountabilityReviewItems.id, row.id))
    .returning();
  const action = patch.state === 'dismissed' ? 'accountability.review_item.dismiss' : 'accountability.review_item.escalate';
  await audit(ctx, { action, subjectType: 'accountability_review_item', subjectId: row.id, changes: { note: patch.note, recordId: patch.recordId ?? null }, scopePath: row.nodePath });
  return updated!;
}

/** 不予问责: closes the item with the reviewer's reasons. */
export async function dismissReviewItem(ctx: CommandContext, p: { id: number; version: number; note: string }): Promise<ReviewItemRow> {
  const row = await lockForDecision(ctx, p.id, p.version);
  return decide(ctx, row, { state: 'dismissed', note: p.note.trim() });
}

/**
 * 转为问责记录: records the measure with the item as its first ground, and links the item
 * to it — together or not at all. An item about a person is escalated on that person.
 */
export async function escalateReviewItem(ctx: CommandContext, p: { id: number; version: number; note?: string | null | undefined; record: NewRecord }): Promise<{ item: ReviewItemRow; record: RecordRow }> {
  const row = await lockForDecision(ctx, p.id, p.version);
  if (row.subjectKind === 'person' && p.record.personId !== row.subjectId) throw new Invalid('accountability_review_person', [{ path: 'body.record.personId', code: 'accountability_review_person' }]);
  const ground = { kind: 'review_item' as const, ref: String(row.id), note: `${row.period}: ${row.figure} / ${row.threshold}` };
  const record = await recordMeasure(ctx, { ...p.record, grounds: [ground, ...p.record.grounds] });
  const item = await decide(ctx, row, { state: 'escalated', note: p.note?.trim() || null, recordId: record.id });
  return { item, record };
}

