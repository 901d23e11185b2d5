/**
 * Open311 GeoReport v2 under /open311/v2/, each resource as `.json` and `.xml`:
 * discovery, services, service definitions, requests (GET and POST), one request, tokens.
 * Everything here answers errors in the spec's shape (its own error and not-found
 * handlers in this encapsulated context), never problem+json. Reads are public and
 * public-safe; POST needs an `api_key` with the `cases.intake` scope.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Permission } from '../../platform/access/permission.js';
import { actorOfApiKey, apiKeyActor, hasScope } from '../../platform/auth/api-keys.js';
import { DEFAULT_TIME_ZONE } from '../../platform/context.js';
import { runCommand } from '../../platform/http/command.js';
import { DomainError } from '../../platform/http/errors.js';
import { pickLang, translate } from '../../platform/http/messages.js';
import type { GzApp } from '../../platform/module.js';
import { publicCaseSummaries } from '../cases/case.exports.js';
import { formats, sendAs, sendOpen311Error, type Format } from './open311.format.js';
import { jurisdictionOf, parseSubmission, presentRequests, requestFilter, submitRequest, textParam } from './open311.requests.js';
import { listServices, serviceAttributes, serviceByCode } from './open311.services.js';

/** When this API last changed (discovery's `changeset`). */
export const OPEN311_CHANGESET = '2026-11-29T00:00:00+08:00';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

type Params = Record<string, unknown>;
const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Params;
const bodyOf = (request: FastifyRequest): Params => (request.body && typeof request.body === 'object' && !Array.isArray(request.body) ? (request.body as Params) : {});
const langOf = (request: FastifyRequest) => pickLang(request.headers['accept-language']);
const zoneOf = (request: FastifyRequest) => request.server.gz.config.timeZone ?? DEFAULT_TIME_ZONE;
const route = { config: { access: 'public' as const }, schema: { hide: true } };

/** The spec's form body (`application/x-www-form-urlencoded`): repeated names become lists. */
function parseForm(_request: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void): void {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body.toString())) {
    const prior = out[k];
    out[k] = prior === undefined ? v : [...(Array.isArray(prior) ? prior : [prior]), v];
  }
  done(null, out);
}

/** POST only: the `api_key` (form, JSON or query) → the key's account acts; 403 otherwise. */
async function authenticateKey(request: FastifyRequest): Promise<void> {
  const presented = textParam(bodyOf(request), 'api_key') ?? textParam(queryOf(request), 'api_key');
  const key = presented ? await apiKeyActor(request.server.gz.db, presented, request.server.gz.clock()) : undefined;
  if (!key) throw new DomainError(403, 'open311_api_key_invalid');
  if (!hasScope(key, Permission.CasesIntake)) throw new DomainError(403, 'open311_api_key_scope');
  request.apiKey = key;
  request.actor = actorOfApiKey(key);
}

