/**
 * What the timeline says about a case's open matters: the objection awaiting a decision
 * and the extension request awaiting approval (or the last decision on one).
 */
import type { CaseItem, TimelineEntry } from './cases.api.js';

export interface PendingObjection {
  actor: string;
  reason: string | null;
  at: string;
}

export interface ExtensionStatus {
  pending: { actor: string; reason: string | null; days: number | null; at: string } | null;
  /** The latest decision, if no request is pending. */
  decided: { approved: boolean; days: number | null; reason: string | null } | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function pendingObjection(c: CaseItem, timeline: readonly TimelineEntry[]): PendingObjection | null {
  if (c.state !== 'objected') return null;
  const last = [...timeline].reverse().find((e) => e.event === 'object');
  return last ? { actor: last.actor, reason: last.reason, at: last.at } : { actor: '', reason: null, at: '' };
}

export function extensionStatus(timeline: readonly TimelineEntry[]): ExtensionStatus {
  const out: ExtensionStatus = { pending: null, decided: null };
  for (const e of timeline) {
    if (e.event === 'request_extension') {
      out.pending = { actor: e.actor, reason: e.reason, days: num(e.data.workingDays), at: e.at };
      out.decided = null;
    } else if (e.event === 'decide_extension') {
      out.pending = null;
      out.decided = { approved: e.data.approved === true, days: num(e.data.workingDays), reason: e.reason };
    }
  }
  return out;
}
