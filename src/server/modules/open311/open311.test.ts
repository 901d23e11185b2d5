/**
 * Open311 GeoReport v2 through HTTP on a real database, in JSON and XML: discovery,
 * services, service definitions, POST with an API key (a case on channel `api`), reading
 * requests back with filters, errors in the spec's shape, and well-formed, escaped XML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildCaseWorld, requestBody, type CaseWorld } from '../../../../test/helpers/cases.js';
import { queryRows } from '../../platform/db/database.js';
import { escapeXml } from './open311.format.js';

let t: TestApp;
let w: CaseWorld;
let apiKey: string;
let keyUserId: number;
let jurisdiction: string;

// ---- a minimal XML reader: checks well-formedness and gives the tree back ----

interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) throw new Error(`bare & in ${text}`);
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]!));
}

/** Parses the documents this API writes (declaration, elements, text; no attributes). Throws when not well-formed. */
function parseXml(doc: string): XmlNode {
  const body = doc.replace(/^<\?xml version="1\.0" encoding="utf-8"\?>\s*/, '');
  if (body === doc) throw new Error('no XML declaration');
  const root: XmlNode = { name: '#document', children: [], text: '' };
  const stack: XmlNode[] = [root];
  const token = /<(\/?)([A-Za-z_][\w.-]*)(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < body.length && (m = token.exec(body))) {
    at = token.lastIndex;
    const top = stack[stack.length - 1]!;
    if (m[4] !== undefined) {
      if (m[4].includes('>') && stack.length === 1 && m[4].trim()) throw new Error('text outside the root');
      top.text += decode(m[4]);
    } else if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else {
      const node: XmlNode = { name: m[2]!, children: [], text: '' };
      top.children.push(node);
      if (!m[3]) stack.push(node);
    }
  }
  if (at !== body.length) throw new Error(`unparsable XML at ${at}: ${body.slice(at, at + 40)}`);
  if (stack.length !== 1 || root.children.length !== 1 || root.text.trim() !== '') throw new Error('not one root element');
  return root.children[0]!;
}

const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);
const textOf = (n: XmlNode, name: string) => child(n, name)?.text;

// ---- helpers ----

const get = (url: string) => t.app.inject({ method: 'GET', url });
const postForm = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload: body as Record<string, unknown>, headers });

function expectSpecError(res: LightMyRequestResponse, status: number, format: 'json' | 'xml'): string {
  expect(res.statusCode, res.body).toBe(status);
  if (format === 'json') {
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const errors = res.json() as Array<{ code: number; description: string }>;
    expect(Array.isArray(errors)).toBe(true);
    expect(errors[0]!.code).toBe(status);
    return errors.map((e) => e.description).join('; ');
  }
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  const root = parseXml(res.body);
  expect(root.name).toBe('errors');
  expect(textOf(root.children[0]!, 'code')).toBe(String(status));
  return textOf(root.children[0]!, 'description') ?? '';
}

const submission = (extra: Record<string, string> = {}) => ({
  api_key: apiKey,
  service_code: String(w.categoryId),
  lat: '39.9042',
  long: '116.4074',
  'attribute[urgency]': 'general',
  description: '幸福路 3 号路灯不亮，已持续一周。',
  first_name: '强',
  last_name: '周',
  phone: '13800138000',
  email: 'zhou@example.com',
  ...extra,
});

async function caseRow(number: string) {
  const [row] = await queryRows<{ id: number; channel: string; reporter_user_id: number | null; node_id: number; contact_name: string | null; contact_phone: string | null; is_public: boolean; urgency: string; type: string; description: string }>(
    t.db,
    sql`SELECT id, channel, reporter_user_id, node_id, contact_name, contact_phone, is_public, urgency, type, description FROM cases WHERE number = ${number}`,
  );
  return row!;
}

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCaseWorld(t);
  const res = await w.clients.admin.post('/api/admin/api-keys', { name: '测试对接系统', scopes: ['cases.intake'] });
  expect(res.statusCode, res.body).toBe(201);
  apiKey = res.json().key;
  keyUserId = res.json().apiKey.userId;
  jurisdiction = (await queryRows<{ code: string }>(t.db, sql`SELECT code FROM admin_nodes WHERE id = ${w.district.id}`))[0]!.code;
});
afterAll(() => t.close());

