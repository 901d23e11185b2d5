/**
 * Auto-dispatch (自动派单), off by default: when a configurator turns it on, each new case
 * whose likeliest unit the model gives at least the configured confidence is dispatched to
 * it by the system (mode 智能派单), its category set too when the reporter gave none and the
 * model is as sure of one. Every case looked at gets a decision row — dispatched, or left to
 * the dispatchers and why — so the console can show what it did.
 *
 * Only cases submitted after the setting last changed are taken: turning it on does not
 * dispatch the backlog.
 */
import { max, sql } from 'drizzle-orm';
import type { CommandContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { casesAwaitingDispatch, type WaitingCase } from '../cases/case.exports.js';
import { caseAutoDispatcher } from '../cases/case.exports.js';
import { dispatchDecisions, dispatchSettings } from './dispatch.tables.js';
import { suggestDispatch, type DispatchSuggestions } from './suggestions.js';

export interface DispatchSettings {
  autoDispatch: boolean;
  minConfidence: number;
  updatedAt: Date;
  updatedBy: number | null;
}

export async function dispatchSettingsOf(ex: Executor): Promise<DispatchSettings> {
  const [row] = await ex.select().from(dispatchSettings).limit(1);
  return { autoDispatch: row!.autoDispatch, minConfidence: Number(row!.minConfidence.toFixed(4)), updatedAt: row!.updatedAt, updatedBy: row!.updatedBy };
}

export async function dispatchSettingsEditor(ctx: CommandContext, next: { autoDispatch: boolean; minConfidence: number }): Promise<DispatchSettings> {
  const before = await dispatchSettingsOf(ctx.tx);
  await ctx.tx
    .update(dispatchSettings)
    .set({ ...next, updatedAt: ctx.now, updatedBy: ctx.actor?.userId ?? null })
    .where(sql`${dispatchSettings.id} = 1`);
  await audit(ctx, { action: 'dispatch.settings.update', subjectType: 'dispatch_settings', subjectId: 1, changes: { from: { autoDispatch: before.autoDispatch, minConfidence: before.minConfidence }, to: next } });
  return dispatchSettingsOf(ctx.tx);
}

/** What auto-dispatch does with a case given its suggestions: the unit and category, or why not. */
export function decide(s: DispatchSuggestions, c: WaitingCase, minConfidence: number): { orgId: number; categoryId: number | undefined; confidence: number } | { reason: 'no_unit' | 'below_threshold'; confidence: number } {
  const unit = s.units[0];
  if (!unit) return { reason: 'no_unit', confidence: 0 };
  if (unit.confidence < minConfidence) return { reason: 'below_threshold', confidence: unit.confidence };
  const sure = [s.deeper[0], s.categories[0]].find((x) => x && x.confidence >= minConfidence);
  return { orgId: unit.orgId, categoryId: c.categoryId === null ? sure?.categoryId : undefined, confidence: unit.confidence };
}

const BATCH = 100;

/** One run: looks at the new cases waiting for dispatch; returns how many it looked at and dispatched. */
export async function autoDispatch(db: Db, now: Date): Promise<{ looked: number; dispatched: number }> {
  const settings = await dispatchSettingsOf(db);
  if (!settings.autoDispatch) return { looked: 0, dispatched: 0 };
  const [last] = await db.select({ id: max(dispatchDecisions.caseId) }).from(dispatchDecisions);
  const waiting = await casesAwaitingDispatch(db, Number(last?.id ?? 0), settings.updatedAt, BATCH);
  let dispatched = 0;
  for (const c of waiting) {
    const s = await suggestDispatch(db, c);
    if (s.modelVersion === null) break;
    const d = decide(s, c, settings.minConfidence);
    const done = await db.transaction(async (tx) => {
      const ctx: CommandContext = { tx, actor: null, requestId: 'dispatch.auto', ip: null, now };
      const row = 'orgId' in d ? await caseAutoDispatcher(ctx, { caseId: c.id, orgId: d.orgId, categoryId: d.categoryId }) : undefined;
      const reason = 'reason' in d ? d.reason : row ? null : 'taken';
      const inserted = await tx
        .insert(dispatchDecisions)
        .values({ caseId: c.id, modelVersion: s.modelVersion!, orgId: 'orgId' in d ? d.orgId : (s.units[0]?.orgId ?? null), categoryId: 'orgId' in d ? (d.categoryId ?? null) : null, confidence: d.confidence, dispatched: !!row, reason, decidedAt: now })
        .onConflictDoNothing()
        .returning({ caseId: dispatchDecisions.caseId });
      // Another server decided this case first: undo ours (the dispatch included).
      if (inserted.length === 0) throw new AlreadyDecided();
      return !!row;
    }).catch(async (e: unknown) => {
      if (e instanceof AlreadyDecided) return false;
      // The dispatch itself failed (the unit was deactivated meanwhile …): leave the case to a dispatcher, once.
      await db.insert(dispatchDecisions).values({ caseId: c.id, modelVersion: s.modelVersion!, orgId: null, categoryId: null, confidence: d.confidence, dispatched: false, reason: `error: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500), decidedAt: now }).onConflictDoNothing();
      return false;
    });
    if (done) dispatched++;
  }
  return { looked: waiting.length, dispatched };
}

class AlreadyDecided extends Error {}
