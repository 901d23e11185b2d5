/**
 * Per-request authentication and route access:
 *  - onRequest: session cookie → `request.actor` (null when signed out), through the
 *    per-server session cache (session-cache.ts);
 *  - preHandler: the route's declared access (public / authenticated / permission),
 *    then CSRF for cookie-authenticated writes (synchronizer token in `x-csrf-token`)
 *    and an Origin check for every write.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../access/actor.js';
import { DomainError, Forbidden, Unauthenticated } from '../http/errors.js';
import { findSession, sessionIdOf } from './sessions.js';
import '../http/app-types.js';

export const SESSION_COOKIE = 'gz_sid';
export const CSRF_COOKIE = 'gz_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function cookieOptions(app: FastifyInstance, httpOnly: boolean, expires?: Date) {
  const secure = app.gz.config.publicUrl?.startsWith('https://') ?? false;
  return { path: '/', httpOnly, sameSite: httpOnly ? ('lax' as const) : ('strict' as const), secure, ...(expires ? { expires } : {}) };
}

async function authenticate(request: FastifyRequest): Promise<void> {
  request.actor = null;
  request.session = null;
  const token = request.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) return;
  const { db, clock, loadActor, sessionCache } = request.server.gz;
  const now = clock();
  const id = sessionIdOf(token);
  const known = sessionCache.get(id, now);
  if (known) {
    request.session = known.session;
    request.actor = known.actor;
    return;
  }
  const started = sessionCache.begin();
  const session = await findSession(db, id, now);
  if (!session) return;
  const loaded = await loadActor(db, session.userId);
  request.session = session;
  request.actor = { userId: session.userId, displayName: session.user.displayName, ...loaded };
  sessionCache.put(started, session, request.actor);
}

function originAllowed(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // non-browser clients; browsers always send Origin on cross-site writes
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

async function enforceAccess(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const access = request.routeOptions.config.access;
  if (!SAFE_METHODS.has(request.method)) {
    if (!originAllowed(request)) throw new DomainError(403, 'csrf');
    if (request.session && request.headers[CSRF_HEADER] !== request.session.csrfToken) throw new DomainError(403, 'csrf');
  }
  if (access === undefined || access === 'public') return;
  if (!request.actor) throw new Unauthenticated();
  if (access === 'authenticated') return;
  if (!can(request.actor, access)) throw new Forbidden();
}

export function installAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', authenticate);
  app.addHook('preHandler', enforceAccess);
}