describe('discovery and services', () => {
  it('describes the endpoint in both formats', async () => {
    const json = await get('/open311/v2/discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production', formats: ['text/xml', 'application/json'] }] });
    expect(json.json().endpoints[0].url).toMatch(/\/open311\/v2$/);
    expect(json.headers['access-control-allow-origin']).toBe('*');
    const xml = await get('/open311/v2/discovery.xml');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    const root = parseXml(xml.body);
    expect(root.name).toBe('discovery');
    const endpoint = child(child(root, 'endpoints')!, 'endpoint')!;
    expect(child(endpoint, 'formats')!.children.map((f) => f.text)).toEqual(['text/xml', 'application/json']);
  });

  it('lists the usable leaf categories as services, grouped by their first level', async () => {
    const res = await get('/open311/v2/services.json');
    expect(res.statusCode).toBe(200);
    const services = res.json() as Array<{ service_code: string; service_name: string; description: string; metadata: boolean; type: string; keywords: string; group: string }>;
    expect(services.length).toBeGreaterThan(10);
    const mine = services.find((s) => s.service_code === String(w.categoryId))!;
    expect(mine).toMatchObject({ metadata: true, type: 'realtime' });
    expect(mine.group).toBe(mine.description.split('/')[0]);
    expect(services.some((s) => s.description.startsWith('纪检监察'))).toBe(false);
    expect(new Set(services.map((s) => s.service_code)).size).toBe(services.length);

    const xml = parseXml((await get('/open311/v2/services.xml')).body);
    expect(xml.name).toBe('services');
    expect(xml.children.length).toBe(services.length);
    const first = xml.children[0]!;
    expect(first.children.map((c) => c.name)).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
    expect(textOf(first, 'service_code')).toBe(services[0]!.service_code);
    expect(textOf(first, 'metadata')).toBe('true');
  });

  it('defines a service: required urgency, optional is_public and case_type', async () => {
    const res = await get(`/open311/v2/services/${w.categoryId}.json`);
    expect(res.statusCode).toBe(200);
    const def = res.json();
    expect(def.service_code).toBe(String(w.categoryId));
    const urgency = def.attributes.find((a: { code: string }) => a.code === 'urgency');
    expect(urgency).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: true, order: 1 });
    expect(urgency.values.map((v: { key: string }) => v.key)).toEqual(['emergency', 'utility', 'general', 'complex']);
    expect(def.attributes.find((a: { code: string }) => a.code === 'is_public')).toMatchObject({ required: false });

    const xml = parseXml((await get(`/open311/v2/services/${w.categoryId}.xml`)).body);
    expect(xml.name).toBe('service_definition');
    const attribute = child(child(xml, 'attributes')!, 'attribute')!;
    expect(attribute.children.map((c) => c.name)).toEqual(['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values']);
    const value = child(child(attribute, 'values')!, 'value')!;
    expect(value.children.map((c) => c.name)).toEqual(['key', 'name']);
  });

  it('answers unknown services and routes with 404 in the spec shape', async () => {
    expectSpecError(await get('/open311/v2/services/999999.json'), 404, 'json');
    expectSpecError(await get('/open311/v2/services/abc.xml'), 404, 'xml');
    const [heading] = await queryRows<{ id: number }>(t.db, sql`SELECT id FROM case_categories WHERE level = 1 LIMIT 1`);
    expectSpecError(await get(`/open311/v2/services/${heading!.id}.json`), 404, 'json');
    expectSpecError(await get('/open311/v2/nothing.xml'), 404, 'xml');
    expectSpecError(await get('/open311/v2/services.json?jurisdiction_id=nowhere'), 404, 'json');
    expect((await get(`/open311/v2/services.json?jurisdiction_id=${jurisdiction}`)).statusCode).toBe(200);
  });
});

