/**
 * Accountability records through HTTP on a real database: an inspector records a measure of
 * the four forms on a cadre of their area with its grounds; the measure must belong to its
 * form; inspectors of other areas cannot; the cadre sees their own record, others do not;
 * the cadre appeals once; a reviewer decides it once; every act is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { queryRows } from '../../platform/db/database.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { people } from '../org/org.tables.js';

let t: TestApp;
let c: Record<'inspector' | 'elsewhere' | 'cadre' | 'resident', Client>;
let cadrePersonId: number;

beforeAll(async () => {
  t = await buildTestApp();
  const district = await makeNode(t.db, { level: 'district' });
  const street = await makeNode(t.db, { level: 'street', parent: district });
  const other = await makeNode(t.db, { level: 'street', parent: district });
  const community = await makeNode(t.db, { level: 'community', parent: street });
  const sfx = district.id;
  await makeUser(t.db, { username: `inspector${sfx}`, roles: [{ role: 'discipline_inspector', nodeId: street.id }] });
  await makeUser(t.db, { username: `elsewhere${sfx}`, roles: [{ role: 'discipline_inspector', nodeId: other.id }] });
  const cadre = await makeUser(t.db, { username: `cadre${sfx}`, roles: [{ role: 'cadre', nodeId: community.id }] });
  await makeUser(t.db, { username: `resident${sfx}`, roles: [{ role: 'resident', nodeId: community.id }], kind: 'resident' });
  const [p] = await t.db.insert(people).values({ nodeId: community.id, name: '赵主任', userId: cadre.id }).returning();
  cadrePersonId = p!.id;
  c = {} as typeof c;
  for (const name of ['inspector', 'elsewhere', 'cadre', 'resident'] as const) c[name] = await login(t.app, `${name}${sfx}`);
});
afterAll(() => t.close());

const measure = () => ({ personId: cadrePersonId, form: 'form1', measure: 'admonishment', grounds: [{ kind: 'case', ref: '20261129-000001', note: '超期未办结' }], summary: '工单办理超期且未按时反馈，予以诫勉。', decidedBy: '东城街道纪工委', decidedOn: '2026-11-20' });

describe('accountability records', () => {
  let id: number;

  it('records a measure with its grounds, within the recorder’s area; the measure must belong to its form', async () => {
    const res = await c.inspector.post('/api/accountability/records', measure());
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ form: 'form1', measure: 'admonishment', appeal: 'none', grounds: [{ kind: 'case', ref: '20261129-000001' }] });
    const wrong = await c.inspector.post('/api/accountability/records', { ...measure(), measure: 'expulsion' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect((await c.inspector.post('/api/accountability/records', { ...measure(), personId: 99999999 })).statusCode).toBe(422);
    expect((await c.elsewhere.post('/api/accountability/records', measure())).statusCode).toBe(403);
    expect((await c.cadre.post('/api/accountability/records', measure())).statusCode).toBe(403);
  });

  it('shows a record to the authorized roles of its area and to the person, no one else', async () => {
    expect((await c.inspector.get(`/api/accountability/records?personId=${cadrePersonId}`)).json().items.map((r: { id: number }) => r.id)).toEqual([id]);
    expect((await c.cadre.get('/api/accountability/records')).json().items.map((r: { id: number }) => r.id)).toEqual([id]);
    expect((await c.elsewhere.get('/api/accountability/records')).json().items).toEqual([]);
    expect((await c.resident.get('/api/accountability/records')).json().items).toEqual([]);
    expect((await c.resident.get(`/api/accountability/records/${id}`)).statusCode).toBe(404);
    expect((await c.elsewhere.get(`/api/accountability/records/${id}`)).statusCode).toBe(404);
  });

  it('lets the person appeal once, and a reviewer (not the person) decide it once', async () => {
    expect((await c.inspector.post(`/api/accountability/records/${id}/appeal`, { text: '不是我' })).statusCode).toBe(403);
    // Each view lists what its caller may do now, and a write at an old version is refused.
    expect((await c.cadre.get(`/api/accountability/records/${id}`)).json()).toMatchObject({ personName: '赵主任', actions: ['appeal'], version: 1 });
    expect((await c.inspector.get(`/api/accountability/records/${id}`)).json().actions).toEqual([]);
    expect((await c.cadre.post(`/api/accountability/records/${id}/appeal`, { text: '请求复查', version: 2 })).statusCode).toBe(409);
    const appealed = await c.cadre.post(`/api/accountability/records/${id}/appeal`, { text: '超期系上级部门未及时派单所致，请求复查。' });
    expect(appealed.statusCode, appealed.body).toBe(200);
    expect(appealed.json()).toMatchObject({ appeal: 'pending', actions: [] });
    expect((await c.inspector.get(`/api/accountability/records/${id}`)).json().actions).toEqual(['review']);
    expect((await c.cadre.post(`/api/accountability/records/${id}/appeal`, { text: '再次申诉' })).statusCode).toBe(409);
    expect((await c.cadre.post(`/api/accountability/records/${id}/review`, { outcome: 'revoked', note: '自己撤销' })).statusCode).toBe(403);
    const reviewed = await c.inspector.post(`/api/accountability/records/${id}/review`, { outcome: 'revoked', note: '经复查，超期系派单延误，撤销诫勉。' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ appeal: 'revoked', reviewNote: '经复查，超期系派单延误，撤销诫勉。' });
    expect((await c.inspector.post(`/api/accountability/records/${id}/review`, { outcome: 'upheld', note: '再审' })).statusCode).toBe(409);
    const actions = await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_log WHERE action LIKE 'accountability.%' ORDER BY seq`);
    expect(actions.map((a) => a.action)).toEqual(['accountability.record', 'accountability.appeal', 'accountability.review']);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
