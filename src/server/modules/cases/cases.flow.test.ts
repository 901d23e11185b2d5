/**
 * The 接诉即办 loop through HTTP on a real database: intake, routing, dispatch, signing,
 * handling, verification, rating, and the side paths (objection, extension, 返工, 重办,
 * 不予受理, 即时答复, 合并, reopen, "me too"), with the audit chain intact at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildCaseWorld, requestBody, type CaseWorld } from '../../../../test/helpers/cases.js';
import { queryRows } from '../../platform/db/database.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import { mergePendingSearchWords, queryTerms, reindexCaseSearch } from './search/case-search.js';

let t: TestApp;
let w: CaseWorld;
type C = { id: number; title: string; state: string; version: number; number: string; actions: string[]; lead: { id: number; name: string } | null; feedbackDueAt: string | null; stepDueAt: string | null; step: string | null; rating: string | null; supportCount: number };

const codeOf = (res: { json(): { code?: string; errors?: Array<{ code: string }> } }) => res.json().errors?.[0]?.code ?? res.json().code;

async function submit(extra: Record<string, unknown> = {}, who = w.clients.resident) {
  const res = await who.post('/api/cases', requestBody(w, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { case: C; trackingCode: string };
}

async function act(who: keyof CaseWorld['clients'], id: number, action: string, body: Record<string, unknown> = {}, status = 200): Promise<C> {
  const res = await w.clients[who].post(`/api/cases/${id}/${action}`, body);
  expect(res.statusCode, `${who} ${action}: ${res.body}`).toBe(status);
  return res.json() as C;
}

/** Dispatch to the routed unit, sign and reply: the case waits for verification. */
async function throughReply(id: number): Promise<void> {
  await act('dispatcher', id, 'dispatch');
  await act('handler', id, 'sign');
  await act('handler', id, 'reply', { message: '已处理' });
}

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildCaseWorld(t);
});
afterAll(() => t.close());

