/** Rows → API shapes, with the actions the caller may take now (the console never re-implements the rules). */
import type { Actor } from '../../platform/access/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { peopleByIds } from '../org/org.exports.js';
import { recordActions, type RecordRow } from './accountability-records.js';
import { reviewItemActions, type ReviewItemRow } from './review-items.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Records with their person's name (one look-up for the page). */
export async function presentRecords(ex: Executor, actor: Actor | null, rows: readonly RecordRow[]) {
  const people = await peopleByIds(ex, rows.map((r) => r.personId));
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    personName: people.get(r.personId)?.name ?? '',
    nodeId: r.nodeId,
    form: r.form,
    measure: r.measure,
    grounds: r.grounds,
    summary: r.summary,
    decidedBy: r.decidedBy,
    decidedOn: r.decidedOn,
    appeal: r.appeal,
    appealText: r.appealText,
    appealedAt: iso(r.appealedAt),
    reviewNote: r.reviewNote,
    reviewedAt: iso(r.reviewedAt),
    publication: r.publication,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
    actions: recordActions(actor, r),
  }));
}

export async function presentRecord(ex: Executor, actor: Actor | null, row: RecordRow) {
  return (await presentRecords(ex, actor, [row]))[0]!;
}

export function presentReviewItem(actor: Actor | null, r: ReviewItemRow) {
  return {
    id: r.id,
    kind: r.triggerKind,
    subject: { kind: r.subjectKind, id: r.subjectId, name: r.subjectName },
    nodeId: r.nodeId,
    period: r.period,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    figure: r.figure,
    threshold: r.threshold,
    evidence: r.evidence,
    state: r.state,
    note: r.note,
    recordId: r.recordId,
    decidedAt: iso(r.decidedAt),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
    actions: reviewItemActions(actor, r),
  };
}
