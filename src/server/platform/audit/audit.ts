/**
 * Appending to the audit chain, inside the caller's transaction: a rolled-back change
 * leaves no entry, and a committed one always has its entry.
 */
import { callTextFunction, type Executor } from '../db/database.js';
import type { CommandContext } from '../context.js';
import { entryBody, redact, storable, type AuditFields } from './audit-hash.js';

export interface AuditEntry {
  /** Verb in dotted form, e.g. `org.node.update`, `auth.login`. */
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  /** Changed fields or payload; secret-looking keys are redacted before storing. */
  changes?: Record<string, unknown>;
  /** Overrides the actor label (e.g. a failed login names the attempted account). */
  actorLabel?: string;
  /** Tree path of the subject (e.g. the node an organization hangs on), when located. */
  scopePath?: string | null;
}

/** Appends one entry and returns its sequence number. */
export async function audit(ctx: CommandContext, entry: AuditEntry): Promise<number> {
  return appendAudit(ctx.tx, {
    at: ctx.now,
    actorId: ctx.actor?.userId ?? null,
    actorLabel: storable(entry.actorLabel ?? ctx.actor?.displayName ?? 'system'),
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId === undefined || entry.subjectId === null ? null : String(entry.subjectId),
    changes: redact(entry.changes ?? {}),
    requestId: ctx.requestId,
    ip: ctx.ip,
    scopePath: entry.scopePath ?? null,
  });
}

/**
 * Low-level append: one call of the `audit_append` database function (migration 0004)
 * with the entry's canonical JSON. It updates the head row — whose row lock serializes
 * appends across connections and servers — computes the new hash from the head's hash,
 * and inserts the entry, so no lock is held across a round trip. `verify-audit`
 * recomputes the same hash in JavaScript (audit-hash.ts). Every state change pays for this
 * call, so on PGlite it takes the one-step simple protocol (see `callTextFunction`).
 */
export async function appendAudit(tx: Executor, fields: Omit<AuditFields, 'seq'>): Promise<number> {
  return Number(await callTextFunction<number>(tx, 'audit_append', entryBody(fields)));
}
