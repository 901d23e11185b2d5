/**
 * API keys for integrating systems (Open311 clients, a city's 12345 hotline system …),
 * issued by admins. A key is shown once; the table keeps its SHA-256 and an 8-character
 * prefix to tell keys apart. Each key acts as its own staff account (holding no roles),
 * so its actions are audited under a name; what it may do is its `scopes`.
 */
import { createHash, randomInt } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { Permission } from '../access/permission.js';
import { audit } from '../audit/audit.js';
import type { CommandContext } from '../context.js';
import type { Db, Executor } from '../db/database.js';
import { Conflict, NotFound } from '../http/errors.js';
import { apiKeys, users } from './auth.tables.js';
import { insertUser } from './users.js';

export const API_KEY_PREFIX = 'gz_';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 40;
/** How stale `last_used_at` may get before a use writes it again (one write a minute at most). */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Scopes a key can hold today: names of the Permission enum that something checks for keys.
 * `cases.intake` lets a key submit requests through Open311; `assessment.read` lets a tool
 * read the assessment figures of any area (`GET /api/assessment/figures`).
 */
export const apiKeyScopes = [Permission.CasesIntake, Permission.AssessmentRead] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** A usable key as a request sees it: no hash, with its account's name. */
export interface ApiKeyRecord {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  userId: number;
  displayName: string;
}

/** A key in the admin list: never the secret, nor its hash. */
export interface ApiKeyListItem {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  userId: number;
  username: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key a request authenticated with (Open311 POST), when it did. */
    apiKey: ApiKeyRecord | null;
  }
}

/** A new key: `gz_` and 40 base62 characters (≈238 bits), drawn without modulo bias. */
export function generateApiKey(): string {
  let out = API_KEY_PREFIX;
  for (let i = 0; i < RANDOM_LENGTH; i++) out += BASE62[randomInt(BASE62.length)];
  return out;
}

/** What the table stores instead of the key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The 8 characters after `gz_`, shown in lists as `gz_XXXXXXXX…`. */
export function apiKeyPrefix(key: string): string {
  return key.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + 8);
}

/** The caller a key acts as: its account, with no roles (scopes say what it may do). */
export function actorOfApiKey(key: ApiKeyRecord): Actor {
  return { userId: key.userId, personId: null, displayName: key.displayName, grants: [], unitIds: [] };
}

export function hasScope(key: ApiKeyRecord, scope: ApiKeyScope): boolean {
  return key.scopes.includes(scope);
}

/**
 * The usable key for a presented secret, or undefined (unknown, revoked, or its account
 * deactivated). Records the use in `last_used_at`, at most once a minute per key, so a
 * busy integration does not turn every read into a write.
 */
export async function apiKeyActor(db: Db, key: unknown, now: Date = new Date()): Promise<ApiKeyRecord | undefined> {
  if (typeof key !== 'string' || !key.startsWith(API_KEY_PREFIX) || key.length > 200) return undefined;
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes, userId: apiKeys.userId, lastUsedAt: apiKeys.lastUsedAt, displayName: users.displayName })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt), eq(users.active, true)))
    .limit(1);
  if (!row) return undefined;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    // The condition repeats in SQL, so concurrent requests on many servers write once.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
  }
  const { lastUsedAt: _lastUsed, ...record } = row;
  return record;
}

export interface ApiKeyCreatorProps {
  /** What the key is for, e.g. the integrating system (also its account's display name). */
  name: string;
  scopes: readonly ApiKeyScope[];
  /** A fixed secret (the public demo key only); otherwise one is generated. */
  key?: string;
}

/**
 * Issues a key and its account (`apikey-<prefix>`, a staff account without roles or a
 * usable password). Returns the secret, which is never stored and never shown again.
 */
export async function apiKeyCreator(ctx: CommandContext, props: ApiKeyCreatorProps): Promise<{ key: string; item: ApiKeyListItem }> {
  for (let attempt = 0; ; attempt++) {
    const key = props.key ?? generateApiKey();
    const prefix = apiKeyPrefix(key);
    const username = `apikey-${prefix.toLowerCase()}`;
    const [taken] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
    if (taken) {
      // Two keys agreeing on 8 case-folded characters: draw another (a fixed key cannot).
      if (props.key !== undefined || attempt >= 3) throw new Conflict('api_key_exists');
      continue;
    }
    // '!' is no Argon2 hash: no password ever verifies against it, so the account cannot sign in.
    const user = await insertUser(ctx.tx, { username, displayName: props.name, passwordHash: '!', kind: 'staff' });
    const [row] = await ctx.tx
      .insert(apiKeys)
      .values({ name: props.name, prefix, keyHash: hashApiKey(key), scopes: [...props.scopes], userId: user.id, createdAt: ctx.now })
      .returning();
    await audit(ctx, { action: 'auth.api_key.create', subjectType: 'api_key', subjectId: row!.id, changes: { name: props.name, prefix, scopes: [...props.scopes], userId: user.id, username } });
    return { key, item: { ...listItemOf(row!), username } };
  }
}

/** Revokes a key: it stops working at once (its account and audit trail stay). */
export async function apiKeyRevoker(ctx: CommandContext, id: number): Promise<ApiKeyListItem> {
  const [current] = await ctx.tx.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1).for('update');
  if (!current) throw new NotFound();
  if (current.revokedAt) throw new Conflict('api_key_revoked');
  const [row] = await ctx.tx.update(apiKeys).set({ revokedAt: ctx.now }).where(eq(apiKeys.id, id)).returning();
  await audit(ctx, { action: 'auth.api_key.revoke', subjectType: 'api_key', subjectId: id, changes: { name: current.name, prefix: current.prefix } });
  const [user] = await ctx.tx.select({ username: users.username }).from(users).where(eq(users.id, row!.userId)).limit(1);
  return { ...listItemOf(row!), username: user?.username ?? null };
}

/** Every key, newest first (no secrets: the hash stays in the database). */
export async function listApiKeys(ex: Executor): Promise<ApiKeyListItem[]> {
  const rows = await ex
    .select({ key: apiKeys, username: users.username })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .orderBy(desc(apiKeys.id));
  return rows.map((r) => ({ ...listItemOf(r.key), username: r.username }));
}

function listItemOf(row: ApiKeyRow): Omit<ApiKeyListItem, 'username'> {
  return { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, userId: row.userId, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt };
}
