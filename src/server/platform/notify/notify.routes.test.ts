import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, login, makeNode, makeUser, type Client, type TestApp } from '../../../../test/helpers/app.js';
import { auditLog } from '../audit/audit.tables.js';
import { inAppAdapter, loggingAdapter, PermanentDeliveryError, type Adapters } from './adapters.js';
import { deliverDue } from './deliver.js';
import { enqueue } from './outbox.js';
import { registerTemplates } from './templates.js';
import { outbox } from './notify.tables.js';
import { notifyModule } from './notify.routes.js';
import type { FastifyBaseLogger } from 'fastify';

registerTemplates({
  'test.notice': {
    'zh-CN': (p) => ({ title: `通知 ${String(p.n)}`, body: '内容' }),
    'en-US': (p) => ({ title: `Notice ${String(p.n)}`, body: 'Body' }),
  },
});

let t: TestApp;
let bob: Client;
let carol: Client;
let admin: Client;
let localAdmin: Client;
let bobId: number;
let carolId: number;
const T0 = new Date('2030-05-01T00:00:00Z');
const quiet = { info: () => undefined, warn: () => undefined };
const failingSms: Adapters['sms'] = {
  send: async () => {
    throw new PermanentDeliveryError('no such number');
  },
};
const adapters: Adapters = { in_app: inAppAdapter, email: loggingAdapter(quiet), sms: failingSms, wechat: loggingAdapter(quiet) };

beforeAll(async () => {
  t = await buildTestApp();
  const district = await makeNode(t.db, { name: '通知区' });
  const street = await makeNode(t.db, { name: '通知街道', level: 'street', parent: district });
  bobId = (await makeUser(t.db, { username: 'nbob' })).id;
  carolId = (await makeUser(t.db, { username: 'ncarol' })).id;
  await makeUser(t.db, { username: 'nadmin', roles: [{ role: 'admin', nodeId: district.id }] });
  await makeUser(t.db, { username: 'nlocal', roles: [{ role: 'admin', nodeId: street.id }] });
  for (let n = 1; n <= 3; n++) await enqueue(t.db, { channel: 'in_app', recipient: String(bobId), template: 'test.notice', params: { n }, now: new Date(T0.getTime() + n) });
  await enqueue(t.db, { channel: 'in_app', recipient: String(carolId), template: 'test.notice', params: { n: 9 }, now: T0 });
  await enqueue(t.db, { channel: 'sms', recipient: '13812345678', template: 'test.notice', params: { n: 5 }, now: T0 });
  await deliverDue(t.db, adapters, new Date(T0.getTime() + 1000));
  [bob, carol, admin, localAdmin] = await Promise.all([login(t.app, 'nbob'), login(t.app, 'ncarol'), login(t.app, 'nadmin'), login(t.app, 'nlocal')]);
});
afterAll(() => t.close());

describe('my notifications', () => {
  it('lists one’s own, newest first, in the reader’s language, with the unread count', async () => {
    const zh = await bob.get('/api/me/notifications');
    expect(zh.statusCode).toBe(200);
    const body = zh.json();
    expect(body).toMatchObject({ total: 3, unread: 3 });
    expect(body.items.map((i: { title: string }) => i.title)).toEqual(['通知 3', '通知 2', '通知 1']);
    expect(body.items[0]).toMatchObject({ template: 'test.notice', body: '内容', link: null, readAt: null, params: { n: 3 } });
    const en = await bob.get('/api/me/notifications?limit=2', { 'accept-language': 'en-US' });
    expect(en.json()).toMatchObject({ total: 3, unread: 3, items: [{ title: 'Notice 3' }, { title: 'Notice 2' }] });
    const second = await bob.get('/api/me/notifications?limit=2&offset=2');
    expect(second.json().items.map((i: { title: string }) => i.title)).toEqual(['通知 1']);
  });

  it('marks one’s own read; another user’s id is not found', async () => {
    const mine = (await bob.get('/api/me/notifications')).json().items as Array<{ id: number }>;
    const carols = (await carol.get('/api/me/notifications')).json().items as Array<{ id: number }>;
    expect(carols).toHaveLength(1);
    const stranger = await bob.post(`/api/me/notifications/${carols[0]!.id}/read`);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.headers['content-type']).toContain('application/problem+json');
    expect((await bob.post('/api/me/notifications/999999999/read')).statusCode).toBe(404);
    expect((await carol.get('/api/me/notifications')).json().unread).toBe(1);

    expect((await bob.post(`/api/me/notifications/${mine[1]!.id}/read`)).statusCode).toBe(204);
    expect((await bob.post(`/api/me/notifications/${mine[1]!.id}/read`)).statusCode).toBe(204); // idempotent
    const after = (await bob.get('/api/me/notifications')).json();
    expect(after.unread).toBe(2);
    expect(after.items[1].readAt).not.toBeNull();
    const unreadOnly = (await bob.get('/api/me/notifications?unreadOnly=true')).json();
    expect(unreadOnly).toMatchObject({ total: 2, unread: 2 });

    const all = await bob.post('/api/me/notifications/read-all');
    expect(all.json()).toEqual({ updated: 2, unread: 0 });
    expect((await bob.get('/api/me/notifications')).json().unread).toBe(0);
    expect((await carol.get('/api/me/notifications')).json().unread).toBe(1);
  });

  it('needs a signed-in account', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/notifications' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/me/notifications/read-all' })).statusCode).toBe(401);
  });
});

