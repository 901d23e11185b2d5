/**
 * Resident self-registration (public, rate-limited). The new resident is signed in
 * exactly as `/api/auth/login` does it: a database session, the HttpOnly session cookie
 * and the CSRF cookie, and the CSRF token in the body.
 */
import { z } from 'zod';
import { audit } from '../../platform/audit/audit.js';
import { CSRF_COOKIE, SESSION_COOKIE, cookieOptions } from '../../platform/auth/auth.plugin.js';
import { createSession } from '../../platform/auth/sessions.js';
import type { GzApp } from '../../platform/module.js';
import { residentRegistrar } from './commands/resident-registrar.js';
import { invalidField } from './commands/guard.js';
import { acceptablePasswordHash } from './access.routes.js';
import { runOrgCommand } from './org.errors.js';
import { RegisterBody } from './access.schema.js';

/** Registers `POST /api/register`. */
export function registerRoutes(app: GzApp): void {
  app.post('/api/register', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: '居民注册 Resident registration', body: RegisterBody, response: { 201: z.object({ csrfToken: z.string() }) } },
    handler: async (request, reply) => {
      const b = request.body;
      if (!b.username && !b.phone) throw invalidField('body.username', 'login_required');
      const passwordHash = await acceptablePasswordHash(b.password, 'body.password');
      const { config } = app.gz;
      const session = await runOrgCommand(request, async (ctx) => {
        const { userId } = await residentRegistrar(ctx, { username: b.username || null, phone: b.phone || null, displayName: b.displayName, passwordHash, nodeId: b.nodeId });
        const s = await createSession(ctx.tx, { userId, now: ctx.now, ttlHours: config.sessionTtlHours, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
        await audit(ctx, { action: 'auth.login', subjectType: 'user', subjectId: userId, actorLabel: b.displayName });
        return s;
      });
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(app, true, session.expiresAt));
      reply.setCookie(CSRF_COOKIE, session.csrfToken, cookieOptions(app, false, session.expiresAt));
      return reply.code(201).send({ csrfToken: session.csrfToken });
    },
  });
}
