/**
 * Appending to the audit chain, inside the caller's transaction: a rolled-back change
 * leaves no entry, and a committed one always has its entry.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/database.js';
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
 * Low-level append, one statement: the head row is updated (its row lock serializes
 * appends across connections and servers) and the new hash is computed by the database
 * from the head's hash, so no lock is held across a round trip. `verify-audit` recomputes
 * the same hash in JavaScript (audit-hash.ts).
 */
export async function appendAudit(tx: Executor, fields: Omit<AuditFields, 'seq'>): Promise<number> {
  const body = entryBody(fields);
  const [row] = await queryRows<{ seq: number }>(
    tx,
    sql`WITH h AS (
          UPDATE audit_head
             SET seq = seq + 1,
                 prev_hash = hash,
                 hash = encode(sha256(convert_to(hash || E'\n' || (seq + 1)::text || E'\n' || ${body}::text, 'UTF8')), 'hex')
           WHERE id = 1
       RETURNING seq, prev_hash, hash)
        INSERT INTO audit_log (seq, at, actor_id, actor_label, action, subject_type, subject_id, changes, request_id, ip, scope_path, prev_hash, hash)
        SELECT h.seq, ${fields.at.toISOString()}::timestamptz, ${fields.actorId}::bigint, ${fields.actorLabel}::text, ${fields.action}::text,
               ${fields.subjectType}::text, ${fields.subjectId}::text, ${JSON.stringify(fields.changes)}::jsonb, ${fields.requestId}::text,
               ${fields.ip}::text, ${fields.scopePath}::text, h.prev_hash, h.hash
          FROM h
     RETURNING seq`,
  );
  if (!row) throw new Error('audit_head is missing: run migrations');
  return Number(row.seq);
}