function discovery(request: FastifyRequest) {
  const { config } = request.server.gz;
  const base = (config.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
  const lang = langOf(request);
  return {
    changeset: OPEN311_CHANGESET,
    contact: translate('open311_contact', lang),
    key_service: translate('open311_key_service', lang),
    endpoints: [{ specification: SPECIFICATION, url: `${base}/open311/v2`, changeset: OPEN311_CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
  };
}

function formatRoutes(app: GzApp, format: Format): void {
  const send = (reply: FastifyReply, root: string, data: Parameters<typeof sendAs>[3], status = 200) => sendAs(reply, format, root, data, status);

  app.get(`/v2/discovery.${format}`, { ...route, handler: async (request, reply) => send(reply, 'discovery', discovery(request)) });

  app.get(`/v2/services.${format}`, {
    ...route,
    handler: async (request, reply) => {
      await jurisdictionOf(app.gz.db, textParam(queryOf(request), 'jurisdiction_id'));
      return send(reply, 'services', await listServices(app.gz.db));
    },
  });

  app.get(`/v2/services/:service_code.${format}`, {
    ...route,
    handler: async (request, reply) => {
      await jurisdictionOf(app.gz.db, textParam(queryOf(request), 'jurisdiction_id'));
      const code = (request.params as { service_code: string }).service_code;
      const service = await serviceByCode(app.gz.db, code);
      if (!service) throw new DomainError(404, 'open311_service_code_not_found');
      return send(reply, 'service_definition', { service_code: service.service_code, attributes: serviceAttributes(langOf(request)) });
    },
  });

  app.get(`/v2/requests.${format}`, {
    ...route,
    handler: async (request, reply) => {
      const query = queryOf(request);
      const filter = requestFilter(query, app.gz.clock(), zoneOf(request));
      const jurisdiction = textParam(query, 'jurisdiction_id');
      const underPath = jurisdiction === undefined ? undefined : (await jurisdictionOf(app.gz.db, jurisdiction)).path;
      const rows = await publicCaseSummaries(app.gz.db, { ...filter, underPath: filter.numbers ? undefined : underPath });
      return send(reply, 'service_requests', presentRequests(rows, langOf(request), zoneOf(request)));
    },
  });

  app.get(`/v2/requests/:service_request_id.${format}`, {
    ...route,
    handler: async (request, reply) => {
      const id = (request.params as { service_request_id: string }).service_request_id;
      const rows = /^[0-9A-Za-z-]{1,40}$/.test(id) ? await publicCaseSummaries(app.gz.db, { numbers: [id], limit: 1 }) : [];
      if (rows.length === 0) throw new DomainError(404, 'open311_service_request_not_found');
      return send(reply, 'service_requests', presentRequests(rows, langOf(request), zoneOf(request)));
    },
  });

  // Requests get their id at once, so no token is ever pending; a request's id doubles as its token.
  app.get(`/v2/tokens/:token.${format}`, {
    ...route,
    handler: async (request, reply) => {
      const token = (request.params as { token: string }).token;
      const rows = /^[0-9A-Za-z-]{1,40}$/.test(token) ? await publicCaseSummaries(app.gz.db, { numbers: [token], limit: 1 }) : [];
      if (rows.length === 0) throw new DomainError(404, 'open311_token_not_found');
      return send(reply, 'service_requests', [{ service_request_id: rows[0]!.number, token }]);
    },
  });

  app.post(`/v2/requests.${format}`, {
    config: { access: 'public', idempotent: true },
    schema: { hide: true },
    preValidation: authenticateKey,
    handler: async (request, reply) => {
      const body = bodyOf(request);
      const code = textParam(body, 'service_code');
      if (code === undefined) throw new DomainError(400, 'open311_invalid', {}, [{ path: 'service_code', code: 'open311_required' }]);
      const service = await serviceByCode(app.gz.db, code);
      if (!service) throw new DomainError(404, 'open311_service_code_not_found');
      const submission = parseSubmission(body);
      const out = await runCommand(request, (ctx) => submitRequest(ctx, service, submission, langOf(request)));
      return send(reply, 'service_requests', [{ ...out }], 201);
    },
  });
}

/** Registers the Open311 API in its own context (error shape, form bodies) under /open311. */
export async function open311Routes(app: GzApp): Promise<void> {
  await app.register(
    async (api) => {
      const scoped = api as unknown as GzApp;
      scoped.setErrorHandler((error, request, reply) => sendOpen311Error(request, reply, error));
      scoped.setNotFoundHandler((request, reply) => sendOpen311Error(request, reply, new DomainError(404, 'route_not_found')));
      scoped.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, parseForm);
      // Reads are public data: browser apps on other sites may fetch them (never the POST, which carries a key).
      scoped.addHook('onSend', async (request, reply) => {
        if (request.method === 'GET' || request.method === 'HEAD') reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
      });
      for (const format of formats) formatRoutes(scoped, format);
    },
    { prefix: '/open311' },
  );
}
