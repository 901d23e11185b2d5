/**
 * Appending to the audit chain, inside the caller's transaction: a rolled-back change
 * leaves no entry, and a committed one always has its entry.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/database.js';
import type { CommandContext } from '../context.js';
import { entryHash, redact, type AuditFields } from './audit-hash.js';

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
    actorLabel: entry.actorLabel ?? ctx.actor?.displayName ?? 'system',
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId === undefined || entry.subjectId === null ? null : String(entry.subjectId),
    changes: redact(entry.changes ?? {}),
    requestId: ctx.requestId,
    ip: ctx.ip,
    scopePath: entry.scopePath ?? null,
  });
}

/** Low-level append: locks the head row, chains the hash, writes entry and head together. */
export async function appendAudit(tx: Executor, fields: Omit<AuditFields, 'seq'>): Promise<number> {
  const [head] = await queryRows<{ seq: number; hash: string }>(tx, sql`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`);
  if (!head) throw new Error('audit_head is missing: run migrations');
  const seq = Number(head.seq) + 1;
  const full: AuditFields = { ...fields, seq };
  const hash = entryHash(head.hash, full);
  await tx.execute(sql`
    WITH moved AS (UPDATE audit_head SET seq = ${seq}, hash = ${hash} WHERE id = 1)
    INSERT INTO audit_log (seq, at, actor_id, actor_label, action, subject_type, subject_id, changes, request_id, ip, scope_path, prev_hash, hash)
    VALUES (${seq}, ${full.at.toISOString()}, ${full.actorId}, ${full.actorLabel}, ${full.action}, ${full.subjectType},
            ${full.subjectId}, ${JSON.stringify(full.changes)}::jsonb, ${full.requestId}, ${full.ip}, ${full.scopePath}, ${head.hash}, ${hash})`);
  return seq;
}
