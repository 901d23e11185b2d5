/**
 * 通报批评 published to an audience (issue #5 point 6), through HTTP and the real outbox: the
 * notice reaches exactly the staff of the chosen subtree (optionally only some roles), each
 * account once however many roles it holds there, in their in-app notifications — never
 * residents, nobody above or beside the subtree; the audience must lie within the recorder's
 * own scope, and only a 通报批评 can be published. What went out is kept on the record and
 * audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { queryRows } from '../../platform/db/database.js';
import { inAppAdapter, type Adapters, type ChannelAdapter } from '../../platform/notify/adapters.js';
import { deliverDue } from '../../platform/notify/deliver.js';
import { people } from '../org/org.tables.js';

type Roles = NonNullable<Parameters<typeof makeUser>[1]>['roles'];

let t: TestApp;
let recorder: Client;
let subjectId: number;
const ids: Record<string, number> = {};
const nodes: Record<'district' | 'street' | 'other' | 'community' | 'grid', { id: number; path: string }> = {} as never;

beforeAll(async () => {
  t = await buildTestApp();
  nodes.district = await makeNode(t.db, { level: 'district' });
  nodes.street = await makeNode(t.db, { level: 'street', parent: nodes.district });
  nodes.other = await makeNode(t.db, { level: 'street', parent: nodes.district });
  nodes.community = await makeNode(t.db, { level: 'community', parent: nodes.street });
  nodes.grid = await makeNode(t.db, { level: 'grid', parent: nodes.community });
  const sfx = nodes.district.id;
  const user = async (name: string, roles: Roles, kind: 'staff' | 'resident' = 'staff') => {
    ids[name] = (await makeUser(t.db, { username: `${name.toLowerCase()}${sfx}`, roles, kind })).id;
  };
  await user('recorder', [{ role: 'discipline_inspector', nodeId: nodes.street.id }]);
  await user('streetCadre', [{ role: 'cadre', nodeId: nodes.street.id }]);
  await user('gridWorker', [{ role: 'grid_worker', nodeId: nodes.grid.id }, { role: 'party_member', nodeId: nodes.community.id }]);
  await user('deptStaff', [{ role: 'dept_staff', nodeId: nodes.community.id }]);
  await user('resident', [{ role: 'resident', nodeId: nodes.grid.id }], 'resident');
  await user('otherCadre', [{ role: 'cadre', nodeId: nodes.other.id }]);
  await user('districtAdmin', [{ role: 'admin', nodeId: nodes.district.id }]);
  await user('subject', [{ role: 'grid_worker', nodeId: nodes.grid.id }]);
  const [p] = await t.db.insert(people).values({ nodeId: nodes.grid.id, name: '钱网格员', userId: ids.subject! }).returning();
  subjectId = p!.id;
  recorder = await login(t.app, `recorder${sfx}`);
});
afterAll(() => t.close());

const circulated = (publish?: unknown) => ({ personId: subjectId, form: 'circulated', measure: 'circulated_criticism', grounds: [{ kind: 'other', ref: '巡查抽查' }], summary: '巡查记录与实际不符，予以通报批评。', decidedBy: '东城街道纪工委', decidedOn: '2026-11-20', ...(publish ? { publish } : {}) });

const noop: ChannelAdapter = { send: async () => undefined };
const adapters: Adapters = { in_app: inAppAdapter, email: noop, sms: noop, wechat: noop };

/** Who has the record's notice in their in-app notifications once the outbox is delivered. */
async function notified(recordId: number): Promise<number[]> {
  await deliverDue(t.db, adapters, new Date(Date.now() + 60_000));
  const rows = await queryRows<{ user_id: number }>(t.db, sql`SELECT user_id FROM notifications WHERE template = 'accountability.circulated' AND params->>'recordId' = ${String(recordId)} ORDER BY user_id`);
  return rows.map((r) => Number(r.user_id));
}

const sorted = (...names: string[]) => names.map((n) => ids[n]!).sort((a, b) => a - b);

describe('通报批评 published', () => {
  it('reaches every staff account of the chosen subtree once, and nobody else', async () => {
    const res = await recorder.post('/api/accountability/records', circulated({ nodeId: nodes.street.id }));
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json();
    // The grid worker holds two roles in the subtree and gets one notice; the resident, the
    // other street's cadre and the district's administrator get none.
    const audience = sorted('recorder', 'streetCadre', 'gridWorker', 'deptStaff', 'subject');
    expect(record.publication).toMatchObject({ nodeId: nodes.street.id, roles: null, recipients: audience.length });
    expect(await notified(record.id)).toEqual(audience);
    const inbox = await (await login(t.app, `gridworker${nodes.district.id}`)).get('/api/me/notifications');
    expect(inbox.json().items.find((n: { title: string }) => n.title.startsWith('通报批评'))).toMatchObject({ title: '通报批评：钱网格员' });
  });

  it('only the chosen roles, when given', async () => {
    const res = await recorder.post('/api/accountability/records', circulated({ nodeId: nodes.community.id, roles: ['grid_worker', 'dept_staff'] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().publication).toMatchObject({ nodeId: nodes.community.id, roles: ['grid_worker', 'dept_staff'], recipients: 3 });
    expect(await notified(res.json().id)).toEqual(sorted('gridWorker', 'deptStaff', 'subject'));
  });

  it('refuses an audience outside the recorder’s scope, residents as a role, and publishing other forms', async () => {
    const before = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM accountability_records`);
    for (const nodeId of [nodes.other.id, nodes.district.id]) {
      const res = await recorder.post('/api/accountability/records', circulated({ nodeId }));
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0]).toMatchObject({ path: 'body.publish.nodeId', code: 'accountability_publish_scope' });
    }
    expect((await recorder.post('/api/accountability/records', circulated({ nodeId: 99_999_999 }))).json().errors[0].code).toBe('ref_not_found');
    expect((await recorder.post('/api/accountability/records', circulated({ nodeId: nodes.street.id, roles: ['resident'] }))).statusCode).toBe(400);
    const form1 = await recorder.post('/api/accountability/records', { ...circulated({ nodeId: nodes.street.id }), form: 'form1', measure: 'criticism' });
    expect(form1.statusCode).toBe(422);
    expect(form1.json().errors[0].code).toBe('accountability_publish_form');
    // Nothing of a refused request stays: no record, no message.
    expect(await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM accountability_records`)).toEqual(before);
    const messages = await queryRows<{ n: number }>(t.db, sql`SELECT count(DISTINCT params->>'recordId')::int AS n FROM outbox WHERE template = 'accountability.circulated'`);
    expect(messages[0]!.n).toBe(2);
  });

  it('a 通报批评 without an audience is recorded unpublished', async () => {
    const res = await recorder.post('/api/accountability/records', circulated());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().publication).toBeNull();
  });

  it('audits each publication with its audience and count; the chain verifies', async () => {
    const rows = await queryRows<{ changes: { nodeId: number; roles: string[] | null; recipients: number } }>(t.db, sql`SELECT changes FROM audit_log WHERE action = 'accountability.publish' ORDER BY seq`);
    expect(rows.map((r) => r.changes)).toEqual([
      { nodeId: nodes.street.id, roles: null, recipients: 5 },
      { nodeId: nodes.community.id, roles: ['grid_worker', 'dept_staff'], recipients: 3 },
    ]);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