describe('POST requests', () => {
  it('records a case on channel api, acting as the key, readable via requests/{id}', async () => {
    const res = await postForm('/open311/v2/requests.json', submission({ account_id: 'ext-42' }));
    expect(res.statusCode, res.body).toBe(201);
    const [out] = res.json() as Array<{ service_request_id: string; service_notice: string; account_id: string | null }>;
    expect(out!.service_request_id).toMatch(/^\d{8}-\d{6}$/);
    expect(out!.service_notice).toContain(out!.service_request_id);
    expect(out!.account_id).toBe('ext-42');

    const row = await caseRow(out!.service_request_id);
    expect(row).toMatchObject({ channel: 'api', reporter_user_id: null, node_id: w.district.id, contact_name: '周强', contact_phone: '13800138000', is_public: true, urgency: 'general', type: 'help' });
    const [entry] = await queryRows<{ actor_id: number; actor_label: string }>(t.db, sql`SELECT actor_id, actor_label FROM audit_log WHERE action = 'case.submit' AND subject_id = ${String(row.id)}`);
    expect(entry).toEqual({ actor_id: keyUserId, actor_label: '测试对接系统' });

    const read = await get(`/open311/v2/requests/${out!.service_request_id}.json`);
    expect(read.statusCode).toBe(200);
    const [req] = read.json();
    expect(req).toMatchObject({ service_request_id: out!.service_request_id, status: 'open', service_code: String(w.categoryId), description: null, address_id: null });
    expect(req.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(req.service_notice).toBeTruthy(); // awaiting review: status only
    expect(JSON.stringify(req)).not.toContain('13800138000');

    const token = await get(`/open311/v2/tokens/${out!.service_request_id}.xml`);
    const tokenXml = parseXml(token.body);
    expect(textOf(tokenXml.children[0]!, 'service_request_id')).toBe(out!.service_request_id);
  });

  it('takes JSON bodies and answers in XML; an address naming a community places the case there', async () => {
    const res = await postJson('/open311/v2/requests.xml', {
      api_key: apiKey,
      service_code: Number(w.categoryId),
      address_string: '东城街道幸福社区 3 号楼',
      attribute: { urgency: 'utility', is_public: 'false', case_type: 'complaint' },
      description: '停水两天',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const root = parseXml(res.body);
    expect(root.name).toBe('service_requests');
    const request = child(root, 'request')!;
    expect(request.children.map((c) => c.name)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    const row = await caseRow(textOf(request, 'service_request_id')!);
    expect(row).toMatchObject({ node_id: w.community.id, is_public: false, urgency: 'utility', type: 'complaint', description: '停水两天' });
  });

  it('refuses a missing or revoked key with 403 in the spec shape', async () => {
    const { api_key: _k, ...noKey } = submission();
    expectSpecError(await postForm('/open311/v2/requests.json', noKey), 403, 'json');
    expectSpecError(await postForm('/open311/v2/requests.xml', { ...noKey, api_key: 'gz_wrong' }), 403, 'xml');
    const issued = await w.clients.admin.post('/api/admin/api-keys', { name: 'revoked', scopes: ['cases.intake'] });
    await w.clients.admin.post(`/api/admin/api-keys/${issued.json().apiKey.id}/revoke`);
    expectSpecError(await postForm('/open311/v2/requests.json', { ...noKey, api_key: issued.json().key }), 403, 'json');
  });

  it('answers a bad service_code with 404, a missing one or a missing location with 400', async () => {
    expectSpecError(await postForm('/open311/v2/requests.json', submission({ service_code: '999999' })), 404, 'json');
    const { service_code: _c, ...noCode } = submission();
    expect(expectSpecError(await postForm('/open311/v2/requests.xml', noCode), 400, 'xml')).toContain('service_code');
    const { lat: _lat, long: _long, ...noPlace } = submission();
    expect(expectSpecError(await postForm('/open311/v2/requests.json', noPlace, { 'accept-language': 'en' }), 400, 'json')).toContain('address_string');
    const { 'attribute[urgency]': _u, ...noUrgency } = submission();
    expect(expectSpecError(await postForm('/open311/v2/requests.json', noUrgency), 400, 'json')).toContain('attribute[urgency]');
    expectSpecError(await postForm('/open311/v2/requests.json', submission({ lat: '91' })), 400, 'json');
    expectSpecError(await postForm('/open311/v2/requests.json', submission({ 'attribute[urgency]': 'whenever' })), 400, 'json');
    expectSpecError(await postForm('/open311/v2/requests.json', submission({ jurisdiction_id: 'nowhere' })), 404, 'json');
  });

  it('honours Idempotency-Key per API key', async () => {
    const body = submission({ description: '幂等的 Open311 请求' });
    const first = await postForm('/open311/v2/requests.json', body, { 'idempotency-key': 'o311-1' });
    const second = await postForm('/open311/v2/requests.json', body, { 'idempotency-key': 'o311-1' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    const [n] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM cases WHERE description = '幂等的 Open311 请求'`);
    expect(n!.n).toBe(1);
    expectSpecError(await postForm('/open311/v2/requests.json', { ...body, description: '换了内容' }, { 'idempotency-key': 'o311-1' }), 422, 'json');
  });
});

describe('GET requests', () => {
  let published: string;
  let answered: string;
  let closed: string;
  let old: string;
  let hidden: string;

  beforeAll(async () => {
    const submit = async (extra: Record<string, unknown>) => {
      const res = await w.clients.resident.post('/api/cases', requestBody(w, extra));
      expect(res.statusCode, res.body).toBe(201);
      return res.json().case as { id: number; number: string };
    };
    const a = await submit({ title: '公开已受理', description: '路灯 <坏了> & "不亮" \'已久\'', latitude: 39.904211, longitude: 116.407413 });
    expect((await w.clients.dispatcher.post(`/api/cases/${a.id}/accept`, {})).statusCode).toBe(200);
    published = a.number;
    const b = await submit({ type: 'enquiry', title: '咨询', description: '请问垃圾分类时间？' });
    expect((await w.clients.dispatcher.post(`/api/cases/${b.id}/answer`, { answer: '每天 7 点至 9 点。' })).statusCode).toBe(200);
    answered = b.number;
    const c = await submit({ title: '已结案' });
    await t.db.execute(sql`UPDATE cases SET state = 'closed', closed_at = now() WHERE id = ${c.id}`);
    closed = c.number;
    const d = await submit({ title: '很久以前' });
    await t.db.execute(sql`UPDATE cases SET submitted_at = now() - interval '120 days' WHERE id = ${d.id}`);
    old = d.number;
    const e = await submit({ title: '不公开', isPublic: false });
    await w.clients.dispatcher.post(`/api/cases/${e.id}/accept`, {});
    hidden = e.number;
  });

  const ids = (res: LightMyRequestResponse) => (res.json() as Array<{ service_request_id: string }>).map((r) => r.service_request_id);

  it('lists public cases of the last 90 days, newest first, with public-safe fields only', async () => {
    const res = await get('/open311/v2/requests.json');
    expect(res.statusCode).toBe(200);
    const list = ids(res);
    expect(list).toEqual(expect.arrayContaining([published, answered, closed]));
    expect(list).not.toContain(old);
    expect(list).not.toContain(hidden);
    const rows = res.json() as Array<Record<string, unknown>>;
    const a = rows.find((r) => r.service_request_id === published)!;
    expect(a).toMatchObject({ status: 'open', description: '路灯 <坏了> & "不亮" \'已久\'', address: '幸福路 3 号', lat: 39.904, long: 116.407, service_notice: null });
    expect(Object.keys(a)).toEqual([
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
      'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/1[3-9]\d{9}/); // no phone numbers
    expect(rows.find((r) => r.service_request_id === answered)).toMatchObject({ status_notes: '每天 7 点至 9 点。' });
  });

  it('filters by status, service_code, dates and ids', async () => {
    const open = ids(await get('/open311/v2/requests.json?status=open'));
    expect(open).toContain(published);
    expect(open).not.toContain(closed);
    const closedOnly = ids(await get('/open311/v2/requests.json?status=closed'));
    expect(closedOnly).toContain(closed);
    expect(closedOnly).not.toContain(published);
    expect(ids(await get('/open311/v2/requests.json?status=open,closed'))).toEqual(expect.arrayContaining([published, closed]));

    const from = encodeURIComponent(new Date(Date.now() - 130 * 86_400_000).toISOString());
    const to = encodeURIComponent(new Date(Date.now() - 100 * 86_400_000).toISOString());
    expect(ids(await get(`/open311/v2/requests.json?start_date=${from}&end_date=${to}`))).toEqual([old]);
    expect(ids(await get(`/open311/v2/requests.json?end_date=${to}`))).toEqual([old]);
    expect(ids(await get('/open311/v2/requests.json?service_code=999999'))).toEqual([]);
    expect(ids(await get(`/open311/v2/requests.json?service_code=${w.categoryId}&jurisdiction_id=${jurisdiction}`))).toContain(published);

    // ids override every other filter; a private case shows its status only.
    const byIds = await get(`/open311/v2/requests.json?service_request_id=${old},${hidden}&status=open`);
    expect(ids(byIds).sort()).toEqual([old, hidden].sort());
    const h = (byIds.json() as Array<Record<string, unknown>>).find((r) => r.service_request_id === hidden)!;
    expect(h).toMatchObject({ description: null, address: null, lat: null, long: null });
    expect(h.service_notice).toBeTruthy();
  });

  it('refuses malformed filters with 400 in the spec shape', async () => {
    expectSpecError(await get('/open311/v2/requests.json?status=pending'), 400, 'json');
    expectSpecError(await get('/open311/v2/requests.xml?start_date=yesterday'), 400, 'xml');
    expectSpecError(await get('/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'), 400, 'json');
    expectSpecError(await get('/open311/v2/requests.json?start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'), 400, 'json');
    expectSpecError(await get('/open311/v2/requests/19990101-000001.json'), 404, 'json');
    expectSpecError(await get('/open311/v2/tokens/nope.xml'), 404, 'xml');
  });

  it('writes well-formed, escaped XML that reads back to the same values', async () => {
    const res = await get(`/open311/v2/requests/${published}.xml`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.body).toContain('&lt;坏了&gt; &amp; &quot;不亮&quot; &apos;已久&apos;');
    const root = parseXml(res.body);
    expect(root.name).toBe('service_requests');
    const request = child(root, 'request')!;
    expect(textOf(request, 'description')).toBe('路灯 <坏了> & "不亮" \'已久\'');
    expect(textOf(request, 'status')).toBe('open');
    expect(child(request, 'address_id')!.text).toBe('');
    expect(textOf(request, 'lat')).toBe('39.904');

    const list = parseXml((await get('/open311/v2/requests.xml')).body);
    expect(list.children.length).toBe((await get('/open311/v2/requests.json')).json().length);
  });

  it('escapes what XML cannot carry raw', () => {
    expect(escapeXml('a<b>&"\'\u0001\r\n')).toBe('a&lt;b&gt;&amp;&quot;&apos;&#13;\n');
    expect(() => parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a><b></a></b>')).toThrow();
    expect(() => parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a>x & y</a>')).toThrow();
  });
});
