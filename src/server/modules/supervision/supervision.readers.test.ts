/**
 * Who reads a report (issue #5 points 4, 5) on a real database: the person reported and
 * their line superiors (leaders of the administrative line, posts up the organization's own
 * chain) are kept away unless the deployment includes them; a report about a level's own
 * inspector goes one level up; an inspector may step aside (回避) while another holds the
 * report; a level keeps or transfers a report within 5 working days, or it is flagged;
 * after archiving the receipt expires and, at the end of retention, the report is shredded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { queryRows } from '../../platform/db/database.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { organizations, people, posts } from '../org/org.tables.js';
import { readersFor } from './report-readers.js';
import { flagOverdueReports, remindReportClocks } from './report-clocks.js';
import { expireReceipts, shredReports } from './report-retention.js';

let t: TestApp;
type Name = 'plain' | 'leader' | 'secretary' | 'upper' | 'custodian' | 'accused';
let c: Record<Name, Client>;
let ids: Record<Name, number>;
let community: { id: number; path: string };
let accusedPersonId: number;
let plainPersonId: number;
let branchId: number;
let districtPath: string;
let districtId: number;
let lonely: { id: number };

beforeAll(async () => {
  t = await buildTestApp();
  const district = await makeNode(t.db, { level: 'district' });
  const street = await makeNode(t.db, { level: 'street', parent: district });
  community = await makeNode(t.db, { level: 'community', parent: street });
  const sfx = district.id;
  const make = (name: Name, roles: Array<{ role: 'discipline_inspector' | 'custodian' | 'cadre'; nodeId: number }>) => makeUser(t.db, { username: `${name}${sfx}`, roles });
  ids = {} as typeof ids;
  ids.custodian = (await make('custodian', [{ role: 'custodian', nodeId: district.id }])).id;
  ids.plain = (await make('plain', [{ role: 'discipline_inspector', nodeId: street.id }])).id;
  // The street's 纪工委书记 who also sits in the street's leadership: a line superior of the community's cadres.
  ids.leader = (await make('leader', [{ role: 'discipline_inspector', nodeId: street.id }, { role: 'cadre', nodeId: street.id }])).id;
  // An inspector who is also the secretary of the street's party committee, above the community's branch.
  ids.secretary = (await make('secretary', [{ role: 'discipline_inspector', nodeId: street.id }])).id;
  ids.upper = (await make('upper', [{ role: 'discipline_inspector', nodeId: district.id }])).id;
  ids.accused = (await make('accused', [{ role: 'cadre', nodeId: community.id }])).id;
  const person = async (name: string, nodeId: number, userId: number) => (await t.db.insert(people).values({ nodeId, name, userId }).returning())[0]!.id;
  accusedPersonId = await person('孙某', community.id, ids.accused);
  plainPersonId = await person('周某', street.id, ids.plain);
  const secretaryPerson = await person('吴书记', street.id, ids.secretary);
  const [committee] = await t.db.insert(organizations).values({ nodeId: street.id, kind: 'party', partyLevel: 'committee', code: `PC${sfx}`, name: '街道党工委' }).returning();
  const [branch] = await t.db.insert(organizations).values({ nodeId: community.id, kind: 'party', partyLevel: 'branch', code: `PB${sfx}`, name: '社区党支部', parentOrgId: committee!.id }).returning();
  branchId = branch!.id;
  districtPath = district.path;
  districtId = district.id;
  lonely = await makeNode(t.db, { level: 'community', parent: street });
  await t.db.insert(posts).values([
    { orgId: committee!.id, title: '书记', personId: secretaryPerson },
    { orgId: branch!.id, title: '委员', personId: accusedPersonId },
  ]);
  c = {} as typeof c;
  for (const name of ['custodian', 'plain', 'leader', 'secretary', 'upper', 'accused'] as const) c[name] = await login(t.app, `${name}${sfx}`);
});
afterAll(() => t.close());

let address = 0;
const file = async (body: Record<string, unknown>) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/supervision/reports', payload: { anonymous: true, content: '收受好处费并违规发放补贴，请核查。', nodeId: community.id, ...body }, remoteAddress: `10.2.0.${++address}` });
  expect(res.statusCode, res.body).toBe(201);
  const [row] = await queryRows<{ id: number }>(t.db, sql`SELECT id::int AS id FROM supervision_reports ORDER BY id DESC LIMIT 1`);
  return { receipt: res.json().receipt as string, id: row!.id };
};
const inspectorsOf = async (reportId: number) =>
  (await queryRows<{ user_id: number }>(t.db, sql`SELECT user_id::int AS user_id FROM supervision_report_keys WHERE report_id = ${reportId} AND role = 'inspector' ORDER BY user_id`)).map((r) => r.user_id);
const ctxAt = (now: Date) => ({ actor: null, requestId: 'test', ip: null, now });

describe('who reads a report', () => {
  it('keeps the person reported and their line superiors away: the street’s leader and the party committee’s secretary', async () => {
    const { id } = await file({ accused: '社区支委孙某', accusedPersonId });
    expect(await inspectorsOf(id)).toEqual([ids.plain]);
    expect((await c.leader.get(`/api/supervision/reports/${id}`)).statusCode).toBe(404);
    expect((await c.secretary.get(`/api/supervision/reports/${id}`)).statusCode).toBe(404);
    expect((await c.plain.get(`/api/supervision/reports/${id}`)).statusCode).toBe(200);
  });

  it('lets a deployment include line superiors (GONGZHI_SUPERVISION_LINE_SUPERIORS=include)', async () => {
    const readers = await readersFor(t.db, community.path, { accusedPersonId, lineSuperiors: 'include' });
    expect([...readers.inspectors.keys()].sort((a, b) => a - b)).toEqual([ids.plain, ids.leader, ids.secretary].sort((a, b) => a - b));
    expect(readers.keptAway).toBe(1);
  });

  it('keeps the street’s inspector themselves and their leader away from a report about them; their colleague reads it', async () => {
    const { id } = await file({ accused: '街道纪工委周某', accusedPersonId: plainPersonId });
    expect(await inspectorsOf(id)).toEqual([ids.secretary]);
  });

  it('sends a report one level up when everyone at the level is the person or in their line', async () => {
    // 周某 now also sits on the community branch, under the committee whose secretary is the street's other inspector.
    await t.db.insert(posts).values({ orgId: branchId, title: '委员', personId: plainPersonId });
    const { id } = await file({ accused: '街道纪工委周某', accusedPersonId: plainPersonId });
    expect(await inspectorsOf(id)).toEqual([ids.upper]);
    expect((await c.upper.get(`/api/supervision/reports/${id}`)).statusCode).toBe(200);
    expect((await c.secretary.get(`/api/supervision/reports/${id}`)).statusCode).toBe(404);
    const readers = await readersFor(t.db, community.path, { accusedPersonId: plainPersonId, lineSuperiors: 'exclude' });
    expect(readers.level?.path).toBe(districtPath);
    expect(readers.keptAway).toBe(3);
  });
});

describe('stepping aside and the transfer clock', () => {
  it('lets an inspector step aside (回避) while another holds the report, not the last one', async () => {
    const { id } = await file({ accused: '社区居委会某干部' });
    expect(await inspectorsOf(id)).toEqual([ids.plain, ids.leader, ids.secretary].sort((a, b) => a - b));
    expect((await c.leader.post(`/api/supervision/reports/${id}/recuse`, { reason: '与被举报人系亲属关系' })).statusCode).toBe(204);
    expect((await c.leader.get(`/api/supervision/reports/${id}`)).statusCode).toBe(404);
    expect((await c.secretary.post(`/api/supervision/reports/${id}/recuse`, { reason: '曾在该社区任职' })).statusCode).toBe(204);
    const last = await c.plain.post(`/api/supervision/reports/${id}/recuse`, { reason: '同事关系' });
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('supervision_last_reader');
    const view = (await c.plain.get(`/api/supervision/reports/${id}`)).json();
    expect(view.messages.filter((m: { kind: string }) => m.kind === 'internal').map((m: { body: string }) => m.body)).toEqual(['回避：与被举报人系亲属关系', '回避：曾在该社区任职']);
    const follow = await t.app.inject({ method: 'POST', url: '/api/supervision/follow-up', payload: { receipt: '0000000000000000' }, remoteAddress: '10.2.1.1' });
    expect(follow.statusCode).toBe(404);
  });

  it('flags a report neither kept nor transferred within 5 working days', async () => {
    const { id } = await file({ accused: '社区某干部' });
    const view = (await c.plain.get(`/api/supervision/reports/${id}`)).json();
    const received = new Date(view.receivedAt).getTime();
    const due = new Date(view.transferDueAt).getTime();
    expect(due - received).toBeGreaterThanOrEqual(5 * 86_400_000);
    expect(due - received).toBeLessThan(20 * 86_400_000);
    const sent = async () => queryRows<{ template: string; recipient: string; params: Record<string, unknown> }>(t.db, sql`SELECT template, recipient, params FROM outbox WHERE template LIKE 'supervision.%' AND params->>'reportId' = ${String(id)} ORDER BY id`);
    await t.db.transaction((tx) => remindReportClocks({ tx, ...ctxAt(new Date(due - 2 * 86_400_000)) }));
    expect(await sent()).toEqual([]);
    await t.db.transaction((tx) => flagOverdueReports({ tx, ...ctxAt(new Date(due - 60_000)) }));
    await t.db.transaction((tx) => remindReportClocks({ tx, ...ctxAt(new Date(due - 60_000)) }));
    await t.db.transaction((tx) => remindReportClocks({ tx, ...ctxAt(new Date(due - 30_000)) }));
    expect((await c.plain.get(`/api/supervision/reports/${id}`)).json().overdue).toBe(false);
    const reminded = await sent();
    expect(reminded.map((m) => [m.template, Number(m.recipient)]).sort()).toEqual([ids.plain, ids.leader, ids.secretary].map((u) => ['supervision.remind', u]).sort());
    expect(reminded[0]!.params).toMatchObject({ number: view.number, clock: 'transfer' });
    expect(JSON.stringify(reminded)).not.toContain('社区某干部');
    await t.db.transaction((tx) => flagOverdueReports({ tx, ...ctxAt(new Date(due + 60_000)) }));
    await t.db.transaction((tx) => remindReportClocks({ tx, ...ctxAt(new Date(due + 60_000)) }));
    expect((await c.plain.get(`/api/supervision/reports/${id}`)).json().overdue).toBe(true);
    expect((await sent()).filter((m) => m.template === 'supervision.overdue')).toHaveLength(3);
    const accepted = await c.plain.post(`/api/supervision/reports/${id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await c.plain.get(`/api/supervision/reports/${id}`)).json().overdue).toBe(false);
  });
});

describe('retention', () => {
  it('expires the receipt after archiving, then shreds the report: no key, no words, the row kept for counts', async () => {
    const { id, receipt } = await file({ accused: '社区会计某某', content: '虚报冒领低保资金共计三万元，请查处。' });
    const step = async (event: string, body: Record<string, unknown> = {}) => {
      const res = await c.plain.post(`/api/supervision/reports/${id}/${event}`, body);
      expect(res.statusCode, `${event}: ${res.body}`).toBe(200);
    };
    await t.app.inject({ method: 'POST', url: '/api/supervision/follow-up/messages', payload: { receipt, kind: 'material', body: '补充：另有两户冒领' }, remoteAddress: '10.2.2.1' });
    await step('accept');
    await step('dispose', { disposal: 'preliminary_check' });
    await step('conclude', { text: '经核实，问题属实，已移交处理。' });
    await step('close');
    await step('archive');
    const [archived] = await queryRows<{ archived_at: Date }>(t.db, sql`SELECT archived_at FROM supervision_reports WHERE id = ${id}`);
    const at = (days: number) => new Date(new Date(archived!.archived_at).getTime() + days * 86_400_000);

    expect(await t.db.transaction((tx) => expireReceipts({ tx, ...ctxAt(at(364)) }, 365))).toBe(0);
    expect(await t.db.transaction((tx) => expireReceipts({ tx, ...ctxAt(at(366)) }, 365))).toBe(1);
    expect((await t.app.inject({ method: 'POST', url: '/api/supervision/follow-up', payload: { receipt }, remoteAddress: '10.2.2.2' })).statusCode).toBe(404);
    expect((await c.plain.get(`/api/supervision/reports/${id}`)).statusCode).toBe(200);

    expect(await t.db.transaction((tx) => shredReports({ tx, ...ctxAt(at(1824)) }, 1825))).toBe(0);
    const before = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM supervision_reports`);
    expect(await t.db.transaction((tx) => shredReports({ tx, ...ctxAt(at(1826)) }, 1825))).toBe(1);
    expect((await c.plain.get(`/api/supervision/reports/${id}`)).statusCode).toBe(404);
    const left = await queryRows<{ keys: number; messages: number; identities: number; content: number; n: number }>(
      t.db,
      sql`SELECT (SELECT count(*)::int FROM supervision_report_keys WHERE report_id = ${id}) AS keys,
                 (SELECT count(*)::int FROM supervision_messages WHERE report_id = ${id}) AS messages,
                 (SELECT count(*)::int FROM supervision_identities WHERE report_id = ${id}) AS identities,
                 (SELECT length(content) FROM supervision_reports WHERE id = ${id}) AS content,
                 (SELECT count(*)::int FROM supervision_reports) AS n`,
    );
    expect(left[0]).toEqual({ keys: 0, messages: 0, identities: 0, content: 0, n: before[0]!.n });
    expect(await t.db.transaction((tx) => shredReports({ tx, ...ctxAt(at(1900)) }, 1825))).toBe(0);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});

describe('aggregate counts', () => {
  it('tell those who assess an area how many reports by state and month, withholding 1 and 2, and nothing more', async () => {
    const one = await t.app.inject({ method: 'POST', url: '/api/supervision/reports', payload: { anonymous: true, accused: '另一社区某干部', content: '唯一一件举报的内容，不应被推断。', nodeId: lonely.id }, remoteAddress: '10.2.9.1' });
    expect(one.statusCode).toBe(201);
    // The community's cadre counts in their community (their scope by default).
    const mine = await c.accused.get('/api/supervision/counts');
    expect(mine.statusCode, mine.body).toBe(200);
    const [db] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM supervision_reports WHERE node_id = ${community.id}`);
    expect(db!.n).toBeGreaterThanOrEqual(3);
    expect(mine.json()).toMatchObject({ nodeId: community.id, total: db!.n });
    expect(mine.body).not.toContain('收受好处费');
    const byState = Object.values(mine.json().byState as Record<string, number | null>);
    expect(byState.every((n) => n === null || n === 0 || n >= 3)).toBe(true);
    // Outside their scope: nothing. A custodian or an inspector without assessing rights: nothing.
    expect((await c.accused.get(`/api/supervision/counts?nodeId=${districtId}`)).statusCode).toBe(404);
    expect((await c.custodian.get('/api/supervision/counts')).statusCode).toBe(404);
    // A subtree with one report shows it withheld.
    const upper = await c.upper.get(`/api/supervision/counts?nodeId=${lonely.id}`);
    expect(upper.statusCode, upper.body).toBe(200);
    expect(upper.json()).toMatchObject({ total: null, byState: { received: null, accepted: 0 } });
    expect(upper.json().byMonth).toEqual([{ month: expect.stringMatching(/^\d{4}-\d{2}$/), count: null }]);
  });
});
