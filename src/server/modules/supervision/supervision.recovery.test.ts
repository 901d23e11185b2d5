/**
 * Key recovery after a password reset (issue #5 point 3) on a real database: an
 * administrator resets an inspector's password; the inspector still signs in but reads no
 * report; a custodian holding their escrow approves the recovery (an administrator, or a
 * custodian without the escrow, cannot); at the next sign-in the inspector reads the report
 * again, and a later password change keeps the key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { queryRows } from '../../platform/db/database.js';
import { verifyAudit } from '../../platform/audit/verify.js';

let t: TestApp;
let c: Record<'custodian' | 'stranger' | 'admin', Client>;
let inspectorId: number;
let inspectorName: string;
let reportId: number;

const CONTENT = '某街道干部违规插手工程招投标，收受好处。';

beforeAll(async () => {
  t = await buildTestApp();
  const district = await makeNode(t.db, { level: 'district' });
  const other = await makeNode(t.db, { level: 'district' });
  const street = await makeNode(t.db, { level: 'street', parent: district });
  const sfx = district.id;
  await makeUser(t.db, { username: `custodian${sfx}`, roles: [{ role: 'custodian', nodeId: district.id }] });
  await makeUser(t.db, { username: `stranger${sfx}`, roles: [{ role: 'custodian', nodeId: other.id }] });
  await makeUser(t.db, { username: `admin${sfx}`, roles: [{ role: 'admin', nodeId: district.id }] });
  inspectorName = `inspector${sfx}`;
  inspectorId = (await makeUser(t.db, { username: inspectorName, roles: [{ role: 'discipline_inspector', nodeId: street.id }] })).id;
  c = { custodian: await login(t.app, `custodian${sfx}`), stranger: await login(t.app, `stranger${sfx}`), admin: await login(t.app, `admin${sfx}`) };
  await login(t.app, inspectorName); // keys made, escrowed to the district's custodian
  const filed = await t.app.inject({ method: 'POST', url: '/api/supervision/reports', payload: { anonymous: true, accused: '街道某干部', content: CONTENT, nodeId: street.id }, remoteAddress: '10.4.0.1' });
  expect(filed.statusCode, filed.body).toBe(201);
  reportId = (await queryRows<{ id: number }>(t.db, sql`SELECT id::int AS id FROM supervision_reports ORDER BY id DESC LIMIT 1`))[0]!.id;
});
afterAll(() => t.close());

describe('key recovery after a password reset', () => {
  it('lets the inspector sign in after a reset, without their key until a custodian recovers it', async () => {
    expect((await c.admin.post(`/api/org/accounts/${inspectorId}/password`, { newPassword: 'reset-pass-456' })).statusCode).toBe(204);
    const inspector = await login(t.app, inspectorName, 'reset-pass-456');
    expect((await inspector.get('/api/supervision/key-status')).json()).toEqual({ state: 'recovery_pending' });
    expect((await inspector.get(`/api/supervision/reports/${reportId}`)).statusCode).toBe(404);
    // Signing in again before approval asks nothing new.
    await login(t.app, inspectorName, 'reset-pass-456');
    const asked = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'supervision.key.recovery_request' AND subject_id = ${String(inspectorId)}`);
    expect(asked[0]!.n).toBe(1);
  });

  it('is approved only by a custodian holding the escrow', async () => {
    expect((await c.admin.post(`/api/supervision/key-recoveries/${inspectorId}/approve`)).statusCode).toBe(403);
    expect((await c.stranger.get('/api/supervision/key-recoveries')).json().items).toEqual([]);
    expect((await c.stranger.post(`/api/supervision/key-recoveries/${inspectorId}/approve`)).statusCode).toBe(404);
    const listed = (await c.custodian.get('/api/supervision/key-recoveries')).json().items;
    expect(listed).toEqual([expect.objectContaining({ userId: inspectorId, status: 'pending' })]);
    expect((await c.custodian.post(`/api/supervision/key-recoveries/${inspectorId}/approve`)).statusCode).toBe(204);
    expect((await c.custodian.post(`/api/supervision/key-recoveries/${inspectorId}/approve`)).statusCode).toBe(409);
  });

  it('gives the inspector their key back at the next sign-in, kept across a later password change', async () => {
    const inspector = await login(t.app, inspectorName, 'reset-pass-456');
    expect((await inspector.get('/api/supervision/key-status')).json()).toEqual({ state: 'ready' });
    const view = await inspector.get(`/api/supervision/reports/${reportId}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().matter.content).toBe(CONTENT);
    expect((await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM supervision_key_recoveries`))[0]!.n).toBe(0);
    const changed = await inspector.post('/api/me/password', { currentPassword: 'reset-pass-456', newPassword: 'later-pass-789' });
    expect(changed.statusCode, changed.body).toBe(204);
    const again = await login(t.app, inspectorName, 'later-pass-789');
    expect((await again.get(`/api/supervision/reports/${reportId}`)).json().matter.content).toBe(CONTENT);
    const actions = await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_log WHERE action LIKE 'supervision.key.%' ORDER BY seq`);
    expect(actions.map((a) => a.action)).toEqual(['supervision.key.recovery_request', 'supervision.key.recovery_approve', 'supervision.key.recovered']);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
