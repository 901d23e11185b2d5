/**
 * Who reads a report (issue #5 point 9): every GET route of the whole API, called by one
 * account of every role (administrator included) and by the competent inspectors, with the
 * report's id, the identity request's id and the reporter's own ids in its path. Only the
 * competent inspector's report routes show the report's words; only the inspector whose
 * identity request was approved sees the reporter's name — on the identity route alone.
 * And every mutating route of the channel, called the same way by everyone but the
 * competent inspector, changes nothing of the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.js';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { roles, type Role } from '../../platform/access/roles.js';

let t: TestApp;
const clients = new Map<string, Client>();
let reportId = 0;
let requestId = 0;
let communityId = 0;

const SECRET = '挪用扶贫资金购买私家车';
const REPORTER = { name: '钱实名', phone: '13900002222' };

beforeAll(async () => {
  t = await buildTestApp();
  const district = await makeNode(t.db, { level: 'district' });
  const street = await makeNode(t.db, { level: 'street', parent: district });
  const community = await makeNode(t.db, { level: 'community', parent: street });
  communityId = community.id;
  const sfx = district.id;
  // One account per role over the whole district — the custodian first, so keys are escrowed.
  const ordered: Role[] = ['custodian', ...roles.filter((r) => r !== 'custodian')];
  for (const role of ordered) await makeUser(t.db, { username: `${role}${sfx}`, roles: [{ role, nodeId: district.id }], kind: role === 'resident' ? 'resident' : 'staff' });
  await makeUser(t.db, { username: `competent${sfx}`, roles: [{ role: 'discipline_inspector', nodeId: street.id }] });
  for (const name of [...ordered, 'competent']) clients.set(name, await login(t.app, `${name}${sfx}`));
  const filed = await t.app.inject({ method: 'POST', url: '/api/supervision/reports', payload: { anonymous: false, accused: '某街道干部', content: SECRET, nodeId: community.id, reporter: REPORTER } });
  expect(filed.statusCode, filed.body).toBe(201);
  const competent = clients.get('competent')!;
  reportId = (await competent.get('/api/supervision/reports')).json().items[0].id;
  requestId = (await competent.post(`/api/supervision/reports/${reportId}/identity-requests`, { reason: '核实需要联系举报人' })).json().id;
  expect((await clients.get('custodian')!.post(`/api/supervision/identity-requests/${requestId}/decision`, { approve: true })).statusCode).toBe(204);
}, 120_000);
afterAll(() => t.close());

/** The GET routes with their path parameters filled in (every `:id` with each id we care about). */
function urls(): string[] {
  const out = new Set<string>();
  for (const r of t.app.gz.routes) {
    if (r.method !== 'GET' || !r.url.startsWith('/api/')) continue;
    for (const id of [reportId, requestId]) out.add(r.url.replace(/:[A-Za-z]+/g, String(id)));
  }
  return [...out];
}

describe('no one but the competent inspectors reads a report, and only an approved one the identity', () => {
  it('walks every GET route with every role', { timeout: 240_000 }, async () => {
    const all = urls();
    expect(all.length).toBeGreaterThan(50);
    const seenBy: string[] = [];
    for (const [who, client] of clients) {
      for (const url of all) {
        const body = (await client.get(url)).body;
        if (body.includes(SECRET)) seenBy.push(`${who} ${url} words`);
        if (body.includes(REPORTER.name) || body.includes(REPORTER.phone)) seenBy.push(`${who} ${url} identity`);
      }
    }
    expect(seenBy.sort()).toEqual([`competent /api/supervision/reports/${reportId} words`, `competent /api/supervision/reports/${reportId}/identity identity`].sort());
  });

  it('and without a session nothing at all', async () => {
    for (const url of urls()) {
      const body = (await t.app.inject({ method: 'GET', url })).body;
      expect(body.includes(SECRET) || body.includes(REPORTER.name), url).toBe(false);
    }
  });
});

/** Everything of the report a mutating route could change, as one comparable value. */
async function reportState(): Promise<unknown> {
  return queryRows(
    t.db,
    sql`SELECT r.state, r.version, r.competent_path, r.disposal, r.receipt_hash IS NOT NULL AS receipt,
               (SELECT count(*)::int FROM supervision_messages WHERE report_id = r.id) AS messages,
               (SELECT string_agg(user_id || ':' || role, ',' ORDER BY user_id) FROM supervision_report_keys WHERE report_id = r.id) AS readers,
               (SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM supervision_identity_requests WHERE report_id = r.id) AS requests,
               (SELECT count(*)::int FROM supervision_attachments WHERE report_id = r.id) AS attachments
          FROM supervision_reports r WHERE r.id = ${reportId}`,
  );
}

describe('no one but the competent inspectors acts on a report', () => {
  it('walks every mutating route of the channel with every other role and without a session', { timeout: 240_000 }, async () => {
    const routes = t.app.gz.routes.filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && r.url.startsWith('/api/supervision/'));
    expect(routes.length).toBeGreaterThan(10);
    // One body that satisfies the schemas of the channel's actions, so a refusal is the permission's, not the validation's.
    const body = { version: 1, disposal: 'talk_inquiry', text: '越权操作测试文本', kind: 'question', body: '越权询问', reason: '越权操作的理由', nodeId: communityId, approve: true, receipt: '1234567812345678' };
    const before = await reportState();
    const acted: string[] = [];
    const callers: Array<[string, (url: string, method: string) => Promise<{ statusCode: number; body: string }>]> = [
      ...[...clients].filter(([who]) => who !== 'competent').map(([who, client]): [string, (url: string, method: string) => Promise<{ statusCode: number; body: string }>] => [who, (url, method) => client.inject({ method: method as 'POST', url, headers: { cookie: client.cookie, 'x-csrf-token': client.csrf }, payload: body })]),
      ['anonymous', (url, method) => t.app.inject({ method: method as 'POST', url, payload: body })],
    ];
    for (const [who, call] of callers) {
      for (const r of routes) {
        for (const id of [reportId, requestId]) {
          const url = r.url.replace(/:[A-Za-z]+/g, String(id));
          const res = await call(url, r.method);
          if (res.statusCode < 300 && url !== '/api/supervision/reports') acted.push(`${who} ${r.method} ${url} ${res.statusCode}`);
          if (res.body.includes(SECRET) || res.body.includes(REPORTER.name)) acted.push(`${who} ${url} leaked`);
        }
      }
    }
    expect(acted).toEqual([]);
    expect(await reportState()).toEqual(before);
    // The competent inspector, with the same body, does act: the walk would have seen a change.
    expect((await clients.get('competent')!.post(`/api/supervision/reports/${reportId}/accept`, body)).statusCode).toBe(200);
    expect(await reportState()).not.toEqual(before);
  });
});
