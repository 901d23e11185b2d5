/**
 * Appending to the audit chain, inside the caller's transaction: a rolled-back change
 * leaves no entry, and a committed one always has its entry.
 */
import { randomBytes } from 'node:crypto';
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
  return appendAudit(ctx.tx, fieldsOf(ctx, entry));
}

function fieldsOf(ctx: CommandContext, entry: AuditEntry): Omit<AuditFields, 'seq'> {
  return {
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
  };
}

/**
 * An entry for a database function to append in the same call as the change it records,
 * when some of its values exist only once that function has run (the id of the row it
 * inserts, a number it draws). `body` is the canonical JSON with each such value as a
 * slot: the JSON string `"<prefix><name>"`, where the prefix holds 128 random bits, so no
 * other text of the entry can contain it. The function replaces each slot with its
 * value's JSON — `audit_fill` (migration 0008) — and calls `audit_append`, which stores
 * and hashes that text; `verify-audit` then checks it like any other entry.
 */
export interface AuditDraft {
  body: string;
  prefix: string;
}

/** Drafts an entry: `draft` builds it, writing `slot(name)` for each value the database fills in. */
export function draftAudit(ctx: CommandContext, draft: (slot: (name: string) => string) => AuditEntry): AuditDraft {
  const prefix = `gz-slot:${randomBytes(16).toString('hex')}:`;
  return { body: entryBody(fieldsOf(ctx, draft((name) => `${prefix}${name}`))), prefix };
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
