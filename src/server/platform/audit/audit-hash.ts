/**
 * Pure parts of the audit chain: canonical serialization, redaction and hashing.
 * The hash covers the previous hash plus every stored field, so altering, removing or
 * reordering any row breaks the chain from that row on.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  seq: number;
  at: Date;
  actorId: number | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  changes: unknown;
  requestId: string | null;
  ip: string | null;
  scopePath: string | null;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering cannot change it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Canonical JSON of every stored field but the sequence number (which the hash adds itself). */
export function entryBody(f: Omit<AuditFields, 'seq'>): string {
  return canonicalJson({
    at: f.at.toISOString(),
    actorId: f.actorId,
    actorLabel: f.actorLabel,
    action: f.action,
    subjectType: f.subjectType,
    subjectId: f.subjectId,
    changes: f.changes,
    requestId: f.requestId,
    ip: f.ip,
    scopePath: f.scopePath,
  });
}

/**
 * SHA-256 over `prevHash \n seq \n body`, as UTF-8. The database computes the same
 * expression when it appends (audit.ts), and `verify-audit` recomputes it here.
 */
export function entryHash(prevHash: string, f: AuditFields): string {
  return createHash('sha256').update(`${prevHash}\n${f.seq}\n${entryBody(f)}`, 'utf8').digest('hex');
}

const SECRET_KEY = /pass(word)?|secret|token|hash|receipt|private|otp|salt/i;

/** Text PostgreSQL can store in jsonb: no NUL characters, no lone surrogates. */
export function storable(text: string): string {
  return text.toWellFormed().replaceAll('\u0000', '\uFFFD');
}

/**
 * Replaces the values of secret-looking keys with a marker, at any depth, and makes
 * strings storable (hostile input must not turn an audit append into an error).
 */
export function redact(value: unknown): unknown {
  if (typeof value === 'string') return storable(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    out[storable(k)] = SECRET_KEY.test(k) ? '[redacted]' : redact(v);
  }
  return out;
}

/** `{ field: [before, after] }` for the fields that differ between two records. */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of keys) {
    if (key === 'updatedAt' || key === 'createdAt') continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (canonicalJson(a) !== canonicalJson(b)) changes[key] = [a, b];
  }
  return changes;
}