describe('intake', () => {
  it('numbers the case by day, routes it by the responsibility list and gives a tracking code', async () => {
    const { case: c, trackingCode } = await submit();
    expect(c.number).toMatch(/^\d{8}-\d{6}$/);
    expect(c.state).toBe('submitted');
    expect(c.step).toBe('dispatch');
    expect(trackingCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const staff = (await w.clients.dispatcher.get(`/api/cases/${c.id}`)).json();
    expect(staff.route).toEqual({ unit: { id: w.units.cg, name: '城管委' }, mode: 'direct' });
    expect(staff.actions).toEqual(expect.arrayContaining(['accept', 'dispatch', 'refuse', 'merge']));
    const tracked = await t.app.inject({ method: 'GET', url: `/api/public/cases/track?code=${trackingCode.toLowerCase()}` });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json().case).toMatchObject({ number: c.number, contactPhone: null, latitude: null });
    const [stored] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM cases WHERE tracking_hash = ${trackingCode}`);
    expect(stored!.n).toBe(0); // only the hash is kept
  });

  it('lets residents see only their own cases', async () => {
    const { case: c } = await submit();
    expect((await w.clients.resident2.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await w.clients.resident2.get(`/api/cases/${c.id}/timeline`)).statusCode).toBe(404);
    const mine = (await w.clients.resident.get('/api/me/cases')).json();
    expect(mine.items.every((x: C) => x.id !== undefined)).toBe(true);
    expect((await w.clients.resident2.get('/api/me/cases')).json().total).toBe(0);
    expect((await w.clients.resident.get('/api/cases')).statusCode).toBe(403);
  });

  it('routes a matter without a responsibility entry to the territorial unit', async () => {
    const other = (await queryRows<{ id: number }>(t.db, sql`SELECT id FROM case_categories WHERE level = 3 AND path NOT LIKE (SELECT category FROM responsibilities WHERE org_id = ${w.units.cg} LIMIT 1) || '%' AND path NOT LIKE '纪检监察%' LIMIT 1`))[0]!;
    const { case: c } = await submit({ categoryId: other.id });
    const staff = (await w.clients.dispatcher.get(`/api/cases/${c.id}`)).json();
    expect(staff.route).toEqual({ unit: { id: w.units.committee, name: '幸福社区居委会' }, mode: 'territorial' });
  });

  it('files a 举报 about an official in the supervision channel, answers its receipt and makes no case', async () => {
    const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n;
    const [cases, reports] = [await count('cases'), await count('supervision_reports')];
    const res = await w.clients.resident.post('/api/cases', requestBody(w, { type: 'report', aboutOfficial: true, title: '举报社区某干部', description: '社区某干部在低保评定中收受好处费，请核查。', contactName: '赵某', contactPhone: '13900001111' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { handedOff, receipt } = res.json();
    expect(handedOff).toBe('supervision');
    expect(receipt).toMatch(/^\d{16}$/);
    expect([await count('cases'), await count('supervision_reports')]).toEqual([cases, reports + 1]);
    // Real-name (name and phone given): the identity is sealed apart; the reporter follows up with the receipt.
    const view = await t.app.inject({ method: 'POST', url: '/api/supervision/follow-up', payload: { receipt }, remoteAddress: '10.3.0.1' });
    expect(view.json()).toMatchObject({ state: 'received', matter: { accused: '举报社区某干部', content: '社区某干部在低保评定中收受好处费，请核查。' } });
    const [report] = await queryRows<{ anonymous: boolean }>(t.db, sql`SELECT anonymous FROM supervision_reports ORDER BY id DESC LIMIT 1`);
    expect(report!.anonymous).toBe(false);
    const words = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM case_events WHERE data::text LIKE '%好处费%'`);
    expect(words[0]!.n).toBe(0);
  });

  it('writes the case, its first timeline entry, the receipt and the audit entry in one step', async () => {
    // Text that looks like an audit slot, quotes and backslashes must land as typed.
    const title = '标题 "gz-slot:00:id" \\ 与引号';
    const { case: c } = await submit({ title });
    expect(c.title).toBe(title);
    const [entry] = await queryRows<{ changes: Record<string, unknown>; scope_path: string }>(t.db, sql`SELECT changes, scope_path FROM audit_log WHERE action = 'case.submit' AND subject_id = ${String(c.id)}`);
    expect(entry!.changes).toMatchObject({ number: c.number, route: 'direct', routeOrgId: w.units.cg, type: 'complaint', categoryId: w.categoryId });
    expect(entry!.scope_path).toBe(w.grid.path);
    const [receipt] = await queryRows<{ params: Record<string, unknown>; recipient: string }>(t.db, sql`SELECT params, recipient FROM outbox WHERE template = 'case.submitted' AND params->>'caseId' = ${String(c.id)}`);
    expect(receipt).toEqual({ recipient: String(w.userIds.resident), params: { title, number: c.number, caseId: c.id } });
    const timeline = (await w.clients.dispatcher.get(`/api/cases/${c.id}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({ event: 'submit', toState: 'submitted', data: { channel: 'web', route: 'direct', routeUnit: '城管委' } });
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('refuses a category deactivated after this server cached the catalogue, writing nothing', async () => {
    await submit(); // the catalogue is cached with the category usable
    const counts = () => queryRows<{ n: number }>(t.db, sql`SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM case_events) + (SELECT count(*) FROM outbox) + (SELECT count(*) FROM audit_log) AS n`);
    const [before] = await counts();
    // As another server's edit would: straight in the table, so this server's cache still says usable.
    await t.db.execute(sql`UPDATE case_categories SET active = false WHERE id = ${w.categoryId}`);
    try {
      const res = await w.clients.resident.post('/api/cases', requestBody(w));
      expect(res.statusCode).toBe(422);
      expect(codeOf(res)).toBe('ref_not_found');
      expect(await counts()).toEqual([before]);
    } finally {
      await t.db.execute(sql`UPDATE case_categories SET active = true WHERE id = ${w.categoryId}`);
    }
  });

  it('finds cases by the words of their title, description, address and replies', async () => {
    const { case: c } = await submit({ title: '小区门口生活垃圾堆放多日无人清运', description: '天气炎热，气味很大，蚊蝇滋生。', address: '幸福路 3 号' });
    const ids = async (q: string) => ((await w.clients.dispatcher.get(`/api/cases?box=all&limit=100&q=${encodeURIComponent(q)}`)).json().items as C[]).map((i) => i.id);
    expect(await ids('垃圾清运')).toContain(c.id); // two words, each somewhere in the text
    expect(await ids('蚊蝇')).toContain(c.id);
    expect(await ids('幸福路')).toContain(c.id);
    expect(await ids('环卫公司')).not.toContain(c.id);
    await throughReply(c.id); // replies '已处理'
    const answered = (await submit({ type: 'enquiry', title: '垃圾分类时间' })).case;
    await act('dispatcher', answered.id, 'answer', { answer: '环卫公司每天早七点收运。' });
    expect(await ids('环卫公司')).toEqual([answered.id]);
  });

  it('filters by a category with its subtree', async () => {
    const { case: c } = await submit({ title: '路灯杆锈蚀' });
    const [parent] = await queryRows<{ id: number; other: number }>(
      t.db,
      sql`SELECT p.id, (SELECT o.id FROM case_categories o WHERE o.level = 2 AND o.id <> p.id LIMIT 1) AS other
            FROM case_categories k JOIN case_categories p ON k.path LIKE p.path || '/%' AND p.level = 2 WHERE k.id = ${w.categoryId}`,
    );
    const ids = async (categoryId: number) => ((await w.clients.dispatcher.get(`/api/cases?box=all&limit=200&categoryId=${categoryId}`)).json().items as C[]).map((i) => i.id);
    expect(await ids(w.categoryId)).toContain(c.id);
    expect(await ids(parent!.id)).toContain(c.id); // the level-2 category holds its level-3 ones
    expect(await ids(Number(parent!.other))).not.toContain(c.id);
  });

  it('searches with filters, best match first, with excerpts around the words found', async () => {
    const inTitle = (await submit({ title: '路灯杆倾斜有安全隐患', description: '风大时摇晃。' })).case;
    const inText = (await submit({ title: '夜间照明问题', description: '小区北门的路灯杆被车撞歪了，已经倾斜。' })).case;
    const search = (query: string) => w.clients.dispatcher.get(`/api/cases/search?${query}`);
    const res = await search(`q=${encodeURIComponent('路灯杆倾斜')}&limit=50`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ case: C; excerpt: Array<{ text: string; hit: boolean }> }>;
    const ids = items.map((i) => i.case.id);
    expect(ids.indexOf(inTitle.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(inTitle.id)).toBeLessThan(ids.indexOf(inText.id)); // title words weigh most
    const hits = items.find((i) => i.case.id === inText.id)!.excerpt.filter((s) => s.hit).map((s) => s.text);
    expect(hits).toEqual(expect.arrayContaining(['倾斜']));
    expect(hits.join('')).toContain('路灯');
    // Filters narrow, residents may not search all cases, an empty query is refused.
    expect((await search(`q=${encodeURIComponent('路灯杆倾斜')}&state=closed`)).json().total).toBe(0);
    expect((await w.clients.resident.get(`/api/cases/search?q=${encodeURIComponent('路灯')}`)).statusCode).toBe(403);
    expect((await search('q=')).statusCode).toBe(400);
    expect((await search(`q=${encodeURIComponent('！？')}`)).json()).toEqual({ items: [], total: 0, totalExact: true });
    // The merge job moves pending words into the index proper; searches find the same.
    await mergePendingSearchWords(t.db);
    expect(((await search(`q=${encodeURIComponent('路灯杆倾斜')}&limit=50`)).json().items as Array<{ case: C }>).map((i) => i.case.id)).toEqual(ids);
  });

  it('ranks the newest matches, pages on to older ones newest first, and estimates a large total', async () => {
    const { case: c } = await submit({ title: '桥洞积水严重', description: '雨后桥洞积水没过膝盖。' });
    // 2,400 more cases straight into the table: every second one matches, every sixth has the words in its title.
    await t.db.execute(
      sql`INSERT INTO cases (number, tracking_hash, type, title, description, node_id, area_path, channel, urgency, state, submitted_at, updated_at)
          SELECT 'R' || lpad(g::text, 8, '0'), md5('rank' || g), 'complaint', CASE WHEN g % 6 = 0 THEN '桥洞积水第' || g || '次' ELSE '第' || g || '次反映' END,
                 CASE WHEN g % 2 = 0 THEN '下雨以后桥洞积水' ELSE '路面坑洼不平' END, node_id, area_path, 'web', 'general', 'submitted', now(), now()
            FROM cases, generate_series(1, 2400) g WHERE id = ${c.id}`,
    );
    await reindexCaseSearch(t.db);
    const page = async (offset: number, limit = 50) => {
      const res = await w.clients.dispatcher.get(`/api/cases/search?q=${encodeURIComponent('桥洞积水')}&offset=${offset}&limit=${limit}`);
      return res.json() as { items: Array<{ case: C }>; total: number; totalExact: boolean };
    };
    const first = await page(0);
    // 1,201 match; the first look (the newest 2,000 ids) found 200, so the total is estimated.
    expect(first.totalExact).toBe(false);
    expect(Math.abs(first.total - 1201)).toBeLessThan(150);
    // Among the newest 200 matches, the third with the words in their title come first.
    expect(first.items.slice(0, 50).every((i) => i.case.title.startsWith('桥洞积水'))).toBe(true);
    const ids: number[] = [];
    for (let offset = 0; offset < 1000; offset += 50) ids.push(...(await page(offset)).items.map((i) => i.case.id));
    expect(new Set(ids).size).toBe(1000); // each once, across the ranked and the older part
    const older = ids.slice(200);
    expect(older).toEqual([...older].sort((a, b) => b - a));
    expect(Math.max(...older)).toBeLessThan(Math.min(...ids.slice(0, 200)));
    expect((await page(190, 20)).items.map((i) => i.case.id)).toEqual(ids.slice(190, 210)); // straddles the two parts
    const deep = await w.clients.dispatcher.get(`/api/cases/search?q=${encodeURIComponent('桥洞积水')}&offset=1000&limit=20`);
    expect(deep.statusCode).toBe(400); // past the first 1,000: narrow the search
    // A filter that leaves few: every match found, the total exact.
    const narrow = (await w.clients.dispatcher.get(`/api/cases/search?q=${encodeURIComponent('积水没过膝盖')}`)).json();
    expect([narrow.total, narrow.totalExact]).toEqual([1, true]);
  });

  it('shows similar open cases near the same place to the resident and the dispatcher (疑似重复)', async () => {
    const text = { title: '幸福路夜间施工噪音扰民', description: '幸福路工地每天夜里十二点以后还在施工，噪音很大，居民无法入睡。' };
    const first = (await submit(text)).case;
    await act('dispatcher', first.id, 'dispatch'); // public from dispatch on
    const elsewhere = (await submit({ ...text, nodeId: w.otherCommunity.id })).case; // the same words in another community
    await act('dispatcher', elsewhere.id, 'dispatch');
    const unrelated = (await submit({ title: '路灯不亮', description: '幸福路路灯坏了三天。' })).case;
    await act('dispatcher', unrelated.id, 'dispatch');
    const probe = { title: '夜里工地施工太吵', description: '幸福路工地夜间施工噪音扰民，无法入睡', nodeId: w.grid.id };
    const res = await w.clients.resident2.post('/api/cases/similar', probe);
    expect(res.statusCode).toBe(200);
    const shown = res.json().items as Array<{ case: C; score: number }>;
    expect(shown.map((i) => i.case.id)).toEqual([first.id]); // near and alike; not the other community's, not the street light
    expect(shown[0]!.score).toBeGreaterThanOrEqual(0.35);
    expect((shown[0]!.case as C & { contactPhone: unknown }).contactPhone).toBeNull(); // the public view: no contact of the reporter
    // The dispatcher sees the first case beside a new duplicate, and merges it.
    const again = (await submit({ title: '工地夜间施工噪音', description: '幸福路工地半夜施工，噪音扰民。' }, w.clients.resident2)).case;
    const beside = (await w.clients.dispatcher.get(`/api/cases/${again.id}/similar`)).json().items as Array<{ case: C }>;
    expect(beside.map((i) => i.case.id)).toEqual([first.id]);
    await act('dispatcher', again.id, 'merge', { intoCaseId: first.id });
    expect((await w.clients.dispatcher.get(`/api/cases/${again.id}/similar`)).statusCode).toBe(200);
    // Not before submitting: a case not yet public is no resident's to see; refused without a session or with bad input.
    expect((await w.clients.resident.get(`/api/cases/${first.id}/similar`)).statusCode).toBe(403);
    expect((await w.clients.resident2.post('/api/cases/similar', { ...probe, title: '' })).statusCode).toBe(400);
    expect((await w.clients.resident2.post('/api/cases/similar', { ...probe, nodeId: 999999999 })).json()).toEqual({ items: [] });
  });

  it('keeps the words admins add to the search dictionary whole', async () => {
    const word = '九龙时代广场';
    const whole = async () => (await queryTerms(t.db, `${word}垃圾站`)).some((term) => term.word === word);
    expect(await whole()).toBe(false);
    expect((await w.clients.dispatcher.post('/api/cases/search-terms', { word })).statusCode).toBe(403);
    expect((await w.clients.admin.post('/api/cases/search-terms', { word: '有 空格' })).statusCode).toBe(400);
    const added = await w.clients.admin.post('/api/cases/search-terms', { word });
    expect(added.statusCode).toBe(201);
    expect(await whole()).toBe(true);
    expect(codeOf(await w.clients.admin.post('/api/cases/search-terms', { word }))).toBe('search_term_exists');
    const { case: c } = await submit({ title: `${word}旁垃圾站气味大` });
    const found = (await w.clients.dispatcher.get(`/api/cases/search?q=${encodeURIComponent(word)}`)).json().items as Array<{ case: C }>;
    expect(found.map((i) => i.case.id)).toEqual([c.id]);
    expect((await w.clients.admin.delete(`/api/cases/search-terms/${added.json().id}`)).statusCode).toBe(204);
    expect(await whole()).toBe(false);
    const [entry] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'cases.search_term.%'`);
    expect(entry!.n).toBe(2);
  });

  it('rewrites the search index from the cases and their replies (search-reindex)', async () => {
    const { case: c } = await submit({ title: '人行道窨井盖缺失', description: '晚上路过很危险。' });
    await act('dispatcher', c.id, 'dispatch');
    await act('handler', c.id, 'sign');
    await act('handler', c.id, 'reply', { message: '已安装防坠网并更换井盖。' });
    const ids = async (q: string) => ((await w.clients.dispatcher.get(`/api/cases/search?limit=50&q=${encodeURIComponent(q)}`)).json().items as Array<{ case: C }>).map((i) => i.case.id);
    expect(await ids('防坠网')).toContain(c.id);
    await t.db.execute(sql`DELETE FROM case_search WHERE case_id = ${c.id}`);
    expect(await ids('窨井盖')).not.toContain(c.id);
    const [all] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM cases`);
    expect(await reindexCaseSearch(t.db, 7)).toBe(all!.n); // small batches: the boundaries are crossed
    expect(await ids('窨井盖')).toContain(c.id);
    expect(await ids('防坠网')).toContain(c.id); // the reply's words too
  });

  it('refuses bad input with field errors and never half-writes', async () => {
    const res = await w.clients.resident.post('/api/cases', requestBody(w, { title: '', nodeId: 999999999 }));
    expect(res.statusCode).toBe(400);
    const missing = await w.clients.resident.post('/api/cases', requestBody(w, { nodeId: 999999999 }));
    expect(missing.statusCode).toBe(422);
    expect(codeOf(missing)).toBe('ref_not_found');
  });
});

describe('the whole loop', () => {
  it('goes from submission to a satisfied rating, each step on the timeline', async () => {
    const { case: c } = await submit();
    let x = await act('dispatcher', c.id, 'dispatch', { version: c.version });
    expect(x).toMatchObject({ state: 'dispatched', lead: { id: w.units.cg }, step: 'sign' });
    expect(new Date(x.feedbackDueAt!).getTime()).toBeGreaterThan(Date.now());
    const inbox = (await w.clients.handler.get('/api/cases?box=to_sign')).json();
    expect(inbox.items.map((i: C) => i.id)).toContain(c.id);
    expect((await w.clients.otherHandler.get('/api/cases?box=to_sign')).json().items.map((i: C) => i.id)).not.toContain(c.id);
    await act('otherHandler', c.id, 'sign', {}, 403);
    x = await act('handler', c.id, 'sign');
    expect(x).toMatchObject({ state: 'signed', step: 'feedback', stepDueAt: x.feedbackDueAt });
    expect((await act('handler', c.id, 'start')).state).toBe('in_progress');
    x = await act('handler', c.id, 'reply', { message: '已更换灯泡，恢复照明。' });
    expect(x).toMatchObject({ state: 'replied', step: null });
    expect((await w.clients.verifier.get('/api/cases?box=to_verify')).json().items.map((i: C) => i.id)).toContain(c.id);
    x = await act('verifier', c.id, 'verify', { passed: true });
    expect(x.state).toBe('verified');
    x = await act('resident', c.id, 'rate', { rating: 'satisfied', comment: '很快就修好了' });
    expect(x).toMatchObject({ state: 'closed', rating: 'satisfied' });
    const timeline = (await w.clients.resident.get(`/api/cases/${c.id}/timeline`)).json().items as Array<{ event: string; actor: string }>;
    expect(timeline.map((e) => e.event)).toEqual(['submit', 'dispatch', 'sign', 'start', 'reply', 'verify_pass', 'rate', 'close']);
    expect(timeline.every((e) => ['reporter', 'dispatch_center', 'handling_unit', 'verifier'].includes(e.actor))).toBe(true);
    const staffTimeline = (await w.clients.dispatcher.get(`/api/cases/${c.id}/timeline`)).json().items as Array<{ actor: string }>;
    expect(staffTimeline[2]!.actor).toBe(`handler${w.district.id}`);
  });

  it('takes a rating after the verifier closed the case', async () => {
    const { case: c } = await submit();
    await throughReply(c.id);
    await act('verifier', c.id, 'verify', { passed: true });
    await act('verifier', c.id, 'close');
    const x = await act('resident', c.id, 'rate', { rating: 'basic' });
    expect(x).toMatchObject({ state: 'closed', rating: 'basic' });
    expect(x.actions).not.toContain('rate');
    await act('resident', c.id, 'rate', { rating: 'satisfied' }, 409);
  });

  it('refuses an illegal transition with a clear error', async () => {
    const { case: c } = await submit();
    const res = await w.clients.dispatcher.post(`/api/cases/${c.id}/verify`, { passed: true });
    expect(res.statusCode).toBe(409);
    expect(codeOf(res)).toBe('case_transition_not_allowed');
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('lets one of two handlers acting at once win; the other gets a conflict', async () => {
    const { case: c } = await submit();
    const d = await act('dispatcher', c.id, 'dispatch');
    const [a, b] = await Promise.all([w.clients.handler.post(`/api/cases/${c.id}/sign`, { version: d.version }), w.clients.handler2.post(`/api/cases/${c.id}/sign`, { version: d.version })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(['case_version_conflict', 'case_transition_not_allowed']).toContain(codeOf(loser));
    const [events] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM case_events WHERE case_id = ${c.id} AND event = 'sign'`);
    expect(events!.n).toBe(1);
  });
});

