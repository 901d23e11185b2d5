/**
 * Recording a measure on a person, listing a person's record, the person's appeal (申诉)
 * and its review. Who: `accountability.write` / `read` over the person's place; the appeal,
 * by the person themselves (their account). Every act is audited.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { can, scopeOf } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { audit } from '../../platform/audit/audit.js';
import type { CommandContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/actor.js';
import { underAny } from '../../platform/db/like.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/http/errors.js';
import { personPlace } from '../org/org.exports.js';
import { accountabilityRecords, measuresByForm, type AccountabilityForm, type Ground } from './accountability.tables.js';
import { publishCirculated, type PublishAudience } from './publication.js';

export type RecordRow = typeof accountabilityRecords.$inferSelect;

export interface NewRecord {
  personId: number;
  form: AccountabilityForm;
  measure: string;
  grounds: Ground[];
  summary: string;
  decidedBy: string;
  decidedOn: string;
  /** 通报批评 only: circulate it to this audience as a notice. */
  publish?: PublishAudience | undefined;
}

export async function recordMeasure(ctx: CommandContext, r: NewRecord): Promise<RecordRow> {
  const person = await personPlace(ctx.tx, r.personId);
  if (!person) throw new Invalid('ref_not_found', [{ path: 'body.personId', code: 'ref_not_found' }]);
  if (!can(ctx.actor, Permission.AccountabilityWrite, { path: person.path })) throw new Forbidden();
  if (!(measuresByForm[r.form] as readonly string[]).includes(r.measure)) throw new Invalid('accountability_measure_of_form', [{ path: 'body.measure', code: 'accountability_measure_of_form' }]);
  // Nobody records a measure on themselves.
  if (person.userId !== null && person.userId === ctx.actor?.userId) throw new Forbidden();
  if (r.publish && r.form !== 'circulated') throw new Invalid('accountability_publish_form', [{ path: 'body.publish', code: 'accountability_publish_form' }]);
  const { publish, ...values } = r;
  const [row] = await ctx.tx
    .insert(accountabilityRecords)
    .values({ ...values, nodeId: person.nodeId, nodePath: person.path, recordedBy: ctx.actor!.userId, createdAt: ctx.now })
    .returning();
  await audit(ctx, { action: 'accountability.record', subjectType: 'accountability_record', subjectId: row!.id, changes: { personId: r.personId, form: r.form, measure: r.measure, decidedBy: r.decidedBy, decidedOn: r.decidedOn, grounds: r.grounds.map((g) => `${g.kind}:${g.ref}`) }, scopePath: person.path });
  return publish ? publishCirculated(ctx, row!, person.name, publish) : row!;
}

export type RecordAction = 'appeal' | 'review';

/** What the actor may do with a record now (the console shows exactly these). */
export function recordActions(actor: Actor | null, row: RecordRow): RecordAction[] {
  const own = actor?.personId != null && actor.personId === row.personId;
  const out: RecordAction[] = [];
  if (own && row.appeal === 'none') out.push('appeal');
  if (!own && row.appeal === 'pending' && can(actor, Permission.AccountabilityWrite, { path: row.nodePath })) out.push('review');
  return out;
}

/** Whether the actor may see this record: authorized over the place, or the person themselves. */
function mayRead(actor: Actor | null, row: RecordRow): boolean {
  return can(actor, Permission.AccountabilityRead, { path: row.nodePath }) || (actor?.personId !== null && actor?.personId === row.personId);
}

export async function recordById(ex: Executor, actor: Actor | null, id: number): Promise<RecordRow> {
  const [row] = await ex.select().from(accountabilityRecords).where(eq(accountabilityRecords.id, id));
  if (!row || !mayRead(actor, row)) throw new NotFound();
  return row;
}

/** Records within the actor's scope (optionally of one person), newest first; a person also sees their own. */
export async function listRecords(ex: Executor, actor: Actor | null, personId?: number): Promise<RecordRow[]> {
  const scope = scopeOf(actor, Permission.AccountabilityRead);
  const visible: SQL[] = [];
  if (scope.length > 0) visible.push(underAny(accountabilityRecords.nodePath, scope));
  if (actor?.personId) visible.push(eq(accountabilityRecords.personId, actor.personId));
  if (visible.length === 0) return [];
  const where = and(sql`(${sql.join(visible, sql` OR `)})`, personId === undefined ? undefined : eq(accountabilityRecords.personId, personId));
  return ex.select().from(accountabilityRecords).where(where).orderBy(desc(accountabilityRecords.id)).limit(500);
}

/** Locks a visible record; with `version`, the one the caller saw (409 when it moved on). */
async function lockRecord(ctx: CommandContext, id: number, version?: number): Promise<RecordRow> {
  const [row] = await ctx.tx.select().from(accountabilityRecords).where(eq(accountabilityRecords.id, id)).for('update');
  if (!row || !mayRead(ctx.actor, row)) throw new NotFound();
  if (version !== undefined && version !== row.version) throw new Conflict('accountability_version_conflict', { current: row.version });
  return row;
}

/** 申诉: the person appeals their own record, once, while no appeal is pending or decided. */
export async function appealRecord(ctx: CommandContext, p: { id: number; text: string; version?: number | undefined }): Promise<RecordRow> {
  const row = await lockRecord(ctx, p.id, p.version);
  if (ctx.actor?.personId !== row.personId) throw new Forbidden();
  if (row.appeal !== 'none') throw new Conflict('accountability_appeal_exists', { state: row.appeal });
  const [updated] = await ctx.tx.update(accountabilityRecords).set({ appeal: 'pending', appealText: p.text, appealedAt: ctx.now, version: row.version + 1 }).where(eq(accountabilityRecords.id, row.id)).returning();
  await audit(ctx, { action: 'accountability.appeal', subjectType: 'accountability_record', subjectId: row.id, scopePath: row.nodePath });
  return updated!;
}

/** The review of a pending appeal: the measure upheld, changed (as the note says) or revoked. Not by the appellant. */
export async function reviewAppeal(ctx: CommandContext, p: { id: number; outcome: 'upheld' | 'changed' | 'revoked'; note: string; version?: number | undefined }): Promise<RecordRow> {
  const row = await lockRecord(ctx, p.id, p.version);
  if (!can(ctx.actor, Permission.AccountabilityWrite, { path: row.nodePath }) || ctx.actor?.personId === row.personId) throw new Forbidden();
  if (row.appeal !== 'pending') throw new Conflict('accountability_no_pending_appeal', { state: row.appeal });
  const [updated] = await ctx.tx
    .update(accountabilityRecords)
    .set({ appeal: p.outcome, reviewNote: p.note, reviewedBy: ctx.actor!.userId, reviewedAt: ctx.now, version: row.version + 1 })
    .where(eq(accountabilityRecords.id, row.id))
    .returning();
  await audit(ctx, { action: 'accountability.review', subjectType: 'accountability_record', subjectId: row.id, changes: { outcome: p.outcome }, scopePath: row.nodePath });
  return updated!;
}
