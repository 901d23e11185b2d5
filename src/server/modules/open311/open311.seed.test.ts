/**
 * The demo seed's Open311 part: after `seed --demo`, the published demo key files a
 * request into the demo district at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { queryRows } from '../../platform/db/database.js';
import { seedDemo } from '../../seed.js';
import { DEMO_API_KEY } from './open311.seed.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.db, new Date());
});
afterAll(() => t.close());

describe('Open311 demo key', () => {
  it('files a request into the demo district', async () => {
    const [key] = await queryRows<{ prefix: string; scopes: string[]; username: string }>(t.db, sql`SELECT k.prefix, k.scopes, u.username FROM api_keys k JOIN users u ON u.id = k.user_id`);
    expect(key).toEqual({ prefix: 'demo_ope', scopes: ['cases.intake'], username: 'apikey-demo_ope' });
    const services = (await t.app.inject({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=110199' })).json() as Array<{ service_code: string }>;
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ api_key: DEMO_API_KEY, jurisdiction_id: '110199', service_code: services[0]!.service_code, address_string: '演示地址', 'attribute[urgency]': 'general', description: '演示' }).toString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await queryRows<{ code: string; channel: string }>(t.db, sql`SELECT n.code, c.channel FROM cases c JOIN admin_nodes n ON n.id = c.node_id ORDER BY c.id DESC LIMIT 1`);
    expect(row).toEqual({ code: '110199', channel: 'api' });
  });
});
