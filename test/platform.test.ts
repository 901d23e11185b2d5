/**
 * Platform guarantees that span modules: declared access on every route, and both
 * database drivers returning the same JavaScript types.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { queryRows } from '../src/server/platform/db/database.js';
import { defineModule, type GzApp } from '../src/server/platform/module.js';
import { allPermissions } from '../src/server/platform/access/permission.js';
import { buildTestApp, type TestApp } from './helpers/app.js';
import { createTestDatabase } from './helpers/db.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('route access declarations', () => {
  it('every API route declares public, authenticated or a known permission', () => {
    const routes = t.app.gz.routes;
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes) {
      const known = r.access === 'public' || r.access === 'authenticated' || (allPermissions as readonly string[]).includes(r.access);
      expect(known, `${r.method} ${r.url}`).toBe(true);
    }
  });

  it('refuses to start with a route that declares no access', async () => {
    const rogue = defineModule({
      name: 'rogue',
      routes: (app: GzApp) => {
        app.get('/api/rogue', { schema: { response: { 200: z.object({ ok: z.boolean() }) } } }, async () => ({ ok: true }));
      },
    });
    const test = await createTestDatabase();
    try {
      await expect(
        buildApp({ config: loadConfig({ GONGZHI_WEB_DIR: '/nonexistent' }), database: test.database, logger: false, modules: [rogue] }).then((app) => app.ready()),
      ).rejects.toThrow(/declares no access/);
    } finally {
      await test.close();
    }
  });
});

describe('database errors become problems, not 500s', () => {
  const probe = defineModule({
    name: 'probe',
    routes: (app: GzApp) => {
      app.post('/api/probe/duplicate', { config: { access: 'public' } }, async () => {
        await app.gz.db.execute(sql`INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, 'x')`);
        return {};
      });
      app.post('/api/probe/nul', { config: { access: 'public' }, schema: { body: z.object({ text: z.string() }) } }, async (request) => {
        await app.gz.db.execute(sql`SELECT ${request.body.text}::text AS t`);
        return {};
      });
    },
  });

  it('maps unique violations to 409 and NUL bytes to 400, on both drivers', async () => {
    const test = await createTestDatabase();
    const app = await buildApp({ config: loadConfig({ GONGZHI_WEB_DIR: '/nonexistent' }), database: test.database, logger: false, modules: [probe] });
    try {
      const dup = await app.inject({ method: 'POST', url: '/api/probe/duplicate' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().code).toBe('conflict');
      const nul = await app.inject({ method: 'POST', url: '/api/probe/nul', payload: { text: 'a\u0000b' } });
      expect(nul.statusCode).toBe(400);
      expect(nul.headers['content-type']).toContain('application/problem+json');
    } finally {
      await app.close();
      await test.close();
    }
  });
});

describe('web console serving', () => {
  it('serves the SPA index for unknown pages and problems for unknown API routes', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const webDir = mkdtempSync(join(tmpdir(), 'gz-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>共治</title>');
    const test = await createTestDatabase();
    const app = await buildApp({ config: loadConfig({ GONGZHI_WEB_DIR: webDir }), database: test.database, logger: false });
    try {
      const page = await app.inject({ url: '/console/org/nodes' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('共治');
      const api = await app.inject({ url: '/api/nope' });
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toContain('application/problem+json');
    } finally {
      await app.close();
      await test.close();
      rmSync(webDir, { recursive: true, force: true });
    }
  });
});

describe('driver parity', () => {
  it('returns the same JavaScript types for common PostgreSQL types', async () => {
    const [row] = await queryRows<Record<string, unknown>>(
      t.db,
      sql`SELECT 42::int8 AS big, count(*) AS n, 7::int4 AS small, 1.5::float8 AS dbl, 'x'::text AS txt, true AS flag,
                 '2026-01-02T03:04:05.678Z'::timestamptz AS ts, '{"a":1}'::jsonb AS doc, ARRAY['a','b']::text[] AS arr, NULL::text AS nothing`,
    );
    expect(row).toEqual({
      big: 42,
      n: 1,
      small: 7,
      dbl: 1.5,
      txt: 'x',
      flag: true,
      // Drizzle hands raw timestamps through as text; both drivers run their sessions in UTC.
      ts: '2026-01-02 03:04:05.678+00',
      doc: { a: 1 },
      arr: ['a', 'b'],
      nothing: null,
    });
  });
});

describe('rate limits', () => {
  it('count API calls only, not the console\'s static files', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const web = mkdtempSync(join(tmpdir(), 'gz-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>共治</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const limited = await buildTestApp({ GONGZHI_RATE_LIMIT: '3', GONGZHI_WEB_DIR: web });
    try {
      for (let i = 0; i < 10; i++) expect((await limited.app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/api/health' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
