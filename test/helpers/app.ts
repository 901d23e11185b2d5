/**
 * HTTP test harness: a real app on a real (PGlite or PostgreSQL) database, driven through
 * `app.inject`, with factories for tree nodes and accounts and a signed-in client.
 */
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { Db } from '../../src/server/platform/db/database.js';
import type { GzApp } from '../../src/server/platform/module.js';
import type { Role } from '../../src/server/platform/access/roles.js';
import { hashPassword } from '../../src/server/platform/auth/password.js';
import { users } from '../../src/server/platform/auth/auth.tables.js';
import { adminNodes, roleAssignments, type NodeLevel } from '../../src/server/modules/org/org.tables.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const TEST_PASSWORD = 'test-pass-123';
let passwordHash: Promise<string> | undefined;

export interface TestApp {
  app: GzApp;
  db: Db;
  test: TestDatabase;
  close(): Promise<void>;
}

export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const test = await createTestDatabase();
  const config = { ...loadConfig({ GONGZHI_WEB_DIR: '/nonexistent', GONGZHI_RATE_LIMIT: '100000', ...env }) };
  const app = await buildApp({ config, database: test.database, logger: false });
  await app.ready();
  return {
    app,
    db: test.database.db,
    test,
    close: async () => {
      await app.close();
      await test.close();
    },
  };
}

let codeSeq = 0;
/** Inserts a tree node under `parent` (or a root) with a unique code and a correct path. */
export async function makeNode(db: Db, props: { name?: string; level?: NodeLevel; parent?: { id: number; path: string } } = {}) {
  codeSeq++;
  const level = props.level ?? (props.parent ? 'community' : 'district');
  const [row] = await db
    .insert(adminNodes)
    .values({ name: props.name ?? `节点${codeSeq}`, level, kind: level, code: `T${Date.now()}${codeSeq}`, path: '/' })
    .returning();
  const path = `${props.parent?.path ?? '/'}${row!.id}/`;
  const [updated] = await db
    .update(adminNodes)
    .set({ path, parentId: props.parent?.id ?? null })
    .where(eq(adminNodes.id, row!.id))
    .returning();
  return updated!;
}

/** Creates an account holding `roles` at `node`. */
export async function makeUser(db: Db, props: { username?: string; roles?: Array<{ role: Role; nodeId: number }>; kind?: 'resident' | 'staff' } = {}) {
  codeSeq++;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({ username: props.username ?? `user${codeSeq}`, displayName: props.username ?? `用户${codeSeq}`, passwordHash: await passwordHash, kind: props.kind ?? 'staff' })
    .returning();
  for (const r of props.roles ?? []) await db.insert(roleAssignments).values({ userId: user!.id, role: r.role, nodeId: r.nodeId });
  return user!;
}

export interface Client {
  csrf: string;
  cookie: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  inject: GzApp['inject'];
}

/** Signs in through the real login route and returns a client that sends cookie + CSRF token. */
export async function login(app: GzApp, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const sid = res.cookies.find((c) => c.name === 'gz_sid')!.value;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const cookie = `gz_sid=${sid}`;
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') => (url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf, ...headers }, ...(body === undefined ? {} : { payload: body as string }) });
  return {
    csrf,
    cookie,
    get: (url, headers) => send('GET')(url, undefined, headers),
    post: send('POST'),
    put: send('PUT'),
    patch: send('PATCH'),
    delete: (url, headers) => send('DELETE')(url, undefined, headers),
    inject: app.inject.bind(app),
  };
}
