/**
 * Sign-in, sign-out, the caller's profile (`GET /api/me`) and password change.
 */
import { z } from 'zod';
import { can } from '../access/actor.js';
import { allPermissions } from '../access/permission.js';
import { audit } from '../audit/audit.js';
import { TooManyRequests, Unauthenticated, Invalid } from '../http/errors.js';
import { runCommand } from '../http/command.js';
import { defineModule, type GzApp } from '../module.js';
import { CSRF_COOKIE, SESSION_COOKIE, cookieOptions } from './auth.plugin.js';
import { accountRule, addressRule, clearFailures, lockedFor, recordFailure } from './login-throttle.js';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password.js';
import { authHousekeeping } from './housekeeping.js';
import { createSession, deleteOtherSessions, deleteSession } from './sessions.js';
import { findUserById, findUserByLogin, normalizeLogin, updatePasswordHash } from './users.js';

const LoginBody = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(256),
});

const GrantOut = z.object({ role: z.string(), nodeId: z.number(), path: z.string(), nodeName: z.string().optional() });
const MeOut = z.object({
  id: z.number(),
  displayName: z.string(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  kind: z.enum(['resident', 'staff']),
  personId: z.number().nullable(),
  mustChangePassword: z.boolean(),
  grants: z.array(GrantOut),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
});

const PasswordBody = z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) });

function routes(app: GzApp): void {
  app.post('/api/auth/login', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: '登录 Sign in', body: LoginBody, response: { 200: z.object({ csrfToken: z.string() }) } },
    handler: async (request, reply) => {
      const { db, clock, config } = app.gz;
      const login = normalizeLogin(request.body.login);
      const keys = [`u:${login}`, `ip:${request.ip}`];
      const wait = await lockedFor(db, keys, clock());
      if (wait > 0) throw new TooManyRequests(wait, 'login_locked');
      const user = await findUserByLogin(db, login);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), request.body.password);
      if (!user || !ok || !user.active) {
        const delay = await runCommand(request, async (ctx) => {
          const d = Math.max(await recordFailure(ctx.tx, keys[0]!, accountRule, ctx.now), await recordFailure(ctx.tx, keys[1]!, addressRule, ctx.now));
          await audit(ctx, { action: 'auth.login_failed', subjectType: 'user', subjectId: user?.id ?? null, actorLabel: login.slice(0, 100), changes: { lockedSeconds: d } });
          return d;
        });
        if (delay > 0) throw new TooManyRequests(delay, 'login_locked');
        throw new Unauthenticated('login_failed');
      }
      const session = await runCommand(request, async (ctx) => {
        await clearFailures(ctx.tx, keys[0]!);
        const s = await createSession(ctx.tx, { userId: user.id, now: ctx.now, ttlHours: config.sessionTtlHours, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
        await audit(ctx, { action: 'auth.login', subjectType: 'user', subjectId: user.id, actorLabel: user.displayName });
        for (const hook of app.gz.authHooks.signIn) await hook(ctx, { userId: user.id, password: request.body.password, sessionId: s.id, sessionToken: s.token });
        return s;
      });
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(app, true, session.expiresAt));
      reply.setCookie(CSRF_COOKIE, session.csrfToken, cookieOptions(app, false, session.expiresAt));
      return { csrfToken: session.csrfToken };
    },
  });

  app.post('/api/auth/logout', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: '退出 Sign out', response: { 204: z.null() } },
    handler: async (request, reply) => {
      const session = request.session;
      if (session) {
        await runCommand(request, async (ctx) => {
          await deleteSession(ctx.tx, session.id);
          await audit(ctx, { action: 'auth.logout', subjectType: 'user', subjectId: session.userId });
        });
        request.server.gz.sessionCache.forgetAll();
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  app.get('/api/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: '当前用户 The signed-in account', response: { 200: MeOut } },
    handler: async (request) => {
      const actor = request.actor!;
      const session = request.session!;
      return {
        id: actor.userId,
        displayName: actor.displayName,
        username: session.user.username,
        phone: session.user.phone,
        kind: session.user.kind,
        personId: actor.personId,
        mustChangePassword: session.user.mustChangePassword,
        grants: actor.grants,
        permissions: allPermissions.filter((p) => can(actor, p)),
        csrfToken: session.csrfToken,
      };
    },
  });

  app.post('/api/me/password', {
    config: { access: 'authenticated', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: '修改密码 Change password', body: PasswordBody, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const { db } = app.gz;
      const user = await findUserById(db, request.actor!.userId);
      if (!user || !(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw new Invalid('wrong_password', [{ path: 'body.currentPassword', code: 'wrong_password' }]);
      }
      const problem = passwordProblem(request.body.newPassword);
      if (problem) throw new Invalid(problem, [{ path: 'body.newPassword', code: problem }]);
      const passwordHash = await hashPassword(request.body.newPassword);
      await runCommand(request, async (ctx) => {
        await updatePasswordHash(ctx.tx, user.id, passwordHash, ctx.now);
        await deleteOtherSessions(ctx.tx, user.id, request.session!.id);
        await audit(ctx, { action: 'auth.password_change', subjectType: 'user', subjectId: user.id, changes: { password: 'changed' } });
        for (const hook of app.gz.authHooks.passwordChange) await hook(ctx, { userId: user.id, oldPassword: request.body.currentPassword, newPassword: request.body.newPassword });
      });
      request.server.gz.sessionCache.forgetAll();
      return reply.code(204).send(null);
    },
  });
}

export const authModule = defineModule({
  name: 'auth',
  routes,
  // Idempotent, so every app server may run it without coordination.
  jobs: [{ name: 'auth.housekeeping', everyMs: 3_600_000, run: ({ db, now }) => authHousekeeping(db, now) }],
  messages: {
    login_failed: { zh: '用户名或密码错误', en: 'Wrong username or password' },
    login_locked: { zh: '登录失败次数过多，请 {seconds} 秒后再试', en: 'Too many failed sign-ins; try again in {seconds} s' },
    wrong_password: { zh: '当前密码不正确', en: 'The current password is wrong' },
    password_too_short: { zh: '密码至少 8 位', en: 'The password needs at least 8 characters' },
    password_too_long: { zh: '密码过长', en: 'The password is too long' },
    password_too_simple: { zh: '密码须包含字母、数字、符号中的至少两类', en: 'Use at least two of: letters, digits, symbols' },
    username_taken: { zh: '用户名已被使用', en: 'That username is taken' },
    phone_taken: { zh: '手机号已被注册', en: 'That phone number is already registered' },
  },
});
