/**
 * `Idempotency-Key` on create routes (those declaring `config: { idempotent: true }`): a
 * client that retries a create after a timeout gets the first response back instead of
 * making a second record.
 *
 * For a request with the header, after authentication and validation (preHandler):
 *  - the key is claimed per caller (`user:<id>`, `apikey:<id>`, `anon:<ip>`) by inserting a
 *    placeholder row (status 0), ON CONFLICT DO NOTHING — across all app servers one wins;
 *  - a key already completed with the same request (method, path, canonical body) replays
 *    the stored status and body with `Idempotent-Replayed: true`; with another request it is
 *    422 `idempotency_key_reused`; still in progress, 409 `idempotency_in_progress`.
 * Before the response leaves (onSend), a 2xx is stored under the key; any other status
 * deletes the placeholder, so the client may retry. Keys live 24 hours (`http.idempotency`
 * job). Without the header nothing changes.
 *
 * A server that dies between the command's commit and onSend leaves the placeholder: the
 * key then answers 409 until it expires, which is safer than creating the record twice.
 */
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canonicalJson } from '../audit/audit-hash.js';
import type { Db } from '../db/database.js';
import { defineModule } from '../module.js';
import '../auth/api-keys.js';
import { DomainError } from './errors.js';
import { idempotencyKeys } from './idempotency.tables.js';
import './app-types.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A create route: retries carrying the same `Idempotency-Key` get the first response.
     * `{ omit }` names top-level response fields never to store (one-time secrets such as a
     * tracking code): a replay comes without them.
     */
    idempotent?: boolean | { omit: readonly string[] };
  }
  interface FastifyRequest {
    /** The key this request claimed (set by the preHandler, cleared once settled). */
    idempotency: { caller: string; key: string } | null;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** 1–255 visible ASCII characters (no spaces, no control characters). */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** What is stored of a completed response: its content type and the exact bytes as text. */
interface StoredResponse {
  type: string | null;
  text: string;
}

/** Who the key belongs to: keys are per caller, so two clients never see each other's responses. */
export function callerOf(request: FastifyRequest): string {
  if (request.apiKey) return `apikey:${request.apiKey.id}`;
  if (request.actor) return `user:${request.actor.userId}`;
  return `anon:${request.ip}`;
}

/** SHA-256 of method, path (without the query) and the parsed body in canonical JSON. */
export function requestHash(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? request.url;
  const body = request.body;
  const canonical = Buffer.isBuffer(body) ? body.toString('base64') : typeof body === 'string' ? JSON.stringify(body) : canonicalJson(body ?? null);
  return createHash('sha256').update(`${request.method}\n${path}\n${canonical}`, 'utf8').digest('hex');
}

function replay(reply: FastifyReply, status: number, stored: StoredResponse): FastifyReply {
  reply.code(status).header(REPLAYED_HEADER, 'true');
  if (stored.type) reply.type(stored.type);
  return reply.send(stored.text);
}

async function claim(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (!request.routeOptions.config.idempotent) return undefined;
  const header = request.headers[IDEMPOTENCY_HEADER];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY.test(header)) throw new DomainError(400, 'idempotency_key_invalid');
  const { db, clock } = request.server.gz;
  const caller = callerOf(request);
  const hash = requestHash(request);
  const where = and(eq(idempotencyKeys.caller, caller), eq(idempotencyKeys.key, header));
  // A few rounds: the row we collide with may be released or expire between two statements.
  for (let round = 0; round < 3; round++) {
    const now = clock();
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ caller, key: header, requestHash: hash, status: 0, body: {}, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length > 0) {
      request.idempotency = { caller, key: header };
      return undefined;
    }
    const [row] = await db.select().from(idempotencyKeys).where(where).limit(1);
    if (!row) continue;
    if (row.createdAt.getTime() <= now.getTime() - IDEMPOTENCY_TTL_MS) {
      await db.delete(idempotencyKeys).where(and(where, eq(idempotencyKeys.createdAt, row.createdAt)));
      continue;
    }
    if (row.requestHash !== hash) throw new DomainError(422, 'idempotency_key_reused');
    if (row.status === 0) throw new DomainError(409, 'idempotency_in_progress');
    return replay(reply, row.status, row.body as StoredResponse);
  }
  throw new DomainError(409, 'idempotency_in_progress');
}

function payloadText(payload: unknown): string | null {
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  if (payload === null || payload === undefined) return '';
  return null; // a stream: not stored
}

/** The response text minus the fields the route asks never to keep. */
function withoutSecrets(text: string, option: boolean | { omit: readonly string[] } | undefined): string {
  if (typeof option !== 'object') return text;
  const body = JSON.parse(text) as Record<string, unknown>;
  for (const field of option.omit) delete body[field];
  return JSON.stringify(body);
}

async function settle(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const claimed = request.idempotency;
  if (!claimed) return payload;
  request.idempotency = null;
  const db = request.server.gz.db;
  const where = and(eq(idempotencyKeys.caller, claimed.caller), eq(idempotencyKeys.key, claimed.key));
  const text = payloadText(payload);
  try {
    if (reply.statusCode >= 200 && reply.statusCode < 300 && text !== null) {
      const type = reply.getHeader('content-type');
      const stored: StoredResponse = { type: typeof type === 'string' ? type : null, text: withoutSecrets(text, request.routeOptions.config.idempotent) };
      await db.update(idempotencyKeys).set({ status: reply.statusCode, body: stored }).where(where);
    } else {
      await db.delete(idempotencyKeys).where(where);
    }
  } catch (err) {
    request.log.error({ err }, 'idempotency key not settled');
  }
  return payload;
}

/** A request that ended without onSend (the client went away): release its key. */
async function release(request: FastifyRequest): Promise<void> {
  const claimed = request.idempotency;
  if (!claimed) return;
  request.idempotency = null;
  await request.server.gz.db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.caller, claimed.caller), eq(idempotencyKeys.key, claimed.key)));
}

/**
 * Installs the hooks on the root instance: after the auth plugin (so the preHandler sees
 * the caller), before the modules' routes.
 */
export function installIdempotency(app: FastifyInstance): void {
  app.decorateRequest('idempotency', null);
  if (!app.hasRequestDecorator('apiKey')) app.decorateRequest('apiKey', null);
  app.addHook('preHandler', claim);
  app.addHook('onSend', settle);
  app.addHook('onResponse', release);
}

/** Deletes keys older than a day (every app server may run it: one DELETE). */
export async function purgeIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}

/** The platform manifest of idempotency: its messages and the expiry job. */
export const idempotencyModule = defineModule({
  name: 'idempotency',
  jobs: [{ name: 'http.idempotency', everyMs: 3_600_000, run: ({ db, now }) => purgeIdempotencyKeys(db, now) }],
  messages: {
    idempotency_key_invalid: { zh: 'Idempotency-Key 请求头须为 1 至 255 个可见 ASCII 字符', en: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters' },
    idempotency_key_reused: { zh: '该 Idempotency-Key 已用于另一个不同的请求，请换一个新的键', en: 'This Idempotency-Key was used for a different request; use a new key' },
    idempotency_in_progress: { zh: '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试', en: 'A request with this Idempotency-Key is still being processed; retry shortly' },
  },
});
