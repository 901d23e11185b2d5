/**
 * API keys through the admin routes on a real database: who may manage them, the key
 * shown once and only its hash kept, revocation, and `apiKeyActor`.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { queryRows } from '../db/database.js';
import { verifyAudit } from '../audit/verify.js';
import { apiKeyActor, generateApiKey } from './api-keys.js';

let t: TestApp;
let admin: Client;
let dispatcher: Client;
let resident: Client;

beforeAll(async () => {
  t = await buildTestApp();
  const district = await makeNode(t.db, { level: 'district' });
  await makeUser(t.db, { username: 'keyadmin', roles: [{ role: 'admin', nodeId: district.id }] });
  await makeUser(t.db, { username: 'keydispatcher', roles: [{ role: 'dispatcher', nodeId: district.id }] });
  await makeUser(t.db, { username: 'keyresident', roles: [{ role: 'resident', nodeId: district.id }], kind: 'resident' });
  admin = await login(t.app, 'keyadmin');
  dispatcher = await login(t.app, 'keydispatcher');
  resident = await login(t.app, 'keyresident');
});
afterAll(() => t.close());

async function issue(name = '对接系统') {
  const res = await admin.post('/api/admin/api-keys', { name, scopes: ['cases.intake'] });
  expect(res.statusCode, res.body).toBe(201);
  return { res, body: res.json() as { key: string; apiKey: { id: number; prefix: string; userId: number; username: string; revokedAt: string | null } } };
}

describe('API keys', () => {
  it('refuses everyone without apikeys.manage', async () => {
    for (const who of [dispatcher, resident]) {
      expect((await who.get('/api/admin/api-keys')).statusCode).toBe(403);
      expect((await who.post('/api/admin/api-keys', { name: 'x', scopes: ['cases.intake'] })).statusCode).toBe(403);
      expect((await who.post('/api/admin/api-keys/1/revoke')).statusCode).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/admin/api-keys' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
  });

  it('shows a new key once and keeps only its SHA-256 and prefix', async () => {
    const { res, body } = await issue('区 12345 热线系统');
    expect(body.key).toMatch(/^gz_[0-9A-Za-z]{40}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(body.apiKey.prefix).toBe(body.key.slice(3, 11));
    expect(body.apiKey.username).toBe(`apikey-${body.apiKey.prefix.toLowerCase()}`);

    const [row] = await queryRows<{ key_hash: string; prefix: string; scopes: string[] }>(t.db, sql`SELECT key_hash, prefix, scopes FROM api_keys WHERE id = ${body.apiKey.id}`);
    expect(row!.key_hash).toBe(createHash('sha256').update(body.key).digest('hex'));
    expect(row!.scopes).toEqual(['cases.intake']);
    // The secret is nowhere in the database: not in the keys, the accounts, the audit log or stored responses.
    for (const table of ['api_keys', 'users', 'audit_log', 'idempotency_keys']) {
      const [hit] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} t WHERE t::text LIKE ${`%${body.key}%`}`);
      expect(hit!.n, table).toBe(0);
    }
    // …and never listed again.
    const list = await admin.get('/api/admin/api-keys');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(body.key);
    expect(list.body).not.toContain(row!.key_hash);
    expect(list.json().items.find((k: { id: number }) => k.id === body.apiKey.id)).toMatchObject({ name: '区 12345 热线系统', prefix: body.apiKey.prefix, scopes: ['cases.intake'], revokedAt: null });
    expect(list.json().scopes).toEqual(['cases.intake', 'assessment.read']);
  });

  it('gives the key an account that holds no roles and cannot sign in', async () => {
    const { body } = await issue();
    const [roles] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM role_assignments WHERE user_id = ${body.apiKey.userId}`);
    expect(roles!.n).toBe(0);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: body.apiKey.username, password: '!' } });
    expect(res.statusCode).toBe(401);
  });

  it('validates the body', async () => {
    expect((await admin.post('/api/admin/api-keys', { name: '', scopes: ['cases.intake'] })).statusCode).toBe(400);
    expect((await admin.post('/api/admin/api-keys', { name: 'x', scopes: [] })).statusCode).toBe(400);
    expect((await admin.post('/api/admin/api-keys', { name: 'x', scopes: ['audit.read'] })).statusCode).toBe(400);
  });

  it('resolves a key to its record, records use at most once a minute, and refuses revoked keys', async () => {
    const { body } = await issue('resolver');
    const t0 = new Date('2026-11-29T08:00:00Z');
    const record = await apiKeyActor(t.db, body.key, t0);
    expect(record).toMatchObject({ id: body.apiKey.id, userId: body.apiKey.userId, displayName: 'resolver', scopes: ['cases.intake'] });
    const lastUsed = async () => (await queryRows<{ at: Date | string | null }>(t.db, sql`SELECT last_used_at AS at FROM api_keys WHERE id = ${body.apiKey.id}`))[0]!.at;
    expect(new Date((await lastUsed())!).toISOString()).toBe(t0.toISOString());
    await apiKeyActor(t.db, body.key, new Date(t0.getTime() + 30_000));
    expect(new Date((await lastUsed())!).toISOString()).toBe(t0.toISOString());
    await apiKeyActor(t.db, body.key, new Date(t0.getTime() + 61_000));
    expect(new Date((await lastUsed())!).toISOString()).toBe(new Date(t0.getTime() + 61_000).toISOString());

    expect(await apiKeyActor(t.db, generateApiKey())).toBeUndefined();
    expect(await apiKeyActor(t.db, 'not a key')).toBeUndefined();
    expect(await apiKeyActor(t.db, undefined)).toBeUndefined();

    const revoked = await admin.post(`/api/admin/api-keys/${body.apiKey.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(await apiKeyActor(t.db, body.key)).toBeUndefined();
    const again = await admin.post(`/api/admin/api-keys/${body.apiKey.id}/revoke`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('api_key_revoked');
    expect((await admin.post('/api/admin/api-keys/999999/revoke')).statusCode).toBe(404);
  });

  it('audits issue and revocation under the admin, with the chain intact', async () => {
    const { body } = await issue('audited');
    await admin.post(`/api/admin/api-keys/${body.apiKey.id}/revoke`);
    const entries = await queryRows<{ action: string; actor_label: string }>(t.db, sql`SELECT action, actor_label FROM audit_log WHERE subject_type = 'api_key' AND subject_id = ${String(body.apiKey.id)} ORDER BY seq`);
    expect(entries.map((e) => e.action)).toEqual(['auth.api_key.create', 'auth.api_key.revoke']);
    expect(entries.every((e) => e.actor_label === 'keyadmin')).toBe(true);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