describe('side paths', () => {
  it('handles an objection: reason required, upheld → the competent unit, counted per unit', async () => {
    const { case: c } = await submit();
    await act('dispatcher', c.id, 'dispatch');
    const noReason = await w.clients.handler.post(`/api/cases/${c.id}/objection`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    let x = await act('handler', c.id, 'objection', { reason: '路灯属供电公司维护', suggestedOrgId: w.units.sj });
    expect(x).toMatchObject({ state: 'objected', lead: { id: w.units.cg } }); // never ownerless
    expect((await w.clients.dispatcher.get('/api/cases?box=objections')).json().items.map((i: C) => i.id)).toContain(c.id);
    x = await act('dispatcher', c.id, 'objection-decision', { decision: 'upheld', reason: '确属市场监管职责' });
    expect(x).toMatchObject({ state: 'dispatched', lead: { id: w.units.sj } });
    const stats = (await w.clients.dispatcher.get('/api/cases/objection-stats')).json().items as Array<{ orgId: number; filed: number; upheld: number }>;
    expect(stats.find((s) => s.orgId === w.units.cg)).toMatchObject({ filed: 1, upheld: 1 });
  });

  it('rejects an objection back to the same unit', async () => {
    const { case: c } = await submit();
    await act('dispatcher', c.id, 'dispatch');
    await act('handler', c.id, 'objection', { reason: '不归我们管' });
    const x = await act('dispatcher', c.id, 'objection-decision', { decision: 'rejected', reason: '职责清单明确由城管负责' });
    expect(x).toMatchObject({ state: 'dispatched', lead: { id: w.units.cg } });
  });

  it('lists co-handling units by name, a renamed unit under its new name at once', async () => {
    const { case: c } = await submit();
    await act('dispatcher', c.id, 'dispatch', { orgId: w.units.cg, coOrgIds: [w.units.sj] });
    const listed = async () => (await w.clients.dispatcher.get('/api/cases?box=all&limit=100')).json().items.find((i: C) => i.id === c.id) as C & { coUnits: Array<{ id: number; name: string }> };
    expect((await listed()).coUnits).toEqual([{ id: w.units.sj, name: '市场监管局' }]);
    const rename = (name: string) => w.clients.admin.patch(`/api/org/organizations/${w.units.sj}`, { name });
    expect((await rename('市场监督管理局')).statusCode).toBe(200);
    try {
      expect((await listed()).coUnits).toEqual([{ id: w.units.sj, name: '市场监督管理局' }]);
    } finally {
      await rename('市场监管局');
    }
  });

  it('approves an extension from the current deadline and tells the resident why', async () => {
    const { case: c } = await submit();
    await act('dispatcher', c.id, 'dispatch');
    const signed = await act('handler', c.id, 'sign');
    const days = await w.clients.handler.post(`/api/cases/${c.id}/extension`, { reason: '需采购配件', workingDays: 40 });
    expect(days.statusCode).toBe(422);
    const asked = await act('handler', c.id, 'extension', { reason: '需采购配件', workingDays: 3 });
    expect(asked.actions).not.toContain('request_extension'); // one pending request at a time
    expect((await w.clients.verifier.get(`/api/cases/${c.id}`)).json().actions).toContain('decide_extension');
    await act('handler', c.id, 'extension', { reason: '再延', workingDays: 3 }, 409);
    // List pages carry the same facts as the case itself.
    const listedFor = async (who: 'handler' | 'verifier', box: string) => (await w.clients[who].get(`/api/cases?box=${box}`)).json().items.find((i: C) => i.id === c.id) as C;
    expect((await listedFor('handler', 'to_handle')).actions).not.toContain('request_extension');
    expect((await listedFor('verifier', 'all')).actions).toContain('decide_extension');
    const x = await act('verifier', c.id, 'extension-decision', { approved: true, reason: '配件需外地调货' });
    expect(new Date(x.feedbackDueAt!).getTime()).toBeGreaterThan(new Date(signed.feedbackDueAt!).getTime() + 2 * 86_400_000);
    expect(x.stepDueAt).toBe(x.feedbackDueAt);
    const timeline = (await w.clients.resident.get(`/api/cases/${c.id}/timeline`)).json().items as Array<{ event: string; message: string }>;
    expect(timeline.find((e) => e.event === 'decide_extension')?.message).toContain('配件需外地调货');
    expect(timeline.some((e) => e.event === 'request_extension')).toBe(false); // internal until decided
  });

  it('sends failed verification back (返工) and allows one redo after dissatisfaction', async () => {
    const { case: c } = await submit();
    await throughReply(c.id);
    await act('verifier', c.id, 'verify', { passed: false }, 422);
    let x = await act('verifier', c.id, 'verify', { passed: false, reason: '现场照片显示仍未修复' });
    expect(x.state).toBe('in_progress');
    await act('handler', c.id, 'reply', { message: '已彻底修复' });
    await act('verifier', c.id, 'verify', { passed: true });
    x = await act('resident', c.id, 'rate', { rating: 'dissatisfied', comment: '晚上还是不亮' });
    expect(x.state).toBe('rated');
    x = await act('resident', c.id, 'redo', { reason: '晚上还是不亮' });
    expect(x).toMatchObject({ state: 'in_progress', step: 'feedback' });
    await act('handler', c.id, 'reply', { message: '更换线路' });
    await act('verifier', c.id, 'verify', { passed: true });
    await act('resident', c.id, 'rate', { rating: 'dissatisfied' });
    expect((await w.clients.resident.get(`/api/cases/${c.id}`)).json().actions).not.toContain('redo');
    const again = await w.clients.resident.post(`/api/cases/${c.id}/redo`, { reason: '还是不行' });
    expect(again.statusCode).toBe(409);
    expect(codeOf(again)).toBe('case_redo_limit_reached');
  });

  it('refuses with a reason and the proper channel, answers enquiries at once, merges duplicates', async () => {
    const a = (await submit()).case;
    await act('dispatcher', a.id, 'refuse', { reason: '属于劳动争议', channel: '劳动人事争议仲裁委员会' });
    const timeline = (await w.clients.resident.get(`/api/cases/${a.id}/timeline`)).json().items as Array<{ event: string; reason: string; message: string }>;
    expect(timeline.at(-1)).toMatchObject({ event: 'refuse', reason: '属于劳动争议', message: '劳动人事争议仲裁委员会' });
    const q = (await submit({ type: 'enquiry', title: '办理居住证需要什么材料' })).case;
    expect((await act('dispatcher', q.id, 'answer', { answer: '携带身份证和租房合同到社区服务站办理。' })).state).toBe('answered');
    const first = (await submit()).case;
    const dup = (await submit({}, w.clients.resident2)).case;
    await act('dispatcher', first.id, 'accept');
    const merged = await act('dispatcher', dup.id, 'merge', { intoCaseId: first.id });
    expect(merged.state).toBe('merged');
    expect((merged as unknown as { mergedInto: unknown }).mergedInto).toEqual({ id: first.id, number: first.number });
    const [support] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM case_supports WHERE case_id = ${first.id} AND user_id = ${w.userIds.resident2}`);
    expect(support!.n).toBe(1); // the duplicate's reporter follows the surviving case
  });

  it('counts "me too" once per resident and refuses supporting one\'s own case', async () => {
    const { case: c } = await submit();
    expect((await w.clients.resident2.post(`/api/cases/${c.id}/support`)).statusCode).toBe(404); // not public until accepted
    await act('dispatcher', c.id, 'accept');
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/cases' })).json();
    expect(pub.items.find((x: C) => x.id === c.id)).toMatchObject({ contactPhone: null, rating: null });
    const first = (await w.clients.resident2.post(`/api/cases/${c.id}/support`)).json();
    const second = (await w.clients.resident2.post(`/api/cases/${c.id}/support`)).json();
    expect([first, second]).toEqual([{ supportCount: 1, added: true }, { supportCount: 1, added: false }]);
    expect((await w.clients.resident.post(`/api/cases/${c.id}/support`)).statusCode).toBe(409);
  });

  it('lets the reporter reopen a closed case within the window', async () => {
    const { case: c } = await submit();
    await throughReply(c.id);
    await act('verifier', c.id, 'verify', { passed: true });
    await act('verifier', c.id, 'close');
    await act('resident2', c.id, 'reopen', { reason: '又坏了' }, 404);
    const x = await act('resident', c.id, 'reopen', { reason: '又坏了' });
    expect(x).toMatchObject({ state: 'in_progress', step: 'feedback' });
  });

  it('bulk-dispatches each case to its route, reporting each outcome', async () => {
    const a = (await submit()).case;
    const b = (await submit()).case;
    await act('dispatcher', b.id, 'dispatch');
    const res = (await w.clients.dispatcher.post('/api/cases/bulk-dispatch', { caseIds: [a.id, b.id] })).json();
    expect(res.results).toEqual([
      { caseId: a.id, ok: true, code: null, number: a.number },
      { caseId: b.id, ok: false, code: 'case_reason_required', number: null },
    ]);
  });

  it('exports the filtered cases as XLSX, audited; residents may not', async () => {
    const res = await w.clients.dispatcher.get('/api/cases/export.xlsx?box=all');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [row] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.export'`);
    expect(row!.n).toBe(1);
    expect((await w.clients.resident.get('/api/cases/export.xlsx')).statusCode).toBe(403);
  });

  it('serves the state machine table and keeps the audit chain whole', async () => {
    const table = (await t.app.inject({ method: 'GET', url: '/api/public/cases/states' })).json();
    expect(table.states).toContain('objected');
    expect(table.events.find((e: { event: string }) => e.event === 'object')).toMatchObject({ needsReason: true });
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});

describe('photos', () => {
  /** A minimal JPEG with an Exif APP1 segment carrying a GPS marker. */
  function jpegWithGps(): Buffer {
    const exif = Buffer.concat([Buffer.from('Exif\0\0'), Buffer.from('GPSLatitude 39.9042N')]);
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([(exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif]);
    const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]);
    const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0xff, 0xd9]);
    return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, sof, sos]);
  }

  function multipart(bytes: Buffer, type: string) {
    const boundary = '----gz' + Math.random().toString(16).slice(2);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.jpg"\r\nContent-Type: ${type}\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }

  it('keeps the original for staff and gives everyone else a copy without location', async () => {
    const { case: c } = await submit();
    const { body, headers } = multipart(jpegWithGps(), 'image/jpeg');
    const up = await w.clients.resident.post(`/api/cases/${c.id}/photos`, body, headers);
    expect(up.statusCode, up.body).toBe(201);
    const { url } = up.json();
    const mine = await w.clients.resident.get(url);
    expect(mine.headers['content-type']).toBe('image/jpeg');
    expect(mine.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);
    const asked = await w.clients.resident.get(`${url}?original=true`);
    expect(asked.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false); // residents never get the original
    const staff = await w.clients.dispatcher.get(`${url}?original=true`);
    expect(staff.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(true);
    expect((await w.clients.resident2.get(url)).statusCode).toBe(404);
  });

  it('refuses what is not an image, whatever the declared type', async () => {
    const { case: c } = await submit();
    const svg = multipart(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/jpeg');
    const res = await w.clients.resident.post(`/api/cases/${c.id}/photos`, svg.body, svg.headers);
    expect(res.statusCode).toBe(415);
    expect(codeOf(res)).toBe('photo_type_not_allowed');
    const other = multipart(jpegWithGps(), 'image/jpeg');
    expect((await w.clients.resident2.post(`/api/cases/${c.id}/photos`, other.body, other.headers)).statusCode).toBe(404);
  });
});
