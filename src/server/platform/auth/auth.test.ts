import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, makeNode, makeUser, TEST_PASSWORD, type TestApp } from '../../../../test/helpers/app.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/database.js';
import { lockSeconds, accountRule } from './login-throttle.js';

let t: TestApp;
let district: Awaited<ReturnType<typeof makeNode>>;
beforeAll(async () => {
  t = await buildTestApp();
  district = await makeNode(t.db, { name: '测试区' });
  await makeUser(t.db, { username: 'alice', roles: [{ role: 'admin', nodeId: district.id }] });
  await makeUser(t.db, { username: 'bob' });
  await makeUser(t.db, { username: 'carol' });
});
afterAll(() => t.close());

describe('sign-in and sessions', () => {
  it('signs in, reports /api/me with grants and permissions, signs out', async () => {
    const c = await login(t.app, 'alice');
    const me = await c.get('/api/me');
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.displayName).toBe('alice');
    expect(body.grants).toEqual([expect.objectContaining({ role: 'admin', nodeId: district.id, path: district.path })]);
    expect(body.permissions).toContain('org.write');
    expect(body.csrfToken).toBe(c.csrf);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('sets HttpOnly, SameSite session cookies', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'alice', password: TEST_PASSWORD } });
    const sid = res.cookies.find((c) => c.name === 'gz_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
  });

  it('answers a wrong password with a localized problem', async () => {
    const zh = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'bob', password: 'nope-nope' } });
    expect(zh.statusCode).toBe(401);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({ status: 401, code: 'login_failed', title: '用户名或密码错误' });
    const en = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en-US,en;q=0.9' }, payload: { login: 'nobody', password: 'nope-nope' } });
    expect(en.json()).toMatchObject({ code: 'login_failed', title: 'Wrong username or password' });
  });

  it('locks an account with growing delays after repeated failures', async () => {
    let last = 0;
    for (let i = 0; i < accountRule.free; i++) {
      last = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'carol', password: 'wrong-wrong' } })).statusCode;
    }
    expect(last).toBe(429);
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'carol', password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(lockSeconds(accountRule.free + 1, accountRule)).toBe(2 * lockSeconds(accountRule.free, accountRule));
    expect(lockSeconds(100, accountRule)).toBe(accountRule.maxSeconds);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const c = await login(t.app, 'alice');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
    const cross = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, origin: 'https://evil.example', host: 'localhost' } });
    expect(cross.statusCode).toBe(403);
  });

  it('changes a password, ending other sessions', async () => {
    const first = await login(t.app, 'bob');
    const second = await login(t.app, 'bob');
    const weak = await second.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(422);
    const ok = await second.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'new-pass-456' });
    expect(ok.statusCode).toBe(204);
    expect((await first.get('/api/me')).statusCode).toBe(401);
    expect((await second.get('/api/me')).statusCode).toBe(200);
    await login(t.app, 'bob', 'new-pass-456');
  });
});

describe('HTTP platform', () => {
  it('reports health, metrics and OpenAPI 3.1', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.body).toContain('gongzhi_http_requests_total');
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/me');
    expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('sends security headers and request ids', async () => {
    const res = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    // Plain-http intranet deployments must not have their requests upgraded to https.
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const docs = await t.app.inject({ url: '/api/docs/static/index.html' });
    expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('answers bad input with problem+json, never a crash', async () => {
    const badJson = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"login":' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().code).toBe('invalid_json');
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 42, password: [] } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors.length).toBeGreaterThan(0);
    const huge = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ login: 'x'.repeat(2_000_000), password: 'y' }) });
    expect(huge.statusCode).toBe(413);
    const missing = await t.app.inject({ url: '/api/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});

describe('housekeeping', () => {
  it('removes expired sessions and stale counters, keeps live ones', async () => {
    const { authHousekeeping } = await import('./housekeeping.js');
    const live = await login(t.app, 'alice');
    const later = new Date(Date.now() + 13 * 3600_000);
    await authHousekeeping(t.db, new Date());
    expect((await live.get('/api/me')).statusCode).toBe(200);
    await authHousekeeping(t.db, later);
    const [left] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'alice'`);
    expect(left!.n).toBe(0);
  });
});

describe('session cache', () => {
  it('forgets a signed-out session at once on this server', async () => {
    await makeUser(t.db, { username: 'erin' });
    const c = await login(t.app, 'erin');
    expect((await c.get('/api/me')).statusCode).toBe(200); // remembered now
    expect((await c.post('/api/auth/logout', {})).statusCode).toBe(204);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('applies a role granted through the API to a signed-in user at once', async () => {
    const admin = await login(t.app, 'alice');
    const user = await makeUser(t.db, { username: 'frank' });
    const frank = await login(t.app, 'frank');
    expect((await frank.get('/api/org/nodes')).statusCode).toBe(403); // remembered without grants
    expect((await admin.post('/api/org/roles', { userId: user.id, role: 'cadre', nodeId: district.id })).statusCode).toBe(201);
    expect((await frank.get('/api/org/nodes')).statusCode).toBe(200);
  });

  it('honours a session ended elsewhere once the cache time has passed', async () => {
    const short = await buildTestApp({ GONGZHI_SESSION_CACHE_MS: '200' });
    try {
      const node = await makeNode(short.db, { name: '短缓存区' });
      await makeUser(short.db, { username: 'dave', roles: [{ role: 'admin', nodeId: node.id }] });
      const dave = await login(short.app, 'dave');
      expect((await dave.get('/api/me')).statusCode).toBe(200);
      // Another server signs dave out: only the table changes.
      await short.db.execute(sql`DELETE FROM sessions`);
      await new Promise((r) => setTimeout(r, 250));
      expect((await dave.get('/api/me')).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });
});
