/**
 * Builds the Fastify app: platform plugins first (errors, security headers, cookies,
 * rate limits, authentication, OpenAPI, metrics), then each module's routes, then the
 * web console as static files.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Database } from './platform/db/database.js';
import { systemClock, type Clock } from './platform/context.js';
import { installProblemHandlers } from './platform/http/problem.js';
import { registerMessages } from './platform/http/messages.js';
import { TooManyRequests } from './platform/http/errors.js';
import { installMetrics } from './platform/http/metrics.js';
import { installAuth } from './platform/auth/auth.plugin.js';
import { installIdempotency } from './platform/http/idempotency.js';
import type { ActorLoader, RouteEntry } from './platform/http/app-types.js';
import type { GzApp, ModuleManifest } from './platform/module.js';
import { modules } from './modules/index.js';
import { loadActorFromOrg } from './modules/org/org.actor.js';
import { SessionCache } from './platform/auth/session-cache.js';

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  loadActor?: ActorLoader;
  /** Capabilities to mount (default: all of `modules/index.ts`). */
  modules?: ModuleManifest[];
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Every /api route must say who may call it; a route without `config.access` stops
 * start-up. The declared routes are kept in `app.gz.routes` for the authorization tests.
 */
function requireDeclaredAccess(app: GzApp, table: RouteEntry[]): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });
}

export async function buildApp(opts: BuildOptions): Promise<GzApp> {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: process.env.GONGZHI_TRUST_PROXY === '1',
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  const routes: RouteEntry[] = [];
  const mounted = opts.modules ?? modules;
  const authHooks = { signIn: mounted.flatMap((m) => (m.onSignIn ? [m.onSignIn] : [])), passwordChange: mounted.flatMap((m) => (m.onPasswordChange ? [m.onPasswordChange] : [])) };
  app.decorate('gz', { config, database, db: database.db, clock: opts.clock ?? systemClock, loadActor: opts.loadActor ?? loadActorFromOrg, sessionCache: new SessionCache(config.sessionCacheMs), routes, authHooks });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const hasWeb = existsSync(config.webDir);
  installProblemHandlers(app, hasWeb ? (reply) => reply.sendFile('index.html') : undefined);
  requireDeclaredAccess(app, routes);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Security headers (CSP, HSTS, nosniff …). The policy is fixed, so the middleware is
  // built once; @fastify/helmet rebuilt it, parsing the policy anew, on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Many community deployments run on plain http inside an intranet; upgrading their
        // requests to https would break every page. Only ask for it when served over https.
        upgradeInsecureRequests: config.publicUrl?.startsWith('https://') ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined)));
  await app.register(cookie);
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // The limit guards the API; the console's static files (a page load fetches dozens of
    // chunks) must not use up a client's API budget.
    allowList: (request) => !/^\/(api|open311|metrics)(\/|$)/.test(request.url),
    errorResponseBuilder: (_request, context) => new TooManyRequests(Math.ceil(context.ttl / 1000)),
  });
  installAuth(app);
  installIdempotency(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Gongzhi 共治 API', version: '0.1.0', description: '基层治理平台 API. Errors are RFC 9457 problem+json.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gz_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets inline styles as it renders; allow them on its own pages only, and
    // never upgrade plain-http intranet deployments to https (see above).
    transformStaticCSP: (header) =>
      header
        .replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'")
        .replace(/ ?upgrade-insecure-requests;?/, config.publicUrl?.startsWith('https://') ? ' upgrade-insecure-requests;' : ''),
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['platform'], summary: '健康检查 Health', response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });
  installMetrics(app, config.metricsToken);

  for (const m of mounted) {
    if (m.messages) registerMessages(m.messages);
    if (m.routes) await app.register(async (scoped) => m.routes!(scoped as unknown as GzApp));
  }

  if (hasWeb) await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: ['index.html'] });
  return app as unknown as GzApp;
}