describe('outbox administration', () => {
  it('refuses callers without outbox.read', async () => {
    const list = await bob.get('/api/admin/outbox');
    expect(list.statusCode).toBe(403);
    expect(list.json()).toMatchObject({ code: 'forbidden' });
    expect((await bob.post('/api/admin/outbox/1/retry')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/outbox' })).statusCode).toBe(401);
  });

  it('shows nothing to an administrator below the root of the tree', async () => {
    expect((await localAdmin.get('/api/admin/outbox')).json()).toEqual({ items: [], total: 0 });
    const [failed] = await t.db.select().from(outbox).where(eq(outbox.status, 'failed'));
    expect((await localAdmin.post(`/api/admin/outbox/${failed!.id}/retry`)).statusCode).toBe(404);
  });

  it('lists the outbox newest first with filters and masked recipients', async () => {
    const all = (await admin.get('/api/admin/outbox')).json();
    expect(all.total).toBe(5);
    expect(all.items[0]).toMatchObject({ channel: 'sms', recipient: '138****5678', status: 'failed', attempts: 1, lastError: 'PermanentDeliveryError: no such number' });
    expect(JSON.stringify(all)).not.toContain('13812345678');
    const sent = (await admin.get('/api/admin/outbox?status=sent&channel=in_app&limit=2')).json();
    expect(sent.total).toBe(4);
    expect(sent.items).toHaveLength(2);
    expect((await admin.get('/api/admin/outbox?status=failed&channel=email')).json()).toEqual({ items: [], total: 0 });
    expect((await admin.get('/api/admin/outbox?status=bogus')).statusCode).toBe(400);
  });

  it('requeues a failed message, audited; refuses one that did not fail', async () => {
    const [failed] = await t.db.select().from(outbox).where(eq(outbox.status, 'failed'));
    const [sent] = await t.db.select().from(outbox).where(eq(outbox.status, 'sent')).limit(1);
    const refused = await admin.post(`/api/admin/outbox/${sent!.id}/retry`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'outbox_not_failed', title: '只有发送失败的消息可以重新发送' });
    expect((await admin.post('/api/admin/outbox/999999999/retry')).statusCode).toBe(404);

    const res = await admin.post(`/api/admin/outbox/${failed!.id}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: failed!.id, status: 'pending', attempts: 0, lastError: null });
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'notify.outbox.retry'), eq(auditLog.subjectId, String(failed!.id))));
    expect(entry).toMatchObject({ subjectType: 'outbox', actorLabel: 'nadmin' });
    expect((await admin.post(`/api/admin/outbox/${failed!.id}/retry`)).statusCode).toBe(409);
  });
});

describe('the delivery job', () => {
  it('delivers what is due when the scheduler runs it', async () => {
    const job = notifyModule.jobs!.find((j) => j.name === 'notify.deliver')!;
    expect(typeof job.everyMs === 'function' ? job.everyMs(t.app.gz.config) : job.everyMs).toBe(5000);
    await enqueue(t.db, [
      { channel: 'in_app', recipient: String(carolId), template: 'test.notice', params: { n: 10 }, now: T0 },
      { channel: 'wechat', recipient: 'oOpenId123456', template: 'test.notice', params: { n: 11 }, now: T0 },
    ]);
    const lines: unknown[] = [];
    const log = { info: (o: unknown) => lines.push(o), warn: (o: unknown) => lines.push(o), error: () => undefined, debug: () => undefined } as unknown as FastifyBaseLogger;
    const result = await job.run({ db: t.db, now: new Date(T0.getTime() + 60_000), log, config: t.app.gz.config });
    // The two new messages, and the SMS requeued above (now through the default logging adapter).
    expect(result).toMatchObject({ claimed: 3, sent: 3 });
    expect((await carol.get('/api/me/notifications')).json()).toMatchObject({ unread: 2, items: [{ title: '通知 10' }, { title: '通知 9' }] });
    expect(lines).toContainEqual(expect.objectContaining({ channel: 'wechat', to: 'oOpe***56' }));
    expect(lines).toContainEqual(expect.objectContaining({ channel: 'sms', to: '138****5678' }));
    expect(JSON.stringify(lines)).not.toContain('13812345678');
  });
});
