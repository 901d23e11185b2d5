/**
 * Browsing the audit log (admins, cadres): filters by action, subject, actor and time,
 * newest first, with keyset pagination on `seq`. Entries are visible within the
 * reader's subtree; entries tied to no place only to readers at a root of the tree.
 */
import { and, desc, eq, gte, ilike, isNull, like, lt, lte, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { scopeOf } from '../access/actor.js';
import { Permission } from '../access/permission.js';
import { defineModule, type GzApp } from '../module.js';
import { auditLog } from './audit.tables.js';
import { escapeLike, underAny } from '../db/like.js';

const Query = z.object({
  action: z.string().max(100).optional(),
  subjectType: z.string().max(50).optional(),
  subjectId: z.string().max(50).optional(),
  actorId: z.coerce.number().int().positive().optional(),
  actor: z.string().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const Entry = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  changes: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});

function routes(app: GzApp): void {
  app.get('/api/audit', {
    config: { access: Permission.AuditRead },
    schema: { tags: ['audit'], summary: '审计日志 Audit log', querystring: Query, response: { 200: z.object({ items: z.array(Entry), nextBefore: z.number().nullable() }) } },
    handler: async (request) => {
      const q = request.query;
      const scopes = scopeOf(request.actor, Permission.AuditRead);
      if (scopes.length === 0) return { items: [], nextBefore: null };
      const atRoot = scopes.some((p) => p.split('/').filter(Boolean).length === 1);
      const visibility = or(underAny(auditLog.scopePath, scopes), atRoot ? isNull(auditLog.scopePath) : undefined);
      const filters: (SQL | undefined)[] = [
        visibility,
        q.action ? like(auditLog.action, `${escapeLike(q.action)}%`) : undefined,
        q.subjectType ? eq(auditLog.subjectType, q.subjectType) : undefined,
        q.subjectId ? eq(auditLog.subjectId, q.subjectId) : undefined,
        q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
        q.actor ? ilike(auditLog.actorLabel, `%${escapeLike(q.actor)}%`) : undefined,
        q.from ? gte(auditLog.at, q.from) : undefined,
        q.to ? lte(auditLog.at, q.to) : undefined,
        q.before ? lt(auditLog.seq, q.before) : undefined,
      ];
      const rows = await app.gz.db.select().from(auditLog).where(and(...filters)).orderBy(desc(auditLog.seq)).limit(q.limit);
      return {
        items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
        nextBefore: rows.length === q.limit ? rows[rows.length - 1]!.seq : null,
      };
    },
  });
}

export const auditModule = defineModule({ name: 'audit', routes });
